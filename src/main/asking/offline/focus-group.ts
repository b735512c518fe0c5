/**
 * A focus group's summary from the answers' own words: themes are answers that stand on the same
 * profile field and share a content word, labelled by the field and the shared words, with one quote
 * per persona; who agrees or objects is read from plain stance cues, and only when they are clear.
 */
import type { FocusGroup, ProfileField } from '../../../shared/conversations';
import { normalizeForMatch } from '../../world';
import { contentStems, sentencesOf, stem, wordsOf } from './words';

export interface GroupAnswer {
  personaId: string;
  personaName: string;
  text: string;
  grounding: readonly ProfileField[];
}

const FIELD_LABEL: Record<ProfileField, string> = {
  goals: 'Goals', painPoints: 'Frustrations', values: 'Values', interests: 'Interests', channels: 'Where they hear about things', incomeBracket: 'Money',
  occupation: 'Work', location: 'Place', age: 'Age', household: 'Household', culturalProfile: 'Tastes', bio: 'Daily life', quote: 'In their words', b2b: 'At work', brief: 'The offer',
};
const MAX_THEMES = 8;
/** Share of the answers above which a shared word is the topic rather than a theme. */
const UBIQUITOUS = 0.75;

/** The answer phrasings' own words: shared by every answer the engine writes, so they say nothing about a theme. */
const TALK = new Set(
  `honest honestly frustrat bother bothers wear wears fed headache headaches biggest top list really mostly want wants aim main hope hoping like would also care
  matter matters start thing things pick usually find hear rely spare free hour unwind outside into love keep coming shows shelf give trip trips favourite
  favourites kind places tend trust buy brand brands definitely count sign maybe depend depends detail details convinc open condition conditions pass probably
  doubt help win appeal chance worry catch sort sorted check offer profile say says beyond think nearest tell know view much far goes put puts close second
  add another next able big right trying already weigh money matter compromise hold playlist playlists playing listen watching watch read`
    .split(/\s+/)
    .map(stem),
);

const POSITIVE = /\b(yes|yeah|definitely|absolutely|count me in|i'?d (probably |happily |gladly |definitely |certainly )?(use|try|buy|sign|order|pay|give it)|i would (probably |happily |definitely )?(use|try|buy|sign|order|pay|give it)|i'?m in\b|sounds (good|great|useful)|worth (it|a try)|i love (it|the idea)|i like (it|the idea))/i;
const NEGATIVE = /\b(probably not|not for me|not really for me|i wouldn'?t|i would not|i won'?t|i doubt|i'?d (probably )?pass|i'?ll pass|no thanks|not interested|not convinced|too expensive|too pricey|can'?t afford|far too much|not worth)\b/i;

/** Agrees, objects, or neither: a stance only when the cues all point one way. Quoted words (a motto) are not a stance. */
export function stanceOf(text: string): 'agree' | 'object' | null {
  const own = text.replace(/"[^"]*"|“[^”]*”/g, ' ');
  const positive = POSITIVE.test(own);
  const negative = NEGATIVE.test(own);
  if (positive && !negative) return 'agree';
  if (negative && !positive) return 'object';
  return null;
}

export function summarizeAnswers(question: string, answers: ReadonlyArray<GroupAnswer>): FocusGroup['summary'] {
  const names = new Set(answers.flatMap((a) => wordsOf(a.personaName)).map(stem));
  const stops = new Set([...TALK, ...contentStems(question), ...names]);
  const stemsOf = answers.map((a) => new Set(contentStems(a.text, stops)));
  // A word nearly everyone uses is the topic itself (the offer's name), not a theme within it.
  if (answers.length >= 4) {
    const seen = new Map<string, number>();
    for (const own of stemsOf) for (const s of own) seen.set(s, (seen.get(s) ?? 0) + 1);
    for (const own of stemsOf) for (const s of own) if (seen.get(s)! > answers.length * UBIQUITOUS) own.delete(s);
  }
  const surface = surfaceWords(answers.map((a) => a.text));
  const themes: FocusGroup['summary']['themes'] = [];
  const sameWords = new Map<object, string>();
  // The fields most answers stand on first: a theme is labelled by the field that carries it most widely.
  const fieldCount = (f: ProfileField) => answers.filter((a) => a.grounding.includes(f)).length;
  const fields = [...new Set(answers.flatMap((a) => a.grounding))].sort((a, b) => fieldCount(b) - fieldCount(a) || (a === 'brief' ? 1 : 0) - (b === 'brief' ? 1 : 0));
  for (const field of fields) {
    let members = answers.map((_, i) => i).filter((i) => answers[i]!.grounding.includes(field));
    // Greedy: the word most of them share makes a theme; then again among the rest.
    while (members.length >= 2) {
      const counts = new Map<string, number[]>();
      for (const i of members) for (const s of stemsOf[i]!) counts.set(s, [...(counts.get(s) ?? []), i]);
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
        label: `${FIELD_LABEL[field]}: ${words.map((s) => surface.get(s) ?? s).join(', ')}`,
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

/** The sentence of an answer holding most of the theme's words. */
function quoteFor(text: string, stems: readonly string[]): string {
  const sentences = sentencesOf(text);
  let best = sentences[0] ?? text;
  let bestScore = -1;
  for (const sentence of sentences) {
    const own = new Set(contentStems(sentence));
    const score = stems.filter((s) => own.has(s)).length;
    if (score > bestScore) [best, bestScore] = [sentence, score];
  }
  return best;
}

/** For each stem, the word as most often written, so labels read as words ("deliveries" → "delivery" only if written so). */
function surfaceWords(texts: readonly string[]): Map<string, string> {
  const seen = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const word of normalizeForMatch(text).trim().split(' ')) {
      const s = stem(word);
      const forms = seen.get(s) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      seen.set(s, forms);
    }
  }
  return new Map([...seen].map(([s, forms]) => [s, [...forms].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]![0]]));
}
