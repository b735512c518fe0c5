/**
 * How well a persona fits its brief, whatever wrote it (the built-in engine, an LLM, an import):
 * where it lives, its age, whether it reads as the audience's life stage, whether its goals and
 * pain points are about the product, whether it contradicts itself, whether it repeats another
 * persona of the set, and how much of it was repaired or filled. A persona outside the brief's
 * place, age or audience cannot score above 55; one that contradicts itself loses 15 a clash and
 * cannot score above 70. Every deduction comes with a reason in words.
 */
import type { Level, Persona } from '../../shared/persona';
import { normalizeForMatch } from '../world';
import { ageMismatches } from '../world';
import { audienceTraits, missingTraits, type Trait } from './audience-traits';
import { agesInWords } from './ages-in-words';
import { findContradictions } from './contradictions';
import { placeFit } from './place-fit';

export interface FidelityContext {
  level: Level;
  ageRange: readonly [number, number] | null;
  place: {
    /** What the brief asked for, for reasons: "Kuala Lumpur and nearby, Malaysia". */
    label: string;
    /** ISO codes of the countries the personas should live in; empty when the brief names no place. */
    countries: readonly string[];
    /** Named cities a persona should live near (with how far counts as near). */
    near: ReadonlyArray<{ name: string; lat: number; lon: number; km: number }>;
  };
  /** The audience, when the brief names one. */
  stage: { label: string; cues: readonly string[]; contradictions: readonly string[]; work: 'working' | 'student' | 'retired' | 'any' } | null;
  /** What the product is about: its domain's words and the brief's own product words. */
  domain: { label: string; cues: readonly string[] };
  /** A country's ISO code from the name a persona carries, and a city's position. */
  countryCode(name: string): string | undefined;
  cityPosition(name: string, countryCode: string, region?: string): { lat: number; lon: number } | undefined;
  /** The usual age span of a job title, when it is known. */
  jobAges(title: string): readonly [number, number] | undefined;
  /** The brief as written: its own words name the audience's traits; its age field wins over the ages read from its words. */
  brief?: { description: string; location?: string | undefined; segment?: string | undefined; ageRange?: readonly [number, number] | undefined };
  /** The brief's own words for the ages (world/age-range.ts: "aged 35-55"), when `ageRange` was read from them. */
  agesSaid?: string | null;
}

export interface Fidelity {
  score: number;
  reasons: string[];
}

export interface Provenance {
  repaired: number;
  filled: number;
  /** Pointers of the filled fields (meta.filled): a filled core fact costs more than a filled extra. */
  filledFields?: readonly string[];
}

/**
 * The facts a persona stands on. Filled by repair (a default age of 40, "Not stated"), the persona
 * is partly invented: without this a persona whose text gave only a name and goals scored above one
 * read in full, since a filled field cost no more than a repaired one.
 */
const CORE_FACTS: ReadonlyArray<readonly [string, string]> = [
  ['/age', 'age not in the text'],
  ['/location/city', 'no place given'],
  ['/occupation', 'occupation not in the text'],
];
const CORE_PENALTY = 8;

/** The core facts filled rather than read, as reasons. */
export function missingCoreFacts(filledFields: readonly string[] | undefined): string[] {
  if (!filledFields || filledFields.length === 0) return [];
  return CORE_FACTS.filter(([pointer]) => filledFields.includes(pointer) || (pointer === '/location/city' && filledFields.includes('/location'))).map(([, reason]) => reason);
}

/** The most a persona scores when it is outside the brief's place, age or audience. */
const OFF_BRIEF_CAP = 55;
/** Each clash within a persona costs this, and the first caps it at 70 (85 less one clash). */
const CLASH_PENALTY = 15;
const CLASH_CAP = 85;
/** A persona with no sign of any of the audience's traits loses this much of the audience's 15; of some of them, the half. */
const TRAIT_PENALTY = 10;
/** Fields a persona has, for the share repaired or filled. */
const FIELDS = 22;

const lower = (text: string) => text.toLowerCase();

/** Scores every persona of a set (repetition is judged across the set). */
/** What repair writes where the text said nothing: the same words in every persona, never a repetition by the writer. */
const NOT_STATED = 'not stated';

export function scoreSet(personas: readonly Persona[], context: FidelityContext, provenance: readonly Provenance[] = []): Fidelity[] {
  const quoteCount = countBy(personas.flatMap((p) => (p.quote && lower(p.quote.trim()) !== NOT_STATED ? [lower(p.quote.trim())] : [])));
  const lineCount = countBy(personas.flatMap((p) => [...new Set([...p.goals, ...p.painPoints].map((l) => lower(l.trim())))].filter((l) => l !== NOT_STATED)));
  const seenQuotes = new Set<string>();
  return personas.map((persona, i) => {
    const quote = persona.quote ? lower(persona.quote.trim()) : null;
    const repeatsQuote = quote !== null && (quoteCount.get(quote) ?? 0) > 1 && seenQuotes.has(quote);
    if (quote) seenQuotes.add(quote);
    const repeatedLines = [...new Set([...persona.goals, ...persona.painPoints].map((l) => lower(l.trim())))].filter((l) => (lineCount.get(l) ?? 0) > 1).length;
    return scoreFidelity(persona, context, { repeatsQuote, repeatedLines }, provenance[i] ?? { repaired: 0, filled: 0 });
  });
}

export function scoreFidelity(
  persona: Persona,
  context: FidelityContext,
  repetition: { repeatsQuote: boolean; repeatedLines: number } = { repeatsQuote: false, repeatedLines: 0 },
  provenance: Provenance = { repaired: 0, filled: 0 },
): Fidelity {
  const reasons: string[] = [];
  let offBrief = false;
  let score = 0;
  const text = lower([persona.bio, ...persona.goals, ...persona.painPoints, persona.quote ?? ''].join(' \n '));

  const brief = readBrief(context);

  // Place: 20.
  const place = placeFit(persona, context);
  score += place.points;
  offBrief ||= place.offBrief;
  if (place.reason) reasons.push(place.reason);

  // Age: 15.
  const ages = brief.ages;
  if (!ages || (persona.age >= ages.range[0] && persona.age <= ages.range[1])) score += 15;
  else {
    offBrief = true;
    reasons.push(`Age ${persona.age} is outside the brief's ${agesInWords(ages.range)}${ages.said ? ` ("${ages.said}")` : ''}.`);
  }

  // Audience: 15, less what the profile does not show of the audience's traits.
  let audience = 0;
  if (context.stage) {
    const said = context.stage.contradictions.find((phrase) => text.includes(lower(phrase)));
    const occupation = lower(persona.occupation);
    const wrongWork =
      (context.stage.work === 'retired' && !/retired|pension/.test(occupation) ? 'works instead of being retired' : null) ??
      (context.stage.work === 'student' && !/student|pupil|studying|phd|apprentice/.test(occupation) ? 'is not studying' : null);
    if (said) {
      offBrief = true;
      reasons.push(`Says "${said}", which does not fit ${lower(context.stage.label)}.`);
    } else if (wrongWork) {
      offBrief = true;
      reasons.push(`${persona.occupation}: ${wrongWork}, unlike ${lower(context.stage.label)}.`);
    } else if (context.stage.cues.some((cue) => text.includes(lower(cue)))) audience = 15;
    else {
      audience = 5;
      reasons.push(`Nothing in the bio, goals or pain points shows ${lower(context.stage.label)}.`);
    }
  } else audience = 15;
  const unshown = brief.traits.length === 0 ? [] : missingTraits(brief.traits, profileText(persona));
  if (unshown.length > 0) {
    const all = unshown.length === brief.traits.length;
    audience -= all ? TRAIT_PENALTY : TRAIT_PENALTY / 2;
    const words = unshown.map((t) => `"${t.word}"`).join(' or ');
    reasons.push(all ? `Nothing in the profile shows the brief's audience: no sign of ${words}.` : `Nothing in the profile shows ${words}, part of the brief's audience.`);
  }
  score += Math.max(0, audience);

  // The product: 15.
  const wants = lower([...persona.goals, ...persona.painPoints].join(' \n '));
  if (context.domain.cues.some((cue) => wants.includes(lower(cue)))) score += 15;
  else if (context.domain.cues.some((cue) => text.includes(lower(cue)))) {
    score += 8;
    reasons.push(`Goals and pain points say little about ${context.domain.label}.`);
  } else reasons.push(`Nothing in the persona is about ${context.domain.label}.`);

  // Consistency: 15.
  const inconsistencies = contradictionsWithin(persona, text, context);
  score += Math.max(0, 15 - 8 * inconsistencies.length);
  reasons.push(...inconsistencies);

  // Repetition within the set: 10.
  let repetitionScore = 10;
  if (repetition.repeatsQuote) {
    repetitionScore -= 6;
    reasons.push('Its quote is word for word another persona\'s.');
  }
  if (repetition.repeatedLines > 0) {
    repetitionScore -= 2 * repetition.repeatedLines;
    reasons.push(`${repetition.repeatedLines} goal or pain-point line${repetition.repeatedLines === 1 ? ' is' : 's are'} shared with another persona.`);
  }
  score += Math.max(0, repetitionScore);

  // What came from the answer rather than repair: 10.
  const patched = Math.min(1, (provenance.filled + 0.25 * provenance.repaired) / FIELDS);
  score += 10 * (1 - patched);
  if (provenance.filled > 0) reasons.push(`${provenance.filled} field${provenance.filled === 1 ? ' was' : 's were'} filled in, not written by the engine.`);
  else if (provenance.repaired > 0) reasons.push(`${provenance.repaired} field${provenance.repaired === 1 ? ' was' : 's were'} repaired.`);

  const missing = missingCoreFacts(provenance.filledFields);
  score -= CORE_PENALTY * missing.length;
  if (missing.length > 0) reasons.push(`Filled, not read: ${missing.join(', ')}.`);

  const clashes = findContradictions(persona);
  if (clashes.length > 0) {
    score = Math.min(score - CLASH_PENALTY * clashes.length, CLASH_CAP - CLASH_PENALTY * clashes.length);
    reasons.push(...clashes.map((c) => `Contradicts itself: ${c.reason}`));
  }

  if (offBrief) score = Math.min(score, OFF_BRIEF_CAP);
  return { score: Math.round(Math.min(100, Math.max(0, score))), reasons };
}

interface BriefReading {
  ages: { range: readonly [number, number]; said: string | null } | null;
  traits: Trait[];
}

/** What the brief's own words say, read once per context (a set is scored against one). */
const readings = new WeakMap<FidelityContext, BriefReading>();

function readBrief(context: FidelityContext): BriefReading {
  let reading = readings.get(context);
  if (reading) return reading;
  const brief = context.brief;
  // The brief's age field wins over its words, and its words over the life stage's usual span: the world read them so.
  const range = brief?.ageRange ?? context.ageRange;
  const said = brief?.ageRange ? null : (context.agesSaid ?? null);
  reading = {
    ages: range ? { range, said } : null,
    traits: brief ? audienceTraits(brief, context.stage?.label ?? null) : [],
  };
  readings.set(context, reading);
  return reading;
}

/** All a persona says of itself, normalized for word matching. */
function profileText(persona: Persona): string {
  const b2b = persona.b2b ? [persona.b2b.role, persona.b2b.industry] : [];
  return normalizeForMatch([persona.occupation, persona.bio, ...persona.goals, ...persona.painPoints, persona.quote ?? '', ...persona.interests, ...(persona.values ?? []), persona.education ?? '', ...b2b].join(' \n '));
}

/** Things a persona says that cannot all be true of one person. */
function contradictionsWithin(persona: Persona, text: string, context: FidelityContext): string[] {
  const found: string[] = [];
  const occupation = lower(persona.occupation);
  const span = context.jobAges(persona.occupation);
  if (span && (persona.age < span[0] - 2 || persona.age > span[1] + 3)) found.push(`${persona.occupation} at ${persona.age} is unusual (usually ${span[0]}–${span[1]}).`);
  for (const cue of ageMismatches(text, persona.age)) found.push(`${cue.says} at ${persona.age}.`);
  if (persona.age < 45 && /\bretired\b/.test(occupation)) found.push(`Retired at ${persona.age}.`);
  if (/\bstudent\b/.test(occupation) && /\bmortgage\b/.test(text) && persona.age < 30) found.push('A student with a mortgage.');
  if (/\b(retired|student|pupil)\b/.test(occupation) && persona.incomeBracket === 'high') found.push(`A ${occupation} with a high income.`);
  return found;
}

function countBy(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}
