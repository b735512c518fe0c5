/**
 * The built-in engine's concept verdict, by explicit rules written out in `rules`. Start at 3.
 * Matches add: +1 per goal and per pain point the concept's own words meet on a real topic
 * (concept-match.ts: a shared "home" or "day" is no match; two at most each), +1 for a value, an
 * interest, a channel, the persona's work, an audience it belongs to, +1 per buying criterion (two
 * at most), +1 for a price within its means when the profile minds what things cost and the concept
 * touches the profile otherwise; all matches together add at most +2, so a penalty always shows in
 * the score. Penalties subtract: −1 per value the concept goes against (two at most), −1 or −2 for
 * a price beyond what the persona can spend (price.ts), −1 for an audience it is not part of, −1 for
 * a B2B objection the concept runs into, −1 when nothing in the concept touches the profile at all.
 * The score is clamped to 1–5, and a price far beyond the budget caps it at 2: "far too much for
 * me" is not a middling verdict. Every verdict says at least one thing, and never one thing twice.
 * The offer's own words (the brief's "meal-kit delivery") count only for values: every goal and
 * pain point about the offer names them, so they cannot tell one concept from another.
 */
import type { ProfileField } from '../../../shared/conversations';
import type { Brief, Persona } from '../../../shared/persona';
import { SeededRandom, indefiniteArticle } from '../../world';
import { compoundStems, priceLine, priceReasonText, synonymsCount, topicalStrength } from './concept-match';
import { AUDIENCES, NEGATION, VALUE_CONFLICTS } from './concept-rules';
import { inEurosAMonth, limitInCurrency, parsePrice, priceFit, type Price } from './price';
import type { Item } from './profile';
import { itemsOf, offerOf, viewOf } from './profile';
import { goalInfinitive } from './voice';
import { contentStems, firstMatchingWord, hashString, keysOf, matchKey, overlap, stem } from './words';

export interface Reason {
  text: string;
  field: ProfileField;
}

export interface ConceptJudgement {
  likelihood: 1 | 2 | 3 | 4 | 5;
  reasons: Reason[];
  objections: Reason[];
  changeMind: string;
  rules: string[];
}

const MAX_GAIN = 2;
/** Words every offer uses and periods every price has: they meet items by accident ("app", "a week"), so they never count. */
const GENERIC = new Set(
  'app application service product platform tool solution offer option people thing new use help make get find good better best every day week month year weekly monthly daily yearly online digital'
    .split(' ')
    .map(stem),
);
/** The most a verdict that finds the price far beyond its means may score. */
const BEYOND_CAP = 2;

/** What a matched item says for the concept, in the persona's voice; one wording per field, so equal items group in a summary. */
const REASON: Partial<Record<ProfileField, (item: Item) => string>> = {
  goals: (i) => `It could help me ${goalInfinitive(i.spoken).replace(/^to /, '')}.`,
  painPoints: (i) => `It deals with something that bugs me: ${i.spoken}.`,
  values: (i) => `It fits what I care about: ${i.spoken}.`,
  interests: (i) => `It ties in with my interest in ${i.spoken}.`,
  channels: (i) => `It reaches me where I already look: ${i.spoken}.`,
  b2b: (i) => `It meets one of my buying criteria: ${i.spoken}.`,
};
const LABEL: Partial<Record<ProfileField, string>> = { goals: 'goal', painPoints: 'pain point', values: 'value', interests: 'interest', channels: 'channel', b2b: 'buying criterion' };
const CAPS: Partial<Record<ProfileField, number>> = { goals: 2, painPoints: 2, values: 1, interests: 1, channels: 1, b2b: 2 };

export function judgeConcept(concept: { text: string; price?: string }, persona: Persona, brief: Brief, seed: number): ConceptJudgement {
  const view = viewOf(persona);
  const rng = new SeededRandom(hashString(`${persona.id ?? persona.name}|${concept.text}|${concept.price ?? ''}`, seed >>> 0));
  const whole = `${concept.text} ${concept.price ?? ''}`;
  const allStems = new Set(contentStems(whole, GENERIC));
  const all = new Set([...allStems].map(matchKey));
  const offerStems = new Set(contentStems(`${offerOf(brief)} ${offerPhrase(brief)}`, GENERIC));
  // Goals and pain points often name the offer itself; only the concept's other words tell concepts apart there.
  const ownStems = new Set([...allStems].filter((s) => !offerStems.has(s)));
  const compounds = compoundStems(whole);
  const loose = (stems: ReadonlySet<string>) => new Set([...stems].filter((s) => !compounds.has(s)));
  const own = new Set([...ownStems].map(matchKey));
  const rules: string[] = [];
  const reasons: Reason[] = [];
  const objections: Reason[] = [];
  let gain = 0;
  let loss = 0;
  let touched = false;
  // Said only when nothing else is: an offer of the kind a goal is about, without a reason to prefer it.
  let neutral: Reason | undefined;

  for (const field of ['painPoints', 'goals', 'values', 'interests', 'channels', 'b2b'] as const) {
    const pool = field === 'b2b' ? itemsOf(view, 'b2b', 'buyingCriteria') : itemsOf(view, field);
    // A value may fit the offer itself (an eco offer, a value of sustainability); other fields count the concept's own words only.
    const [stems, keys] = field === 'values' ? [allStems, all] : [ownStems, own];
    const matched = pool
      .map((item) => ({ item, n: topicalStrength(item, stems, synonymsCount(item) ? loose(stems) : null) }))
      .filter((m) => m.n >= 1)
      .sort((a, b) => b.n - a.n)
      .slice(0, CAPS[field]);
    for (const { item } of matched) {
      const word = firstMatchingWord(whole, new Set([...item.keys].filter((k) => keys.has(k))), field === 'values' ? undefined : offerStems) ?? 'it';
      rules.push(`Concept mentions '${word}', which meets the ${LABEL[field]} '${item.text}' (+1)`);
      reasons.push({ text: REASON[field]!(item), field });
      gain++;
      touched = true;
    }
    // The offer itself named in a goal or pain point: relevant, but no reason to prefer this concept.
    if (matched.length === 0 && (field === 'goals' || field === 'painPoints')) {
      const category = pool.find((item) => [...item.stems].some((s) => offerStems.has(s) && allStems.has(s)));
      if (category) {
        touched = true;
        rules.push(`Concept is the kind of offer the ${LABEL[field]} '${category.text}' is about (no change)`);
        if (field === 'painPoints') objections.push({ text: `I'd worry about ${category.spoken}.`, field });
        else neutral ??= { text: `It's the kind of thing I'm looking at: I want ${goalInfinitive(category.spoken)}.`, field };
      }
    }
  }
  for (const item of itemsOf(view, 'b2b', 'objections')) {
    if (topicalStrength(item, allStems, null) < 1) continue;
    rules.push(`Concept touches the objection '${item.text}' (−1)`);
    objections.push({ text: `It runs into an old obstacle: ${item.spoken}.`, field: 'b2b' });
    loss++;
    touched = true;
    break;
  }
  const work = keysOf(`${persona.occupation} ${persona.b2b?.industry ?? ''} ${persona.b2b?.role ?? ''}`);
  const workWord = firstMatchingWord(concept.text, new Set([...work].filter((k) => own.has(k))));
  // "for students" is the audience rule's to score, not the occupation's as well.
  if (workWord && !AUDIENCES.some((a) => a.concept.test(workWord))) {
    rules.push(`Concept mentions '${workWord}', which fits the occupation '${persona.occupation}' (+1)`);
    reasons.push({ text: `It speaks to my work as ${view.occupation}.`, field: persona.b2b ? 'b2b' : 'occupation' });
    gain++;
    touched = true;
  }

  const conflicts = valueConflicts(concept.text, itemsOf(view, 'values'));
  for (const { item, word } of conflicts.slice(0, 2)) {
    rules.push(`Concept's '${word}' goes against the value '${item.text}' (−1)`);
    objections.push({ text: `${capitalizeWord(word)} goes against what I care about: ${item.spoken}.`, field: 'values' });
    loss++;
    touched = true;
  }

  let wrongAudience: string | undefined;
  for (const audience of AUDIENCES) {
    const named = audience.concept.exec(concept.text);
    // "Staff scheduling software" names its category, not its audience: the offer's own words do not count.
    if (!named || contentStems(named[0]).every((s) => offerStems.has(s))) continue;
    const field = audience.belongs(persona);
    touched = true;
    if (field) {
      rules.push(`Concept is for ${audience.label} ('${named[0]}'), which the persona is (+1)`);
      reasons.push({ text: `It's meant for people like me: ${audience.label}.`, field });
      gain++;
    } else {
      rules.push(`Concept is for ${audience.label} ('${named[0]}'), which the persona is not (−1)`);
      objections.push({ text: `It's aimed at ${audience.label}, and that isn't me.`, field: persona.b2b ? 'b2b' : 'occupation' });
      wrongAudience ??= audience.label;
      loss++;
    }
  }

  const price = parsePrice(concept.price ?? '') ?? parsePrice(concept.text);
  const moneyItems = [...itemsOf(view, 'values'), ...itemsOf(view, 'goals'), ...itemsOf(view, 'painPoints')];
  const priceLoss = price ? priceRule(price, persona, moneyItems, gain > 0, rules, reasons, objections) : null;
  if (priceLoss) {
    loss += priceLoss.loss;
    gain += priceLoss.gain;
  }

  // A price within budget is no reason to want something that meets nothing the persona needs.
  if (!touched) {
    rules.push('Nothing in the concept touches the goals, pain points, values or interests (−1)');
    const [goal] = itemsOf(view, 'goals');
    objections.push({ text: goal ? `Nothing in it speaks to what I need, like ${goalInfinitive(goal.spoken).replace(/^to /, 'being able to ')}.` : 'Nothing in it speaks to what I need.', field: 'goals' });
    loss++;
  }
  if (gain > MAX_GAIN) rules.push(`Matches add at most +${MAX_GAIN} (${gain} matched)`);
  let score = Math.max(1, Math.min(5, 3 + Math.min(gain, MAX_GAIN) - loss)) as 1 | 2 | 3 | 4 | 5;
  if (priceLoss?.fit === 'beyond' && score > BEYOND_CAP) {
    rules.push(`A price far beyond the budget caps the likelihood at ${BEYOND_CAP}`);
    score = BEYOND_CAP;
  }
  distinctLines(reasons, objections);
  if (reasons.length + objections.length === 0) (neutral ? reasons : objections).push(neutral ?? { text: "Nothing about it stands out to me, for or against.", field: 'goals' });
  rules.unshift('Start at 3');
  rules.push(`Likelihood ${score}`);
  const changeMind = changeMindOf(rng, { price, priceLoss: priceLoss?.loss ?? 0, limit: priceLoss?.limit, conflict: conflicts[0]?.word, wrongAudience, view, own, score });
  return { likelihood: score, reasons, objections, changeMind, rules };
}

interface PriceOutcome {
  fit: 'within' | 'stretch' | 'beyond';
  loss: number;
  gain: number;
  limit: number;
}

/** `matched`: something in the concept already meets the profile; a fair price alone is no reason to want it. */
function priceRule(price: Price, persona: Persona, moneyItems: readonly Item[], matched: boolean, rules: string[], reasons: Reason[], objections: Reason[]): PriceOutcome | null {
  const business = persona.b2b;
  const against = business ? `company size ${business.companySize}` : `income bracket '${persona.incomeBracket}'`;
  const monthly = `about €${Math.round(price.monthlyEur).toLocaleString('en')} a month`;
  const fit = priceFit(price, persona);
  // The limits are euros a month; a concept priced otherwise also gets them in its own currency and period.
  const inKind = (eur: number) => (inEurosAMonth(price) ? '' : `, about ${limitInCurrency(eur, price)}`);
  if (!fit) {
    rules.push(`Price ${price.text} (${monthly}), but the profile gives no income bracket (no change)`);
    return null;
  }
  const [comfortable, stretch] = fit.limits;
  const field: ProfileField = business ? 'b2b' : 'incomeBracket';
  if (fit.fit === 'beyond') {
    rules.push(`Price ${price.text} (${monthly}) is far above ${against}, over €${stretch.toLocaleString('en')} a month${inKind(stretch)} (−2)`);
    objections.push({ text: business ? `At ${price.text} it's far beyond what a company our size spends on this.` : `At ${price.text} it's far too much for me on ${indefiniteArticle(persona.incomeBracket!)} ${persona.incomeBracket} income.`, field });
    return { fit: 'beyond', loss: 2, gain: 0, limit: namedLimit(comfortable, price, BEYOND_SHARE) };
  }
  if (fit.fit === 'stretch') {
    rules.push(`Price ${price.text} (${monthly}) is a stretch for ${against}, over €${comfortable.toLocaleString('en')} a month${inKind(comfortable)} (−1)`);
    objections.push({ text: business ? `At ${price.text} it would need a proper budget case.` : `At ${price.text} it's a stretch on ${indefiniteArticle(persona.incomeBracket!)} ${persona.incomeBracket} income.`, field });
    return { fit: 'stretch', loss: 1, gain: 0, limit: namedLimit(comfortable, price, STRETCH_SHARE) };
  }
  const careful = priceLine(moneyItems);
  // The line that makes the price matter is cited with it; without one, the budget alone is said.
  reasons.push({ text: priceReasonText(price.text, careful, business ? 'our' : 'my'), field });
  if (careful && matched) {
    rules.push(`Price ${price.text} (${monthly}) is within ${against} and meets '${careful.text}' (+1)`);
    return { fit: 'within', loss: 0, gain: 1, limit: comfortable };
  }
  rules.push(`Price ${price.text} (${monthly}) is within ${against}${careful ? `; '${careful.text}' minds the cost, but nothing else in the concept meets the profile` : ''} (no change)`);
  return { fit: 'within', loss: 0, gain: 0, limit: comfortable };
}

/**
 * The least share of the asked price a persona names as the price that would change their mind. Nobody answers a
 * €59-a-week meal kit with "under €4.50 a week": far beyond the budget, they ask for about half; a stretch, a quarter off.
 */
const BEYOND_SHARE = 0.5;
const STRETCH_SHARE = 0.75;

/** The monthly euro figure a persona names: what they can comfortably spend, but never less than that share of the price. */
function namedLimit(comfortable: number, price: Price, share: number): number {
  return Math.max(comfortable, price.monthlyEur * share);
}

function valueConflicts(conceptText: string, valueItems: readonly Item[]): Array<{ item: Item; word: string }> {
  const out: Array<{ item: Item; word: string }> = [];
  for (const item of valueItems) {
    for (const conflict of VALUE_CONFLICTS) {
      if (!conflict.value.test(item.text)) continue;
      const hit = conflict.concept.exec(conceptText);
      if (!hit) continue;
      const before = conceptText.slice(0, hit.index);
      const after = conceptText.slice(hit.index + hit[0].length);
      if (NEGATION.test(before) || /^[-\s]?free\b/i.test(after)) continue;
      out.push({ item, word: hit[0].toLowerCase() });
      break;
    }
  }
  return out;
}

interface ChangeMindInput {
  price: Price | null;
  priceLoss: number;
  limit: number | undefined;
  conflict: string | undefined;
  wrongAudience: string | undefined;
  view: ReturnType<typeof viewOf>;
  own: ReadonlySet<string>;
  score: number;
}

/** What would move the persona: the biggest penalty undone, else the pain point the concept leaves open. */
function changeMindOf(rng: SeededRandom, input: ChangeMindInput): string {
  const { price, priceLoss, limit, conflict, wrongAudience, view, own, score } = input;
  if (price && priceLoss > 0 && limit !== undefined) {
    const figure = limitInCurrency(limit, price);
    // The figure carries the concept's own currency and period: "€59 a week" is answered in euros a week.
    return rng.pick([`A lower price: under ${figure} would feel manageable.`, `If it cost under ${figure}, I'd think again.`]);
  }
  if (conflict) return rng.pick([`Dropping the ${conflict} would change my mind.`, `Without the ${conflict}, I'd look at it again.`]);
  if (wrongAudience) return rng.pick([`Showing it works for someone like me, not just ${wrongAudience}.`, `If it were made for people in my situation, not only ${wrongAudience}.`]);
  const open = itemsOf(view, 'painPoints').find((item) => overlap(item.keys, own) === 0);
  if (open && score < 5) return rng.pick([`If it also dealt with ${open.spoken}, I'd be keener.`, `Show me it solves ${open.spoken} and I'm in.`]);
  const [goal] = itemsOf(view, 'goals');
  const wish = goal ? goalInfinitive(goal.spoken).replace(/^to /, '') : 'do what I need';
  return score >= 4 ? rng.pick([`Seeing it help me ${wish} in practice would settle it.`, `A first try that helps me ${wish} would seal it.`]) : `If it helped me ${wish}, I'd take a closer look.`;
}

/**
 * The offer as profiles name it, with what it comes with: "A personal finance app with savings pots for
 * renters" → "personal finance app with savings pots". Its words are in every goal about the offer.
 */
function offerPhrase(brief: Brief): string {
  return brief.description.split(/\s+(?:for|in|aimed at|targeting|that|which|to help)\s+|[,:;.(—–]\s/i)[0] ?? '';
}

/** No sentence twice, and none both for and against: a line given as a reason is dropped from the objections. */
function distinctLines(reasons: Reason[], objections: Reason[]): void {
  const seen = new Set<string>();
  const keep = (list: Reason[]) => {
    const out = list.filter((r) => {
      const key = r.text.trim().toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    list.splice(0, list.length, ...out);
  };
  keep(reasons);
  keep(objections);
}

function capitalizeWord(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
