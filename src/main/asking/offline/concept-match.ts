/**
 * When a concept really meets a profile line, for the concept rules: a shared word must carry a
 * topic ("hearing", "garden"), not be one any line may hold ("home", "day", "check"); a synonym
 * alone ("cheap" for "savings") is a match only for a value or a line of one word ("Flexibility").
 * And which money lines can back "the price is within my budget", in words that read as a reason.
 */
import type { Item } from './profile';
import { goalInfinitive } from './voice';
import { contentStems, matchKey, stem } from './words';

/** Words that name no topic of their own: a hearing test and "keep the home warm" share "home" and nothing else. */
const BROAD = new Set(
  `home house place life day night time minute hour second week month year people person thing way world part kind check keep start stop work
  free full real small big long short little whole easy simple quick fast end open close extra level plan hand side back top line point round live
  system`
    .split(/\s+/)
    .map(stem),
);

/**
 * How strongly a line meets the concept: 1 per shared topic word; else 1 when one of `synonymStems`
 * meets the line through a synonym group (null: synonyms do not count for this line).
 */
export function topicalStrength(item: Pick<Item, 'stems'>, stems: ReadonlySet<string>, synonymStems: ReadonlySet<string> | null): number {
  let exact = 0;
  const met = new Set<string>();
  for (const s of item.stems) {
    if (!stems.has(s)) continue;
    met.add(matchKey(s));
    if (!BROAD.has(s)) exact++;
  }
  if (exact > 0 || !synonymStems) return exact;
  // "ten minutes" is no match for "Time with family": a broad word meets nothing through its synonyms either.
  const theirs = new Set([...synonymStems].filter((s) => !BROAD.has(s)).map(matchKey));
  return [...item.stems].some((s) => !BROAD.has(s) && matchKey(s).startsWith('#') && !met.has(matchKey(s)) && theirs.has(matchKey(s))) ? 1 : 0;
}

/** Whether a synonym alone may make the match: values ("Thrift" meets "budget") and one-word lines. */
export function synonymsCount(item: Pick<Item, 'field' | 'stems'>): boolean {
  return item.field === 'values' || item.stems.size === 1;
}

/** The stems of a text's hyphenated parts: "noise-cancelling" is about noise, not about cancelling a contract. */
export function compoundStems(text: string): Set<string> {
  return new Set((text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? []).flatMap((word) => contentStems(word)));
}

/** A line about what things cost, not merely about money ("a ten-minute money check-in" is not). */
const ABOUT_PRICE = /\b(price[sd]?|pricing|pricey|costs?|costly|afford\w*|budget\w*|expensive|fees?|surcharges?|overcharg\w*|overpay\w*|bargains?|discounts?|cheap\w*|value for money|spend\w*|frugal\w*|thrift\w*)\b/i;

/** A pain about being charged, not any pain that names a budget ("a budget app reading every transaction" is about privacy). */
const CHARGED = /\b(price[sd]?|pricing|pricey|costs?|costly|expensive|fees?|surcharges?|overcharg\w*|charges?|charging|bills?)\b/i;

/** The money line a price within budget answers, best first: a value, then a pain point, then a goal. */
export function priceLine(lines: readonly Item[]): Item | undefined {
  const about = lines.filter((item) => ABOUT_PRICE.test(item.text));
  return about.find((i) => i.field === 'values') ?? about.find((i) => i.field === 'painPoints' && CHARGED.test(i.text)) ?? about.find((i) => i.field === 'goals');
}

/** "The price is within my budget", and why that matters, in a wording that fits the kind of line. */
export function priceReasonText(priceText: string, line: Item | undefined, whose: 'my' | 'our'): string {
  const within = `At ${priceText} the price is within ${whose} budget`;
  if (!line) return `${within}.`;
  if (line.field === 'painPoints') return `${within}, and a clear price matters to me after ${line.spoken}.`;
  if (line.field === 'goals') return `${within}, so it doesn't get in the way of my aim to ${goalInfinitive(line.spoken).replace(/^to /, '')}.`;
  return `${within}, and ${line.spoken.replace(/\.$/, '')} matters to me.`;
}
