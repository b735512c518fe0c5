/**
 * Answers about what the persona wants, what gets in its way, what it would pay, and what it makes
 * of the brief's offer: every sentence names an item of the field that answers it.
 */
import type { Composer } from './composer';
import { judgeConcept } from './concept';
import { normalizeForMatch } from '../../world';
import { FIGURE, FIT, GOAL, INCOME, PAIN, QUOTE, STANCE, VALUE, WORK } from './phrasing';
import { parsePrice, priceFit } from './price';
import { offerOf, type Item } from './profile';
import { goalInfinitive, joinList } from './voice';
import { keysOf, matchKey, overlap, stem } from './words';

export type Compose = (c: Composer, share: number) => void;

const MONEY = matchKey(stem('price'));

/** Whether an item, once spoken, is the persona's own sentence ("I want to retire early"). */
const isClause = (item: Item) => /^I\b|^I'/.test(item.spoken);

export function sayPain(c: Composer, pain: Item, templates: readonly string[] = PAIN.first): void {
  if (isClause(pain)) c.sayAsIs(`${pain.spoken}.`, [pain.field]);
  else c.say(templates, { p: pain.spoken }, [pain.field]);
}

export function sayGoal(c: Composer, goal: Item, templates: readonly string[] = GOAL.first): void {
  if (isClause(goal)) c.sayAsIs(`${goal.spoken}.`, [goal.field]);
  else c.say(templates, { g: goalInfinitive(goal.spoken) }, [goal.field]);
}

export function sayQuote(c: Composer): boolean {
  const quote = c.view.persona.quote;
  if (!quote || c.said({ field: 'quote', text: quote, spoken: quote, stems: new Set(), keys: new Set() })) return false;
  return c.say(QUOTE, { q: quote.trim() }, ['quote']);
}

export const painPoints: Compose = (c, share) => {
  const [first, second] = c.pick('painPoints', 2);
  if (!first) return;
  sayPain(c, first);
  if (share >= 2 && second) sayPain(c, second, PAIN.next);
  if (share >= 3) {
    const [value] = c.pick('values', 1, { keys: first.keys });
    if (value && overlap(value.keys, first.keys) > 0) c.say(VALUE.why, { v: value.spoken }, ['values']);
    else sayQuote(c);
  }
};

export const goals: Compose = (c, share) => {
  const [first, second] = c.pick('goals', 2);
  if (!first) return;
  sayGoal(c, first);
  if (share >= 2 && second) sayGoal(c, second, GOAL.next);
  if (share >= 3) sayQuote(c);
};

export const price: Compose = (c, share) => {
  const { persona } = c.view;
  // "How much do you spend on…?" asks for a figure the profile does not hold: declined before the budget is described.
  if (c.form?.wh === 'howMuch' && !/ (would|could|will|should) /.test(normalizeForMatch(c.question)) && !parsePrice(c.question)) c.say(FIGURE.amount, {}, []);
  if (persona.incomeBracket) c.say(INCOME[persona.incomeBracket], {}, ['incomeBracket']);
  else c.say(INCOME.unknown, {}, []);
  // A price in the question is set against the same limits the concept rules use.
  const asked = parsePrice(c.question);
  const fit = asked ? priceFit(asked, persona) : null;
  if (asked && fit) c.say(FIT[fit.fit], { price: asked.text }, [persona.b2b ? 'b2b' : 'incomeBracket']);
  const money = new Set([MONEY, ...c.focus]);
  const candidates = [...c.pick('painPoints', 1, { keys: money }), ...c.pick('goals', 1, { keys: money }), ...c.pick('values', 1, { keys: money })]
    .filter((item) => item.keys.has(MONEY))
    .sort((a, b) => overlap(b.keys, c.focus) - overlap(a.keys, c.focus));
  const item = candidates[0];
  if (share >= 2 && item?.field === 'painPoints') sayPain(c, item, PAIN.money);
  else if (share >= 2 && item?.field === 'goals') sayGoal(c, item, GOAL.money);
  else if (share >= 2 && item) c.say(VALUE.moneyValue, { v: item.spoken }, ['values']);
  const [value] = c.pick('values', 1);
  const forMoney = value?.keys.has(MONEY) ? VALUE.moneyValue : VALUE.weighed;
  if (share >= 2 && value && (!item || item.field !== 'values') && c.count < 3) c.say(forMoney, { v: value.spoken }, ['values']);
  // Nothing about money in the profile: what the money would have to buy, from the goal nearest the offer.
  if (share >= 3 && c.count < 3) {
    const [goal] = c.pick('goals', 1, { keys: new Set([...c.focus, ...keysOf(offerOf(c.context.brief))]) });
    if (goal && !isClause(goal)) c.say(GOAL.forMoney, { b: goalInfinitive(goal.spoken).replace(/^to /, '') }, ['goals']);
  }
  const [criterion] = c.pick('b2b', 1, { sub: 'buyingCriteria', keys: new Set([MONEY]) });
  if (share >= 3 && criterion?.keys.has(MONEY)) c.say(WORK.moneyCriterion, { c: criterion.spoken }, ['b2b']);
};

/** What the persona makes of the brief's offer: a stance from the concept rules, then the goal it serves and the pain that could spoil it. */
export const product: Compose = (c, share) => {
  const { persona } = c.view;
  // The offer as the brief names it and the question's own words make the concept the stance is judged on.
  const verdict = judgeConcept({ text: `${offerOf(c.context.brief)}. ${c.question}` }, persona, c.context.brief, c.context.seed);
  const stance = [STANCE.no, STANCE.no, STANCE.maybe, STANCE.likely, STANCE.sure][verdict.likelihood - 1]!;
  // A verdict answers "would you…?"; "what do you think of it?" hears the reasons without a yes or no.
  if (!c.followUp && c.form?.yesNo !== false) c.say(stance, {}, ['brief']);
  const offer = keysOf(c.context.brief.description);
  const keys = new Set([...c.focus, ...offer]);
  const [goal] = c.pick('goals', 1, { keys });
  if (goal) {
    const bare = goalInfinitive(goal.spoken).replace(/^to /, '');
    const templates = verdict.likelihood <= 2 ? GOAL.offerDoubt : GOAL.offerHope;
    if (isClause(goal)) c.sayAsIs(`${goal.spoken}.`, ['goals']);
    else c.say(templates, { b: bare, g: goalInfinitive(goal.spoken) }, ['goals']);
  }
  const [pain] = c.pick('painPoints', 1, { keys });
  if (share >= 3 && pain) sayPain(c, pain, PAIN.offer);
  const criteria = c.pick('b2b', 2, { sub: 'buyingCriteria', keys });
  if (share >= 3 && criteria.length > 0) c.say(WORK.offerCriteria, { c: joinList(criteria.map((i) => i.spoken), ';') }, ['b2b']);
};
