/**
 * What each Qloo Insights lookup sends (/v2/insights, docs.qloo.com: Parameter Reference and Entity
 * Type Parameter Guide): the entity type, how many, the brief's ages and gender as signals, and
 * where, in the form each type takes:
 * - food is urn:entity:place narrowed to restaurants by filter.tags (a place lookup without it
 *   returns hotels, landmarks and shops worldwide) and to the brief's place by filter.location.query;
 * - destinations (urn:entity:destination) require signal.interests.entities: the entities the
 *   other lookups found stand for the audience's taste; they are sent no demographic or place
 *   signal (Qloo has answered destination lookups with audience signals "does not yet support
 *   audience requests"), the interests already carry both;
 * - the others take the brief's place as signal.location.query.
 */
import type { CulturalCategory } from '../../../shared/persona';
import type { BriefAnalysis } from '../../world';

/** Each persona category as a Qloo entity type (food: the places people eat at). */
export const ENTITY_TYPES: Record<CulturalCategory, string> = {
  music: 'urn:entity:artist',
  movies: 'urn:entity:movie',
  tv: 'urn:entity:tv_show',
  books: 'urn:entity:book',
  brands: 'urn:entity:brand',
  food: 'urn:entity:place',
  podcasts: 'urn:entity:podcast',
  destinations: 'urn:entity:destination',
};

/** Qloo's place tag for restaurants (urn:tag:genre:place:restaurant:<cuisine> narrows further). */
export const RESTAURANT_TAG = 'urn:tag:genre:place:restaurant';

/** Qloo's age buckets against the dataset's six bands (16-24 ... 65+). */
const AGE_BUCKETS: ReadonlyArray<{ id: string; from: number; to: number }> = [
  { id: '35_and_younger', from: 16, to: 35 },
  { id: '36_to_55', from: 36, to: 55 },
  { id: '55_and_older', from: 56, to: 120 },
];

/** The brief's demographic signals, shared by every lookup. */
export function demographicSignals(analysis: BriefAnalysis): Record<string, string> {
  const [from, to] = analysis.ageRange;
  const buckets = AGE_BUCKETS.filter((b) => b.from <= to && b.to >= from).map((b) => b.id);
  return {
    ...(buckets.length ? { 'signal.demographics.age': buckets.join(',') } : {}),
    ...(analysis.gender ? { 'signal.demographics.gender': analysis.gender } : {}),
  };
}

/** The brief's place as Qloo is asked to resolve it: its first city, else its first country. */
export function placeOf(analysis: BriefAnalysis): string | undefined {
  return analysis.place.cities[0]?.city.name ?? analysis.place.countries[0]?.name;
}

export interface LookupQuery {
  category: CulturalCategory;
  take: number;
  /** The place, unless Qloo could not resolve it before. */
  place?: string;
  /** Entity ids standing for the audience's taste (destinations only). */
  interests?: readonly string[];
}

export function insightsParams(query: LookupQuery, analysis: BriefAnalysis): URLSearchParams {
  const { category, place } = query;
  const params = new URLSearchParams({ 'filter.type': ENTITY_TYPES[category], take: String(query.take) });
  if (category === 'destinations') {
    params.set('signal.interests.entities', (query.interests ?? []).join(','));
    return params;
  }
  for (const [name, value] of Object.entries(demographicSignals(analysis))) params.set(name, value);
  if (category === 'food') {
    params.set('filter.tags', RESTAURANT_TAG);
    if (place) params.set('filter.location.query', place);
  } else if (place) params.set('signal.location.query', place);
  return params;
}
