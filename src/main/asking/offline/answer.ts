/**
 * The built-in engine's interview answer: the question's intent picks the profile fields that answer
 * it, phrasings are picked by seed, and a follow-up ("why?", "tell me more") goes on in the field of
 * the answer before it with the items not yet said. Pure and deterministic for a seed.
 */
import { normalizeForMatch } from '../../world';
import { goals, painPoints, price, product, sayQuote, type Compose } from './answer-needs';
import { about, habits, tastes, values } from './answer-life';
import { unknown, work } from './answer-other';
import { echoSubject, figure, onTopic, subjectOf, topicHits, type Hit } from './answer-topic';
import { Composer } from './composer';
import { classify, isFollowUp, type Intent } from './intent';
import { toEnglish } from './lexicon';
import { UNKNOWN, VALUE } from './phrasing';
import { offerOf, viewOf } from './profile';
import { formOf, topicOf, topicScore, topicWords, type QuestionForm } from './topics';
import type { AskContext, ComposedAnswer } from './types';
import { contentStems, hashString, keysOf, overlap } from './words';

const COMPOSERS: Record<Intent, Compose> = { painPoints, goals, habits, tastes, price, about, values, product, work, unknown };

/** The fields each intent answers from: a topic met only elsewhere leads the answer instead. */
const INTENT_FIELDS: Partial<Record<Intent, readonly string[]>> = {
  painPoints: ['painPoints', 'b2b'],
  goals: ['goals'],
  habits: ['channels', 'interests', 'bio', 'household'],
  tastes: ['culturalProfile', 'interests'],
  about: ['bio', 'household'],
  values: ['values'],
  work: ['b2b', 'bio'],
};

/** Words that ask a consumer about the job itself; "switch supplier" to a consumer is about a household's supplier. */
const JOB = / (work|job|jobs|career|occupation|colleagues?|boss|manager|office|shifts?|employer|profession|for a living|clients|workplace|role|team|company|industry|in a (supplier|vendor)|suppliers|vendors) /;

/** Words that make an open question one about the offer itself ("What do you think of this?"). */
const ABOUT_OFFER = / (think|opinion|feel about|thoughts|view|idea|offer|concept|this|appeal|appealing|convince) /;

/** An open question gets no verdict: the offer's intent stays only when the question is about the offer, without the yes or no. */
function forForm(intents: Intent[], form: QuestionForm, english: string): Intent[] {
  if (form.yesNo) return intents;
  const kept = intents.filter((i) => i !== 'product' || ABOUT_OFFER.test(normalizeForMatch(english)));
  return kept.length > 0 ? kept : ['unknown'];
}

/** Whether the topic's best items lie outside the intent's own fields, so they should lead. */
function leads(intent: Intent, hits: readonly Hit[], form: QuestionForm): boolean {
  const best = hits[0];
  if (!best) return false;
  // A reason needs more than a shared topic ("exams" and "student societies").
  // "Have you ever…?" is about what happened to the persona: the offer's own items are no answer to it.
  if (intent === 'unknown') return best.score >= 2 || (form.wh !== 'why' && (best.score >= 1 || !form.yesNo));
  const own = INTENT_FIELDS[intent];
  if (!own) return false;
  return best.score >= 2 && !hits.some((h) => own.includes(h.item.field));
}

export function answerFromProfile(question: string, context: AskContext): ComposedAnswer {
  // Should every phrasing still come out as another persona's whole answer, other picks are tried.
  let answer = compose(question, context, 0);
  for (let retry = 1; retry <= 3 && context.othersAnswers?.includes(answer.text); retry++) answer = compose(question, context, retry);
  return answer;
}

function compose(question: string, context: AskContext, retry: number): ComposedAnswer {
  const view = viewOf(context.persona);
  const offerKeys = keysOf(offerOf(context.brief));
  const followUp = context.history.length > 0 && isFollowUp(question);
  // A follow-up is about the last real question: its intent, its words and the last answer's, the items not yet said.
  const asked = toEnglish(followUp ? lastRealQuestion(context) : question);
  const form = formOf(asked);
  const topic = topicOf(asked);
  // A journey is answered by how the persona gets about, whatever else the question names ("after a night shift").
  const intents = topic.journey ? (['unknown'] as Intent[]) : forForm(classify(asked, offerKeys), form, asked).map((i) => (i === 'work' && !context.persona.b2b && !JOB.test(normalizeForMatch(asked)) ? 'unknown' : i));
  const focus = keysOf(followUp ? `${asked} ${context.history.at(-1)!.answer}` : `${asked} ${topicWords(topic)}`);
  if (intents.includes('product') || intents.includes('price')) for (const key of offerKeys) focus.add(key);
  const who = context.persona.id ?? context.persona.name;
  const seed = hashString(`${who}|${normalizeForMatch(question)}|${context.history.length}|${retry}`, context.seed >>> 0);
  const c = new Composer(view, context, asked, focus, seed, followUp);
  if (!followUp) [c.form, c.topic] = [form, topic];
  c.offerStems = new Set(contentStems(offerOf(context.brief)));
  c.inDomain = topicScore(context.brief.description, topic) > 0;

  if (followUp && /^ (why|how come|really why)/.test(normalizeForMatch(question))) {
    const [value] = c.pick('values', 1);
    if (value) c.say(VALUE.because, { v: value.spoken }, ['values']);
  }
  let share = intents.length > 1 ? 2 : followUp ? 2 : 3;
  const hits = followUp ? [] : topicHits(c, topic);
  if (!followUp && form.figure && !intents.includes('price') && !intents.includes('about')) {
    figure(c, hits);
    return c.result();
  }
  if (leads(intents[0]!, hits, form)) {
    onTopic(c, hits, 2);
    share = 1;
    if (intents[0] === 'unknown') return c.result();
  }
  // "Not my area" after an answer was given would take it back.
  for (const intent of intents) if (intent !== 'unknown' || c.count === 0) COMPOSERS[intent](c, share);
  // A subject nothing in the profile meets ("organic ingredients") is still answered, not passed over.
  const subject = subjectOf(asked, topic);
  if (!followUp && subject && overlap(new Set(contentStems(subject)), new Set(contentStems(c.result().text))) === 0) echoSubject(c);
  if (followUp) {
    const before = c.result().grounding.length;
    if (c.count < 2) deeper(c);
    if (c.result().grounding.length === 0 || (c.count < 2 && c.result().grounding.length === before)) {
      if (c.count === 0) c.say(UNKNOWN.allSaid, {}, []);
      c.say(UNKNOWN.noMore, {}, []);
    }
  }
  if (c.count === 0) COMPOSERS.unknown(c, share);
  return c.result();
}

/** When a follow-up's own fields are spent: a bio line near what was said, the persona's own words, or a value. */
function deeper(c: Composer): void {
  const [line] = c.lifeLines(1);
  if (line && overlap(line.keys, c.focus) > 0) {
    c.sayAsIs(line.spoken, ['bio']);
    return;
  }
  if (sayQuote(c)) return;
  const [value] = c.pick('values', 1);
  if (value) c.say(VALUE.also, { v: value.spoken }, ['values']);
  else if (line) c.sayAsIs(line.spoken, ['bio']);
}

function lastRealQuestion(context: AskContext): string {
  for (let i = context.history.length - 1; i >= 0; i--) {
    const turn = context.history[i]!;
    if (!isFollowUp(turn.question)) return turn.question;
  }
  return context.history[0]!.question;
}
