/**
 * The offer a brief sells, in a few words: the words before "for …" ("eco-friendly meal-kit
 * delivery"), and for a brief in another language the offer's English name from its domain
 * ("Fahrradversicherung" → "bike insurance"), since the personas are written in English.
 */
import { kindsOf, GENERIC_DOMAIN, type Domain } from './audience';
import { indefinite, nounPhrase } from './noun-phrase';
import { containsWordPrefix, lowerFirst, normalizeForMatch } from './text';

const AUDIENCE_START = /\s(?:for|aimed at|targeting|to help|that helps|among|pour|für|para|per|voor|dla|için|untuk)\s/i;
const MAX_WORDS = 8;

/** The words that name the offer, as written: "Scooter rental", "Aplicación de entrega de comida"; '' when there are none. */
export function productWords(description: string): string {
  const head = description.split(AUDIENCE_START)[0] ?? '';
  const cleaned = head.replace(/[.!?;:]+$/, '').trim();
  return cleaned.split(/\s+/).length > MAX_WORDS ? '' : cleaned;
}

// Words common in briefs in each language: English ones against everyone else's.
const ENGLISH_WORDS = new Set(['for', 'the', 'and', 'with', 'of', 'to', 'who', 'their', 'on', 'at', 'from', 'living', 'young', 'people', 'app', 'service']);
const OTHER_WORDS = new Set([
  'für', 'und', 'mit', 'der', 'die', 'das', 'den', 'im', 'ein', 'eine', 'pour', 'les', 'des', 'avec', 'et', 'à', 'au', 'aux', 'dans', 'sur',
  'para', 'con', 'los', 'las', 'del', 'y', 'em', 'com', 'os', 'as', 'do', 'da', 'dos', 'das', 'per', 'di', 'il', 'gli', 'voor', 'met', 'van', 'het', 'een',
  'de', 'la', 'le', 'el', 'en', 'und', 'bei', 'nach', 'zum', 'zur', 'untuk', 'dan', 'yang', 'için', 've',
]);

/** Whether the brief reads as English: more of its common words are English ones than another language's. */
export function isEnglish(description: string): boolean {
  const words = description.toLowerCase().split(/[^\p{L}']+/u).filter(Boolean);
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  const other = words.filter((w) => OTHER_WORDS.has(w)).length;
  return english >= other;
}

/** The offer's English name from the domain the product words matched: the kind's ("cat food"), else the domain's. */
export function englishName(domains: readonly Domain[], words: string): string | null {
  const domain = domains[0];
  if (!domain || domain.id === GENERIC_DOMAIN) return null;
  const normalized = normalizeForMatch(words);
  const kind = kindsOf(domain, normalized)[0];
  if (!kind) return domain.product ?? null;
  const narrower = Object.entries(kind.names).find(([keyword]) => containsWordPrefix(normalized, keyword));
  return narrower?.[1] ?? kind.name;
}

/** "eco-friendly meal-kit delivery for busy parents in Lyon" → "eco-friendly meal-kit delivery"; "a language school". */
export function productOf(description: string, domains: readonly Domain[]): string {
  const words = productWords(description);
  if (words.length === 0) return 'the offer';
  if (!isEnglish(description)) {
    // Another language's words would sit untranslated in English lines; when no English name is known they keep their case (German nouns).
    const english = englishName(domains, words);
    return english ? indefinite(nounPhrase(english)) : words;
  }
  const phrase = lowerFirst(words);
  return /^(our|my|your|their|this|that|one)\s/i.test(phrase) ? phrase : indefinite(nounPhrase(phrase));
}
