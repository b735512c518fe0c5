/**
 * Answers about work (the B2B profile when there is one, else the occupation) and about anything
 * the profile does not cover: the closest item it has, then a plain line that it says no more.
 */
import { lowerFirst, normalizeForMatch } from '../../world';
import type { Compose } from './answer-needs';
import { sayGoal, sayPain, sayQuote } from './answer-needs';
import type { Composer } from './composer';
import { GOAL, PAIN, UNKNOWN, WORK } from './phrasing';
import type { Item } from './profile';
import { joinList } from './voice';
import { keysOf, overlap } from './words';

const CRITERIA_CUE = / (look for|need|needs|criteria|choose|decide|evaluate|important|matters|requirements?|checklist|compare) /;
const OBJECTION_CUE = / (stop|block|blocker|concern|worry|problem|hesitat|object|objection|risk|slow|barrier|against) /;
const WORK_LINE = keysOf('work job shift office clients colleague team boss business study lecture class retired career');

export const work: Compose = (c, share) => {
  const { persona, occupation } = c.view;
  const q = normalizeForMatch(c.question);
  const b2b = persona.b2b;
  if (!b2b) {
    if (c.followUp) return;
    c.say(WORK.occupation, { occupation, city: persona.location.city }, ['occupation', 'location']);
    const [line] = c.lifeLines(1, new Set([...WORK_LINE, ...c.focus]));
    if (line && overlap(line.keys, new Set([...WORK_LINE, ...c.focus])) > 0) c.sayAsIs(line.spoken, ['bio']);
    c.say(WORK.noMore, {}, []);
    return;
  }
  const role = b2b.role.trim();
  const article = /^[aeiou]/i.test(role) ? 'an' : 'a';
  const vars = { role: `${article} ${lowerFirst(role)}`, industry: lowerFirst(b2b.industry), size: b2b.companySize };
  const criteria = c.pick('b2b', 2, { sub: 'buyingCriteria' });
  const objections = c.pick('b2b', 1, { sub: 'objections' });
  const sayCriteria = () =>
    criteria.length > 0 && c.say(WORK.criteria, { c: joinList(criteria.map((i) => i.spoken), ';') }, ['b2b']);
  const sayObjection = () => objections[0] && c.say(WORK.objection, { o: objections[0].spoken }, ['b2b']);
  const sayRole = () => c.say(WORK.role, vars, ['b2b', 'occupation']);
  if (CRITERIA_CUE.test(q)) {
    sayCriteria();
    if (share >= 2) c.say(WORK[b2b.decisionPower], {}, ['b2b']);
    if (share >= 3) sayObjection();
  } else if (OBJECTION_CUE.test(q)) {
    sayObjection();
    if (share >= 2) sayCriteria();
  } else {
    sayRole();
    if (share >= 2) c.say(WORK[b2b.decisionPower], {}, ['b2b']);
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
  c.say(UNKNOWN.opening, { occupation: c.view.occupation }, []);
  const item = closest(c);
  if (item?.field === 'painPoints') sayPain(c, item, PAIN.nearest);
  else if (item?.field === 'goals') sayGoal(c, item, GOAL.nearest);
  else if (item?.field === 'bio') c.sayAsIs(item.spoken, ['bio']);
  else if (item) c.say(UNKNOWN.nearest, { x: item.spoken }, [item.field]);
  else {
    // Nothing near: the person at least, through a value, their own words or an interest.
    const [value] = c.pick('values', 1);
    const interests = c.pick('interests', value ? 1 : 2);
    const i = joinList(interests.map((x) => x.spoken));
    if (value && interests.length > 0) c.say(UNKNOWN.valueAndInterest, { v: value.spoken, i }, ['values', 'interests']);
    else if (value) c.say(UNKNOWN.value, { v: value.spoken }, ['values']);
    else if (!sayQuote(c) && interests.length > 0) c.say(UNKNOWN.interest, { i }, ['interests']);
  }
  c.say(UNKNOWN.noMore, {}, []);
};

