/** The grouped summary of a persona set, pure: the facts (segments, themes, differences, implications) and the prose composed from them. */
import type { SetSummary } from '../../shared/summary';
import { differencesOf } from './differences';
import { groupedProse } from './grouped-prose';
import { implicationsOf } from './implications';
import { segmentsOf } from './segments';
import { groupThemes, toSummaryThemes, type SetPersona, type ThemeGroup } from './themes';

export interface ComposeInput {
  runId: string;
  personas: readonly SetPersona[];
  /** The brief's offer in a few words ("eco-friendly meal-kit delivery"); its words are the set's topic, not a theme. */
  offer: string;
  now?: Date;
}

export interface Composed {
  summary: SetSummary;
  /** The theme groups with every line under each, for the model's prompt and for checking membership. */
  groups: ThemeGroup[];
}

export function composeSummary(input: ComposeInput): Composed {
  const { personas } = input;
  const groups = groupThemes(personas, input.offer);
  const themes = toSummaryThemes(groups, personas);
  const differences = differencesOf(personas);
  const implications = implicationsOf(groups, differences, personas.length, input.offer);
  const segments = segmentsOf(personas);
  const prose = groupedProse(personas, { segments, implications, themes }, groups, differences);
  return {
    groups,
    summary: {
      runId: input.runId,
      personaCount: personas.length,
      method: 'grouped',
      writtenBy: null,
      fallbackReason: null,
      prose,
      segments,
      themes,
      differences: differences.map(({ label, detail, personaIds }) => ({ label, detail, personaIds })),
      implications,
      composedAt: (input.now ?? new Date()).toISOString(),
    },
  };
}
