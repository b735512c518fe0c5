/**
 * A product phrase as a noun phrase, so that templates can put it in any slot and stay grammatical:
 * "a lawn care subscription", "online classes" (plural), "dry dog food" (mass), "the subscription".
 */
import { indefiniteArticle } from './text';

export interface NounPhrase {
  /** The phrase without a leading article: "lawn care subscription". */
  core: string;
  /** Its last noun: "subscription", "classes", "food". */
  head: string;
  plural: boolean;
  /** Uncountable: "food", "insurance", "tutoring", "software". */
  mass: boolean;
}

const LEADING_ARTICLE = /^(a|an|the)\s+/i;
const MASS_HEADS = new Set([
  'food', 'insurance', 'cover', 'coverage', 'care', 'software', 'advice', 'money', 'data', 'equipment', 'furniture', 'clothing',
  'clothes', 'apparel', 'wear', 'transport', 'transportation', 'energy', 'electricity', 'power', 'solar', 'fitness', 'nutrition',
  'skincare', 'makeup', 'fashion', 'travel', 'childcare', 'healthcare', 'homecare', 'eldercare', 'support', 'help', 'coffee', 'tea',
  'water', 'milk', 'feed', 'fertiliser', 'fertilizer', 'seed', 'finance', 'credit', 'childcare', 'hardware', 'security', 'therapy',
  'treatment', 'medicine', 'medication', 'formula', 'produce', 'jewellery', 'jewelry', 'luggage', 'gear', 'delivery', 'hosting',
  'storage', 'research', 'training', 'education', 'tuition', 'entertainment', 'music', 'content', 'gas', 'fuel', 'internet', 'broadband',
  'wifi', 'banking', 'insurance', 'petfood', 'kibble', 'bedding', 'housing', 'accommodation', 'legal', 'accounting', 'payroll',
]);
/** Words ending in s that are not plurals. */
const SINGULAR_S = /(ss|us|is|ics|ness|news|gas|bus|plus|series|species|ous)$/;

export function nounPhrase(phrase: string): NounPhrase {
  const core = phrase.trim().replace(LEADING_ARTICLE, '');
  const head = (core.split(/\s+/).at(-1) ?? core).split('-').at(-1)!.toLowerCase().replace(/[^\p{L}]/gu, '');
  const plural = /s$/.test(head) && !SINGULAR_S.test(head) && !MASS_HEADS.has(head);
  const mass = !plural && (MASS_HEADS.has(head) || (/ing$/.test(head) && head.length > 5));
  return { core, head, plural, mass };
}

/** "a lawn care subscription", "online classes", "dry dog food": the phrase as something one finds or picks. */
export function indefinite(np: NounPhrase): string {
  return np.plural || np.mass ? np.core : `${indefiniteArticle(np.core)} ${np.core}`;
}

/** "the lawn care subscription". */
export function definite(np: NounPhrase): string {
  return `the ${np.core}`;
}

/** The short name for a second mention: "the subscription", "the classes"; "it" would lose the thing. */
export function shortName(np: NounPhrase): string {
  return `the ${np.core.split(/\s+/).at(-1)!.replace(/^.*-(?=\p{L}{3,}$)/u, '')}`;
}

const IRREGULAR_PLURAL_VERBS: Readonly<Record<string, string>> = {
  is: 'are', has: 'have', does: 'do', was: 'were', "doesn't": "don't", "isn't": "aren't", "hasn't": "haven't", "wasn't": "weren't", "that's": 'that are', "it's": "they're",
};

/** The verb as a plural subject needs it: "assumes" → "assume", "goes" → "go", "carries" → "carry". */
export function pluralVerb(verb: string): string {
  const lower = verb.toLowerCase();
  if (IRREGULAR_PLURAL_VERBS[lower]) return IRREGULAR_PLURAL_VERBS[lower];
  if (/[^aeiou]ies$/.test(lower)) return verb.slice(0, -3) + 'y';
  if (/(ss|sh|ch|x|z|o)es$/.test(lower)) return verb.slice(0, -2);
  if (/[^s]s$/.test(lower)) return verb.slice(0, -1);
  return verb;
}
