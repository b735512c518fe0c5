/**
 * What a brief writes after a place name to say which one it means: "London, Ontario", "Paris,
 * Texas", "Cambridge, MA", "London (Canada)", "Birmingham in Alabama", "London, Ontario, Canada".
 * A region or country (its name or code) that one of the places of that name lies in picks it. A
 * region none of them lies in, written after a comma, bracket or "in", is where people live, and the
 * name is reported as a place the world data does not have (it keeps only places of 100,000+);
 * a country or a city there is rather a list ("Singapore, Malaysia", "Berlin, Hamburg").
 */
import { NOT_PLACES, type PlaceMentions } from './place-mentions';
import { normalizeForMatch } from './text';
import type { City, Country, RegionRef, World } from './world';

/** A place found in the text, as place.ts records it. */
export interface QualifiedFind {
  at: number;
  length: number;
  cities: City[];
  country: Country | null;
  region: City[] | null;
  /** Every place of the name, whatever the name was read as. */
  named: City[];
  /** "Paris, Texas" when the qualifier, not the name, says where people live. */
  unknown?: string;
}

interface Qualifier {
  at: number;
  end: number;
  countries: ReadonlySet<string>;
  regions: readonly RegionRef[];
  /** After a comma, a bracket or "in" ("Paris, Texas"), not merely next to the name ("London Ontario"). */
  marked: boolean;
}

const MAX_WORDS = 5;
const LIST_WORDS = new Set(['and', 'or', 'und', 'et', 'y']);

/** The finds with their qualifiers applied: a qualified name keeps only the places the qualifier allows, and swallows it. */
export function applyQualifiers<F extends QualifiedFind>(found: F[], mentions: PlaceMentions, world: World): F[] {
  const gone = new Set<F>();
  for (const find of found) {
    if (gone.has(find)) continue;
    const chain = qualifiersAfter(mentions, world, find.at + find.length);
    if (chain.length === 0) continue;
    const end = chain.at(-1)!.end;
    const swallow = () => {
      for (const other of found) if (other !== find && other.at >= find.at + find.length && other.at < end) gone.add(other);
      find.length = end - find.at;
    };
    const cities = find.named.filter((city) => chain.every((q) => allows(q, city.country, city.region)));
    if (cities.length > 0) {
      Object.assign(find, { cities, country: null, region: null });
      swallow();
      continue;
    }
    // A region of that name in the country named ("Georgia, USA", "Victoria, Australia").
    const region = (world.regionIndex.get(mentions.words.slice(find.at, find.at + find.length).join(' ')) ?? []).filter((c) => chain.every((q) => allows(q, c.country, c.region)));
    if (region.length > 0) {
      Object.assign(find, { cities: [], country: null, region });
      swallow();
      continue;
    }
    const cityAfter = found.some((f) => f.at >= find.at + find.length && f.at < end && f.cities.length > 0);
    const fits = (city: City) => chain.every((q) => allows(q, city.country, city.region));
    if (find.cities.length === 0 || cityAfter || !chain.every((q) => q.marked) || inList(found, find, end, mentions, fits)) continue;
    const target = regionOf(chain, world);
    if (!target) continue;
    Object.assign(find, { cities: [], ...target, unknown: mentions.text(find.at, end) });
    swallow();
  }
  return found.filter((f) => !gone.has(f));
}

/** The qualifiers written after word `at`, in a chain ("London, Ontario, Canada"). */
function qualifiersAfter(mentions: PlaceMentions, world: World, at: number): Qualifier[] {
  const chain: Qualifier[] = [];
  for (let q = qualifierAt(mentions, world, at); q; q = qualifierAt(mentions, world, q.end)) chain.push(q);
  return chain;
}

function qualifierAt(mentions: PlaceMentions, world: World, at: number): Qualifier | null {
  const { words } = mentions;
  if (at >= words.length) return null;
  const gap = mentions.gap(at);
  let start = at;
  let marked = /^\s*(,\s*\(?|\()\s*$/.test(gap);
  if (!marked) {
    if (!/^\s+$/.test(gap)) return null;
    if (words[at] === 'in' && /^\s+$/.test(mentions.gap(at + 1))) [start, marked] = [at + 1, true];
  }
  for (let length = Math.min(MAX_WORDS, words.length - start); length >= 1; length--) {
    const phrase = words.slice(start, start + length).join(' ');
    // "London English" is not London in England ("Bermuda" is both a name and, for want of another, its demonym).
    const nationality = world.demonymIndex.get(phrase);
    if (NOT_PLACES.has(phrase) || (nationality && normalizeForMatch(nationality.name).trim() !== phrase)) continue;
    const regions = [...(world.regionNames.get(phrase) ?? [])];
    const countries = new Set<string>();
    const country = world.countryIndex.get(phrase);
    if (country && phrase.length > 2) countries.add(country.code);
    // Codes only in capitals ("MA", "NSW", "CA"), and in a brief written all in capitals only after a comma.
    if (length === 1 && phrase.length <= 3 && mentions.inCapitals(start) && (marked || !mentions.shouting)) {
      regions.push(...(world.regionCodes.get(phrase.toUpperCase()) ?? []));
      if (phrase.length === 2 && world.countryByCode.has(phrase.toUpperCase())) countries.add(phrase.toUpperCase());
    }
    if (regions.length > 0 || countries.size > 0) return { at, end: start + length, countries, regions, marked };
  }
  return null;
}

function allows(q: Qualifier, country: string, region: string): boolean {
  return q.countries.has(country) || q.regions.some((r) => r.country === country && r.region === region);
}

/**
 * "Lyon, Bavaria and Vienna", "Mumbai, Delhi, Goa": places listed, not a name and its qualifier; but
 * in "Dallas, Houston and Paris, Texas" the cities before lie in Texas, so Texas qualifies Paris.
 */
function inList(found: readonly QualifiedFind[], find: QualifiedFind, end: number, mentions: PlaceMentions, fits: (city: City) => boolean): boolean {
  const joins = (at: number) => mentions.gap(at).includes(',') || LIST_WORDS.has(mentions.words[at - 1] ?? '');
  const next = LIST_WORDS.has(mentions.words[end] ?? '') ? end + 1 : end;
  const adjoins = (f: QualifiedFind) => f.at + f.length === find.at || (f.at + f.length === find.at - 1 && LIST_WORDS.has(mentions.words[find.at - 1]!));
  const before = found.some((f) => f !== find && f.cities.length > 0 && !fits(f.cities[0]!) && adjoins(f)) && joins(find.at);
  const after = found.some((f) => f.at === next && f.at >= end) && (next > end || mentions.gap(end).includes(','));
  return before || after;
}

/** Where people live when the name is not one the data has there: the region the qualifiers name (else its country), when they name one country's. */
function regionOf(chain: readonly Qualifier[], world: World): Pick<QualifiedFind, 'country' | 'region'> | null {
  const regions = chain.flatMap((q) => q.regions).filter((r) => chain.every((q) => allows(q, r.country, r.region)));
  const countries = new Set(regions.map((r) => r.country));
  if (countries.size !== 1) return null;
  const [code] = countries;
  const cities = unique(regions.flatMap((r) => (world.regionIndex.get(normalizeForMatch(r.region).trim()) ?? []).filter((c) => c.country === r.country && c.region === r.region)));
  if (cities.length > 0) return { country: null, region: cities };
  const country = world.countryByCode.get(code!);
  return country ? { country, region: null } : null;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
