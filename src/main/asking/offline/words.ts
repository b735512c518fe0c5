/**
 * Word matching for the built-in engine: content words, light stems and a few synonym groups, so
 * that "pricing", "prices" and "cheap" meet and "the", "you" or "really" never count as overlap.
 */
import { normalizeForMatch } from '../../world';

const STOP_WORDS = new Set(
  `a about above after again against all almost also although always am an and any anyone anything are around as at away be because been before being
  below between both but by can cannot could did do does doing done down during each either else enough even ever every few for from further get gets
  getting go goes going got had has have having he her here hers herself him himself his how however i if in into is it its itself just least less
  let like likely lot lots made make makes many may maybe me might more most much must my myself need needs never no nor not now of off often on once
  one only onto or other others otherwise our ours ourselves out over own per perhaps quite rather really same say says see seem seems shall she
  should since so some something somebody someone sometimes still such than that the their theirs them themselves then there these they thing things
  this those though through thus to too toward towards under until up upon us use used using very via was way ways we well were what whatever when
  where whether which while who whom whose why will with within without would yes yet you your yours yourself yourselves d ll m re s t ve don doesn
  didn isn wasn aren won wouldn couldn shouldn haven hasn hadn can't etc ok okay oh hmm`.split(/\s+/),
);

/** Light synonym groups: a word in a group matches every other word of it. Kept small to avoid false friends. */
const SYNONYM_GROUPS: ReadonlyArray<readonly string[]> = [
  ['price', 'cost', 'cheap', 'afford', 'budget', 'expensive', 'money', 'fee', 'pay', 'pricey', 'bargain', 'discount'],
  ['time', 'quick', 'fast', 'minute', 'hour', 'rush', 'speed', 'busy'],
  ['eco', 'green', 'sustainab', 'environment', 'planet', 'waste', 'recycl', 'compost', 'carbon', 'climate'],
  ['health', 'healthy', 'nutriti', 'wellbeing', 'diet'],
  ['family', 'kid', 'child', 'children', 'parent', 'famil'],
  ['easy', 'simple', 'simplicity', 'convenien', 'hassle', 'effortless'],
  ['cancel', 'commit', 'contract', 'flexib', 'pause', 'lock'],
  ['local', 'neighbourhood', 'neighborhood', 'nearby', 'community'],
  ['quality', 'reliab', 'durable', 'sturdy'],
  ['fresh', 'seasonal', 'season'],
  ['safe', 'secure', 'security', 'privacy', 'private', 'trust'],
];

/** A word's light stem: plural, -ing and -ed endings off, a final e dropped, at most seven letters, so "prices", "pricing" and "price" meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || w.endsWith('ss')) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else {
    for (const suffix of ['ingly', 'ings', 'ing', 'edly', 'ed', 'es', 's']) {
      if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
        w = w.slice(0, -suffix.length);
        break;
      }
    }
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  // Long words meet by their first seven letters: "subscription" and "subscribe", "sustainable" and "sustainability".
  return w.slice(0, 7);
}

const GROUP_OF = new Map<string, number>();
SYNONYM_GROUPS.forEach((group, index) => group.forEach((word) => GROUP_OF.set(stem(word), index)));

/** The synonym group a stem belongs to, by prefix (so "sustainab" covers "sustainable" and "sustainability"). */
function groupOf(s: string): number | undefined {
  const exact = GROUP_OF.get(s);
  if (exact !== undefined) return exact;
  for (const [key, group] of GROUP_OF) if (key.length >= 5 && s.startsWith(key)) return group;
  return undefined;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** The words of a text as normalizeForMatch sees them (lowercase, no accents, no punctuation). */
export function wordsOf(text: string): string[] {
  const plain = normalizeForMatch(text).trim();
  return plain === '' ? [] : plain.split(' ');
}

/** Content words' stems: stop words, single letters and numbers out. */
export function contentStems(text: string, extraStops?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const word of wordsOf(text)) {
    if (word.length < 3 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    const s = stem(word);
    if (extraStops?.has(s)) continue;
    out.push(s);
  }
  return out;
}

/** A comparable key: the stem's synonym group when it has one, else the stem. */
export function matchKey(s: string): string {
  const group = groupOf(s);
  return group === undefined ? s : `#${group}`;
}

export function keysOf(text: string, extraStops?: ReadonlySet<string>): Set<string> {
  return new Set(contentStems(text, extraStops).map(matchKey));
}

/**
 * How strongly an item meets a text: 1 per stem they share, ½ per word that only meets through a
 * synonym group ("parents" and "family holidays"), so a synonym alone never makes a match.
 */
export function matchStrength(item: { stems: ReadonlySet<string>; keys: ReadonlySet<string> }, stems: ReadonlySet<string>, keys: ReadonlySet<string>): number {
  let exact = 0;
  const exactKeys = new Set<string>();
  for (const s of item.stems) {
    if (stems.has(s)) {
      exact++;
      exactKeys.add(matchKey(s));
    }
  }
  let synonyms = 0;
  for (const key of item.keys) if (keys.has(key) && !exactKeys.has(key)) synonyms++;
  // An item of a word or two ("Flexibility") is all synonym when it meets one ("cancel any time").
  return exact + (item.stems.size <= 2 ? synonyms : synonyms / 2);
}

/** How many keys two sets share. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const key of a) if (b.has(key)) n++;
  return n;
}

/** The first word of `text` whose key is among `keys`, as written: what a rule quotes when it says why it fired. Stems in `skip` are passed over. */
export function firstMatchingWord(text: string, keys: ReadonlySet<string>, skip?: ReadonlySet<string>): string | undefined {
  for (const word of text.split(/[^\p{L}\p{N}'-]+/u)) {
    const parts = wordsOf(word);
    if (parts.some((p) => p.length >= 3 && !STOP_WORDS.has(p) && !skip?.has(stem(p)) && keys.has(matchKey(stem(p))))) return word.toLowerCase();
  }
  return undefined;
}

/** A 32-bit FNV-1a hash, to mix a persona and a question into a seed. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Sentences of a text, each with its end punctuation. */
export function sentencesOf(text: string): string[] {
  return (text.match(/[^.!?]+(?:[.!?]+["'”’)]*|$)/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
}
