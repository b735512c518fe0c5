/**
 * Stages 4 and 5 of repair for one persona: coerce each drafted field to its type, then fill what
 * the level requires and the answer lacks from the context (brief, cultural constraints). Every
 * change is noted by JSON pointer: `repaired` for values read from the answer and changed to fit,
 * `filled` for values the answer did not hold. A draft with too little of a persona is unusable.
 */
import { CULTURAL_CATEGORIES, type CompanySize, type CulturalCategory, type IssueType, type Level } from '../../shared/persona';
import type { PersonaDraft } from './align-persona';
import { coerceAge, coerceCompanySize, coerceDecisionPower, coerceIncomeBracket } from './coerce-brackets';
import { coerceList, coerceQuote, coerceText, splitListText, withoutPersonaLabel, type Coerced } from './coerce-values';
import { resolveKey } from './field-aliases';
import { isRecord } from './find-personas';
import { englishCountry, parsePlace } from './place-text';

export { parsePlace } from './place-text';

/** What repair may fill from: the brief and the cultural constraints, resolved by the caller. */
export interface FillContext {
  ageRange?: readonly [number, number];
  /** Where the brief places the personas. */
  place?: { city?: string; region?: string; country: string };
  /** Completes a lone city with its country (the bundled dataset's cities). */
  countryOfCity?: (city: string) => { country: string; region?: string } | undefined;
  industry?: string;
  companySize?: CompanySize;
  /** The cultural candidates a persona without a profile is given, best first. */
  culture?: Partial<Record<CulturalCategory, readonly string[]>>;
}

export interface FieldNote {
  /** JSON pointer inside the persona, e.g. /age or /culturalProfile/music. */
  pointer: string;
  type: IssueType;
  how: string;
}

export interface BuiltPersona {
  persona: Record<string, unknown>;
  repaired: FieldNote[];
  filled: FieldNote[];
  dropped: FieldNote[];
  /** Core fields (name, age, location, occupation, bio, goals, painPoints, interests) read from the answer. */
  coreFromAnswer: number;
}

/** A persona needs this many core fields from the answer to be kept rather than invented. */
export const MIN_CORE_FIELDS = 3;
export const NOT_STATED = 'Not stated';

const TEXT_MAX = 2000;
const LIST_ITEM_MAX = 300;

export function buildPersona(draft: PersonaDraft, options: { level: Level; index: number; keyName?: string; context: FillContext }): BuiltPersona {
  const { level, context } = options;
  const repaired = new Map<string, FieldNote>();
  const filled: FieldNote[] = [];
  const dropped: FieldNote[] = draft.dropped.map(({ path, why }) => ({ pointer: path, type: 'unknown_field', how: why }));
  for (const [pointer, from] of draft.renamed) repaired.set(pointer, { pointer, type: 'unknown_field', how: `read from "${from}"` });

  const take = <T>(pointer: string, raw: unknown, coerced: Coerced<T>): T | undefined => {
    if (raw === undefined) return undefined;
    if (coerced.value === undefined) {
      dropped.push({ pointer, type: 'invalid_type', how: coerced.how ?? `could not read ${describe(raw)} as this field` });
      repaired.delete(pointer);
      return undefined;
    }
    if (coerced.how) {
      const type: IssueType = /shortened|kept the first|raised|lowered/.test(coerced.how) ? 'constraint_violation' : 'invalid_type';
      const renamed = repaired.get(pointer);
      repaired.set(pointer, { pointer, type, how: renamed ? `${renamed.how}; ${coerced.how}` : coerced.how });
    }
    return coerced.value;
  };
  const f = draft.fields;

  let nameRaw = f.name;
  if (isRecord(nameRaw)) nameRaw = joinNameParts(nameRaw);
  let name = take('/name', f.name, coerceText(nameRaw, 80));
  if (name !== undefined) {
    const unlabelled = withoutPersonaLabel(name);
    if (unlabelled !== name) {
      name = unlabelled;
      repaired.set('/name', { pointer: '/name', type: 'invalid_type', how: 'removed the "Persona N" label' });
    }
  } else if (options.keyName) {
    name = coerceText(options.keyName, 80).value;
    if (name !== undefined) repaired.set('/name', { pointer: '/name', type: 'missing_field', how: 'read from the key the persona was filed under' });
  }
  const age = take('/age', f.age, coerceAge(f.age));
  const gender = take('/gender', f.gender, coerceText(f.gender, 40));
  const location = buildLocation(draft, repaired, dropped, filled, context);
  const occupation = take('/occupation', f.occupation, coerceText(f.occupation, 120));
  const incomeBracket = take('/incomeBracket', f.incomeBracket, coerceIncomeBracket(f.incomeBracket));
  const education = take('/education', f.education, coerceText(f.education, 120));
  const bio = take('/bio', f.bio, coerceText(f.bio, TEXT_MAX));
  const quote = take('/quote', f.quote, coerceQuote(f.quote, 400));
  const list = (field: 'goals' | 'painPoints' | 'values' | 'interests' | 'channels') => take(`/${field}`, f[field], coerceList(f[field], LIST_ITEM_MAX));
  const goals = nonEmpty(list('goals'));
  const painPoints = nonEmpty(list('painPoints'));
  const values = list('values');
  const interests = nonEmpty(list('interests'));
  const channels = list('channels');
  const culture = buildCulture(draft, take, repaired);
  const b2b = buildB2b(draft, take);

  const coreFromAnswer = [name, age, location.fromAnswer ? location.value : undefined, occupation, bio, goals, painPoints, interests].filter((v) => v !== undefined).length;

  const fill = <T>(pointer: string, value: T | undefined, fallback: () => T, how: string): T => {
    if (value !== undefined) return value;
    filled.push({ pointer, type: 'missing_field', how });
    return fallback();
  };
  const standard = level !== 'simple';
  const persona: Record<string, unknown> = {};
  persona.name = fill('/name', name, () => `Persona ${options.index + 1}`, 'no name in the answer: labelled by position');
  persona.age = fill('/age', age, () => middleAge(context.ageRange), context.ageRange ? "no age in the answer: the middle of the brief's age range" : 'no age in the answer: a default of 40');
  if (gender !== undefined) persona.gender = gender;
  persona.location = location.value;
  const personaOccupation = fill('/occupation', occupation, () => (typeof b2b.role === 'string' ? b2b.role : NOT_STATED), b2b.role ? 'no occupation in the answer: taken from the B2B role' : 'no occupation in the answer');
  persona.occupation = personaOccupation;
  if (incomeBracket !== undefined) persona.incomeBracket = incomeBracket;
  if (education !== undefined) persona.education = education;
  persona.bio = fill('/bio', bio, () => composedBio(persona), 'no bio in the answer: composed from the name, age, occupation and city');
  if (standard || quote !== undefined) persona.quote = fill('/quote', quote, () => NOT_STATED, 'no quote in the answer');
  persona.goals = fill('/goals', goals, () => [NOT_STATED], 'no goals in the answer');
  persona.painPoints = fill('/painPoints', painPoints, () => [NOT_STATED], 'no pain points in the answer');
  if (standard || values !== undefined) persona.values = fill('/values', values, () => [], 'no values in the answer: left empty');
  persona.interests = fill('/interests', interests, () => [NOT_STATED], 'no interests in the answer');
  if (standard || channels !== undefined) persona.channels = fill('/channels', channels, () => [], 'no channels in the answer: left empty');
  if (standard || Object.keys(culture).length > 0) {
    const profile: Record<string, string[]> = {};
    for (const category of CULTURAL_CATEGORIES) {
      const fromContext = context.culture?.[category];
      profile[category] = fill(`/culturalProfile/${category}`, culture[category], () => [...(fromContext ?? [])].slice(0, 3), fromContext?.length ? 'not in the answer: the top picks of the cultural constraints' : 'not in the answer: left empty');
    }
    persona.culturalProfile = profile;
  }
  if (level === 'b2b' || Object.keys(b2b).length > 0) {
    persona.b2b = {
      role: fill('/b2b/role', b2b.role, () => personaOccupation, 'no B2B role in the answer: taken from the occupation'),
      industry: fill('/b2b/industry', b2b.industry, () => context.industry ?? NOT_STATED, context.industry ? 'no industry in the answer: taken from the brief' : 'no industry in the answer'),
      companySize: fill('/b2b/companySize', b2b.companySize, () => context.companySize ?? '11-50', context.companySize ? 'no company size in the answer: taken from the brief' : 'no company size in the answer: a default of 11-50'),
      decisionPower: fill('/b2b/decisionPower', b2b.decisionPower, () => 'influencer' as const, 'no decision power in the answer: a default of influencer'),
      buyingCriteria: fill('/b2b/buyingCriteria', nonEmpty(b2b.buyingCriteria), () => [NOT_STATED], 'no buying criteria in the answer'),
      ...(b2b.objections !== undefined ? { objections: b2b.objections } : {}),
    };
  }
  return { persona, repaired: [...repaired.values()], filled, dropped, coreFromAnswer };
}

function describe(raw: unknown): string {
  if (typeof raw === 'string') return `"${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}"`;
  if (Array.isArray(raw)) return 'a list';
  if (isRecord(raw)) return 'an object';
  return String(raw);
}

function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? list : undefined;
}

function joinNameParts(value: Record<string, unknown>): unknown {
  const part = (re: RegExp) => Object.entries(value).find(([k]) => re.test(k))?.[1];
  const first = part(/^(?:first|given)_?(?:name)?$/i);
  const last = part(/^(?:last|family|sur)_?(?:name)?$/i);
  const parts = [first, last].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return parts.length > 0 ? parts.join(' ') : value;
}

function middleAge(range: readonly [number, number] | undefined): number {
  return range ? Math.round((range[0] + range[1]) / 2) : 40;
}

function composedBio(persona: Record<string, unknown>): string {
  const location = persona.location as { city: string };
  const occupation = persona.occupation === NOT_STATED ? '' : `, ${String(persona.occupation)}`;
  const place = location.city === NOT_STATED ? '' : `, based in ${location.city}`;
  return `${String(persona.name)}, ${String(persona.age)}${occupation}${place}.`;
}

function buildLocation(draft: PersonaDraft, repaired: Map<string, FieldNote>, dropped: FieldNote[], filled: FieldNote[], context: FillContext) {
  const loc = draft.location;
  let city = loc.city === undefined ? undefined : coerceText(loc.city, 120).value;
  let region = loc.region === undefined ? undefined : coerceText(loc.region, 120).value;
  let country = loc.country === undefined ? undefined : coerceText(loc.country, 120).value;
  const fromText = loc.text === undefined ? undefined : parsePlace(loc.text);
  if (loc.text !== undefined && fromText === undefined) dropped.push({ pointer: '/location', type: 'invalid_type', how: 'could not read a place from the location' });
  if (fromText) {
    city ??= fromText.city;
    region ??= fromText.region;
    country ??= fromText.country;
    repaired.set('/location', { pointer: '/location', type: 'invalid_type', how: `read ${JSON.stringify(fromText)} from the text "${String(loc.text)}"` });
  }
  // "Lyon, France" in the city field alone.
  if (city && !country && city.includes(',')) {
    const parsed = parsePlace(city);
    if (parsed?.country) {
      ({ city, country } = parsed);
      region ??= parsed.region;
      repaired.set('/location', { pointer: '/location', type: 'invalid_type', how: 'split the city field into city and country' });
    }
  }
  // "Croix-Rousse, Lyon": a second part that is a city (not a country) is where the district lies.
  if (city && country && !context.countryOfCity?.(city) && context.countryOfCity?.(country)) {
    city = country;
    country = undefined;
  }
  // A lone city written with its district ("Lyon (3e)", "Lyon's Confluence district") is the city.
  if (city && loc.text === undefined && /[(,']|['’]s\s|\b(?:suburbs?|arrondissement|district)\b/iu.test(city)) {
    const parsed = parsePlace(city);
    if (parsed && parsed.city !== city) {
      city = parsed.city;
      country ??= parsed.country;
    }
  }
  if (country) country = englishCountry(country);
  const fromAnswer = city !== undefined || country !== undefined;
  if (!city) {
    city = context.place?.city ?? NOT_STATED;
    filled.push({ pointer: '/location/city', type: 'missing_field', how: context.place?.city ? "no city in the answer: the brief's city" : 'no city in the answer' });
  }
  if (!country) {
    const known = context.countryOfCity?.(city);
    const briefCountry = context.place && (!context.place.city || context.place.city === city) ? context.place.country : undefined;
    country = known?.country ?? briefCountry ?? NOT_STATED;
    region ??= known?.region;
    filled.push({ pointer: '/location/country', type: 'missing_field', how: known ? `no country in the answer: ${city} is in ${known.country}` : briefCountry ? "no country in the answer: the brief's country" : 'no country in the answer' });
  }
  return { value: region ? { city, region, country } : { city, country }, fromAnswer };
}

type Take = <T>(pointer: string, raw: unknown, coerced: Coerced<T>) => T | undefined;

function buildCulture(draft: PersonaDraft, take: Take, repaired: Map<string, FieldNote>): Partial<Record<CulturalCategory, string[]>> {
  const culture: Partial<Record<CulturalCategory, string[]>> = {};
  for (const category of CULTURAL_CATEGORIES) {
    const raw = draft.culture[category];
    const value = take(`/culturalProfile/${category}`, raw, coerceList(raw, LIST_ITEM_MAX));
    if (value !== undefined) culture[category] = value;
  }
  // "Music: Stromae, Angèle; Films: Amélie" or ["Music: Stromae", ...]
  const lines = draft.cultureText.flatMap((item) => (typeof item === 'string' ? item.split(/\r?\n|;\s*(?=[\p{L} ]{2,24}:)/u) : []));
  for (const line of lines) {
    const m = /^\s*(?:[-*•]\s*)?([\p{L} /&_-]{2,30}?)\s*:\s*(.+)$/u.exec(line);
    if (!m) continue;
    const target = resolveKey('culture', m[1]!);
    if (target?.kind !== 'culture' || !target.category || culture[target.category]) continue;
    culture[target.category] = splitListText(m[2]!);
    repaired.set(`/culturalProfile/${target.category}`, { pointer: `/culturalProfile/${target.category}`, type: 'invalid_type', how: `read from the text "${line.trim().slice(0, 60)}"` });
  }
  return culture;
}

function buildB2b(draft: PersonaDraft, take: Take) {
  const b = draft.b2b;
  const role = take('/b2b/role', b.role, coerceText(b.role, TEXT_MAX));
  const industry = take('/b2b/industry', b.industry, coerceText(b.industry, TEXT_MAX));
  const companySize = take('/b2b/companySize', b.companySize, coerceCompanySize(b.companySize));
  const decisionPower = take('/b2b/decisionPower', b.decisionPower, coerceDecisionPower(b.decisionPower));
  const buyingCriteria = take('/b2b/buyingCriteria', b.buyingCriteria, coerceList(b.buyingCriteria, LIST_ITEM_MAX));
  const objections = take('/b2b/objections', b.objections, coerceList(b.objections, LIST_ITEM_MAX));
  const out: { role?: string; industry?: string; companySize?: CompanySize; decisionPower?: ReturnType<typeof coerceDecisionPower>['value']; buyingCriteria?: string[]; objections?: string[] } = {};
  if (role !== undefined) out.role = role;
  if (industry !== undefined) out.industry = industry;
  if (companySize !== undefined) out.companySize = companySize;
  if (decisionPower !== undefined) out.decisionPower = decisionPower;
  if (buyingCriteria !== undefined) out.buyingCriteria = buyingCriteria;
  if (objections !== undefined) out.objections = objections;
  return out;
}
