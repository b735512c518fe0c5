/**
 * The words a focus-group theme may be named by: whole words as written (a hyphenated "role-based"
 * stays one word, never "bas"), keyed by their light stem so "deliveries" meets "delivery", without
 * stop words and the verbs and fillers every answer uses ("find", "people", "really").
 */
import { normalizeForMatch } from '../../world';
import { isStopWord, sentencesOf } from './words';

/** Words any answer may use whatever it is about: sharing one says nothing about a shared topic. */
const NOT_A_THEME = new Set(
  `find finds finding found people person get gets getting got want wants wanted make makes making made need needs needed like likes liked think thinks thought
  try tries trying tried use uses using know knows knew feel feels felt thing things lot lots way ways kind sort bit every little keep keeps look looks looking
  come comes coming take takes taking give gives giving put puts say says said tell tells good great better best right sure maybe probably honestly actually
  pretty quite able mean means truth point fact part whole enough matter matters honest worth idea ideas chance anyway usually definitely happily give something
  anything everything nothing someone everyone things stuff yeah yes help helps helped app apps service services product products platform tool tools option
  work works working worked live lives living lived day days week weeks month months year years com del des les los las und der die das von por para pour avec`.split(/\s+/),
);

export interface ThemeWord {
  key: string;
  /** As written; the first word of a sentence lowercased, so its capital does not read as a name. */
  surface: string;
  /** Capitalised inside a sentence: a name or a title rather than a common word. */
  titled: boolean;
}

const capitalised = (word: string | undefined) => word !== undefined && /^\p{Lu}/u.test(word);

/** The theme words of a text, in order; `stops` holds keys that never count (the question's own words, the speakers' names). */
export function themeWordsOf(text: string, stops: ReadonlySet<string> = new Set()): ThemeWord[] {
  const out: ThemeWord[] = [];
  for (const sentence of sentencesOf(text)) {
    const raws = sentence.split(/[^\p{L}\p{N}-]+/u).map((w) => w.replace(/^-+|-+$/g, '')).filter((w) => w.length > 0);
    raws.forEach((raw, index) => {
      const parts = normalizeForMatch(raw).trim().split(' ').filter((p) => p.length > 0);
      if (parts.length === 0 || parts.every((p) => p.length < 3 || isStopWord(p) || NOT_A_THEME.has(p))) return;
      const plain = parts.join('-');
      if (plain.length < 3 || /^[\d-]+$/.test(plain) || NOT_A_THEME.has(plain)) return;
      const key = themeKey(plain);
      if (stops.has(key)) return;
      // A small word between two capitalised ones is part of the title too ("Świat według Kiepskich", "Game of Thrones").
      const titled = index > 0 && (capitalised(raw) || (capitalised(raws[index - 1]) && capitalised(raws[index + 1])));
      out.push({ key, surface: index === 0 ? raw.toLowerCase() : raw, titled });
    });
  }
  return out;
}

/**
 * A word's key: plural, -ing and -ed endings and a final e off, whole (the matcher's seven-letter cut
 * would make "industrial" of "industry"), a hyphenated word as one: "deliveries" and "delivery" meet, "delivers" does not.
 */
export function themeKey(plainWord: string): string {
  let w = plainWord;
  if (w.length <= 3 || w.endsWith('ss')) return w;
  if (/[^aeiou]ies$|[^aeiou]ied$/.test(w)) w = `${w.slice(0, -3)}y`;
  else w = w.replace(/(?:ings|ing|ed|es|s)$/, (suffix) => (w.length - suffix.length >= 3 ? '' : suffix));
  return w.length > 3 && w.endsWith('e') ? w.slice(0, -1) : w;
}

/** For each key, the form most often written. */
export function surfaceForms(words: readonly ThemeWord[]): Map<string, string> {
  const seen = new Map<string, Map<string, number>>();
  for (const { key, surface } of words) {
    const forms = seen.get(key) ?? new Map<string, number>();
    forms.set(surface, (forms.get(surface) ?? 0) + 1);
    seen.set(key, forms);
  }
  return new Map([...seen].map(([key, forms]) => [key, [...forms].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))[0]![0]]));
}
