/** Lists written as a sentence reads them, for the summary's prose, labels and suggestions. */

/** "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** Words in quotation marks, listed: “late”, “refund” and “driver”. */
export function quotedWords(words: readonly string[]): string {
  return listWords(words.map((w) => `“${w}”`));
}
