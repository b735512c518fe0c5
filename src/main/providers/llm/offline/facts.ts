/**
 * The facts a persona's profile asserts (who they live with, partner and since when, how long they
 * have lived where they are, work, money, the season they spend away, their pet) and the ages they
 * need. Facts are fixed once from the identity and the brief; every sentence's facts are read with
 * the tags of bios.json and a sentence joins a bio only if it agrees with everything already said.
 */
import type { BriefAnalysis, TasteDataset } from '../../../world';
import type { Identity } from './people';

/** bios.json: templates, slot lists and the tags that say what a sentence asserts. */
export type BioTemplates = TasteDataset['bioTemplates'];

/** One value per kind: two sentences agree when every kind both assert has the same value. */
export interface Facts {
  values: ReadonlyMap<string, string>;
  minAge: number;
  maxAge: number;
}

export const NO_FACTS: Facts = { values: new Map(), minAge: 0, maxAge: 200 };

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70 };

/** "four" → 4, "thirty-five" → 35, "12" → 12. */
export function numberOf(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  const small = NUMBER_WORDS.indexOf(w);
  if (small >= 0) return small;
  const [tens, unit] = w.split('-');
  if (tens && TENS[tens] !== undefined) return TENS[tens]! + (unit ? Math.max(0, NUMBER_WORDS.indexOf(unit)) : 0);
  return undefined;
}

/** 4 → "four", 35 → "35": small numbers read better as words. */
export function numberWord(n: number): string {
  return n <= 12 ? NUMBER_WORDS[n]! : String(n);
}

type Tag = BioTemplates['tags'][number];
const compiled = new WeakMap<Tag, RegExp>();
const patternOf = (tag: Tag) => {
  let re = compiled.get(tag);
  if (!re) compiled.set(tag, (re = new RegExp(tag.match, 'iu')));
  return re;
};

/** The facts a sentence asserts, by the tags of bios.json (the first tag to set a kind wins), and the age any "N years" in it needs. */
/**
 * What a sentence asserts, memoised per tag table: the same lines are read for every persona of every run, and
 * running each tag's pattern over every candidate made the engine ten times slower. Facts are never mutated.
 */
export function readFacts(sentence: string, tags: readonly Tag[]): Facts {
  let known = factsRead.get(tags);
  if (!known) factsRead.set(tags, (known = new Map()));
  const found = known.get(sentence);
  if (found) return found;
  const facts = readFactsAfresh(sentence, tags);
  if (known.size >= MAX_REMEMBERED) known.clear();
  known.set(sentence, facts);
  return facts;
}

const factsRead = new WeakMap<readonly Tag[], Map<string, Facts>>();
const MAX_REMEMBERED = 20_000;

function readFactsAfresh(sentence: string, tags: readonly Tag[]): Facts {
  const values = new Map<string, string>();
  let minAge = 0;
  let maxAge = 200;
  for (const tag of tags) {
    const m = patternOf(tag).exec(sentence);
    if (!m) continue;
    const captured = m.slice(1).find((g) => g !== undefined);
    const n = captured !== undefined ? numberOf(captured) : undefined;
    for (const [kind, value] of Object.entries(tag.set ?? {})) {
      if (!values.has(kind)) values.set(kind, value === '$1' ? String(n ?? captured) : value);
    }
    if (tag.minAge !== undefined) minAge = Math.max(minAge, tag.minAge);
    if (tag.maxAge !== undefined) maxAge = Math.min(maxAge, tag.maxAge);
    if (tag.minAgePlus !== undefined && n !== undefined) minAge = Math.max(minAge, n + tag.minAgePlus);
  }
  // Anything that has gone on for N years began when the person was at least a child.
  for (const m of sentence.matchAll(/\b([\w-]+) (?:more )?years\b(?! old)/giu)) {
    const n = numberOf(m[1]!);
    if (n !== undefined) minAge = Math.max(minAge, n + 12);
  }
  return { values, minAge, maxAge };
}

export function agrees(a: Facts, b: Facts): boolean {
  for (const [kind, value] of b.values) {
    const mine = a.values.get(kind);
    if (mine !== undefined && mine !== value) return false;
  }
  return Math.max(a.minAge, b.minAge) <= Math.min(a.maxAge, b.maxAge);
}

export function merge(a: Facts, b: Facts): Facts {
  const values = new Map(a.values);
  for (const [kind, value] of b.values) if (!values.has(kind)) values.set(kind, value);
  return { values, minAge: Math.max(a.minAge, b.minAge), maxAge: Math.min(a.maxAge, b.maxAge) };
}

/** What the identity and the brief settle before any sentence is chosen: the age, work, income, former job, season and pet. */
export function identityFacts(who: Identity, analysis: BriefAnalysis, templates: BioTemplates): Facts {
  const values = new Map<string, string>();
  values.set('status', who.b2b ? 'working' : who.work);
  const title = who.occupation.toLowerCase();
  if (/\bfull[- ]time\b/.test(title)) values.set('hours', 'full');
  if (/\bpart[- ]time\b/.test(title)) values.set('hours', 'part');
  if (who.income === 'low' || who.income === 'lower-middle') values.set('money', 'modest');
  if (who.income === 'upper-middle' || who.income === 'high') values.set('money', 'comfortable');
  if (who.work === 'retired') {
    // A retiree's former work: a line may name only that one.
    const job = templates.formerJobs.find((j) => new RegExp(j.titles, 'iu').test(title));
    values.set('formerJob', job?.id ?? `other:${title}`);
  }
  const brief = `${analysis.text} ${analysis.product}`.toLowerCase();
  if (/\bwinter|\bski|\bsnow/.test(brief)) values.set('winter', 'here');
  if (/\bsummer|\bbeach|\bcamping/.test(brief)) values.set('summer', 'here');
  const dogs = /\bdogs?\b|\bpupp/.test(brief);
  const cats = /\bcats?\b|\bkitten/.test(brief);
  if (dogs !== cats) values.set('pet', dogs ? 'dog' : 'cat');
  return { values, minAge: who.age, maxAge: who.age };
}
