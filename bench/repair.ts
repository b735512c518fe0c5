/**
 * repairPersonaDocument on a five-persona answer of about 3 KB, damaged as LLMs damage answers
 * (prose, fence, snake_case and synonym keys, ages and places as text, trailing commas, a comment,
 * single quotes, Python literals) and clean, each beside its peer in the same run: jsonrepair
 * alone on the damaged text, JSON.parse plus a zod array check on the clean one.
 * Targets on one core: at least 2,000 damaged and 20,000 clean repairs a second.
 */
import { jsonrepair } from 'jsonrepair';
import { z } from 'zod';
import { repairPersonaDocument } from '../src/main/validation/repair-persona-document';
import { personaSimpleSchema } from '../src/shared/persona';
import { damageLikeAnLlm, enginePersonas } from '../test/support/llm-answers';
import { measurePair } from './_measure';

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

const damagedPerS = perSecond(damagedRepair.median);
const cleanPerS = perSecond(cleanRepair.median);
console.log(`damaged: ${damagedPerS}/s vs jsonrepair alone ${perSecond(damagedPeer.median)}/s; clean: ${cleanPerS}/s vs JSON.parse + zod ${perSecond(cleanPeer.median)}/s`);
console.log(`targets: damaged >= 2000/s (${damagedPerS >= 2000 ? 'met' : 'MISSED'}), clean >= 20000/s (${cleanPerS >= 20000 ? 'met' : 'MISSED'})`);
console.log(`repair: damaged_per_s=${damagedPerS} clean_per_s=${cleanPerS} jsonrepair_per_s=${perSecond(damagedPeer.median)} parse_zod_per_s=${perSecond(cleanPeer.median)}`);
