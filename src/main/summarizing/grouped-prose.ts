/**
 * The four paragraphs composed from the grouped facts alone (the built-in engine, and the stand-in
 * whenever a model's prose cannot be used): who they are, what they share, where they differ, what
 * it suggests. Every number in it is one the facts hold.
 */
import type { SetSummary } from '../../shared/summary';
import { capitalize, indefiniteArticle, lowerFirst } from '../world';
import { countryName, type Difference } from './differences';
import { listWords, quotedWords } from './prose-lists';
import { NOT_STATED, type LifeStage } from './life-stage';
import type { SetPersona, ThemeGroup } from './themes';

const STAGE_WORDS: Record<Exclude<LifeStage, typeof NOT_STATED>, [string, string]> = {
  Retired: ['is retired', 'are retired'],
  'Parent of young children': ['is a parent of young children', 'are parents of young children'],
  Student: ['is a student', 'are students'],
  'Parent of teenagers': ['is a parent of teenagers', 'are parents of teenagers'],
  'Parent of grown-up children': ['is a parent of grown-up children', 'are parents of grown-up children'],
  "Parent (children's ages not stated)": ['is a parent', 'are parents'],
  'Expecting a child': ['is expecting a child', 'are expecting a child'],
  'Couple without children': ['lives as a couple without children', 'live as couples without children'],
  'Living with a partner': ['lives with a partner', 'live with a partner'],
  'Sharing a home': ['shares a home with others', 'share a home with others'],
  'Living with parents': ['lives with their parents', 'live with their parents'],
  'Living alone': ['lives alone', 'live alone'],
};

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

function count(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

export function groupedProse(personas: readonly SetPersona[], facts: Pick<SetSummary, 'segments' | 'implications' | 'themes'>, themes: readonly ThemeGroup[], differences: readonly Difference[]): SetSummary['prose'] {
  return { who: who(personas, facts.segments), shared: shared(personas, themes, facts.themes[0]?.quote), differ: differ(differences), suggests: facts.implications.slice(0, 3).join(' ') };
}

function who(personas: readonly SetPersona[], segments: SetSummary['segments']): string {
  const n = personas.length;
  if (n === 0) return 'The run holds no personas.';
  const ages = personas.map((p) => p.age).sort((a, b) => a - b);
  const places = segments.find((s) => s.by === 'place')!.groups;
  const ageText = ages[0] === ages.at(-1) ? `aged ${ages[0]}` : `aged ${ages[0]} to ${ages.at(-1)}`;
  const countries = [...new Set(personas.map((p) => p.location.country.trim()))];
  const cities = [...new Set(places.map((g) => personas.find((p) => p.id === g.personaIds[0])!.location.city.trim()))];
  const placeText =
    places.length === 1
      ? `${n === 1 ? '' : 'all '}in ${places[0]!.label}`
      : countries.length === 1
        ? `in ${someOf(cities)} (${countries[0]})`
        : `in ${someOf(countries.map(countryName))}`;
  const sentences = [n === 1 ? `One persona, ${ageText}, ${placeText}.` : `${capitalize(count(n))} personas, ${ageText}, ${placeText}.`];
  const stages = segments.find((s) => s.by === 'lifeStage')!.groups;
  const stated = stages.filter((g) => g.label !== NOT_STATED);
  const unstated = stages.find((g) => g.label === NOT_STATED)?.personaIds.length ?? 0;
  if (stated.length > 0) {
    const parts = stageParts(stated, n);
    const rest = unstated > 0 ? `; ${count(unstated)} ${unstated === 1 ? 'does' : 'do'} not say` : '';
    sentences.push(`${n === 1 ? 'By their own account, this persona ' : 'By their own account, '}${listWords(parts)}${rest}.`);
  } else if (n > 1) {
    sentences.push('None of their profiles states a life stage (children, retirement, study, who they live with).');
  }
  const occupations = [...new Set(personas.map((p) => p.occupation.trim()))];
  const listed = occupations.slice(0, 3);
  const more = occupations.length > 3 ? ', among others' : '';
  // "They work as a nurse"; "retired postman" is not work, so the occupations are then listed as written.
  if (listed.length > 0) sentences.push(listed.every((o) => !NOT_WORK.test(o)) ? `They work as ${listWords(listed.map(workWords))}${more}.` : `Their occupations: ${listWords(listed.map(lowerTitle))}${more}.`);
  const income = segments.find((s) => s.by === 'income')!.groups.filter((g) => g.label !== NOT_STATED);
  const top = [...income].sort((a, b) => b.personaIds.length - a.personaIds.length)[0];
  if (top && n > 1 && top.personaIds.length * 2 > n) sentences.push(top.personaIds.length === n ? `All are on ${lowerFirst(top.label)}s.` : `Most are on ${lowerFirst(top.label)}s.`);
  return sentences.join(' ');
}

const CHILDREN_OF: Partial<Record<LifeStage, string>> = { 'Parent of young children': 'young children', 'Parent of teenagers': 'teenagers', 'Parent of grown-up children': 'grown-up children' };

/**
 * The stated life stages as a reader takes them in: "all eight are retired"; parents counted once,
 * with their children's ages where stated ("three are parents (one of grown-up children)"), not
 * "two are parents and one is a parent of grown-up children".
 */
function stageParts(stated: SetSummary['segments'][number]['groups'], n: number): string[] {
  const words = (label: string, k: number) => STAGE_WORDS[label as keyof typeof STAGE_WORDS][k === 1 ? 0 : 1];
  const who = (k: number) => (n === 1 ? '' : k === n ? `all ${count(k)} ` : `${count(k)} `);
  const parents = stated.filter((g) => g.label.startsWith('Parent'));
  const parts: string[] = [];
  let parentsSaid = false;
  for (const g of stated) {
    const k = g.personaIds.length;
    if (!g.label.startsWith('Parent') || parents.length === 1) {
      parts.push(`${who(k)}${words(g.label, k)}`);
      continue;
    }
    if (parentsSaid) continue;
    parentsSaid = true;
    const total = parents.reduce((sum, p) => sum + p.personaIds.length, 0);
    const ages = parents.filter((p) => CHILDREN_OF[p.label as LifeStage]).map((p) => `${count(p.personaIds.length)} of ${CHILDREN_OF[p.label as LifeStage]!}`);
    parts.push(`${who(total)}${total === 1 ? 'is a parent' : 'are parents'} (${listWords(ages)})`);
  }
  return parts;
}

/** Up to four names, "and elsewhere" for the rest. */
function someOf(names: readonly string[]): string {
  return names.length > 4 ? `${names.slice(0, 4).join(', ')} and elsewhere` : listWords(names);
}

const NOT_WORK = /^(retired|former|ex-|unemployed|between jobs|student|homemaker|stay-at-home)|\b(student|retired|pupil)\b/i;

/** "Hospital nurse" in running text; a title in capitals ("Head of Procurement") and other scripts stay as written. */
function lowerTitle(occupation: string): string {
  return /^[A-Z][a-z]/.test(occupation) && !/\s[A-Z]/.test(occupation) ? lowerFirst(occupation) : occupation;
}

/** An occupation as it reads after "They work as": "a hospital nurse". */
function workWords(occupation: string): string {
  if (!/^[A-Za-z]/.test(occupation)) return occupation;
  const title = lowerTitle(occupation);
  return `${articleFor(title)} ${title}`;
}

/**
 * "a" or "an" by the sound: the world's indefiniteArticle, and the "u" that sounds "you" which it
 * misses ("a utility customer service agent", "a ubiquitous", "a UX designer"; still "an umbrella",
 * "an unpaid intern", "an Uber driver").
 */
function articleFor(phrase: string): 'a' | 'an' {
  // Letters read one by one ("UX designer") take the article of their sound, which for U is "a".
  if (/^U[A-Z]/.test(phrase)) return 'a';
  const w = phrase.toLowerCase();
  if (/^u(?!n|b[e]r)[bcdfgklmprstvz][aeiou]/.test(w) && !/^u[bcdfgklmprstvz]{2}/.test(w)) return 'a';
  return indefiniteArticle(phrase);
}

function themePhrase(theme: ThemeGroup): string {
  if (theme.lexicon) return theme.kind === 'pain' ? theme.lexicon.painPhrase : theme.lexicon.needPhrase;
  return `${theme.kind === 'pain' ? 'frustrations with' : 'goals around'} ${quotedWords(theme.words)}`;
}

function shared(personas: readonly SetPersona[], themes: readonly ThemeGroup[], quote: SetSummary['themes'][number]['quote'] | undefined): string {
  const n = personas.length;
  if (themes.length === 0) return n <= 1 ? 'With one persona there is nothing shared to report.' : 'They share no goal or pain point: each names different goals and frustrations, so the set reads as separate cases rather than one segment.';
  const of = (t: ThemeGroup) => `${themePhrase(t)} (${t.personaIds.length} of ${n})`;
  if (themes[0]!.personaIds.length < 2) {
    // A set of one or two whose lines meet nowhere: what stands out, not what is shared.
    const standing = themes.slice(0, 3).map((t) => `${themePhrase(t)} (${t.kind === 'pain' ? 'a pain point' : 'a goal'} of ${personas.find((p) => p.id === t.personaIds[0])?.name ?? 'one'})`);
    return `${n === 1 ? 'What stands out' : 'They share no goal or pain point; what stands out'} is ${listWords(standing)}.${quote ? ` ${quoted(quote)}` : ''}`;
  }
  const pains = themes.filter((t) => t.kind === 'pain').slice(0, 3);
  const needs = themes.filter((t) => t.kind === 'need').slice(0, 3);
  const sentences: string[] = [];
  if (pains.length > 0) sentences.push(`Their most shared pain point${pains.length === 1 ? ' is' : 's are'} ${listWords(pains.map(of))}.`);
  if (needs.length > 0) sentences.push(`Their most shared goal${needs.length === 1 ? ' is' : 's are'} ${listWords(needs.map(of))}.`);
  if (quote) sentences.push(quoted(quote));
  return sentences.join(' ');
}

/**
 * A theme's line as the profile gives it. Goals and pain points are often phrases, not speech ("A meal kit priced
 * with fees that only appear at the end"), so they are credited to the profile, capitalised and ended as a sentence.
 */
function quoted(quote: NonNullable<SetSummary['themes'][number]['quote']>): string {
  const text = quote.text.trim();
  const sentence = `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?…]$/.test(text) ? '' : '.'}`;
  return `In ${quote.personaName}’s profile: “${sentence}”`;
}

function differ(differences: readonly Difference[]): string {
  if (differences.length === 0) return 'They differ little in income, age, place or the channels they use.';
  return differences
    .slice(0, 4)
    .map((d) => d.detail)
    .join(' ');
}
