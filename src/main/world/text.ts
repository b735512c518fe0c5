/** Text matching shared by brief analysis and the engine: accent- and case-insensitive, by word prefix. */

/** Lowercase, accents removed, punctuation turned into single spaces, padded with one space each side. */
export function normalizeForMatch(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${plain} `;
}

/**
 * normalizeForMatch for the dataset's keywords and aliases, remembered: every brief checks the
 * same thousands of them, and normalising them again each time was most of a brief's analysis.
 * Bounded, so that text from elsewhere passing through cannot grow it without end.
 */
export function normalizedKeyword(keyword: string): string {
  let key = keywordCache.get(keyword);
  if (key === undefined) {
    if (keywordCache.size >= MAX_REMEMBERED_KEYWORDS) keywordCache.clear();
    key = normalizeForMatch(keyword);
    keywordCache.set(keyword, key);
  }
  return key;
}
const keywordCache = new Map<string, string>();
const MAX_REMEMBERED_KEYWORDS = 50_000;

/** Whether a normalized text contains the keyword at the start of a word (stems match longer words). */
export function containsWordPrefix(normalizedText: string, keyword: string): boolean {
  const key = normalizedKeyword(keyword).trimEnd();
  return key.trim().length > 0 && normalizedText.includes(key);
}

/** Whether a normalized text contains the phrase as whole words. */
export function containsWords(normalizedText: string, phrase: string): boolean {
  const key = normalizedKeyword(phrase);
  return key.trim().length > 0 && normalizedText.includes(key);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "an" or "a" before a word, by its sound as far as spelling tells. */
export function indefiniteArticle(word: string): 'a' | 'an' {
  const w = word.toLowerCase();
  if (/^(hour|honest|honou?r|heir)/.test(w)) return 'an';
  if (/^(uni|use|usu|eu|one|once|ur[aeiou])/.test(w)) return 'a';
  return /^[aeiou]/.test(w) ? 'an' : 'a';
}

/** Lowercases the first letter unless the word is an acronym ("IT manager" stays). */
export function lowerFirst(text: string): string {
  if (/^\p{Lu}{2}/u.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Fills {name} placeholders; unknown ones are left visible so a data mistake shows in tests. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}
