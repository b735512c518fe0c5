/**
 * The offer's own words, taken out of a line before the lexicon reads it. The built-in engine writes
 * the offer into many lines ("Find eco-friendly meal-kit delivery that works well on an ordinary
 * phone"), and the offer's words are the set's topic, not a theme: "eco" is not a wish for
 * sustainability there, nor "friendly" one for company. What is taken out:
 * - the offer as written, and any run of two or more of its words in the offer's order, however
 *   inflected ("meal kits", "budget apps", "language apps", "coding club");
 * - a word in more than three lines of four of the set (the topic when the offer is worded otherwise).
 * A single word of the offer standing alone stays: "Vocabulary forgotten after learning it" speaks to
 * learning whatever the offer is, and "late deliveries" to reliability.
 */
import { contentStems, wordsOf } from '../asking';

/** Words that join the offer's words ("retirement banking in Osaka", "children's coding club"). */
const JOINERS = new Set(['a', 'an', 'the', 'in', 'for', 'of', 'with', 'to', 'and', 'on', 'at', 'by', 'from', 's', 'our', 'my', 'your', 'their', 'this', 'that']);
/** Share of a set's lines above which a word is the set's topic. */
const UBIQUITOUS_LINES = 0.75;
/** What a stripped stretch becomes: a token no cue holds, so no cue spans the gap. */
const GAP = ' _ ';

export interface OfferMask {
  /** The offer's content words, stemmed, in order. */
  readonly stems: readonly string[];
  /** Words that are the set's topic by their spread, as normalized. */
  readonly ubiquitous: ReadonlySet<string>;
  /** The normalized line (normalizeForMatch) with the offer's words taken out. */
  strip(normalized: string): string;
}

function stemOf(word: string): string {
  return contentStems(word)[0] ?? word;
}

/** `offer` as the brief analysis reads it ("eco-friendly meal-kit delivery"); `lines` are all the set's goals and pain points. */
export function offerMask(offer: string, lines: readonly string[] = []): OfferMask {
  const named = /^\s*(the offer)?\s*$/i.test(offer) ? [] : wordsOf(offer);
  const stems = named.filter((w) => !JOINERS.has(w)).map(stemOf);
  const ubiquitous = new Set<string>();
  if (lines.length >= 4) {
    const seen = new Map<string, number>();
    for (const line of lines) for (const w of new Set(wordsOf(line))) if (!JOINERS.has(w) && w.length >= 3) seen.set(w, (seen.get(w) ?? 0) + 1);
    for (const [w, n] of seen) if (n > lines.length * UBIQUITOUS_LINES) ubiquitous.add(w);
  }
  return {
    stems,
    ubiquitous,
    strip(normalized: string): string {
      if (stems.length === 0 && ubiquitous.size === 0) return normalized;
      const words = normalized.trim() === '' ? [] : normalized.trim().split(' ');
      const out: string[] = [];
      let i = 0;
      while (i < words.length) {
        const end = runEnd(words, i, stems);
        if (end > i) {
          out.push(GAP.trim());
          i = end;
          continue;
        }
        out.push(ubiquitous.has(words[i]!) ? GAP.trim() : words[i]!);
        i += 1;
      }
      return ` ${out.join(' ')} `;
    },
  };
}

/**
 * Where a run of the offer's words starting at `start` ends (exclusive), or `start` when there is
 * none: two or more of the offer's content words in its order, joined only by joining words.
 */
function runEnd(words: readonly string[], start: number, stems: readonly string[]): number {
  if (stems.length < 2) return start;
  const first = stems.indexOf(stemOf(words[start]!));
  if (first < 0) return start;
  let at = first;
  let count = 1;
  let end = start + 1;
  let j = start + 1;
  while (j < words.length) {
    const w = words[j]!;
    const k = stems.indexOf(stemOf(w), at + 1);
    if (k > at) {
      at = k;
      count += 1;
      end = j + 1;
      j += 1;
    } else if (JOINERS.has(w)) {
      j += 1;
    } else {
      break;
    }
  }
  return count >= 2 ? end : start;
}
