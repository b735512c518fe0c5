/**
 * A focus group's summary from the answers' own words: themes are answers that stand on the same
 * profile field and share a whole topic word (theme-words.ts: no stop words, fillers or fragments of
 * titles), labelled by the field and the shared words as written, with one quote per persona; who
 * agrees or objects is read from plain stance cues about taking the offer up, and only when clear.
 */
import type { FocusGroup, ProfileField } from '../../../shared/conversations';
import { ownWordsOf } from './phrasing';
import { surfaceForms, themeWordsOf } from './theme-words';
import { sentencesOf } from './words';

export interface GroupAnswer {
  personaId: string;
  personaName: string;
  text: string;
  grounding: readonly ProfileField[];
}

const FIELD_LABEL: Record<Topic, string> = {
  any: 'Several mention',
  goals: 'Goals', painPoints: 'Frustrations', values: 'Values', interests: 'Interests', channels: 'Where they hear about things', incomeBracket: 'Money',
  occupation: 'Work', location: 'Place', age: 'Age', household: 'Household', culturalProfile: 'Tastes', bio: 'Daily life', quote: 'In their words', b2b: 'At work', brief: 'The offer',
};
const MAX_THEMES = 8;
/** Share of the answers above which a shared word is the topic rather than a theme. */
const UBIQUITOUS = 0.75;

/** Verbs of taking an offer up: "I'd try it", "I wouldn't sign up"; "I won't compromise on reliability" is no stance on the offer. */
const TAKE_UP = String.raw`(?:use|try|buy|sign|order|pay|subscribe|book|give it|bother|switch)`;
const POSITIVE = new RegExp(
  String.raw`\b(yes|yeah|definitely|absolutely|count me in|i'?d (?:probably |happily |gladly |definitely |certainly )?${TAKE_UP}(?! (?:it )?(?:only )?if\b)|i would (?:probably |happily |definitely )?${TAKE_UP}(?! (?:it )?(?:only )?if\b)|i'?m in\b|sounds (?:good|great|useful|manageable)|(?:it'?s|it is|sounds|seems|would be|definitely) worth (?:it|a try)|i love (?:it|the idea)|i like (?:it|the idea)|i could manage|(?:is|feels|seems) manageable|within (?:my|our) budget|i can afford (?:it|that))`,
  'i',
);
const NEGATIVE = new RegExp(
  String.raw`\b(probably not|not for me|not really for me|i wouldn'?t (?:really |even )?${TAKE_UP}|i would not (?:really )?${TAKE_UP}|i won'?t (?:be )?${TAKE_UP}|i doubt|i'?d (?:probably )?pass|i'?ll pass|no thanks|not interested|not convinced|too expensive|too pricey|too steep|can'?t afford|can'?t justify|more than i can (?:justify|afford|spend)|out of my budget|would be a stretch|far too much|not worth)\b`,
  'i',
);

/** Agrees, objects, or neither: a stance only when the cues all point one way. Quoted words (a motto) are not a stance. */
export function stanceOf(text: string): 'agree' | 'object' | null {
  const own = text.replace(/"[^"]*"|“[^”]*”/g, ' ');
  const positive = POSITIVE.test(own);
  const negative = NEGATIVE.test(own);
  if (positive && !negative) return 'agree';
  if (negative && !positive) return 'object';
  return null;
}

type Topic = ProfileField | 'any';

export function summarizeAnswers(question: string, answers: ReadonlyArray<GroupAnswer>): FocusGroup['summary'] {
  const names = themeWordsOf(answers.map((a) => a.personaName).join('. '));
  const stops = new Set([...themeWordsOf(question.toLowerCase()), ...names].map((w) => w.key));
  const said = answers.map((a) => wordsByField(a, stops));
  // A word nearly everyone uses is the topic itself (the offer's name), not a theme within it.
  if (answers.length >= 4) {
    const seen = new Map<string, number>();
    for (const byField of said) for (const s of new Set([...byField.values()].flatMap((set) => [...set]))) seen.set(s, (seen.get(s) ?? 0) + 1);
    for (const byField of said) for (const set of byField.values()) for (const s of set) if (seen.get(s)! > answers.length * UBIQUITOUS) set.delete(s);
  }
  const surface = surfaceForms(answers.flatMap((a) => themeWordsOf(a.text)));
  const themes: FocusGroup['summary']['themes'] = [];
  const sameWords = new Map<object, string>();
  // The fields most answers speak to first: a theme is labelled by the field that carries it most widely.
  const fieldCount = (f: Topic) => said.filter((byField) => (byField.get(f)?.size ?? 0) > 0).length;
  const fields = [...new Set(said.flatMap((byField) => [...byField.keys()]))].sort((a, b) => fieldCount(b) - fieldCount(a));
  for (const field of fields) {
    let members = answers.map((_, i) => i).filter((i) => (said[i]!.get(field)?.size ?? 0) > 0);
    // Greedy: the word most of them share makes a theme; then again among the rest.
    while (members.length >= 2) {
      const counts = new Map<string, number[]>();
      for (const i of members) for (const s of said[i]!.get(field)!) counts.set(s, [...(counts.get(s) ?? []), i]);
      const shared = [...counts].filter(([, who]) => who.length >= 2).sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
      const top = shared[0];
      if (!top) break;
      const group = top[1];
      const words = shared.filter(([, who]) => who.filter((i) => group.includes(i)).length >= 2).slice(0, 3).map(([s]) => s);
      members = members.filter((i) => !group.includes(i));
      // The same people on the same words under another field is the same theme.
      const ids = group.map((i) => answers[i]!.personaId).join('|');
      if (themes.some((t) => t.personaIds.join('|') === ids && sameWords.get(t) === words.join('|'))) continue;
      const theme = {
        label: `${FIELD_LABEL[field]}: ${words.map((s) => surface.get(s)!).join(', ')}`,
        personaIds: group.map((i) => answers[i]!.personaId),
        quotes: group.map((i) => ({ personaId: answers[i]!.personaId, personaName: answers[i]!.personaName, text: quoteFor(answers[i]!.text, words) })),
      };
      sameWords.set(theme, words.join('|'));
      themes.push(theme);
    }
  }
  themes.sort((a, b) => b.personaIds.length - a.personaIds.length);
  const agree: string[] = [];
  const object: string[] = [];
  for (const answer of answers) {
    const stance = stanceOf(answer.text);
    if (stance === 'agree') agree.push(answer.personaId);
    if (stance === 'object') object.push(answer.personaId);
  }
  return { themes: themes.slice(0, MAX_THEMES), agree, object, method: 'grouped' };
}

/**
 * An answer's content stems by the field they speak to: a phrasing says which field it carries; a
 * sentence in none (a bio line) counts for the bio or household it stands on, else for every field
 * the answer names, else (a model's answer, fields unknown) for shared words in general.
 */
function wordsByField(answer: GroupAnswer, stops: ReadonlySet<string>): Map<Topic, Set<string>> {
  const out = new Map<Topic, Set<string>>();
  const plain = answer.grounding.filter((f) => f === 'bio' || f === 'household');
  const fallback: Topic[] = plain.length > 0 ? plain : answer.grounding.length > 0 ? [...answer.grounding] : ['any'];
  // Words of a title ("Rendez-vous Tech") are no shared taste: only a taste's common words ("jazz") count.
  const titled = new Set(themeWordsOf(answer.text).filter((w) => w.titled).map((w) => w.key));
  for (const { field, text } of ownWordsOf(answer.text)) {
    const words = themeWordsOf(text, stops);
    for (const topic of field ? [field] : fallback) {
      const set = out.get(topic) ?? new Set<string>();
      for (const w of words) if (!(topic === 'culturalProfile' && titled.has(w.key))) set.add(w.key);
      out.set(topic, set);
    }
  }
  return out;
}

/** The sentence of an answer holding most of the theme's words. */
function quoteFor(text: string, keys: readonly string[]): string {
  const sentences = sentencesOf(text);
  let best = sentences[0] ?? text;
  let bestScore = -1;
  for (const sentence of sentences) {
    const own = new Set(themeWordsOf(sentence).map((w) => w.key));
    const score = keys.filter((k) => own.has(k)).length;
    if (score > bestScore) [best, bestScore] = [sentence, score];
  }
  return best;
}
