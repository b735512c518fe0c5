/**
 * Needs (goals) and pain points (painPoints) grouped into themes. A line goes under every lexicon
 * theme whose cue it holds (theme-lexicon.ts); a lexicon theme stands when at least two personas
 * hold such a line (one, in a set of one or two). Lines no standing lexicon theme took are grouped
 * by the content words they share, as the focus group groups answers (summarizeAnswers), line by
 * line (wordGroups); never by the offer's words, a word most personas use, or an everyday verb. A theme's personas
 * are exactly those with a line under it, and its quote is one of those lines, word for word.
 */
import type { Persona } from '../../shared/persona';
import type { SummaryTheme } from '../../shared/summary';
import { contentStems, wordsOf } from '../asking';
import { normalizeForMatch } from '../world';
import { quotedWords } from './prose-lists';
import { cueMeets, isWeakCue, lineStems } from './line-words';
import { offerMask, type OfferMask } from './offer-words';
import { THEME_LEXICON, type LexiconTheme } from './theme-lexicon';

export type SetPersona = Persona & { id: string };
export type ThemeKind = 'need' | 'pain';

/** One goal or pain line under a theme, with how strongly it speaks to it (cues or shared words it holds). */
export interface GroupedLine {
  personaId: string;
  text: string;
  strength: number;
}

export interface ThemeGroup {
  label: string;
  kind: ThemeKind;
  /** The lexicon entry, or null for a theme of shared words. */
  lexicon: LexiconTheme | null;
  /** For a theme of shared words: the words, as written. */
  words: string[];
  lines: GroupedLine[];
  personaIds: string[];
}

/** The most themes a summary lists: beyond that it reads as a data dump. */
export const MAX_THEMES = 12;
/** Share of the personas above which a word is the set's topic (the offer), not a theme within it. */
const UBIQUITOUS = 0.75;

interface Line {
  persona: SetPersona;
  text: string;
}

/**
 * Which lexicon themes a goal (need) or pain line speaks to, and with how many cues each. The offer's
 * words (`offer`: offerMask of the brief's offer and the set's lines) are taken out first, and each
 * theme's `ignore` phrases; a theme is met by one of its cues, or by two of its weak ones.
 */
export function lexiconMatches(text: string, kind: ThemeKind, offer?: OfferMask): Array<{ theme: LexiconTheme; hits: number }> {
  const plain = normalizeForMatch(text);
  const normalized = offer ? offer.strip(plain) : plain;
  // Text in other scripts is matched as written, unless the offer's words were taken out of it.
  const raw = normalized === plain ? text : normalized;
  const out: Array<{ theme: LexiconTheme; hits: number }> = [];
  for (const theme of THEME_LEXICON) {
    const cues = [...theme.cues, ...((kind === 'need' ? theme.needCues : theme.painCues) ?? [])];
    const line = ignoring(normalized, theme.ignore);
    const met = cues.filter((cue) => cueMeets(line, raw, cue));
    const strong = met.filter((cue) => !isWeakCue(cue)).length;
    if (strong > 0 || met.length >= 2) out.push({ theme, hits: met.length });
  }
  return out;
}

/** The line with the theme's look-alike phrases taken out ("every time" is not about time). */
function ignoring(normalized: string, phrases: readonly string[] | undefined): string {
  let line = normalized;
  for (const phrase of phrases ?? []) {
    const key = normalizeForMatch(phrase).trim();
    if (key !== '') line = line.split(` ${key} `).join(' _ ');
  }
  return line;
}

/** The fewest personas a theme needs: two, or one in a set of one or two. */
export function minimumMembers(setSize: number): number {
  return setSize <= 2 ? 1 : 2;
}

/** `offer` is the brief's offer in a few words ("eco-friendly meal-kit delivery"), or its words. */
export function groupThemes(personas: readonly SetPersona[], offer: string | readonly string[]): ThemeGroup[] {
  const offerText = typeof offer === 'string' ? offer : offer.join(' ');
  const offerWords = offerText.split(/\s+/).filter((w) => w !== '');
  const mask = offerMask(offerText, personas.flatMap((p) => [...p.goals, ...p.painPoints]));
  const groups: ThemeGroup[] = [];
  for (const kind of ['need', 'pain'] as const) groups.push(...groupKind(personas, kind, offerWords, mask));
  groups.sort((a, b) => b.personaIds.length - a.personaIds.length || Number(a.lexicon === null) - Number(b.lexicon === null) || (a.kind === b.kind ? 0 : a.kind === 'pain' ? -1 : 1) || a.label.localeCompare(b.label));
  return groups.slice(0, MAX_THEMES);
}

function groupKind(personas: readonly SetPersona[], kind: ThemeKind, offerWords: readonly string[], mask: OfferMask): ThemeGroup[] {
  const lines: Line[] = personas.flatMap((persona) => (kind === 'need' ? persona.goals : persona.painPoints).map((text) => ({ persona, text })));
  const order = new Map(personas.map((p, i) => [p.id, i]));
  const min = minimumMembers(personas.length);
  const groups: ThemeGroup[] = [];
  const taken = new Set<Line>();
  const matched = new Map<string, Array<{ line: Line; hits: number }>>();
  for (const line of lines) {
    for (const { theme, hits } of lexiconMatches(line.text, kind, mask)) matched.set(theme.id, [...(matched.get(theme.id) ?? []), { line, hits }]);
  }
  for (const theme of THEME_LEXICON) {
    const under = matched.get(theme.id) ?? [];
    const ids = idsInOrder(under.map((u) => u.line.persona.id), order);
    if (ids.length < min) continue;
    for (const u of under) taken.add(u.line);
    groups.push({ label: theme[kind], kind, lexicon: theme, words: [], lines: under.map((u) => ({ personaId: u.line.persona.id, text: u.line.text, strength: u.hits })), personaIds: ids });
  }
  groups.push(...sharedWordThemes(personas, lines.filter((l) => !taken.has(l)), kind, offerWords, order));
  return groups;
}

/** Lines the lexicon left, grouped by the words several personas share (the focus group's grouping). */
function sharedWordThemes(personas: readonly SetPersona[], lines: readonly Line[], kind: ThemeKind, offerWords: readonly string[], order: ReadonlyMap<string, number>): ThemeGroup[] {
  const stops = new Set([...offerWords.flatMap((w) => [...lineStems(w, new Set())]), ...GENERIC_STEMS]);
  const stemsOf = new Map(lines.map((l) => [l, lineStems(l.text, stops)]));
  // A word the lines use only as a verb form ("missed", "missing"; "freezing" calls and rooms) names no shared topic.
  const forms = new Map<string, string[]>();
  for (const l of lines) for (const word of wordsOf(l.text)) for (const s of lineStems(word, stops)) forms.set(s, [...(forms.get(s) ?? []), word]);
  for (const [s, words] of forms) if (words.every((w) => /(ing|ed)$/.test(w))) for (const set of stemsOf.values()) set.delete(s);
  // A word nearly every persona uses is the set's topic (the offer), not a theme within it.
  if (personas.length >= 4) {
    const seen = new Map<string, Set<string>>();
    for (const l of lines) for (const s of stemsOf.get(l)!) seen.set(s, (seen.get(s) ?? new Set()).add(l.persona.id));
    for (const [s, who] of seen) if (who.size > personas.length * UBIQUITOUS) for (const set of stemsOf.values()) set.delete(s);
  }
  const groups: ThemeGroup[] = [];
  // A shared word is weaker evidence than a lexicon theme: in a larger set it needs a quarter of the personas to stand.
  const least = Math.max(minimumMembers(personas.length), Math.ceil(personas.length / 4));
  for (const group of wordGroups(lines, stemsOf)) {
    if (new Set(group.lines.map((l) => l.persona.id)).size < least) continue;
    const surface = group.words.map((w) => surfaceOf(w, group.lines.map((l) => l.text)));
    groups.push({
      // Named for what was grouped, the words, not for a topic the app cannot know.
      label: `${kind === 'need' ? 'Goals that mention' : 'Frustrations that mention'} ${quotedWords(surface)}`,
      kind,
      lexicon: null,
      words: surface,
      lines: group.lines.map((l) => ({ personaId: l.persona.id, text: l.text, strength: group.words.filter((w) => stemsOf.get(l)!.has(w)).length })),
      personaIds: idsInOrder(group.lines.map((l) => l.persona.id), order),
    });
  }
  return groups;
}

/**
 * The focus group's greedy grouping (asking's summarizeAnswers), line by line: the word the most personas
 * share makes a group of the lines that hold it, with up to two more words that two of those
 * personas share too; those lines are then used up, while the same personas' other lines stay free
 * for the next word (a persona may have one frustration about contracts and another about landlords).
 */
function wordGroups(lines: readonly Line[], stemsOf: ReadonlyMap<Line, ReadonlySet<string>>): Array<{ words: string[]; lines: Line[] }> {
  const left = new Set(lines);
  const out: Array<{ words: string[]; lines: Line[] }> = [];
  const personasWith = (from: Iterable<Line>, stem: string) => new Set([...from].filter((l) => stemsOf.get(l)!.has(stem)).map((l) => l.persona.id)).size;
  for (;;) {
    const who = new Map<string, Set<string>>();
    for (const l of left) for (const s of stemsOf.get(l)!) who.set(s, (who.get(s) ?? new Set()).add(l.persona.id));
    const shared = [...who].filter(([, ids]) => ids.size >= 2).sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]));
    const top = shared[0];
    if (!top) break;
    const under = [...left].filter((l) => stemsOf.get(l)!.has(top[0]));
    const more = shared
      .slice(1)
      .filter(([s]) => personasWith(under, s) >= 2)
      .slice(0, 2)
      .map(([s]) => s);
    for (const l of under) left.delete(l);
    out.push({ words: [top[0], ...more], lines: under });
  }
  return out;
}

/**
 * Words a goal or a pain point shares with others without sharing a topic: everyday verbs and
 * adjectives ("pay", "choose", "written", "comfortable"), people and places in general, spans of time.
 */
const GENERIC_STEMS = new Set(
  [
    'pay', 'pays', 'paid', 'paying', 'buy', 'get', 'make', 'use', 'need', 'needing', 'choose', 'pick', 'check', 'compare', 'written', 'write', 'read', 'move', 'moving', 'miss', 'missed', 'missing',
    'arrive', 'arriving', 'assume', 'assumes', 'recommend', 'recommending', 'look', 'come', 'go', 'put', 'set', 'run', 'turn', 'show', 'leave', 'hold', 'bring', 'reach', 'change', 'open', 'plan', 'share',
    'people', 'person', 'everyone', 'someone', 'nobody', 'anyone', 'thing', 'things', 'way', 'place', 'home', 'local', 'phone', 'phones', 'first', 'last', 'full', 'far', 'same', 'other', 'own', 'whole',
    'actually', 'really', 'already', 'still', 'comfortable', 'fast', 'slow', 'small', 'big', 'new', 'old', 'clear', 'able', 'easy', 'long', 'short', 'endless', 'time', 'times', 'day', 'days', 'week', 'weeks', 'year', 'years', 'minute', 'minutes', 'hour', 'hours', 'month', 'months', 'weekend', 'weekends', 'night', 'morning',
    'option', 'options', 'service', 'services', 'app', 'apps',
  ].flatMap((w) => contentStems(w)),
);

/** The theme as the summary gives it: the quote is the line that speaks to it most, from a persona not quoted yet when one does as well. */
export function toSummaryThemes(groups: readonly ThemeGroup[], personas: readonly SetPersona[]): SummaryTheme[] {
  const names = new Map(personas.map((p) => [p.id, p.name]));
  const quoted = new Set<string>();
  const usedLines = new Set<string>();
  return groups.map((group) => {
    const best = [...group.lines].sort((a, b) => score(b) - score(a) || a.text.length - b.text.length)[0]!;
    quoted.add(best.personaId);
    usedLines.add(best.text);
    return { label: group.label, kind: group.kind, personaIds: [...group.personaIds], quote: { personaId: best.personaId, personaName: names.get(best.personaId) ?? '', text: best.text } };
  });

  function score(line: GroupedLine): number {
    // A line that is short enough to quote and speaks to the theme; a new voice and a new line preferred.
    return line.strength + (quoted.has(line.personaId) ? 0 : 0.75) + (usedLines.has(line.text) ? -2 : 0) + (line.text.length > 220 ? -0.5 : 0);
  }
}

function idsInOrder(ids: readonly string[], order: ReadonlyMap<string, number>): string[] {
  return [...new Set(ids)].sort((a, b) => order.get(a)! - order.get(b)!);
}

/** A stem as the lines write it: the first word whose stem it is (a pair of characters is its own surface). */
function surfaceOf(stemOrPair: string, texts: readonly string[]): string {
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(stemOrPair)) return stemOrPair;
  for (const text of texts) {
    for (const word of wordsOf(text)) if ([...lineStems(word, new Set())].includes(stemOrPair)) return word;
  }
  return stemOrPair;
}
