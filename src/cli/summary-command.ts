/**
 * `persona-studio summary <runId>`: the executive summary of a saved run's persona set, the same one
 * the Workshop shows (stored in the data folder, so a model is not asked again for an unchanged set).
 */
import { defaultDataDir } from '../main/platform';
import type { SetSummary } from '../shared/summary';
import { parseFlags, UsageError, type CliIo } from './args';
import { withCore } from './work-helpers';

export const SUMMARY_USAGE = `persona-studio summary <runId> [--json] [--data DIR]

  The executive summary of a saved run's personas: who they are (by life stage as their profiles
  state it, age, place and income), the needs and pain points they share with counts and a quote
  each, where they differ, and what that suggests for the brief's offer. For a run an LLM generated,
  that engine writes the prose over the same facts (the built-in composition stands in, saying why,
  when it cannot). Kept with the run until its personas change.

  --json             print the summary as JSON
  --data DIR         data folder (default ${defaultDataDir()})`;

export async function runSummary(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' }, data: { type: 'string' } });
  const [runId, ...extra] = positionals;
  if (!runId) throw new UsageError('summary needs the id of a run: persona-studio summary <runId> (persona-studio runs list shows them)');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"; summary takes one run id`);
  return withCore(values.data, io, async (core) => {
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once('SIGINT', onSignal);
    try {
      const summary = await core.summaries.ofRun(runId, controller.signal);
      if (values.json) io.out(JSON.stringify(summary, null, 2));
      else printSummary(summary, io);
      if (summary.fallbackReason) io.err(`warning: ${summary.fallbackReason}`);
      return 0;
    } finally {
      process.off('SIGINT', onSignal);
    }
  });
}

function printSummary(summary: SetSummary, io: CliIo): void {
  // Only the paragraphs can be a model's: the themes, counts and quotes are always grouped from the personas.
  const by = summary.method === 'model' ? `paragraphs written by ${summary.writtenBy ?? 'the model'}, facts grouped from the set's own fields` : "composed from the set's own fields";
  io.out(`Summary of run ${summary.runId}: ${summary.personaCount} ${summary.personaCount === 1 ? 'persona' : 'personas'}, ${by}`);
  const sections: Array<[string, string]> = [
    ['Who they are', summary.prose.who],
    ['What they share', summary.prose.shared],
    ['Where they differ', summary.prose.differ],
    ['What it suggests', summary.prose.suggests],
  ];
  for (const [title, text] of sections) io.out(`\n${title}\n  ${text}`);
  const names = new Map(summary.themes.flatMap((t) => [[t.quote.personaId, t.quote.personaName] as const]));
  io.out('\nSegments');
  for (const segment of summary.segments) io.out(`  ${segment.label}: ${segment.groups.map((g) => `${g.label} (${g.personaIds.length})`).join(', ')}`);
  if (summary.themes.length) io.out('\nThemes');
  for (const theme of summary.themes) io.out(`  ${theme.kind === 'pain' ? 'Pain' : 'Need'}: ${theme.label}, ${theme.personaIds.length} of ${summary.personaCount}; ${names.get(theme.quote.personaId) ?? theme.quote.personaName}: “${theme.quote.text}”`);
  if (summary.differences.length) io.out('\nDifferences');
  for (const difference of summary.differences) io.out(`  ${difference.label}: ${difference.detail}`);
  if (summary.implications.length) io.out('\nImplications');
  for (const implication of summary.implications) io.out(`  - ${implication}`);
}
