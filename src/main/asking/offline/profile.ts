/**
 * A persona read once for answering: its items by field with their match keys, its bio split into
 * identity, household and daily-life sentences in its own voice, and the words that must keep their
 * capitals. Kept per persona object, since a focus group asks every persona the same way.
 */
import type { ProfileField } from '../../../shared/conversations';
import type { Brief, Persona } from '../../../shared/persona';
import { indefiniteArticle, normalizeForMatch } from '../../world';
import { isClause, runningText, spokenTitle, toFirstPerson, withArticle } from './voice';
import { contentStems, isStopWord, keysOf, sentencesOf } from './words';

export interface Item {
  field: ProfileField;
  /** The cultural category or the B2B part it comes from ("music", "buyingCriteria"). */
  sub?: string;
  text: string;
  /** As it reads inside a sentence. */
  spoken: string;
  stems: ReadonlySet<string>;
  keys: ReadonlySet<string>;
}

export interface ProfileView {
  persona: Persona;
  first: string;
  /** The occupation with its article, as running text: "a toolmaker". */
  occupation: string;
  household: string | null;
  /** Bio sentences other than identity and household, in the first person. */
  lifeLines: Item[];
  items: ReadonlyMap<ProfileField, Item[]>;
  properNouns: ReadonlySet<string>;
}

const HOUSEHOLD = /\b(lives?|living|shares?|rents?|raising|raises|married|widowed|divorced|single|alone|partner|husband|wife|spouse|boyfriend|girlfriend|children|kids|sons?|daughters?|grandchild|grandchildren|flatmates?|roommates?|housemates?|parents)\b/i;

/** Everyday words that a title may hold but that never need a capital in a sentence. */
const COMMON = new Set(['good', 'travel', 'love', 'life', 'home', 'food', 'time', 'world', 'great', 'best', 'new', 'day', 'night']);

const views = new WeakMap<Persona, ProfileView>();

export function viewOf(persona: Persona): ProfileView {
  let view = views.get(persona);
  if (!view) {
    view = buildView(persona);
    views.set(persona, view);
  }
  return view;
}

function buildView(persona: Persona): ProfileView {
  const nameParts = persona.name.trim().split(/\s+/);
  const first = nameParts[0] ?? persona.name;
  const lower = (list: readonly string[]) => list.flatMap((s) => String(s).split(/\s+/)).map((w) => w.toLowerCase());
  // Titles, artists and brands keep their capitals; dishes ("Croissants") read as common words, and so do a title's
  // common words ("On", "What", "Good"), which would otherwise keep a sentence's capital mid-line.
  const titles = Object.entries(persona.culturalProfile ?? {}).flatMap(([category, list]) => (category === 'food' || !Array.isArray(list) ? [] : list.map(String)));
  const properNouns = new Set<string>([
    ...lower([...nameParts, persona.location.city, persona.location.country, persona.location.region ?? '']).filter((w) => w.length > 0 && !['the', 'a', 'le', 'la', 'de', 'of'].includes(w)),
    ...lower(titles).filter((w) => w.length > 2 && !isStopWord(w) && !COMMON.has(w)),
  ]);
  const make = (field: ProfileField, text: string, sub?: string, keepCase = false): Item => {
    let shown = keepCase ? spokenTitle(text) : runningText(text, properNouns);
    // A pain that is a sentence ("Kids are picky eaters") becomes a thing one can be fed up with.
    // Only when its verb comes early: "Bike theft common enough that I worry" has none of its own.
    if ((field === 'painPoints' || sub === 'objections') && isClause(text, 3)) shown = `the fact that ${shown}`;
    return { field, text, spoken: shown, stems: new Set(contentStems(text)), keys: keysOf(text), ...(sub ? { sub } : {}) };
  };
  const items = new Map<ProfileField, Item[]>();
  const put = (field: ProfileField, list: readonly string[] | undefined, sub?: string, keepCase = false) => {
    if (!list || list.length === 0) return;
    items.set(field, [...(items.get(field) ?? []), ...list.map((t) => make(field, t, sub, keepCase))]);
  };
  put('goals', persona.goals);
  put('painPoints', persona.painPoints);
  put('values', persona.values);
  put('interests', persona.interests);
  put('channels', persona.channels);
  for (const [category, list] of Object.entries(persona.culturalProfile ?? {})) {
    if (Array.isArray(list)) put('culturalProfile', list.map(String), category, category !== 'food');
  }
  const b2b = persona.b2b;
  if (b2b) {
    put('b2b', b2b.buyingCriteria, 'buyingCriteria');
    put('b2b', b2b.objections, 'objections');
  }

  // Any run of the name's words may be how the bio calls the persona ("Diệu Hồng" of "Nguyễn Diệu Hồng").
  const names = [...new Set(nameParts.flatMap((_, i) => nameParts.slice(i).map((__, j) => nameParts.slice(i, i + j + 1).join(' ')))), first].filter((n) => n === first || (/^\p{Lu}/u.test(n) && n.length >= 3));
  const leftover = new RegExp(`(?<!\\p{L})(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?!\\p{L})`, 'u');
  const occupationWords = normalizeForMatch(persona.occupation);
  let household: string | null = null;
  const lifeLines: Item[] = [];
  for (const line of sentencesOf(persona.bio)) {
    const plain = normalizeForMatch(line);
    const identity = plain.includes(` ${persona.age} `) || plain.includes(occupationWords) || plain.includes(' years old ');
    if (identity) continue;
    const mine = toFirstPerson(line, names);
    // A sentence still naming the persona would speak of itself in the third person: left out.
    if (!mine || leftover.test(mine)) continue;
    if (household === null && HOUSEHOLD.test(line)) household = mine;
    else lifeLines.push({ field: 'bio', text: line, spoken: mine, stems: new Set(contentStems(line)), keys: keysOf(line) });
  }
  const occupation = runningText(persona.occupation, properNouns);
  return { persona, first, occupation: withArticle(occupation, indefiniteArticle(occupation)), household, lifeLines, items, properNouns };
}

/** The offer a brief is about, as a short noun phrase: "Eco-friendly meal-kit delivery for busy parents in Lyon" → "eco-friendly meal-kit delivery". */
export function offerOf(brief: Brief): string {
  const head = brief.description.split(/\s+(?:for|in|aimed at|targeting|that|which|with|to help|to)\s+|[,:;.(—–-]\s/i)[0] ?? brief.description;
  const words = head.trim().replace(/^(an?|the|our|my)\s+/i, '').split(/\s+/).slice(0, 6).join(' ');
  return words.length >= 3 ? runningText(words, new Set()) : 'it';
}

export function itemsOf(view: ProfileView, field: ProfileField, sub?: string): Item[] {
  const list = view.items.get(field) ?? [];
  return sub ? list.filter((i) => i.sub === sub) : list;
}
