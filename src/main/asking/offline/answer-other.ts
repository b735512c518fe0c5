/**
 * Answers about work (the B2B profile when there is one, else the occupation) and about anything
 * the profile does not cover: the closest item it has, then a plain line that it says no more.
 */
import type { DecisionPower } from '../../../shared/persona';
import { lowerFirst, normalizeForMatch } from '../../world';
import type { Compose } from './answer-needs';
import { sayGoal, sayPain, sayQuote } from './answer-needs';
import type { Composer } from './composer';
import type { Item } from './profile';
import { joinList } from './voice';
import { keysOf, overlap } from './words';

const DECISION: Record<DecisionPower, readonly string[]> = {
  'decision-maker': ['I sign off on what we buy.', 'The buying decision is mine.'],
  influencer: ["I don't sign off on purchases, but my recommendation carries weight.", 'I shape what we buy, though someone else signs.'],
  user: ['I use the tools every day; others decide what we buy.', "I'm a user more than a buyer: the decision sits above me."],
  gatekeeper: ['Vendors have to get past me before anyone else sees them.', 'I screen suppliers before they reach the people who sign.'],
};
const SAYS_NO_MORE = ["My profile doesn't say more than that.", "Beyond that, my profile doesn't say.", "That's as far as my profile goes."];

const CRITERIA_CUE = / (look for|need|needs|criteria|choose|decide|evaluate|important|matters|requirements?|checklist|compare) /;
const OBJECTION_CUE = / (stop|block|blocker|concern|worry|problem|hesitat|object|objection|risk|slow|barrier|against) /;
const WORK_LINE = keysOf('work job shift office clients colleague team boss business study lecture class retired career');

export const work: Compose = (c, share) => {
  const { persona, occupation } = c.view;
  const q = normalizeForMatch(c.question);
  const b2b = persona.b2b;
  if (!b2b) {
    if (c.followUp) return;
    c.say(["I'm {occupation} in {city}.", 'Work-wise, I am {occupation}, based in {city}.'], { occupation, city: persona.location.city }, ['occupation', 'location']);
    const [line] = c.lifeLines(1, new Set([...WORK_LINE, ...c.focus]));
    if (line && overlap(line.keys, new Set([...WORK_LINE, ...c.focus])) > 0) c.sayAsIs(line.spoken, ['bio']);
    c.say(["My profile doesn't say more about my work than that.", 'About the job itself, my profile says no more.'], {}, []);
    return;
  }
  const role = b2b.role.trim();
  const article = /^[aeiou]/i.test(role) ? 'an' : 'a';
  const vars = { role: `${article} ${lowerFirst(role)}`, industry: lowerFirst(b2b.industry), size: b2b.companySize };
  const criteria = c.pick('b2b', 2, { sub: 'buyingCriteria' });
  const objections = c.pick('b2b', 1, { sub: 'objections' });
  const sayCriteria = () =>
    criteria.length > 0 && c.say(['My checklist: {c}.', 'On my list when we buy: {c}.', 'I judge a tool on this: {c}.', 'What I check first: {c}.'], { c: joinList(criteria.map((i) => i.spoken), ';') }, ['b2b']);
  const sayObjection = () => objections[0] && c.say(['The usual blocker is {o}.', 'What slows us down is {o}.', 'The sticking point tends to be {o}.'], { o: objections[0].spoken }, ['b2b']);
  const sayRole = () => c.say(['I am {role} in {industry}, at a company of {size} people.', 'I work as {role} in {industry}; the company has {size} people.', 'I am {role}: {industry}, a firm of {size} people.'], vars, ['b2b', 'occupation']);
  if (CRITERIA_CUE.test(q)) {
    sayCriteria();
    if (share >= 2) c.say(DECISION[b2b.decisionPower], {}, ['b2b']);
    if (share >= 3) sayObjection();
  } else if (OBJECTION_CUE.test(q)) {
    sayObjection();
    if (share >= 2) sayCriteria();
  } else {
    sayRole();
    if (share >= 2) c.say(DECISION[b2b.decisionPower], {}, ['b2b']);
    if (share >= 3) sayCriteria();
  }
};

/** The item across the profile that shares most words with the question, if any does. */
function closest(c: Composer): Item | undefined {
  const pools: Item[] = [...c.pick('painPoints', 1), ...c.pick('goals', 1), ...c.pick('values', 1), ...c.pick('interests', 1), ...c.pick('channels', 1), ...c.pick('culturalProfile', 1), ...c.lifeLines(1)];
  let best: Item | undefined;
  let bestScore = 0;
  for (const item of pools) {
    const score = overlap(item.keys, c.focus);
    if (score > bestScore) [best, bestScore] = [item, score];
  }
  return best;
}

export const unknown: Compose = (c) => {
  // Mostly with who is speaking, so that two personas with the same nearest item still answer differently.
  c.say(
    ["I can't say much about that.", "That's not something I think about much.", 'Hard to say, as {occupation}.', "As {occupation}, I don't really have a view on that.", "I'm {occupation}; that's not something I think about much.", "Speaking as {occupation}, I can't say much about that."],
    { occupation: c.view.occupation },
    [],
  );
  const item = closest(c);
  if (item?.field === 'painPoints') sayPain(c, item, ['What I can tell you is that {p} bothers me.', 'The nearest thing I know is {p}, which gets to me.']);
  else if (item?.field === 'goals') sayGoal(c, item, ['What I can say is that I want {g}.', 'The nearest thing is that I want {g}.']);
  else if (item?.field === 'bio') c.sayAsIs(item.spoken, ['bio']);
  else if (item) c.say(['What I can tell you is that I like {x}.', 'The nearest thing I can mention is {x}.'], { x: item.spoken }, [item.field]);
  else {
    // Nothing near: the person at least, through a value, their own words or an interest.
    const [value] = c.pick('values', 1);
    const interests = c.pick('interests', value ? 1 : 2);
    const i = joinList(interests.map((x) => x.spoken));
    if (value && interests.length > 0) c.say(['What I can say is that {v} matters to me, and I enjoy {i}.', 'What I do know is that I care about {v} and like {i}.'], { v: value.spoken, i }, ['values', 'interests']);
    else if (value) c.say(['What I can say is that {v} matters to me.', 'What I do know is that I care about {v}.'], { v: value.spoken }, ['values']);
    else if (!sayQuote(c) && interests.length > 0) c.say(['What I can tell you is that I enjoy {i}.', 'I can tell you I enjoy {i}.'], { i }, ['interests']);
  }
  c.say(SAYS_NO_MORE, {}, []);
};

export { SAYS_NO_MORE };
