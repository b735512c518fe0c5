/**
 * Answers about work (the B2B profile when there is one, else the occupation) and about anything
 * the profile does not cover, answered honestly in character (answer-topic.ts).
 */
import { normalizeForMatch } from '../../world';
import type { Compose } from './answer-needs';
import { offProfile } from './answer-topic';
import { WORK } from './phrasing';
import { joinList, roleText } from './voice';
import { keysOf, overlap } from './words';

const CRITERIA_CUE = / (look for|need|needs|criteria|choose|decide|evaluate|important|matters|requirements?|checklist|compare) /;
const OBJECTION_CUE = / (stop|stops|block|blocker|concern|worry|problem|hesitat|object|objection|risk|slow|slows|down|delay|delays|barrier|against) /;
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
    if (c.count < 2) c.say(WORK.noMore, {}, []);
    return;
  }
  const role = b2b.role.trim();
  const article = /^[aeiou]/i.test(role) ? 'an' : 'a';
  const vars = { role: `${article} ${roleText(role)}`, industry: roleText(b2b.industry), size: b2b.companySize };
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

/** Nothing in the question's intents: an honest answer in character, with the nearest thing the persona knows. */
export const unknown: Compose = (c) => offProfile(c);
