/** Words more than one screen shows: counts in words and the engines' names (the brief form, History, Settings). */
import { PROVIDER_IDS, type PaperSize, type ProviderId, type ReportTemplate } from '../../../shared/vocabulary';

/** "1 persona", "2 personas"; `many` for words whose plural is not the singular plus s. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const ENGINE_LABELS: Record<ProviderId, string> = {
  offline: 'Built-in (offline)',
  ollama: 'Ollama',
  openai: 'OpenAI-compatible server',
  gemini: 'Gemini',
};

/** The engines a generation can use, as the brief form and the Settings "Default engine" select name them. */
export const ENGINE_OPTIONS: ReadonlyArray<{ value: ProviderId; label: string }> = PROVIDER_IDS.map((value) => ({ value, label: ENGINE_LABELS[value] }));

export function engineLabel(id: string): string {
  return ENGINE_OPTIONS.find((option) => option.value === id)?.label ?? id;
}

/** The PDF report's templates and paper sizes in words, for the export row and Settings alike. */
export const TEMPLATE_LABELS: Record<ReportTemplate, string> = { client: 'Client report', internal: 'Internal report' };
export const TEMPLATE_ABOUT: Record<ReportTemplate, string> = {
  client: 'The personas, their summary and what they were asked: ready to hand to a client.',
  internal: 'Adds how the run was made: the engine, repairs, fidelity scores and timings.',
};
export const PAPER_LABELS: Record<PaperSize, string> = { a4: 'A4', letter: 'US Letter' };
