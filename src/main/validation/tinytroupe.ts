/**
 * TinyTroupe interop (github.com/microsoft/TinyTroupe; docs/TINYTROUPE.md has the mapping, the
 * commit checked and how to load the file). A persona becomes the agent specification that
 * `TinyPerson.load_specification(path_or_dict)` loads: `{"type": "TinyPerson", "persona": {...}}`.
 *
 * TinyTroupe's loader reads only the spec's known top-level keys (`persona`, `mental_state`,
 * `mental_faculties`, memories) and ignores the others; the whole `persona` dict, extra keys
 * included, is dumped into the agent's system prompt. So what TinyTroupe has no field for is kept
 * beside `persona`, under the top-level key `persona_studio`, where the simulation never sees it:
 * the round trip is lossless, and the agent's prompt holds only persona facts.
 *
 * Reading accepts the current format, the older one (`json_serializable_class_name` +
 * `_configuration`, before TinyTroupe 0.4), one spec, an array of them, or an object holding them,
 * and gives raw personas in this app's field names for `repairPersonaDocument` to validate and fill.
 */
import { formatResidence, parseResidence, TINYTROUPE_EXTENSION_KEY, TINYTROUPE_EXTENSION_VERSION, tinyTroupeExtensionSchema, type TinyPersona, type TinyPersonSpec } from './tinytroupe-spec';
import type { Persona, PersonaLocation } from '../../shared/persona';
import { CULTURAL_CATEGORIES, MAX_LIST_ITEMS } from '../../shared/vocabulary';


/**
 * Persona fields a TinyTroupe field carries exactly, read back from it: an edit made in TinyTroupe
 * wins. Every other field of the persona goes to the extension.
 */
const CARRIED = new Set(['name', 'age', 'gender', 'nationality', 'education', 'occupation', 'goals', 'interests', 'painPoints', 'values', 'channels']);

const CATEGORY_LABELS: Record<(typeof CULTURAL_CATEGORIES)[number], string> = {
  music: 'Music',
  movies: 'Movies',
  tv: 'TV',
  books: 'Books',
  brands: 'Brands',
  food: 'Food',
  podcasts: 'Podcasts',
  destinations: 'Travel destinations',
};

const QUOTE_STYLE = (quote: string) => `In their own words: "${quote}"`;
const QUOTE_STYLE_PATTERN = /^In their own words: "([\s\S]*)"$/;
const INCOME_FACT = (bracket: string) => `Income bracket: ${bracket}.`;


/** A persona as a TinyTroupe agent specification. */
export function toTinyPersonSpec(persona: Persona): TinyPersonSpec {
  const nationality = (persona as Record<string, unknown>).nationality;
  const occupation: { title: string; organization?: string; description?: string } = { title: persona.occupation };
  if (persona.b2b) {
    const b = persona.b2b;
    occupation.organization = `A company of ${b.companySize} employees in ${b.industry}`;
    const parts = [`Role: ${b.role}, in ${b.industry}.`, `Part in buying decisions: ${b.decisionPower}.`, `Looks for: ${b.buyingCriteria.join('; ')}.`];
    if (b.objections?.length) parts.push(`Typical objections: ${b.objections.join('; ')}.`);
    occupation.description = parts.join(' ');
  }
  const likes = persona.culturalProfile
    ? CULTURAL_CATEGORIES.filter((c) => persona.culturalProfile![c].length > 0).map((c) => `${CATEGORY_LABELS[c]}: ${persona.culturalProfile![c].join(', ')}`)
    : [];
  const otherFacts = [persona.bio];
  if (persona.incomeBracket) otherFacts.push(INCOME_FACT(persona.incomeBracket));

  const tiny: TinyPersona = {
    name: persona.name,
    age: persona.age,
    ...(persona.gender !== undefined ? { gender: persona.gender } : {}),
    // TinyTroupe's minibio() reads persona['nationality'] with [], so the key must be there; None is its own default.
    nationality: typeof nationality === 'string' ? nationality : null,
    residence: formatResidence(persona.location),
    ...(persona.education !== undefined ? { education: persona.education } : {}),
    long_term_goals: [...persona.goals],
    occupation,
    ...(persona.quote !== undefined ? { style: QUOTE_STYLE(persona.quote) } : {}),
    preferences: { interests: [...persona.interests], ...(likes.length ? { likes } : {}), dislikes: [...persona.painPoints] },
    ...(persona.values !== undefined ? { beliefs: [...persona.values] } : {}),
    ...(persona.channels !== undefined ? { behaviors: { channels: [...persona.channels] } } : {}),
    other_facts: otherFacts,
  };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(persona)) if (!CARRIED.has(key) && value !== undefined) fields[key] = structuredClone(value);
  return { type: 'TinyPerson', persona: tiny, [TINYTROUPE_EXTENSION_KEY]: { version: TINYTROUPE_EXTENSION_VERSION, fields } };
}

type RawRecord = Record<string, unknown>;

function isRecord(value: unknown): value is RawRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The type a spec declares: `type` now, `json_serializable_class_name` before TinyTroupe 0.4. */
function specType(value: RawRecord): unknown {
  return value.type ?? value.json_serializable_class_name;
}

/** The persona dict of a TinyPerson spec, in either format; undefined when the value is not one. */
function personaDictOf(value: unknown): RawRecord | undefined {
  if (!isRecord(value) || specType(value) !== 'TinyPerson') return undefined;
  const dict = isRecord(value.persona) ? value.persona : isRecord(value._configuration) ? value._configuration : undefined;
  if (!dict) return undefined;
  // The older format kept the name beside the configuration too.
  if (typeof dict.name !== 'string' && typeof value.name === 'string') return { ...dict, name: value.name };
  return dict;
}

const CONTAINER_KEYS = ['agents', 'people', 'persons', 'personas', 'population', 'specs', 'specifications'];

/** The specs in a value: one, an array, or an object holding them (under `agents` and the like, or as its values). */
function specsIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.filter((item) => personaDictOf(item) !== undefined);
  if (!isRecord(value)) return [];
  if (personaDictOf(value)) return [value];
  for (const key of CONTAINER_KEYS) {
    const held = value[key];
    if (Array.isArray(held) || (isRecord(held) && !personaDictOf(held))) {
      const found = specsIn(Array.isArray(held) ? held : Object.values(held));
      if (found.length) return found;
    }
  }
  const values = Object.values(value);
  return values.length > 0 && values.every((v) => personaDictOf(v) !== undefined) ? values : [];
}

export interface ReadTinyPersonOptions {
  /**
   * Keep the `meta` this app wrote in the extension (score, source, what was repaired). Off by
   * default: repair scores an imported persona afresh and writes its own meta, and a persona with
   * nothing but the schema's fields takes repair's fast path, which keeps every value as it is.
   */
  meta?: boolean;
}

/**
 * Raw personas, in this app's field names, from parsed JSON holding TinyTroupe agent specs; null
 * when it holds none. The personas are not validated: `repairPersonaDocument` does that.
 */
export function readTinyPersonSpecs(value: unknown, options: ReadTinyPersonOptions = {}): unknown[] | null {
  const specs = specsIn(value);
  if (specs.length === 0) return null;
  return specs.map((spec) => {
    const persona = readSpec(spec as RawRecord);
    if (!options.meta) delete persona.meta;
    return persona;
  });
}

function readSpec(spec: RawRecord): RawRecord {
  const tiny = personaDictOf(spec)!;
  const ext = tinyTroupeExtensionSchema.safeParse(spec[TINYTROUPE_EXTENSION_KEY]);
  const fields: RawRecord = ext.success ? structuredClone(ext.data.fields) : {};
  const out: RawRecord = {};
  // The extension's fields first, so that the persona keeps its key order when nothing was edited.
  for (const [key, value] of Object.entries(fields)) if (!CARRIED.has(key)) out[key] = value;

  // Written by this app, a carried text is taken exactly as it is; written elsewhere, trimmed and "N/A" dropped.
  const read = ext.success ? (value: unknown) => (typeof value === 'string' ? value : undefined) : text;
  const name = read(tiny.name);
  if (name) out.name = name;
  const age = ageOf(tiny.age);
  if (age !== undefined) out.age = age;
  const gender = read(tiny.gender);
  if (gender !== undefined) out.gender = gender;
  // The persona schema has no nationality: written by this app, a persona's own (extra) one is
  // kept; from elsewhere, it goes into the bio, where repair does not drop it.
  const nationality = read(tiny.nationality);
  if (nationality !== undefined && ext.success) out.nationality = nationality;

  const occupation = tiny.occupation;
  const title = isRecord(occupation) ? read(occupation.title) : read(occupation);
  if (title) out.occupation = title;

  const preferences = isRecord(tiny.preferences) ? tiny.preferences : {};
  const behaviors = tiny.behaviors;
  if (ext.success) {
    // Written by this app: the carried fields are exactly where toTinyPersonSpec put them.
    const education = read(tiny.education);
    if (education !== undefined) out.education = education;
    setList(out, 'goals', tiny.long_term_goals);
    setList(out, 'interests', preferences.interests);
    setList(out, 'painPoints', preferences.dislikes);
    setList(out, 'values', tiny.beliefs);
    if (isRecord(behaviors)) setList(out, 'channels', behaviors.channels);
    // A residence, style or first fact edited in TinyTroupe wins over the extension's copy.
    const residence = text(tiny.residence) ?? text(tiny.country_of_residence);
    if (residence && (!isRecord(fields.location) || residence !== formatResidence(fields.location as PersonaLocation))) out.location = parseResidence(residence);
    const quote = typeof tiny.style === 'string' ? QUOTE_STYLE_PATTERN.exec(tiny.style)?.[1] : undefined;
    if (quote !== undefined && quote !== fields.quote) out.quote = quote;
    const facts = listOf(tiny.other_facts);
    if (facts[0] !== undefined && facts[0] !== fields.bio) out.bio = facts[0];
    return out;
  }
  return { ...out, ...readForeign(tiny, preferences, behaviors) };
}

/** The fields of a spec written elsewhere (by hand, by TinyTroupe's factory, or in the older format). */
function readForeign(tiny: RawRecord, preferences: RawRecord, behaviors: unknown): RawRecord {
  const out: RawRecord = {};
  const residence = text(tiny.residence) ?? text(tiny.country_of_residence) ?? text(tiny.current_location);
  if (residence) out.location = parseResidence(residence);

  const education = text(tiny.education);
  if (education) out.education = shortened(education, 120);

  const goals = listOf(tiny.long_term_goals ?? tiny.goals);
  if (goals.length) out.goals = capped(goals);

  // The current format's preferences, or the older format's professional and personal interests.
  const interests = [...listOf(preferences.interests), ...listOf(tiny.professional_interests), ...listOf(tiny.personal_interests), ...listOf(tiny.interests)];
  const likes = listOf(preferences.likes);
  if (interests.length || likes.length) out.interests = capped(interests.length ? interests : likes);
  const dislikes = listOf(preferences.dislikes);
  if (dislikes.length) out.painPoints = capped(dislikes);

  const beliefs = listOf(tiny.beliefs);
  if (beliefs.length) out.values = capped(beliefs);
  if (isRecord(behaviors)) {
    const channels = listOf(behaviors.channels);
    if (channels.length) out.channels = capped(channels);
  }

  const quote = typeof tiny.style === 'string' ? QUOTE_STYLE_PATTERN.exec(tiny.style)?.[1] : undefined;
  if (quote) out.quote = quote;

  // The bio: the facts of the person's life, what they do, where they work and their nationality, as many as fit.
  const occupation = tiny.occupation;
  const description = isRecord(occupation) ? text(occupation.description) : text(tiny.occupation_description);
  const organization = isRecord(occupation) ? text(occupation.organization) : undefined;
  const nationality = text(tiny.nationality);
  const parts = [...listOf(tiny.other_facts), description, organization && `Works at ${organization.replace(/^(?:A|An|The) /, (m) => m.toLowerCase()).replace(/[.\s]+$/, '')}.`, nationality && `Nationality: ${nationality.replace(/[.\s]+$/, '')}.`];
  const bio = joinedUpTo(
    parts.filter((part): part is string => !!part),
    2000,
  );
  if (bio) out.bio = bio;
  return out;
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' || /^(?:n\/?a|none|null|unknown)$/i.test(trimmed) ? undefined : trimmed;
}

function ageOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value);
  if (typeof value === 'string' && /^\s*\d{1,3}\s*$/.test(value)) return Number(value);
  return undefined;
}

/** A list of texts: strings, or the older format's one-key dicts (`{"trait": "…"}`, `{"interest": "…"}`). */
function listOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const out: string[] = [];
  for (const item of items) {
    const found = typeof item === 'string' ? item : isRecord(item) ? Object.values(item).find((v): v is string => typeof v === 'string') : undefined;
    const clean = text(found);
    if (clean) out.push(clean);
  }
  return out;
}

/** A list written by this app: kept exactly as it is (empty included), so that the round trip is lossless. */
function setList(out: RawRecord, key: string, value: unknown): void {
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) out[key] = [...(value as string[])];
}

function capped(list: string[]): string[] {
  return [...new Set(list.map((item) => shortened(item, 300)))].slice(0, MAX_LIST_ITEMS);
}


/** At most `max` code points: the first sentences that fit, else cut at a word. */
function shortened(value: string, max: number): string {
  const chars = [...value];
  if (chars.length <= max) return value;
  const sentences = value.match(/[^.!?]+[.!?]+(?:\s|$)|[^.!?]+$/g) ?? [value];
  let kept = '';
  for (const sentence of sentences) {
    if ([...(kept + sentence)].length > max) break;
    kept += sentence;
  }
  if (kept.trim()) return kept.trim();
  const cut = chars.slice(0, max - 1).join('');
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trimEnd()}…`;
}

function joinedUpTo(parts: string[], max: number): string | undefined {
  let joined = '';
  for (const part of parts) {
    const next = joined ? `${joined} ${part}` : part;
    if ([...next].length > max) continue;
    joined = next;
  }
  return joined || (parts[0] ? shortened(parts[0], max) : undefined);
}
