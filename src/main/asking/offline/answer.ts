/**
 * The built-in engine's interview answer: the question's intent picks the profile fields that answer
 * it, phrasings are picked by seed, and a follow-up ("why?", "tell me more") goes on in the field of
 * the answer before it with the items not yet said. Pure and deterministic for a seed.
 */
import { normalizeForMatch } from '../../world';
import { goals, painPoints, price, product, sayQuote, type Compose } from './answer-needs';
import { about, habits, tastes, values } from './answer-life';
import { unknown, work } from './answer-other';
import { Composer } from './composer';
import { classify, isFollowUp, type Intent } from './intent';
import { UNKNOWN, VALUE } from './phrasing';
import { offerOf, viewOf } from './profile';
import type { AskContext, ComposedAnswer } from './types';
import { hashString, keysOf, overlap } from './words';

const COMPOSERS: Record<Intent, Compose> = { painPoints, goals, habits, tastes, price, about, values, product, work, unknown };

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
  const asked = followUp ? lastRealQuestion(context) : question;
  const intents = classify(asked, offerKeys);
  const focus = keysOf(followUp ? `${asked} ${context.history.at(-1)!.answer}` : asked);
  if (intents.includes('product') || intents.includes('price')) for (const key of offerKeys) focus.add(key);
  const who = context.persona.id ?? context.persona.name;
  const seed = hashString(`${who}|${normalizeForMatch(question)}|${context.history.length}|${retry}`, context.seed >>> 0);
  const c = new Composer(view, context, asked, focus, seed, followUp);

  if (followUp && /^ (why|how come|really why)/.test(normalizeForMatch(question))) {
    const [value] = c.pick('values', 1);
    if (value) c.say(VALUE.because, { v: value.spoken }, ['values']);
  }
  const share = intents.length > 1 ? 2 : followUp ? 2 : 3;
  for (const intent of intents) COMPOSERS[intent](c, share);
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
