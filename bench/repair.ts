/**
 * repairPersonaDocument on a five-persona answer of about 3 KB, damaged as LLMs damage answers
 * (prose, fence, snake_case and synonym keys, ages and places as text, trailing commas, a comment,
 * single quotes, Python literals) and clean, each beside its peer in the same run: jsonrepair
 * alone on the damaged text, JSON.parse plus a zod array check on the clean one.
 * A third line times a Markdown answer of about 3 KB with three personas (issue 22's importer).
 * Targets on one core: at least 2,000 damaged, 20,000 clean and 2,000 Markdown repairs a second.
 */
import { jsonrepair } from 'jsonrepair';
import { z } from 'zod';
import { repairPersonaDocument } from '../src/main/validation/repair-persona-document';
import { personaSimpleSchema } from '../src/shared/persona';
import { damageLikeAnLlm, enginePersonas } from '../test/support/llm-answers';
import { measure, measurePair } from './_measure';

const BATCH = 200;
// Engine personas shortened to the size of a typical five-persona LLM answer (about 3 KB).
const personas = (await enginePersonas('simple', 5, 7)).map((p) => ({
  ...p,
  bio: String(p.bio).split('. ')[0] + '.',
  goals: (p.goals as string[]).slice(0, 2),
  painPoints: (p.painPoints as string[]).slice(0, 2),
  interests: (p.interests as string[]).slice(0, 2),
}));
const clean = JSON.stringify(personas);
const damaged = damageLikeAnLlm(personas);
console.log(`answers: clean ${(clean.length / 1024).toFixed(1)} KB, damaged ${(damaged.length / 1024).toFixed(1)} KB, 5 simple personas; ${BATCH} repairs per timed batch`);

const check = repairPersonaDocument(damaged, { level: 'simple', count: 5 });
if (check.document.personas.length !== 5) throw new Error('the damaged answer did not repair to five personas');
const cleanCheck = repairPersonaDocument(clean, { level: 'simple', count: 5 });
if (cleanCheck.report.issues.length !== 0) throw new Error(`the clean answer reported issues: ${JSON.stringify(cleanCheck.report.issues[0])}`);

// Written in the styles of the import corpus: headings with role subtitles, bold labels, section bullets.
const mdPersona = (name: string, role: string, age: number, job: string, city: string, bio: string) =>
  `## ${name} — ${role}\n\n**Age:** ${age}\n**Occupation:** ${job}\n**City:** ${city}\n\n${bio}\n\n### Goals\n- Spend less time on admin every week\n- Keep clients informed without extra calls\n- See the month's numbers at a glance\n\n### Pain points\n- Tools that need a desktop computer\n- Prices that change at renewal\n- Reports that cannot be exported\n\n### Quote\n> "If it takes more than a minute, I will not use it."\n`;
const markdown = [
  'Sure! Here are three personas for the field-service scheduling app.\n',
  mdPersona('Sarah Chen', 'The Busy Founder', 34, 'Founder', 'Austin', 'Sarah runs a twelve-person cleaning company she started in 2019. She books jobs from her phone between site visits, keeps the rota in a shared spreadsheet and answers customer messages late at night, after her daughter is asleep.'),
  mdPersona('Marcus Oyelaran', 'The Pragmatic Buyer', 41, 'Operations manager', 'Lagos', 'Marcus coordinates forty technicians across three cities. He judges software by whether his site leads can use it on a weak 3G connection, and he has been burned by vendors whose demos promised more than the product delivered.'),
  mdPersona('Ingrid Solheim', 'The Cautious Controller', 52, 'Financial controller', 'Bergen', 'Ingrid signs off every software contract above a fixed threshold. She wants a predictable annual cost, an audit trail her external auditor accepts without questions, and fewer spreadsheets passed around by email.'),
  'Let me know if you would like these in JSON as well.',
].join('\n---\n\n');
const markdownCheck = repairPersonaDocument(markdown, { level: 'simple', count: 3 });
if (markdownCheck.document.personas.map((p) => p.name).join() !== 'Sarah Chen,Marcus Oyelaran,Ingrid Solheim') throw new Error('the Markdown answer did not repair to its three personas');
console.log(`markdown answer: ${(markdown.length / 1024).toFixed(1)} KB, 3 personas`);

const batch = (fn: () => unknown) => () => {
  for (let i = 0; i < BATCH; i++) fn();
};
const perSecond = (medianMs: number) => Math.round(BATCH / (medianMs / 1000));
const options = { warmup: 10, repeat: 31 };

const peerArray = z.array(personaSimpleSchema);
const [damagedRepair, damagedPeer] = await measurePair(
  ['repairPersonaDocument, damaged answer', 'peer: jsonrepair alone, damaged answer'],
  [batch(() => repairPersonaDocument(damaged, { level: 'simple', count: 5 })), batch(() => jsonrepair(damaged.slice(damaged.indexOf('{'), damaged.lastIndexOf('}') + 1)))],
  options,
);
const [cleanRepair, cleanPeer] = await measurePair(
  ['repairPersonaDocument, clean answer', 'peer: JSON.parse + zod array check, clean'],
  [batch(() => repairPersonaDocument(clean, { level: 'simple', count: 5 })), batch(() => peerArray.parse(JSON.parse(clean)))],
  options,
);

const markdownRepair = await measure('repairPersonaDocument, Markdown answer', batch(() => repairPersonaDocument(markdown, { level: 'simple', count: 3 })), options);

const damagedPerS = perSecond(damagedRepair.median);
const markdownPerS = perSecond(markdownRepair.median);
const cleanPerS = perSecond(cleanRepair.median);
console.log(`damaged: ${damagedPerS}/s vs jsonrepair alone ${perSecond(damagedPeer.median)}/s; clean: ${cleanPerS}/s vs JSON.parse + zod ${perSecond(cleanPeer.median)}/s`);
console.log(`targets: damaged >= 2000/s (${damagedPerS >= 2000 ? 'met' : 'MISSED'}), clean >= 20000/s (${cleanPerS >= 20000 ? 'met' : 'MISSED'}), markdown >= 2000/s (${markdownPerS >= 2000 ? 'met' : 'MISSED'})`);
console.log(`peers: jsonrepair_per_s=${perSecond(damagedPeer.median)} parse_zod_per_s=${perSecond(cleanPeer.median)}`);
console.log(`repair: damaged_per_s=${damagedPerS} clean_per_s=${cleanPerS} markdown_per_s=${markdownPerS}`);
