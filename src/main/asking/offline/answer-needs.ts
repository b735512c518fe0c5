/**
 * Answers about what the persona wants, what gets in its way, what it would pay, and what it makes
 * of the brief's offer: every sentence names an item of the field that answers it.
 */
import type { IncomeBracket } from '../../../shared/persona';
import type { Composer } from './composer';
import { judgeConcept } from './concept';
import { parsePrice, priceFit, type Fit } from './price';
import { offerOf, type Item } from './profile';
import { goalInfinitive, joinList } from './voice';
import { keysOf, matchKey, overlap, stem } from './words';

export type Compose = (c: Composer, share: number) => void;

const PAIN_FIRST = ['What really gets to me is {p}.', 'My biggest frustration is {p}.', "I'm fed up with {p}.", 'The thing that wears me down is {p}.', "It's {p} that bothers me most.", 'Top of my list of headaches is {p}.', "I can't stand {p}.", 'What puts me off most is {p}.'];
const PAIN_NEXT = ['Then there is {p}.', 'Not far behind is {p}.', "I'd add {p} to that list too.", 'And {p} is a close second.', 'On top of that, there is {p}.', 'Another one is {p}.'];
const GOAL_FIRST = ['Mostly I want {g}.', 'Right now I want {g}.', 'My main aim is {g}.', "Above all, I'd like {g}.", 'What I really want is {g}.', "I'm hoping {g}.", 'The big thing for me is being able {g}.'];
const GOAL_NEXT = ["I'd also like {g}.", 'Beyond that, I want {g}.', "And I'm hoping {g} as well.", 'Next on my list: I want {g}.', 'After that, I would like {g}.'];
const QUOTE = ['As I always say: "{q}"', 'Or, as I put it: "{q}"', 'The way I see it: "{q}"'];
const VALUE_WHY = ['It matters because I care about {v}.', 'That goes against {v}, which I care about.', 'For me it comes down to {v}.'];

/** Income brackets in the persona's words: what the bracket says about spending, and nothing more. */
const INCOME: Record<IncomeBracket, readonly string[]> = {
  low: ['Money is tight on a low income, so every purchase gets weighed up.', "On a low income I can't spend freely, so price comes first.", 'My income is low, so the price has to be right.'],
  'lower-middle': ["I'm on a lower-middle income, so I watch what I spend.", 'On a lower-middle income, I think twice before paying for extras.', 'My income is lower-middle, so I budget carefully.'],
  middle: ["I'm on a middle income: I'll pay for things that earn their place, but I compare first.", 'My income is in the middle, so I can spend a bit, but not without thinking.', 'On a middle income I want to see where the money goes.'],
  'upper-middle': ["I'm comfortable on an upper-middle income, so price alone rarely decides it.", 'On an upper-middle income I can afford to pay, but it still has to be worth it.', "Money isn't the main issue for me; I'm on an upper-middle income."],
  high: ["I'm on a high income, so price is rarely what decides it for me.", "Price isn't my main worry; I'm on a high income.", 'On a high income I can pay what it costs, so the price is not the first thing I check.'],
};

const FIT: Record<Fit, readonly string[]> = {
  within: ['I could manage {price}.', '{price} sounds manageable to me.'],
  stretch: ['{price} would be a stretch for me.', 'At {price} I would have to think hard.'],
  beyond: ['{price} is far too much for me.', '{price} is more than I can justify.'],
};

const STANCE = {
  sure: ["Yes, I'd give it a try.", "I'd definitely try it.", "Honestly, yes: I'd use it.", "I'd sign up, I think.", "Count me in, most likely.", "I'd happily try it."],
  likely: ["I'd try it, I think, if it's done right.", "I'd probably give it a go.", "Yes, I'd try it, with a couple of conditions.", "I'd give it a try, as long as it delivers."],
  maybe: ['Maybe, it depends on the details.', "Possibly, if it's done right.", "I might, but I'd need convincing.", "I'm open to it, with conditions.", 'It could work for me, depending on how it is done.'],
  no: ["Probably not, as it stands.", "I doubt it's for me right now.", "I'm not convinced it's for me.", "I'd probably pass, to be honest.", "It's not really for me, I think."],
};

const MONEY = matchKey(stem('price'));

/** Whether an item, once spoken, is the persona's own sentence ("I want to retire early"). */
const isClause = (item: Item) => /^I\b|^I'/.test(item.spoken);

export function sayPain(c: Composer, pain: Item, templates: readonly string[] = PAIN_FIRST): void {
  if (isClause(pain)) c.sayAsIs(`${pain.spoken}.`, [pain.field]);
  else c.say(templates, { p: pain.spoken }, [pain.field]);
}

export function sayGoal(c: Composer, goal: Item, templates: readonly string[] = GOAL_FIRST): void {
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
  if (share >= 2 && second) sayPain(c, second, PAIN_NEXT);
  if (share >= 3) {
    const [value] = c.pick('values', 1, { keys: first.keys });
    if (value && overlap(value.keys, first.keys) > 0) c.say(VALUE_WHY, { v: value.spoken }, ['values']);
    else sayQuote(c);
  }
};

export const goals: Compose = (c, share) => {
  const [first, second] = c.pick('goals', 2);
  if (!first) return;
  sayGoal(c, first);
  if (share >= 2 && second) sayGoal(c, second, GOAL_NEXT);
  if (share >= 3) sayQuote(c);
};

export const price: Compose = (c, share) => {
  const { persona } = c.view;
  if (persona.incomeBracket) c.say(INCOME[persona.incomeBracket], {}, ['incomeBracket']);
  else c.say(["My profile doesn't say what I earn.", "I can't tell you my income; my profile doesn't say."], {}, []);
  // A price in the question is set against the same limits the concept rules use.
  const asked = parsePrice(c.question);
  const fit = asked ? priceFit(asked, persona) : null;
  if (asked && fit) c.say(FIT[fit.fit], { price: asked.text }, [persona.b2b ? 'b2b' : 'incomeBracket']);
  const money = new Set([MONEY, ...c.focus]);
  const candidates = [...c.pick('painPoints', 1, { keys: money }), ...c.pick('goals', 1, { keys: money }), ...c.pick('values', 1, { keys: money })]
    .filter((item) => item.keys.has(MONEY))
    .sort((a, b) => overlap(b.keys, c.focus) - overlap(a.keys, c.focus));
  const item = candidates[0];
  if (share >= 2 && item?.field === 'painPoints') sayPain(c, item, ['What I watch out for is {p}.', "I've no patience for {p}.", 'I get wary with {p}.']);
  else if (share >= 2 && item?.field === 'goals') sayGoal(c, item, ['I want {g}.', "I'm trying {g}.", 'The aim is {g}.']);
  else if (share >= 2 && item) c.say(['{v} matters to me.', 'For me it comes down to {v}.'], { v: item.spoken }, ['values']);
  const [value] = c.pick('values', 1);
  const forMoney = value?.keys.has(MONEY) ? ['{v} matters to me.', 'For me it comes down to {v}.'] : ['In the end I weigh it against {v}.', 'What I want for my money is {v}.'];
  if (share >= 2 && value && (!item || item.field !== 'values') && c.count < 3) c.say(forMoney, { v: value.spoken }, ['values']);
  // Nothing about money in the profile: what the money would have to buy, from the goal nearest the offer.
  if (share >= 3 && c.count < 3) {
    const [goal] = c.pick('goals', 1, { keys: new Set([...c.focus, ...keysOf(offerOf(c.context.brief))]) });
    if (goal && !isClause(goal)) c.say(['For the money, it would have to help me {b}.', "I'd pay if it helped me {b}."], { b: goalInfinitive(goal.spoken).replace(/^to /, '') }, ['goals']);
  }
  const [criterion] = c.pick('b2b', 1, { sub: 'buyingCriteria', keys: new Set([MONEY]) });
  if (share >= 3 && criterion?.keys.has(MONEY)) c.say(['At work, I look at {c}.', 'For the business, it is about {c}.'], { c: criterion.spoken }, ['b2b']);
};

/** What the persona makes of the brief's offer: a stance from the concept rules, then the goal it serves and the pain that could spoil it. */
export const product: Compose = (c, share) => {
  const { persona } = c.view;
  // The offer as the brief names it and the question's own words make the concept the stance is judged on.
  const verdict = judgeConcept({ text: `${offerOf(c.context.brief)}. ${c.question}` }, persona, c.context.brief, c.context.seed);
  const stance = [STANCE.no, STANCE.no, STANCE.maybe, STANCE.likely, STANCE.sure][verdict.likelihood - 1]!;
  if (!c.followUp) c.say(stance, {}, ['brief']);
  const offer = keysOf(c.context.brief.description);
  const keys = new Set([...c.focus, ...offer]);
  const [goal] = c.pick('goals', 1, { keys });
  if (goal) {
    const bare = goalInfinitive(goal.spoken).replace(/^to /, '');
    const templates = verdict.likelihood <= 2 ? ["I'd only bite if it helped me {b}.", 'It would have to help me {b}.'] : ['It could help me {b}.', 'If it let me {b}, that would win me over.', 'What appeals is the chance {g}.'];
    if (isClause(goal)) c.sayAsIs(`${goal.spoken}.`, ['goals']);
    else c.say(templates, { b: bare, g: goalInfinitive(goal.spoken) }, ['goals']);
  }
  const [pain] = c.pick('painPoints', 1, { keys });
  if (share >= 3 && pain) sayPain(c, pain, ['What would put me off is {p}.', 'My worry is {p}.', "I've had enough of {p}, so that would have to be sorted.", 'The catch for me would be {p}.']);
  const criteria = c.pick('b2b', 2, { sub: 'buyingCriteria', keys });
  if (share >= 3 && criteria.length > 0) c.say(['Before anything else I would check this: {c}.', 'On my checklist for it: {c}.'], { c: joinList(criteria.map((i) => i.spoken), ';') }, ['b2b']);
};
