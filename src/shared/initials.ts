/**
 * A person's initials for an avatar: the first and last capitalised words ("Nor Azizah binti Azlan"
 * → "NA"); in scripts without capitals (Arabic, Chinese) the first letters of the first and last
 * words, kept apart by a zero-width non-joiner ("ليلى حداد" → "ل‌ح"), or the first character of a
 * one-word name ("李娜" → "李").
 */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w));
  const chosen = capitalised.length > 0 ? capitalised : words;
  const first = [...(chosen[0] ?? '?')][0]!;
  const last = chosen.length > 1 ? [...chosen.at(-1)!][0]! : '';
  // Letters of a joining script (Arabic, Syriac, N'Ko…) stay apart, as initials, not one shaped word.
  const apart = last && /[\u0600-\u08ff]/u.test(first) ? '\u200c' : '';
  return `${first}${apart}${last}`.toUpperCase();
}
