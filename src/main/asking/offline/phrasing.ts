/**
 * Every phrasing the built-in engine speaks in, one place: {placeholders} take profile items. Kept
 * together so a focus-group summary can tell the engine's own words from what the personas said.
 */
import type { ProfileField } from '../../../shared/conversations';
import { sentencesOf } from './words';

export const OPENERS = ['Honestly, ', 'Well, ', 'For me, ', 'To be fair, ', 'Hmm, ', 'If I think about it, ', 'Truthfully, ', 'Right, so '];

export const PAIN = {
  first: ['What really gets to me is {p}.', 'My biggest frustration is {p}.', "I'm fed up with {p}.", 'The thing that wears me down is {p}.', "It's {p} that I find hardest.", 'Top of my list of headaches is {p}.', "I can't stand {p}.", 'What puts me off most is {p}.'],
  next: ["Then there's the problem of {p}.", 'Not far behind: {p}.', "I'd add {p} to that list too.", 'A close second: {p}.', 'On top of that, I have to deal with {p}.', 'Another one: {p}.'],
  money: ['What I watch out for is {p}.', "I've no patience for {p}.", 'I get wary with {p}.'],
  offer: ['What would put me off is {p}.', 'My worry is {p}.', "I've had enough of {p}, so that would have to be sorted.", 'The catch for me would be {p}.'],
  nearest: ['What I can tell you is that I struggle with {p}.', 'The nearest thing I can name is {p}.'],
};

export const GOAL = {
  first: ['Mostly I want {g}.', 'Right now I want {g}.', 'My main aim is {g}.', "Above all, I'd like {g}.", 'What I really want is {g}.', "I'm hoping {g}.", 'The big thing for me is being able {g}.'],
  next: ["I'd also like {g}.", 'Beyond that, I want {g}.', "And I'm hoping {g} as well.", 'Next on my list: I want {g}.', 'After that, I would like {g}.'],
  money: ['I want {g}.', "I'm aiming {g}.", 'The aim is {g}.'],
  forMoney: ['For the money, it would have to help me {b}.', "I'd pay if it helped me {b}."],
  offerDoubt: ["I'd only bite if it helped me {b}.", 'It would have to help me {b}.'],
  offerHope: ['It could help me {b}.', 'If it let me {b}, that would win me over.', 'What appeals is the chance {g}.'],
  nearest: ['What I can say is that I want {g}.', 'The nearest thing is that I want {g}.'],
};

export const QUOTE = ['As I always say: "{q}"', 'Or, as I put it: "{q}"', 'The way I see it: "{q}"'];

export const VALUE = {
  first: ['What matters most to me is {v}.', 'I care a lot about {v}.', 'For me it starts with {v}.', "{v} is the thing I won't compromise on.", 'If I had to pick one thing, it would be {v}.'],
  next: ['After that comes {v}.', '{v} matters to me too.', 'And {v}, close behind.', 'I also hold on to {v}.'],
  why: ['It matters because I care about {v}.', 'That goes against {v}, which I care about.', 'For me it comes down to {v}.'],
  because: ['Because {v} matters to me.', 'It comes down to {v}, really.', 'Mostly because I care about {v}.'],
  moneyValue: ['{v} matters to me.', 'For me it comes down to {v}.'],
  weighed: ['In the end I weigh it against {v}.', 'What I want for my money is {v}.'],
  also: ['{v} matters to me as well.', 'I should add that I care about {v}.'],
  absent: ["My profile doesn't mention {t} among my values.", "{t} isn't one of the values my profile lists."],
};

/** Income brackets in the persona's words: what the bracket says about spending, and nothing more. */
export const INCOME = {
  low: ['Money is tight on a low income, so every purchase gets weighed up.', "On a low income I can't spend freely, so price comes first.", 'My income is low, so the price has to be right.'],
  'lower-middle': ["I'm on a lower-middle income, so I watch what I spend.", 'On a lower-middle income, I think twice before paying for extras.', 'My income is lower-middle, so I budget carefully.'],
  middle: ["I'm on a middle income: I'll pay for things that earn their place, but I compare first.", 'My income is in the middle, so I can spend a bit, but not without thinking.', 'On a middle income I want to see where the money goes.'],
  'upper-middle': ["I'm comfortable on an upper-middle income, so price alone rarely decides it.", 'On an upper-middle income I can afford to pay, but it still has to be worth it.', "Money isn't the main issue for me; I'm on an upper-middle income."],
  high: ["I'm on a high income, so price is rarely what decides it for me.", "Price isn't my main worry; I'm on a high income.", 'On a high income I can pay what it costs, so the price is not the first thing I check.'],
  unknown: ["My profile doesn't say what I earn.", "I can't tell you my income; my profile doesn't say."],
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
  noHousehold: ["My profile doesn't say who I live with.", "Who I live with, my profile doesn't say."],
  noValues: ["My profile doesn't list my values as such.", "I couldn't name my values; my profile doesn't list them."],
};

export const HABIT = {
  channel: ['I usually find out about things through {c}.', 'Mostly I hear about new things from {c}.', '{c}: that is where I pick up most of what I know.', 'I tend to rely on {c}.', 'Most of what I hear about comes through {c}.'],
  interest: ['In my free time it is {i}.', "Outside of that, I'm into {i}.", 'My spare time goes on {i}.', 'When I get a free hour, it is usually {i}.', 'I unwind with {i}.'],
};

export const TASTE: Record<string, readonly string[]> = {
  music: ['I listen to a lot of {x}.', "Music-wise, it's {x} for me.", 'My playlists are mostly {x}.', "You'd catch me playing {x}."],
  podcasts: ['I listen to {x}.', 'For podcasts, I go for {x}.', 'Podcast-wise, it is {x}.'],
  movies: ['For films, I love {x}.', 'I keep coming back to {x}.', 'Film-wise, {x} are favourites of mine.'],
  tv: ['On TV, I watch {x}.', "I've been watching {x}.", 'My shows are {x}.'],
  books: ["I've read {x}.", "On my shelf you'd find {x}.", 'Book-wise, {x}.'],
  food: ['I love {x}.', 'Food-wise, give me {x}.', 'My favourites to eat are {x}.'],
  brands: ['I tend to go for {x}.', 'Brands I trust are {x}.', 'I usually buy {x}.'],
  destinations: ['For trips, I love {x}.', 'Give me a trip to {x}.', '{x} are my kind of places.'],
  none: ["My profile doesn't name favourites there.", "I couldn't name favourites; my profile doesn't list them."],
  nearest: ['What I can say is that I enjoy {i}.', 'I do enjoy {i}, though.'],
};

export const WORK = {
  occupation: ["I'm {occupation} in {city}.", 'Work-wise, I am {occupation}, based in {city}.'],
  noMore: ["My profile doesn't say more about my work than that.", 'About the job itself, my profile says no more.'],
  role: ['I am {role} in {industry}, at a company of {size} people.', 'I work as {role} in {industry}; the company has {size} people.', 'I am {role}: {industry}, a firm of {size} people.'],
  criteria: ['My checklist: {c}.', 'On my list when we buy: {c}.', 'I judge a tool on this: {c}.', 'What I check first: {c}.'],
  offerCriteria: ['Before anything else I would check this: {c}.', 'On my checklist for it: {c}.'],
  moneyCriterion: ['At work, I look at {c}.', 'For the business, it is about {c}.'],
  objection: ['The usual blocker is {o}.', 'What slows us down is {o}.', 'The sticking point tends to be {o}.'],
  'decision-maker': ['I sign off on what we buy.', 'The buying decision is mine.'],
  influencer: ["I don't sign off on purchases, but my recommendation carries weight.", 'I shape what we buy, though someone else signs.'],
  user: ['I use the tools every day; others decide what we buy.', "I'm a user more than a buyer: the decision sits above me."],
  gatekeeper: ['Vendors have to get past me before anyone else sees them.', 'I screen suppliers before they reach the people who sign.'],
};

export const UNKNOWN = {
  // Mostly with who is speaking, so that two personas with the same nearest item still answer differently.
  opening: ["I can't say much about that.", "That's not something I think about much.", 'Hard to say, as {occupation}.', "As {occupation}, I don't really have a view on that.", "I'm {occupation}; that's not something I think about much.", "Speaking as {occupation}, I can't say much about that."],
  nearest: ['What I can tell you is that I like {x}.', 'The nearest thing I can mention is {x}.'],
  valueAndInterest: ['What I can say is that {v} matters to me, and I enjoy {i}.', 'What I do know is that I care about {v} and like {i}.'],
  value: ['What I can say is that {v} matters to me.', 'What I do know is that I care about {v}.'],
  interest: ['What I can tell you is that I enjoy {i}.', 'I can tell you I enjoy {i}.'],
  noMore: ["My profile doesn't say more than that.", "Beyond that, my profile doesn't say.", "That's as far as my profile goes."],
  allSaid: ["That's really all there is to it.", "There isn't much more to it than that."],
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
  [[...ABOUT.noHousehold, ...ABOUT.noValues, ...TASTE.none!, ...UNKNOWN.opening, ...UNKNOWN.noMore, ...UNKNOWN.allSaid, ...UNKNOWN.nearest], null],
  [HABIT.channel, 'channels'],
  [[...HABIT.interest, ...TASTE.nearest!, ...UNKNOWN.interest], 'interests'],
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
