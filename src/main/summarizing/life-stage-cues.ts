/**
 * The shape of one language's life-stage cues (life-stage-languages.ts reads them; the tables are in
 * life-stage-cues-romance.ts and life-stage-cues-other.ts). Each cue is a phrase the language uses to
 * state the stage of the persona itself, never a lone word: precision comes before recall.
 */
export interface LanguageCues {
  /** The persona retired, in occupation or bio, once `retiredOthers` (a parent, a client, a retired van) is taken out. */
  retired: RegExp;
  retiredOthers: RegExp;
  /** A student occupation, and a bio sentence that says the persona studies. */
  studentJob: RegExp;
  studentSelf: RegExp;
  /** "Pas d'enfants", "sin hijos", "kinderlos": no children of its own. */
  childFree: RegExp;
  /** Children the phrase makes the persona's own (global): "leurs deux enfants", "mère de trois enfants", "有两个孩子". */
  children: RegExp;
  /** Grown-up children or grandchildren stated (global), counted as the persona's own like `children`. */
  grown: RegExp;
  /** Words before a child mention in its sentence that make it someone else's: a class, a client, a novel's heroine. */
  notOwn: RegExp;
  /** Words near a child mention that give an age: nursery, primary school; secondary school, teenager. */
  young: RegExp;
  teen: RegExp;
  /** Spans that give children's ages (global), and the number words inside them. */
  ages: RegExp;
  numbers: Readonly<Record<string, number>>;
  partner: RegExp;
  /** A partner who is not one now (global, taken out first): ex-husband, late wife, divorced, not married. */
  notPartner: RegExp;
  sharing: RegExp;
  withParents: RegExp;
  alone: RegExp;
  /** A relative named before "studies" in a sentence: the son studies, not the persona. */
  relatives: RegExp;
  /** Someone else named before a cue in its sentence (a sister, a friend, a colleague): the children, partner or retirement are theirs. */
  others: RegExp;
}

/**
 * A regular expression whose `\b` is a boundary between letters of any script (JavaScript's `\b` is
 * ASCII-only, so "mari" would match inside "marié"; `\w` likewise takes any letter) and whose `NUM` stands for the language's number words.
 */
export function cue(source: string, flags = 'iu', numbers: Readonly<Record<string, number>> = {}): RegExp {
  const words = Object.keys(numbers)
    .sort((a, b) => b.length - a.length)
    .join('|');
  const num = `(?:${words ? `${words}|` : ''}\\d{1,2})`;
  // A `\b` before a word only looks back, one after it only looks ahead: cheaper than both ways at every position.
  const full = source.replaceAll('NUM', num);
  const bounded = full.replace(/\\b/g, (_, at: number) => (/^(?:\(\?[!=]|[|)\s,]|\\s|$)/.test(full.slice(at + 2)) ? '(?![\\p{L}\\p{N}])' : '(?<![\\p{L}\\p{N}])'));
  return new RegExp(bounded.replaceAll('\\w', '[\\p{L}\\p{N}]'), flags);
}

/** Numbers 1–19 in a language, from a list whose position is the value (several spellings share a value with "/"). */
export function numberWords(list: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  list.forEach((spellings, i) => {
    for (const word of spellings.split('/')) out[word] = i + 1;
  });
  return out;
}
