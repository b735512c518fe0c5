/**
 * The benchmark's own judge of a persona against what its brief asked for, from the corpus's
 * expectations (briefs.json), not from the engine's reading of the brief: where the person lives,
 * their age, whether their text shows the audience's life stage and the product's domain, and
 * what contradicts the audience. Repetition is judged over the set.
 */
import type { Persona } from '../../src/shared/persona';
import type { World } from '../../src/main/world/world';
import { distanceKm } from '../../src/main/world/geo-distance';
import { normalizeForMatch } from '../../src/main/world/text';

export interface Expectation {
  residence: { country: string; city?: string; region?: string; countries?: string[] };
  origin?: { country: string };
  ages: [number, number];
  lifeStage: string;
  mustMentionAny: string[];
  mustNotMention: string[];
  domainAny: string[];
  b2b?: { roleAny?: string[]; industryAny?: string[]; companySizes?: string[] };
}

export interface Verdict {
  located: boolean;
  aged: boolean;
  lifeStage: boolean;
  domain: boolean;
  contradictions: string[];
  b2b: boolean | null;
  why: string[];
}

/** How far from the named city a persona may live and still count as there. */
const CITY_REACH_KM = 60;

const lower = (text: string) => text.toLowerCase();
const textOf = (p: Persona) => lower([p.bio, ...p.goals, ...p.painPoints].join(' \n '));

export function judgePersona(persona: Persona, expect: Expectation, world: World): Verdict {
  const why: string[] = [];
  const countries = expect.residence.countries ?? [expect.residence.country];
  const country = world.countryIndex.get(normalizeForMatch(persona.location.country).trim());
  let located = country !== undefined && countries.includes(country.code);
  if (!located) why.push(`lives in ${persona.location.city}, ${persona.location.country}, not in ${countries.join('/')}`);
  if (located && expect.residence.city) {
    const target = world.cityIndex.get(normalizeForMatch(expect.residence.city).trim())?.find((c) => c.country === expect.residence.country);
    const named = (world.cityIndex.get(normalizeForMatch(persona.location.city).trim()) ?? []).filter((c) => c.country === country!.code);
    // Places that share a name are told apart by the persona's region, as a reader would.
    const home = named.find((c) => persona.location.region && normalizeForMatch(c.region) === normalizeForMatch(persona.location.region)) ?? named[0];
    if (target && (!home || distanceKm(target, home) > CITY_REACH_KM)) {
      located = false;
      why.push(`lives in ${persona.location.city}, over ${CITY_REACH_KM} km from ${expect.residence.city}`);
    }
  }
  const aged = persona.age >= expect.ages[0] && persona.age <= expect.ages[1];
  if (!aged) why.push(`age ${persona.age} outside ${expect.ages.join('-')}`);
  const text = textOf(persona);
  const lifeStage = expect.mustMentionAny.some((cue) => text.includes(lower(cue)));
  if (!lifeStage) why.push(`no sign of ${expect.lifeStage}`);
  const wants = lower([...persona.goals, ...persona.painPoints].join(' \n '));
  const domain = expect.domainAny.some((cue) => wants.includes(lower(cue)));
  if (!domain) why.push('goals and pain points are not about the product');
  const full = lower([text, persona.occupation, persona.quote ?? ''].join(' \n '));
  const contradictions = [...expect.mustNotMention.filter((phrase) => full.includes(lower(phrase))), ...universalContradictions(persona, full)];
  for (const c of contradictions) why.push(`says "${c}"`);
  let b2b: boolean | null = null;
  if (expect.b2b) {
    const role = lower(`${persona.b2b?.role ?? ''} ${persona.occupation}`);
    const industry = lower(persona.b2b?.industry ?? '');
    const roleOk = !expect.b2b.roleAny || expect.b2b.roleAny.some((r) => role.includes(lower(r)));
    const industryOk = !expect.b2b.industryAny || expect.b2b.industryAny.some((r) => industry.includes(lower(r)));
    const sizeOk = !expect.b2b.companySizes || (persona.b2b !== undefined && expect.b2b.companySizes.includes(persona.b2b.companySize));
    b2b = roleOk && industryOk && sizeOk;
    if (!b2b) why.push(`b2b: role "${persona.b2b?.role}" ${roleOk ? 'ok' : 'off'}, industry "${persona.b2b?.industry}" ${industryOk ? 'ok' : 'off'}, size ${persona.b2b?.companySize} ${sizeOk ? 'ok' : 'off'}`);
  }
  return { located, aged, lifeStage, domain, contradictions, b2b, why };
}

/** What no persona may say whatever the brief: a life that does not fit the age. */
function universalContradictions(persona: Persona, text: string): string[] {
  const found: string[] = [];
  if (persona.age < 36 && /grandchild|grandson|granddaughter/.test(text)) found.push('grandchildren before 36');
  if (persona.age < 45 && /\bretired\b/.test(lower(persona.occupation))) found.push('retired before 45');
  if (persona.age < 30 && /teenage (son|daughter|child|kids)|teenagers at home/.test(text)) found.push('teenage children before 30');
  if (persona.age > 40 && /\b(high school|secondary school) student\b/.test(lower(persona.occupation))) found.push('a school pupil over 40');
  return found;
}

export interface SetRepetition {
  duplicateQuotes: number;
  lines: number;
  duplicateLines: number;
}

/** Quotes said twice, and goal and pain-point lines that another persona of the set also has. */
export function judgeSet(personas: readonly Persona[]): SetRepetition {
  const quotes = personas.flatMap((p) => (p.quote ? [lower(p.quote.trim())] : []));
  const duplicateQuotes = quotes.length - new Set(quotes).size;
  const seen = new Map<string, number>();
  let lines = 0;
  for (const p of personas) {
    for (const line of new Set([...p.goals, ...p.painPoints].map((l) => lower(l.trim())))) {
      seen.set(line, (seen.get(line) ?? 0) + 1);
      lines++;
    }
  }
  const duplicateLines = [...seen.values()].reduce((sum, n) => sum + (n - 1), 0);
  return { duplicateQuotes, lines, duplicateLines };
}
