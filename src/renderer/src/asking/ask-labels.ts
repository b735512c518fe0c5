/** The words the asking panels show for profile fields, engines, likelihoods and segments: never a raw key. */
import type { Answer, ProfileField } from '../../../shared/conversations';
import { engineLabel } from '../ui/labels';


/** A profile field inside a sentence: "drawn from her pain points and values". */
export const FIELD_WORDS: Record<ProfileField, string> = {
  goals: 'goals',
  painPoints: 'pain points',
  values: 'values',
  interests: 'interests',
  channels: 'channels',
  incomeBracket: 'income bracket',
  occupation: 'occupation',
  location: 'home town',
  age: 'age',
  household: 'household',
  culturalProfile: 'cultural tastes',
  bio: 'life story',
  quote: 'own words',
  b2b: 'business profile',
  brief: 'the brief',
};

/** "goals, pain points and values". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export const isOffline = (answer: Pick<Answer, 'source'>): boolean => answer.source.engine === 'offline';

/**
 * Where an answer came from, in a sentence. The built-in engine says which profile fields it stood
 * on, so the reader knows nothing was invented; a model's engine and model are named instead.
 */
export function sourceText(answer: Answer, personaName: string): string {
  if (isOffline(answer)) {
    const fields = answer.grounding.filter((f) => f !== 'brief').map((f) => FIELD_WORDS[f]);
    const from = fields.length > 0 ? `${personaName}’s ${listInWords(fields)}` : `${personaName}’s profile`;
    const brief = answer.grounding.includes('brief') ? `${fields.length > 1 ? ',' : ''} and the brief` : '';
    return `Offline answer, drawn only from the profile: ${from}${brief}.`;
  }
  const model = answer.source.model ? ` (${answer.source.model})` : '';
  return `Answered by ${engineLabel(answer.source.engine)}${model}${answer.fromCache ? ', from the cache' : ''}.`;
}

export const LIKELIHOODS = [1, 2, 3, 4, 5] as const;

/** What a likelihood from 1 to 5 means. */
export const LIKELIHOOD_WORDS: Record<number, string> = {
  1: 'would not buy',
  2: 'unlikely',
  3: 'maybe',
  4: 'likely',
  5: 'would certainly buy',
};

export const formatMean = (mean: number): string => mean.toFixed(1);

/** "12 May, 14:03": when something was asked, short enough for a list row. */
export function whenText(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "1 person: 0, 2: 1, …" as a chart's caption reads its bars. */
export function distributionText(distribution: readonly number[], mean: number): string {
  return `${LIKELIHOODS.map((l) => `${l} (${LIKELIHOOD_WORDS[l]}): ${distribution[l - 1] ?? 0}`).join(', ')}; mean ${formatMean(mean)} of 5`;
}
