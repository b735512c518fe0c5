/**
 * What the facts suggest for the brief's offer: two to five sentences, each from one theme or one
 * difference and carrying its count, so every claim can be traced to the set.
 */
import { INCOME_BRACKETS, type IncomeBracket } from '../../shared/persona';
import type { Difference } from './differences';
import { quotedWords } from './prose-lists';
import { minimumMembers, type ThemeGroup } from './themes';

const MAX_IMPLICATIONS = 5;
const MAX_FROM_THEMES = 3;
/** Which spreads matter most for what to do next. */
const PRIORITY: ReadonlyArray<Difference['kind']> = ['decision', 'companySize', 'channels', 'income', 'place', 'age', 'values'];

/** "eco-friendly meal-kit delivery" → "the eco-friendly meal-kit delivery"; "an app for…" → "the app for…". */
function offerReference(offer: string): string {
  // "Mobile banking app" as written at the start of a brief reads "mobile banking app" mid-sentence; "SaaS", "UK" stay.
  const plain = offer
    .trim()
    .replace(/^([A-Z])(?=[a-z]+\b(?!\S*[A-Z]))/, (c) => c.toLowerCase())
    // "b2B SaaS" as the analysis may give it back: "B2B".
    .replace(/^([a-z])(?=\d[A-Z])/, (c) => c.toUpperCase())
    // The place is the set's own: "the coworking space", not "the coworking space in Nairobi".
    .replace(/\s+in\s+\p{Lu}[\p{L}'’. -]*$/u, '');
  if (plain === '' || /^the offer$/i.test(plain)) return 'the offer';
  if (/^(an?)\s/i.test(plain)) return plain.replace(/^an?\s/i, 'the ');
  if (/^(the|our|my|your|their|this)\s/i.test(plain)) return plain;
  return `the ${plain}`;
}

export function implicationsOf(themes: readonly ThemeGroup[], differences: readonly Difference[], total: number, offer: string): string[] {
  const ref = offerReference(offer);
  const out: string[] = [];
  const usedThemes = new Set<string>();
  for (const theme of themes) {
    if (out.length >= MAX_FROM_THEMES) break;
    if (theme.personaIds.length < minimumMembers(total)) continue;
    // One sentence per theme: a lexicon theme's need and pain point, or the same shared words as a goal and a pain, would suggest the same.
    const id = theme.lexicon ? theme.lexicon.id : `words:${[...theme.words].sort().join(' ')}`;
    if (usedThemes.has(id)) continue;
    usedThemes.add(id);
    out.push(fromTheme(theme, total, ref));
  }
  const b2b = differences.some((d) => d.kind === 'decision' || d.kind === 'companySize');
  for (const difference of [...differences].sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind))) {
    if (out.length >= MAX_IMPLICATIONS) break;
    // A buyer's own income says little about what a company pays.
    if (b2b && difference.kind === 'income') continue;
    const sentence = fromDifference(difference, total, ref);
    if (sentence) out.push(sentence);
  }
  if (themes.length === 0) out.unshift(`Interview them one by one before designing for a segment: no goal or pain point is shared by ${total === 2 ? 'both' : `two of the ${total}`} personas.`);
  return out.slice(0, MAX_IMPLICATIONS);
}

function fromTheme(theme: ThemeGroup, total: number, offer: string): string {
  const one = theme.personaIds.length === 1;
  const n = `${theme.personaIds.length} of ${total} ${total === 1 ? 'persona' : 'personas'}`;
  const where = theme.kind === 'pain' ? `among ${one ? 'its' : 'their'} pain points` : `among ${one ? 'its' : 'their'} goals`;
  if (theme.lexicon) {
    const phrase = theme.kind === 'pain' ? theme.lexicon.painPhrase : theme.lexicon.needPhrase;
    return `${fill(theme.lexicon.suggestion[theme.kind], offer)}: ${n} ${one ? 'names' : 'name'} ${phrase} ${where}.`;
  }
  return `Ask what lies behind ${quotedWords(theme.words)} before building on it: ${n} ${one ? 'brings' : 'bring'} it up ${where}.`;
}

function fromDifference(d: Difference, _total: number, offer: string): string | undefined {
  const f = d.facts;
  switch (d.kind) {
    case 'income':
      return INCOME_BRACKETS.indexOf(f.hi as IncomeBracket) - INCOME_BRACKETS.indexOf(f.lo as IncomeBracket) >= 2 ? `Offer more than one price point for ${offer}: incomes run from ${f.lo} to ${f.hi} (${f.counts}).` : undefined;
    case 'channels':
      if (Number(f.everyone) === 1) return `Reach them through ${f.top}, which all ${f.of} use${f.second ? `, and ${f.second} for ${f.secondCount} of them` : ''}.`;
      if (Number(f.topCount) < 2) return undefined;
      return Number(f.widestCount) > 1
        ? `Reach them where they already are: no channel reaches everyone, and ${f.widest} reach ${f.topCount} of ${f.of} each.`
        : `Reach them where they already are: no channel reaches everyone, and the widest, ${f.top}, reaches ${f.topCount} of ${f.of}${f.second ? ` (then ${f.second}, ${f.secondCount})` : ''}.`;
    case 'age':
      return Number(f.max) - Number(f.min) >= 20 ? `Test ${offer} with the youngest and the oldest alike: ages run from ${f.min} to ${f.max}.` : undefined;
    case 'decision':
      return Number(f.deciders) * 2 < Number(f.of) ? `Give those who influence the purchase what they need to make the case: only ${f.deciders} of ${f.of} decide on it themselves.` : undefined;
    case 'companySize':
      return `Package ${offer} for companies of different sizes: from ${f.smallest} to ${f.largest} employees.`;
    case 'place':
      return Number(f.countries) > 1 ? `Check ${offer} against each country's habits and rules: the set spans ${f.countries} countries.` : undefined;
    case 'values':
      return undefined;
  }
  return undefined;
}

function fill(template: string, offer: string): string {
  return template.replace('{offer}', offer);
}
