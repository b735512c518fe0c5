/**
 * `persona-studio ask` and `persona-studio concept`: a question to one persona of a saved run (an
 * interview, saved with the run) or to several or all of them (a focus group), and a concept test.
 * The same service as the app; what they say is saved in the data folder, so the app shows it.
 */
import type { Core } from '../main/core';
import { defaultDataDir } from '../main/platform';
import type { ConceptTest, FocusGroup } from '../shared/conversations';
import { conceptInputSchema, questionSchema } from '../shared/conversations';
import type { Persona } from '../shared/persona';
import { PROVIDER_IDS } from '../shared/vocabulary';
import { parseFlags, UsageError, type CliIo } from './args';
import { withCore } from './work-helpers';

export const ASK_USAGE = `persona-studio ask <runId> [--persona NAME|ID ...] "<question>" [--provider NAME] [--json] [--data DIR]

  Asks the personas of a saved run a question. With one --persona it is an interview with that
  persona (saved with the run) and prints the answer alone; with several, or none for the whole
  set, it is a focus group and prints "Name: answer" lines, then the themes, who agrees and who
  objects. The built-in engine answers from each persona's profile and the brief only; an LLM
  (--provider ${PROVIDER_IDS.filter((p) => p !== 'offline').join(' | ')}) answers in character from the same.

  --persona NAME|ID  a persona of the run, by id or name; repeat it for several
  --provider NAME    ${PROVIDER_IDS.join(' | ')} (default: the one chosen in settings)
  --json             print the interview turn or the focus group as JSON
  --data DIR         data folder (default ${defaultDataDir()})`;

export const CONCEPT_USAGE = `persona-studio concept <runId> "<concept>" [--price TEXT] [--provider NAME] [--json] [--data DIR]

  Tests a concept (a product idea, an ad line) on every persona of a saved run: each gives a
  likelihood from 1 to 5 with reasons and objections tied to its profile; prints the distribution,
  the top reasons and objections and the segments that differ. Saved with the run.

  --price TEXT       the price to test, e.g. "€12 a month"
  --provider NAME    ${PROVIDER_IDS.join(' | ')} (default: the one chosen in settings)
  --json             print the concept test as JSON
  --data DIR         data folder (default ${defaultDataDir()})`;

export async function runAsk(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, { persona: { type: 'string', multiple: true }, provider: { type: 'string' }, json: { type: 'boolean' }, data: { type: 'string' } });
  const [runId, question, ...extra] = positionals;
  if (!runId) throw new UsageError('ask needs the id of a run and a question: persona-studio ask <runId> "What would stop you from ordering?"');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"; put the whole question in one pair of quotes`);
  const asked = questionSchema.safeParse(question ?? '');
  if (!asked.success) throw new UsageError(`the question ${asked.error.issues[0]!.message}`);
  const providerId = provider(values.provider);
  const named = (values.persona as string[] | undefined) ?? [];
  return withCore(values.data, io, (core) =>
    cancellable(async (signal) => {
      const personas = named.map((text) => findPersona(core, runId, text));
      const ids = [...new Set(personas.map((p) => p.id!))];
      if (ids.length === 1) {
        const { turn } = await core.asking.interviews.ask({ runId, personaId: ids[0]!, question: asked.data, providerId, signal });
        if (values.json) io.out(JSON.stringify(turn, null, 2));
        else io.out(turn.answer.text);
        if (turn.answer.cut) io.err(`warning: ${turn.answer.cutReason ?? 'the answer stopped before its end'}`);
        return 0;
      }
      const group = await core.asking.panels.askGroup({ runId, ...(ids.length ? { personaIds: ids } : {}), question: asked.data, providerId, signal });
      if (values.json) io.out(JSON.stringify(group, null, 2));
      else printGroup(group, io);
      return 0;
    }),
  );
}

export async function runConcept(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, { price: { type: 'string' }, provider: { type: 'string' }, json: { type: 'boolean' }, data: { type: 'string' } });
  const [runId, text, ...extra] = positionals;
  if (!runId) throw new UsageError('concept needs the id of a run and a concept: persona-studio concept <runId> "Meal kits delivered by bike" --price "€12"');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"; put the whole concept in one pair of quotes`);
  const concept = conceptInputSchema.safeParse({ text: text ?? '', ...(values.price !== undefined ? { price: values.price } : {}) });
  if (!concept.success) {
    const issue = concept.error.issues[0]!;
    throw new UsageError(`${issue.path[0] === 'price' ? '--price' : 'the concept'} ${issue.message}`);
  }
  const providerId = provider(values.provider);
  return withCore(values.data, io, (core) =>
    cancellable(async (signal) => {
      const test = await core.asking.panels.testConcept({ runId, concept: concept.data, providerId, signal });
      if (values.json) io.out(JSON.stringify(test, null, 2));
      else printConcept(test, io);
      return 0;
    }),
  );
}

function provider(value: string | undefined): string | undefined {
  if (value !== undefined && !(PROVIDER_IDS as readonly string[]).includes(value)) throw new UsageError(`--provider must be one of ${PROVIDER_IDS.join(', ')} (got ${JSON.stringify(value)})`);
  return value;
}

/** A persona of the run by id, else by name (any case); an unknown or ambiguous one is a usage error listing the run's personas. */
function findPersona(core: Core, runId: string, text: string): Persona {
  const personas = core.workshops.getRun(runId).document?.personas ?? [];
  const wanted = text.trim();
  const byId = personas.find((p) => p.id === wanted);
  if (byId) return byId;
  const named = personas.filter((p) => p.name.toLocaleLowerCase() === wanted.toLocaleLowerCase());
  if (named.length === 1) return named[0]!;
  const choices = (named.length > 1 ? named : personas).map((p) => `"${p.name}" (${p.id})`).join(', ');
  if (named.length > 1) throw new UsageError(`--persona "${text}" matches ${named.length} personas; give its id: ${choices}`);
  throw new UsageError(`--persona "${text}" is not a persona of run ${runId}; its personas are ${choices || 'none'}`);
}

/** Runs `work` with a signal that Ctrl+C fires: an answer cut short is kept, as in the app. */
async function cancellable(work: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
  }
}

function printGroup(group: FocusGroup, io: CliIo): void {
  for (const { personaName, answer } of group.answers) io.out(`${personaName}: ${answer.text.trim() || `(no answer: ${answer.cutReason ?? 'none came'})`}${answer.cut && answer.text.trim() ? ' [cut]' : ''}`);
  const names = new Map(group.answers.map((a) => [a.personaId, a.personaName]));
  const people = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join(', ');
  io.out('');
  for (const theme of group.summary.themes) io.out(`Theme: ${theme.label} (${people(theme.personaIds)})`);
  // Only who clearly agrees or objects: an empty side is left out, not printed as "nobody".
  if (group.summary.agree.length) io.out(`Agree: ${people(group.summary.agree)}`);
  if (group.summary.object.length) io.out(`Object: ${people(group.summary.object)}`);
}

function printConcept(test: ConceptTest, io: CliIo): void {
  const { summary } = test;
  io.out(`Concept: ${test.concept.text}${test.concept.price ? ` at ${test.concept.price}` : ''}`);
  io.out(`Mean likelihood ${summary.mean.toFixed(1)} of 5 from ${test.verdicts.length} personas`);
  summary.distribution.forEach((n, i) => io.out(`  ${i + 1} ${'#'.repeat(n).padEnd(Math.max(...summary.distribution))} ${n}`));
  for (const v of test.verdicts) io.out(`${v.personaName}: ${v.likelihood}/5 ${[...v.reasons.map((r) => `+ ${r.text}`), ...v.objections.map((o) => `- ${o.text}`)].join(' ')}`.trimEnd());
  if (summary.topReasons.length) io.out(`Top reasons: ${summary.topReasons.map((r) => `${r.text} (${r.count})`).join('; ')}`);
  if (summary.topObjections.length) io.out(`Top objections: ${summary.topObjections.map((r) => `${r.text} (${r.count})`).join('; ')}`);
  if (summary.segments.length) io.out('Segments that differ:');
  for (const s of summary.segments) io.out(`  ${s.label}: mean ${s.mean.toFixed(1)} (${s.personas} ${s.personas === 1 ? 'persona' : 'personas'})`);
  io.out(`Saved as concept test ${test.id} of run ${test.runId}`);
}
