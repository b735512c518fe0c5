/**
 * What imported personas are scored and filled against: the description the user gave, read as a
 * generation reads its brief; without one, nothing about place, age, audience or product is asked
 * of them, so only consistency, repetition and how much was repaired or filled count.
 */
import type { Brief, Level, Persona } from '../../shared/persona';
import { MAX_PERSONAS } from '../../shared/persona';
import { fidelityContextFor } from '../generation';
import { AppError } from '../platform';
import { scoreSet, type FidelityContext } from '../validation';
import { analyzeBrief, type TasteDataset } from '../world';

/** The shortest description a brief holds (briefSchema): a shorter one cannot be stored with the run. */
const MIN_DESCRIPTION = 10;
/** Read in place of a description when there is none: words that name no place, age, audience or product. */
const NEUTRAL = 'people described in an imported document';

/** The brief the description makes, or undefined when there is none; refused when too short to store. */
export function briefFor(description: string | undefined, level: Level, count: number): Brief | undefined {
  const text = description?.trim();
  if (!text) return undefined;
  if ([...text].length < MIN_DESCRIPTION) {
    throw new AppError('invalid_request', `The description "${text}" is too short: describe the product and audience in at least ${MIN_DESCRIPTION} characters, or leave it empty`, 'description');
  }
  return { description: text, count: Math.min(MAX_PERSONAS, Math.max(1, count)), level };
}

export function fidelityContext(brief: Brief | undefined, level: Level, dataset: TasteDataset): FidelityContext {
  const resolved = { description: brief?.description ?? NEUTRAL, location: undefined, segment: undefined, count: brief?.count ?? 1, level, seed: 0, language: 'en' };
  const context = fidelityContextFor(analyzeBrief(resolved, dataset), resolved, dataset);
  if (brief) return context;
  // An empty cue is found in any text: with no product named, no persona can miss it.
  return { ...context, ageRange: null, stage: null, place: { label: 'anywhere', countries: [], near: [] }, domain: { label: 'the product', cues: [''] } };
}

/** Each persona's fidelity score and reasons, the set judged together (repetition), as every run's. */
export function scorePersonas(personas: readonly Persona[], context: FidelityContext): Array<{ score: number; reasons: string[] }> {
  return scoreSet(personas, context, personas.map((p) => ({ repaired: p.meta?.repaired?.length ?? 0, filled: p.meta?.filled?.length ?? 0, filledFields: p.meta?.filled ?? [] })));
}
