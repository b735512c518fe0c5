/**
 * Answers about who the persona is, what it values, how it finds things and what it enjoys: the
 * identity comes from the profile's own fields, the household and days from its bio, in its voice.
 */
import { normalizeForMatch } from '../../world';
import type { Compose } from './answer-needs';
import { sayQuote } from './answer-needs';
import { unknown } from './answer-other';
import { itemsOf } from './profile';
import { ABOUT, GOAL, HABIT, TASTE, VALUE } from './phrasing';
import { goalInfinitive, joinList } from './voice';
import { contentStems, keysOf, overlap, stem, wordsOf } from './words';

/** Words that ask about values without naming one. */
const VALUE_CUES = new Set('value important importance matter care principle stand most really thing things life lot you your what which how much look find choose pick supplier vendor brand product service when buying'.split(' ').map(stem));

/** Cultural categories by the words that ask for them. */
const CATEGORY_CUES: ReadonlyArray<readonly [string, RegExp]> = [
  ['music', / (listen|listening|music|songs?|bands?|artists?|singers?|playlists?|concerts?) /],
  ['podcasts', / (podcasts?|listen|listening) /],
  ['movies', / (films?|movies?|cinema|watch|watching) /],
  ['tv', / (tv|television|series|shows?|netflix|stream|streaming|watch|watching|binge) /],
  ['books', / (read|reading|books?|novels?|authors?) /],
  ['food', / (eat|eating|food|dish|dishes|cuisine|cook|cooking|restaurants?|snacks?|dinner|lunch) /],
  ['brands', / (brands?|wear|clothes|fashion|shop|shopping) /],
  ['destinations', / (travel|travelling|traveling|holidays?|vacations?|trips?|destinations?|visit|getaway) /],
];
/** Words an interest about each category would use ("Films and series" for movies). */
const CATEGORY_WORDS: Record<string, string> = {
  music: 'music song concert radio band choir', podcasts: 'podcast radio listen', movies: 'film cinema movie watch', tv: 'tv series television show watch',
  books: 'book read reading novel literature', food: 'food cook cooking eat restaurant baking', brands: 'brand shop shopping fashion', destinations: 'travel trip holiday',
};
const NEIGHBOUR: Record<string, string> = { movies: 'tv', tv: 'movies', music: 'podcasts', podcasts: 'music', books: 'podcasts', food: 'destinations', destinations: 'food', brands: 'food' };

const HOUSEHOLD_CUE = / (live with|family|household|kids|children|partner|married|spouse|husband|wife|alone|home life|flatmates?|roommates?) /;
const IDENTITY_CUE = / (yourself|who are you|about you|introduce|describe you|background|your life|typical|weekday|your day|day to day|daily|a day in|routine|grew up|grow up|how old|your age|where do you live|where are you from) /;
const DAY_CUE = / (typical day|your day|day to day|daily|routine|morning|evening|week|weekend|a day in) /;
const LEISURE_CUE = / (free time|spare time|weekends?|hobby|hobbies|fun|relax|unwind|downtime|interests|interested in|evenings) /;

export const about: Compose = (c, share) => {
  const { persona, first, occupation, household } = c.view;
  const q = normalizeForMatch(c.question);
  const vars = { first, age: String(persona.age), occupation, city: persona.location.city, country: persona.location.country };
  const identity = ['age', 'occupation', 'location'] as const;
  // Asked to go on: who they are was said; their days are what is left.
  if (c.followUp) {
    for (const line of c.lifeLines(2)) c.sayAsIs(line.spoken, ['bio']);
    return;
  }
  if (/ (how old|your age) /.test(q)) c.say(ABOUT.age, vars, ['age']);
  if (/ (where do you live|where are you from|where you live|live in|based) /.test(q)) c.say(ABOUT.place, vars, ['location']);
  const wantsHousehold = HOUSEHOLD_CUE.test(q);
  if (wantsHousehold && household) c.sayAsIs(household, ['household']);
  // "How do you get home?" is about a day, not about who is speaking: the days' lines that meet it come first.
  if (!IDENTITY_CUE.test(q) && !wantsHousehold && c.count === 0) {
    const [line] = c.lifeLines(1);
    if (line && overlap(line.keys, c.focus) > 0) c.sayAsIs(line.spoken, ['bio']);
  }
  if (c.count === 0 || (!wantsHousehold && IDENTITY_CUE.test(q))) c.say(ABOUT.intro, vars, [...identity]);
  if (wantsHousehold && !household) c.say(ABOUT.noHousehold, {}, []);
  else if (!wantsHousehold && household && share >= 2) c.sayAsIs(household, ['household']);
  const dayKeys = DAY_CUE.test(q) ? keysOf('morning evening week weekend every day work plan cook walk study') : c.focus;
  for (const line of c.lifeLines(Math.max(0, Math.min(2, share - 2)), new Set([...dayKeys, ...c.focus]))) c.sayAsIs(line.spoken, ['bio']);
};

export const values: Compose = (c, share) => {
  const [first, second] = c.pick('values', 2);
  if (!first) {
    c.say(ABOUT.noValues, {}, []);
    const [goal] = c.pick('goals', 1);
    if (goal) c.say(GOAL.nearest, { g: goalInfinitive(goal.spoken) }, ['goals']);
    return;
  }
  // "Is sustainability important to you?" when it is not among the values: say so before naming those that are.
  const topic = contentStems(c.question, VALUE_CUES).filter((s) => ![...itemsOf(c.view, 'values')].some((v) => v.stems.has(s)));
  const named = topic.length > 0 ? wordsOf(c.question).find((w) => stem(w) === topic[0]) : undefined;
  if (named && c.count === 0 && overlap(first.keys, c.focus) === 0) c.say(VALUE.absent, { t: named }, []);
  c.say(VALUE.first, { v: first.spoken }, ['values']);
  if (share >= 2 && second) c.say(VALUE.next, { v: second.spoken }, ['values']);
  if (share >= 3) sayQuote(c);
};

export const habits: Compose = (c, share) => {
  const q = normalizeForMatch(c.question);
  const channels = c.pick('channels', 2);
  const interests = c.pick('interests', 2);
  const leisureFirst = LEISURE_CUE.test(q) || channels.length === 0;
  const sayChannels = () => channels.length > 0 && c.say(HABIT.channel, { c: joinList(channels.map((i) => i.spoken)) }, ['channels']);
  const sayInterests = () => interests.length > 0 && c.say(HABIT.interest, { i: joinList(interests.map((i) => i.spoken)) }, ['interests']);
  // Free time is told by interests, then a taste; finding things out by channels, then interests.
  const tasteCategory = c.rng.pick(['music', 'tv', 'books', 'podcasts', 'food']);
  const taste = c.pick('culturalProfile', 2, { sub: tasteCategory });
  if (leisureFirst) sayInterests();
  else sayChannels();
  if (share >= 2) {
    if (!leisureFirst) sayInterests();
    else if (taste.length > 0) c.say(TASTE[tasteCategory]!, { x: joinList(taste.map((i) => i.spoken)) }, ['culturalProfile']);
    else sayChannels();
  }
  const brands = c.pick('culturalProfile', 2, { sub: 'brands' });
  if (share >= 3 && / (shop|shopping|buy|buying|groceries) /.test(q) && brands.length > 0) c.say(TASTE.brands!, { x: joinList(brands.map((i) => i.spoken)) }, ['culturalProfile']);
  const [line] = c.lifeLines(1);
  if (share >= 3 && line && [...line.keys].some((k) => c.focus.has(k))) c.sayAsIs(line.spoken, ['bio']);
};

export const tastes: Compose = (c, share) => {
  const q = normalizeForMatch(c.question);
  const available = (category: string) => itemsOf(c.view, 'culturalProfile', category).length > 0;
  let asked = CATEGORY_CUES.filter(([, cue]) => cue.test(q)).map(([category]) => category);
  const askedAny = asked.length > 0;
  // "Your favourite colour": a favourite the cultural profile has no category for.
  const favourite = / (favourite|favorite) (\w+)/.exec(q);
  if (!askedAny && favourite && !Object.values(CATEGORY_WORDS).some((words) => words.includes(favourite[2]!.slice(0, 4)))) return unknown(c, share);
  if (!askedAny) asked = c.rng.shuffle(CATEGORY_CUES.map(([category]) => category)).slice(0, 3);
  const categories = asked.filter(available).slice(0, Math.max(1, Math.min(2, share)));
  // One kind asked about: the kind next to it rounds the answer out ("films?" → a show or two as well).
  const neighbour = categories.length === 1 ? NEIGHBOUR[categories[0]!] : undefined;
  if (share >= 2 && neighbour && available(neighbour)) categories.push(neighbour);
  for (const category of categories) {
    const picked = c.pick('culturalProfile', 2, { sub: category });
    if (picked.length > 0) c.say(TASTE[category]!, { x: joinList(picked.map((i) => i.spoken)) }, ['culturalProfile']);
  }
  if (categories.length > 0) return;
  // Nothing of that kind in the profile: say so, and offer the nearest interests.
  const interests = c.pick('interests', 2, { keys: new Set([...c.focus, ...keysOf(asked.map((category) => CATEGORY_WORDS[category] ?? category).join(' '))]) });
  c.say(TASTE.none!, {}, []);
  if (interests.length > 0) c.say(TASTE.nearest!, { i: joinList(interests.map((i) => i.spoken)) }, ['interests']);
};
