/**
 * Answers led by what the question is about rather than by its intent: the profile items that meet
 * its topic, a figure or a name declined in character, and an honest "not my area" with the nearest
 * thing the persona does know when nothing meets it. No sentence here talks about a profile.
 */
import type { ProfileField } from '../../../shared/conversations';
import { normalizeForMatch } from '../../world';
import { sayGoal, sayPain } from './answer-needs';
import type { Composer } from './composer';
import { FIGURE, GOAL, HABIT, PAIN, TASTE, UNKNOWN, VALUE, WORK } from './phrasing';
import { itemsOf, type Item } from './profile';
import { topicScore, type Topic } from './topics';
import { joinList } from './voice';
import { overlap } from './words';

/** Cultural titles are left out: a film's words ("Steve Jobs") say nothing of the persona's job. */
const TOPIC_FIELDS: readonly ProfileField[] = ['painPoints', 'goals', 'values', 'interests', 'channels', 'b2b'];

/** What can be a reason: "why?" is not answered with a hobby or a news source. */
const REASONS: readonly ProfileField[] = ['painPoints', 'goals', 'b2b', 'bio', 'household', 'values'];

export interface Hit {
  item: Item;
  score: number;
}

/** Items anywhere in the profile that meet the topic, best first; ties in a seeded order. */
export function topicHits(c: Composer, topic: Topic | null): Hit[] {
  if (!topic || (topic.stems.size === 0 && topic.groups.size === 0)) return [];
  const household = c.view.household ? [{ field: 'household' as const, text: c.view.household, spoken: c.view.household, stems: new Set<string>(), keys: new Set<string>() }] : [];
  const pool = [...TOPIC_FIELDS.flatMap((f) => itemsOf(c.view, f)), ...c.view.lifeLines, ...household];
  return c.rng
    .shuffle(pool)
    .filter((item) => !c.said(item))
    // Items that meet the topic in their own words first; in the brief's domain, those about the offer after them.
    .map((item) => ({ item, score: topicScore(item.text, topic, c.offerStems) + (c.inDomain && topicScore(item.text, topic) > 0 ? 0.5 : 0) }))
    .filter((h) => h.score > 0 && (c.form?.wh !== 'why' || REASONS.includes(h.item.field)))
    .sort((a, b) => b.score - a.score);
}

/** One item said in the phrasing of its field; a "why" question hears a pain as the reason. */
export function sayItem(c: Composer, item: Item): void {
  const why = c.form?.wh === 'why';
  switch (item.field) {
    case 'painPoints':
      if (why && !/^the fact that|^I\b/.test(item.spoken)) c.say(PAIN.because, { p: item.spoken }, ['painPoints']);
      else sayPain(c, item);
      return;
    case 'goals':
      sayGoal(c, item);
      return;
    case 'values':
      c.say(VALUE.first, { v: item.spoken }, ['values']);
      return;
    case 'interests':
      c.say(c.count === 0 ? HABIT.interestFirst : HABIT.interest, { i: item.spoken }, ['interests']);
      return;
    case 'channels':
      c.say(HABIT.channel, { c: item.spoken }, ['channels']);
      return;
    case 'b2b':
      if (item.sub === 'objections') c.say(WORK.objection, { o: item.spoken }, ['b2b']);
      else c.say(WORK.criteria, { c: item.spoken }, ['b2b']);
      return;
    case 'culturalProfile':
      c.say(TASTE[item.sub ?? ''] ?? UNKNOWN.nearest, { x: item.spoken }, ['culturalProfile']);
      return;
    default:
      c.sayAsIs(item.spoken, [item.field]);
  }
}

const NUMBER = /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|a couple|several)\b/i;

/** The items that meet the topic, up to `share` of them, a second only when it meets nearly as well. */
export function onTopic(c: Composer, hits: readonly Hit[], share: number): void {
  const [first, second] = hits;
  if (!first) return;
  sayItem(c, first.item);
  if (share >= 2 && second && second.score * 2 >= first.score && second.item.field !== first.item.field) sayItem(c, second.item);
}

/** "How many beds…?", "What is your dog's name?": declined without a made-up figure, then what the persona does know nearby. */
export function figure(c: Composer, hits: readonly Hit[]): void {
  const plain = normalizeForMatch(c.question);
  const { persona } = c.view;
  if (c.form?.figure === 'name') {
    const owner = / (?:your|the) ([a-z]+(?: [a-z]+)?) s name /.exec(plain)?.[1] ?? / name of (?:your|the) ([a-z]+(?: [a-z]+)?) /.exec(plain)?.[1] ?? / your ([a-z]+) called /.exec(plain)?.[1];
    c.say(FIGURE.name, { t: owner ? `my ${owner}'s name` : 'names' }, []);
  } else if (hits[0] && hits[0].score >= 2 && NUMBER.test(hits[0].item.spoken)) {
    // "How many kids do you have?" when the household line says "two kids": the profile's own figure.
    sayItem(c, hits[0].item);
    return;
  } else {
    const noun = / how many ([a-z]+(?: [a-z]+)?) (?:do|does|did|are|is|have|has|can|would|will|in|at|on|per) /.exec(plain)?.[1] ?? / how many ([a-z]+) /.exec(plain)?.[1];
    if (noun) c.say(FIGURE.count, { t: noun }, []);
    else c.say(FIGURE.amount, {}, []);
    // The one figure a B2B profile holds: the company's size.
    if (persona.b2b && / (people|staff|employees|workers|drivers|headcount|company|firm|team) /.test(plain)) c.say(WORK.size, { size: persona.b2b.companySize }, ['b2b']);
  }
  if (hits[0]) sayItem(c, hits[0].item);
  else nearest(c);
}

/** The question's subject in a few words, as asked: "organic ingredients", "Peru"; null when there is none to name. */
export function subjectOf(question: string, topic: Topic | null): string | null {
  const tail = /\b(?:for|about|with|on|of|in)\s+((?:[\p{L}'-]+\s*){1,3})\??\s*$/iu.exec(question.trim())?.[1]?.trim();
  if (tail && !/^(you|it|this|that|them|me|us|a|an|the)$/i.test(tail)) return tail.replace(/\byour\b/gi, 'my').replace(/^(the|a|an)\s+/i, '');
  if (!topic || topic.words.length === 0 || topic.words.length > 2) return null;
  const last = topic.words.at(-1)!;
  return question.split(/[^\p{L}'-]+/u).find((w) => normalizeForMatch(w).trim() === last) ?? last;
}

/** Nothing in the profile meets the question: say so plainly, in character, then the nearest thing the persona knows. */
export function offProfile(c: Composer): void {
  const subject = subjectOf(c.question, c.topic);
  const routine = c.form?.wh === 'how' || c.form?.wh === 'when' || c.form?.wh === 'where';
  // "How do you get to work?" with nothing on it in the profile: an ordinary routine, then a day's line.
  if (routine && (c.topic?.journey || !subject) && c.view.lifeLines.length > 0 && !c.form?.figure) c.say(UNKNOWN.routine, {}, []);
  else if (c.form?.wh === 'why') c.say(UNKNOWN.why, {}, []);
  else if (/^ (have|did) you (ever )?/.test(normalizeForMatch(c.question))) c.say(UNKNOWN.experience, {}, []);
  else if (subject && subject.split(' ').length <= 2) c.say(UNKNOWN.openingOn, { t: subject }, []);
  else c.say(UNKNOWN.opening, { occupation: c.view.occupation }, []);
  nearest(c);
}

/** The nearest thing by the question's shape: a day's line for how/when/where, a pain for why, else a value and an interest. */
function nearest(c: Composer): void {
  const wh = c.form?.wh;
  if (wh === 'how' || wh === 'when' || wh === 'where') {
    const [line] = c.lifeLines(1);
    if (line) {
      c.sayAsIs(line.spoken, ['bio']);
      return;
    }
  }
  if (wh === 'why') {
    const [pain] = c.pick('painPoints', 1);
    if (pain) {
      sayPain(c, pain, PAIN.nearest);
      return;
    }
  }
  const [goal] = c.pick('goals', 1);
  if (goal && overlap(goal.keys, c.focus) > 0) {
    sayGoal(c, goal, GOAL.nearest);
    return;
  }
  const [value] = c.pick('values', 1);
  const interests = c.pick('interests', value ? 1 : 2);
  const i = joinList(interests.map((x) => x.spoken));
  if (value && interests.length > 0) c.say(UNKNOWN.valueAndInterest, { v: value.spoken, i }, ['values', 'interests']);
  else if (value) c.say(UNKNOWN.value, { v: value.spoken }, ['values']);
  else if (interests.length > 0) c.say(UNKNOWN.interest, { i }, ['interests']);
  else if (goal) sayGoal(c, goal, GOAL.nearest);
}

/** For a question whose subject no item meets ("organic ingredients"), a plain line that it would not decide things alone. */
export function echoSubject(c: Composer): void {
  const subject = c.form?.yesNo && / (pay|paying|spend|cost|price|more|extra) /.test(normalizeForMatch(c.question)) ? subjectOf(c.question, c.topic) : null;
  if (subject && subject.split(' ').length <= 4) c.say(UNKNOWN.echo, { t: subject }, []);
}
