/**
 * Every phrasing the built-in engine speaks in, one place: {placeholders} take profile items. Kept
 * together so a focus-group summary can tell the engine's own words from what the personas said.
 */
import type { ProfileField } from '../../../shared/conversations';
import { sentencesOf } from './words';

export const OPENERS = ['Honestly, ', 'Well, ', 'For me, ', 'To be fair, ', 'Hmm, ', 'If I think about it, ', 'Truthfully, ', 'Right, so '];

export const PAIN = {
  first: ['What really gets to me: {p}.', 'My biggest frustration is {p}.', 'The thing that wears me down is {p}.', 'Top of my list of headaches: {p}.', 'What puts me off most is {p}.', 'The hardest part for me is {p}.'],
  next: ["Then there's the problem of {p}.", 'Not far behind: {p}.', "I'd add {p} to that list too.", 'A close second: {p}.', 'On top of that, I have to deal with {p}.', 'Another one: {p}.'],
  money: ['What I watch out for is {p}.', "I've no patience for {p}.", 'I get wary with {p}.'],
  offer: ['What would put me off is {p}.', 'My worry is {p}.', "I've had enough of {p}, so that would have to be sorted.", 'The catch for me would be {p}.'],
  nearest: ['Closer to home for me is {p}.', 'What is on my mind more is {p}.'],
  because: ['Mostly because of {p}.', 'It comes down to {p}, mostly.', 'Largely {p}, if I am honest.'],
};

export const GOAL = {
  first: ['Mostly I want {g}.', 'Right now I want {g}.', 'My main aim is {g}.', "Above all, I'd like {g}.", 'What I really want is {g}.', "I'm hoping {g}.", 'The big thing for me is being able {g}.'],
  next: ["I'd also like {g}.", 'Beyond that, I want {g}.', "And I'm hoping {g} as well.", 'Next on my list: I want {g}.', 'After that, I would like {g}.'],
  money: ['I want {g}.', "I'm aiming {g}.", 'The aim is {g}.'],
  forMoney: ['For the money, it would have to help me {b}.', "I'd pay if it helped me {b}."],
  offerDoubt: ["I'd only bite if it helped me {b}.", 'It would have to help me {b}.'],
  offerHope: ['It could help me {b}.', 'If it let me {b}, that would win me over.', 'What appeals is the chance {g}.'],
  nearest: ['What I can say is that I want {g}.', 'Closer to home, I want {g}.'],
};

export const QUOTE = ['As I always say: "{q}"', 'Or, as I put it: "{q}"', 'The way I see it: "{q}"'];

export const VALUE = {
  first: ['What matters most to me is {v}.', 'I care a lot about {v}.', 'For me it starts with {v}.', "I won't compromise on {v}.", 'If I had to pick one thing, it would be {v}.'],
  next: ['After that comes {v}.', 'I care about {v} too.', 'And {v}, close behind.', 'I also hold on to {v}.'],
  why: ['It matters because I care about {v}.', 'That goes against {v}, which I care about.', 'For me it comes down to {v}.'],
  because: ['Because {v} matters to me.', 'It comes down to {v}, really.', 'Mostly because I care about {v}.'],
  moneyValue: ['I care about {v}.', 'For me it comes down to {v}.'],
  weighed: ['In the end I weigh it against {v}.', 'What I want for my money is {v}.'],
  also: ['I care about {v} as well.', 'I should add that I care about {v}.'],
  absent: ["{t} isn't the first word I'd reach for.", "I wouldn't put {t} at the top of my list."],
};

/** Income brackets in the persona's words: what the bracket says about spending, and nothing more. */
export const INCOME = {
  low: ['Money is tight on a low income, so every purchase gets weighed up.', "On a low income I can't spend freely, so price comes first.", 'My income is low, so the price has to be right.'],
  'lower-middle': ["I'm on a lower-middle income, so I watch what I spend.", 'On a lower-middle income, I think twice before paying for extras.', 'My income is lower-middle, so I budget carefully.'],
  middle: ["I'm on a middle income: I'll pay for things that earn their place, but I compare first.", 'My income is in the middle, so I can spend a bit, but not without thinking.', 'On a middle income I want to see where the money goes.'],
  'upper-middle': ["I'm comfortable on an upper-middle income, so price alone rarely decides it.", 'On an upper-middle income I can afford to pay, but it still has to be worth it.', "Money isn't the main issue for me; I'm on an upper-middle income."],
  high: ["I'm on a high income, so price is rarely what decides it for me.", "Price isn't my main worry; I'm on a high income.", 'On a high income I can pay what it costs, so the price is not the first thing I check.'],
  unknown: ["I'd rather not get into what I earn.", 'I keep what I earn to myself, but I do watch where the money goes.'],
};

/** A price named in the question against the persona's limits (price.ts). */
export const FIT = {
  within: ['I could manage {price}.', '{price} sounds manageable to me.'],
  stretch: ['{price} would be a stretch for me.', 'At {price} I would have to think hard.'],
  beyond: ['{price} is far too much for me.', '{price} is more than I can justify.'],
};

/** The stance on the offer, by the concept rules' likelihood: 5, 4, 3, and 1–2. */
export const STANCE = {
  sure: ["Yes, I'd give it a try.", "I'd definitely try it.", "Honestly, yes: I'd use it.", "I'd sign up, I think.", 'Count me in, most likely.', "I'd happily try it."],
  likely: ["I'd try it, I think, if it's done right.", "I'd probably give it a go.", "Yes, I'd try it, with a couple of conditions.", "I'd give it a try, as long as it delivers."],
  maybe: ['Maybe, it depends on the details.', "Possibly, if it's done right.", "I might, but I'd need convincing.", "I'm open to it, with conditions.", 'It could work for me, depending on how it is done.'],
  no: ['Probably not, as it stands.', "I doubt it's for me right now.", "I'm not convinced it's for me.", "I'd probably pass, to be honest.", "It's not really for me, I think."],
};

export const ABOUT = {
  intro: [
    "I'm {first}, {age}, {occupation} in {city}.",
    "I'm {first}: {age} years old and {occupation} in {city}.",
    "My name's {first}, I'm {age}, and I'm {occupation} based in {city}.",
    "{first} here: I'm {age} and {occupation}, living in {city}.",
    "I'm {age}, I'm {occupation}, and I live in {city}, {country}.",
  ],
  age: ["I'm {age}.", "I'm {age} years old."],
  place: ['I live in {city}, {country}.', 'Home is {city}, in {country}.'],
  noHousehold: ["I couldn't tell you much about my home life; I keep it to myself.", "I'd rather keep home life out of it."],
  noValues: ["I couldn't tell you my values as a neat list.", "I couldn't name my values off the cuff."],
};

export const HABIT = {
  channel: ['I usually find out about things through {c}.', 'Mostly I hear about new things from {c}.', '{c}: that is where I pick up most of what I know.', 'I tend to rely on {c}.', 'Most of what I hear about comes through {c}.'],
  interestFirst: ["I'm into {i}.", 'I spend a fair bit of time on {i}.', '{i} is a big part of my week.'],
  interest: ['In my free time it is {i}.', "Outside of that, I'm into {i}.", 'My spare time goes on {i}.', 'When I get a free hour, it is usually {i}.', 'I unwind with {i}.'],
};

export const TASTE: Record<string, readonly string[]> = {
  music: ['I listen to a lot of {x}.', "Music-wise, it's {x} for me.", 'My playlists are mostly {x}.', "You'd catch me playing {x}."],
  podcasts: ['I listen to {x}.', 'For podcasts, I go for {x}.', 'Podcast-wise, it is {x}.'],
  movies: ['For films, I love {x}.', 'I keep coming back to {x}.', 'Film-wise, {x} are favourites of mine.'],
  tv: ['On TV, I watch {x}.', "I've been watching {x}.", 'My shows are {x}.'],
  books: ["I've read {x}.", "On my shelf you'd find {x}.", 'Book-wise, {x}.'],
  food: ['I love {x}.', 'Food-wise, give me {x}.', "When it comes to food, I'm into {x}."],
  brands: ['I tend to go for {x}.', 'Brands I trust are {x}.', 'I usually buy {x}.'],
  destinations: ['For trips, I love {x}.', 'Give me a trip to {x}.', '{x} are my kind of places.'],
  none: ["I couldn't tell you any favourites there.", "I couldn't name favourites there, honestly."],
  nearest: ['What I can say is that I enjoy {i}.', 'I do enjoy {i}, though.'],
};

export const WORK = {
  occupation: ["I'm {occupation} in {city}.", 'Work-wise, I am {occupation}, based in {city}.'],
  noMore: ["I couldn't tell you much more about the job than that.", 'That is the job, really; not much more to tell.'],
  role: ['I am {role} in {industry}, at a company of {size} people.', 'I work as {role} in {industry}; the company has {size} people.', 'I am {role}: {industry}, a firm of {size} people.'],
  criteria: ['My checklist: {c}.', 'On my list when we buy: {c}.', 'I judge a tool on this: {c}.', 'What I check first: {c}.'],
  offerCriteria: ['Before anything else I would check this: {c}.', 'On my checklist for it: {c}.'],
  moneyCriterion: ['At work, I look at {c}.', 'For the business, it is about {c}.'],
  objection: ['The usual blocker is {o}.', 'What slows us down is {o}.', 'The sticking point tends to be {o}.'],
  'decision-maker': ['I sign off on what we buy.', 'The buying decision is mine.'],
  influencer: ["I don't sign off on purchases, but my recommendation carries weight.", 'I shape what we buy, though someone else signs.'],
  user: ['I use the tools every day; others decide what we buy.', "I'm a user more than a buyer: the decision sits above me."],
  size: ['We are a company of {size} people, all told.', 'The company has {size} people, to give you a sense of scale.'],
  gatekeeper: ['Vendors have to get past me before anyone else sees them.', 'I screen suppliers before they reach the people who sign.'],
};

export const UNKNOWN = {
  // Mostly with who is speaking, so that two personas with the same nearest item still answer differently.
  opening: ["I couldn't tell you much about that, to be honest.", "That's not really my area, to be honest.", "Not something I've given much thought, I'll admit.", "As {occupation}, I couldn't tell you much about that.", "That's not really my area; I'm {occupation}, after all."],
  /** The question's topic named, when it is a word or two. */
  openingOn: ["I couldn't tell you much about {t}, to be honest.", "On {t}, I couldn't tell you much, honestly.", "{t}? Not something I've given much thought, I'll admit."],
  why: ["It's hard to pin down, honestly.", "I couldn't point to one reason, to be honest.", 'There is no single reason I could give you.'],
  experience: ["Nothing I'd want to go into, to be honest.", 'Nothing that comes to mind right now.', "Not that I'd make much of, honestly."],
  routine: ["Nothing out of the ordinary, to be honest.", "It's pretty ordinary, honestly.", 'Nothing special, really; it is the usual routine.'],
  echo: ['Something like {t} would not decide it for me on its own.', "I'd want to see the difference {t} would make before paying extra."],
  nearest: ['What I can tell you is that I like {x}.', 'Closer to home, I like {x}.'],
  valueAndInterest: ['What I can say is that I care about {v}, and I enjoy {i}.', 'What I do know is that I care about {v} and like {i}.'],
  value: ['What I can say is that I care about {v}.', 'What I do know is that I care about {v}.'],
  interest: ['What I can tell you is that I enjoy {i}.', 'I can tell you I enjoy {i}.'],
  noMore: ["I couldn't tell you more than that.", "That's about all I can tell you.", "Not something I've given much thought beyond that."],
  allSaid: ["That's really all there is to it.", "There isn't much more to it than that."],
};

/** A figure or a name the persona would have to look up: declined in character, never made up. */
export const FIGURE = {
  count: ["I'd have to check the exact number of {t}.", "I couldn't give you an exact figure for {t} off the top of my head.", "I'd have to check; I don't keep the number of {t} in my head."],
  amount: ["I'd have to check the exact figure.", "I couldn't give you an exact figure off the top of my head."],
  name: ["I'll keep {t} to myself, if that's all right.", "I'd rather keep {t} out of this, if you don't mind."],
};

/** Which profile field each phrasing carries, so a summary knows what a sentence's words are about; null for none in particular. */
const FIELD_OF: ReadonlyArray<readonly [readonly string[], ProfileField | null]> = [
  ...Object.values(PAIN).map((t) => [t, 'painPoints'] as const),
  ...Object.values(GOAL).map((t) => [t, 'goals'] as const),
  [QUOTE, 'quote'],
  ...Object.values(VALUE).map((t) => [t, 'values'] as const),
  ...Object.values(INCOME).map((t) => [t, 'incomeBracket'] as const),
  ...Object.values(FIT).map((t) => [t, 'incomeBracket'] as const),
  ...Object.values(STANCE).map((t) => [t, 'brief'] as const),
  [ABOUT.intro, 'occupation'],
  [ABOUT.age, 'age'],
  [ABOUT.place, 'location'],
  [[...ABOUT.noHousehold, ...ABOUT.noValues, ...TASTE.none!, ...UNKNOWN.opening, ...UNKNOWN.routine, ...UNKNOWN.why, ...UNKNOWN.experience, ...UNKNOWN.echo, ...UNKNOWN.openingOn, ...UNKNOWN.noMore, ...UNKNOWN.allSaid, ...UNKNOWN.nearest, ...Object.values(FIGURE).flat()], null],
  [HABIT.channel, 'channels'],
  [[...HABIT.interest, ...HABIT.interestFirst, ...TASTE.nearest!, ...UNKNOWN.interest], 'interests'],
  ...['music', 'podcasts', 'movies', 'tv', 'books', 'food', 'brands', 'destinations'].map((k) => [TASTE[k]!, 'culturalProfile'] as const),
  [WORK.occupation, 'occupation'],
  ...Object.entries(WORK)
    .filter(([k]) => k !== 'occupation')
    .map(([, t]) => [t, 'b2b'] as const),
  [[...UNKNOWN.value, ...UNKNOWN.valueAndInterest], 'values'],
];

/** Placeholders that carry a field of their own whatever the phrasing: "{city}" is the place even in an introduction. */
const PLACEHOLDER_FIELD: Readonly<Record<string, ProfileField | null>> = { first: null, age: 'age', occupation: 'occupation', city: 'location', country: 'location', price: 'incomeBracket' };

/** Each phrasing as a pattern whose groups are its placeholders, longest first so the most specific wins. */
const PATTERNS = FIELD_OF.flatMap(([templates, field]) => templates.map((t) => ({ t, field })))
  .sort((a, b) => b.t.length - a.t.length)
  .map(({ t, field }) => ({
    fields: [...t.matchAll(/\{(\w+)\}/g)].map((m) => (m[1]! in PLACEHOLDER_FIELD ? PLACEHOLDER_FIELD[m[1]!]! : field)),
    pattern: new RegExp(`^${t.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '(.+?)')}$`, 'i'),
  }));

export interface OwnWords {
  /** The field the phrasing carries; null when the sentence is in no phrasing (a bio line, a model's words) or in one about nothing in particular. */
  field: ProfileField | null;
  text: string;
}

/** An answer's own words, sentence by sentence; a quoted motto counts whole, the words leading into it do not. */
export function ownWordsOf(answer: string): OwnWords[] {
  const quotes = [...answer.matchAll(/"([^"]*)"/g)].map((m) => ({ field: 'quote' as const, text: m[1]! }));
  const rest = answer.replace(/[^.!?]*"[^"]*"/g, ' ');
  return [...sentencesOf(rest).flatMap(ownWords), ...quotes];
}

/**
 * What a sentence of an answer says beyond the engine's phrasing: "Honestly, my biggest frustration
 * is late deliveries." → painPoints, "late deliveries"; a sentence in no phrasing is kept whole.
 */
function ownWords(sentence: string): OwnWords[] {
  let text = sentence.trim();
  for (const opener of OPENERS) if (text.toLowerCase().startsWith(opener.toLowerCase())) text = text.slice(opener.length);
  for (const { fields, pattern } of PATTERNS) {
    const m = pattern.exec(text);
    if (m) return fields.map((field, i) => ({ field, text: m[i + 1]! })).filter((w) => w.field !== null || fields.every((f) => f === null));
  }
  return [{ field: null, text }];
}
