/**
 * What a brief writes after a place name to say which one it means: "London, Ontario", "Paris,
 * Texas", "Cambridge, MA", "London (Canada)", "Birmingham in Alabama", "London, Ontario, Canada".
 * A region or country (its name or code) that one of the places of that name lies in picks it, else
 * a smaller town of that name there (place-towns.ts: "Paris, Texas"). A region none of them lies in,
 * written after a comma, bracket or "in", is where people live, and the name is reported as a place
 * the world data does not have; a country or a city there is rather a list ("Singapore, Malaysia",
 * "Berlin, Hamburg").
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
  /** A town no data knows, kept as the brief wrote it ("in Smallbrookton, England"): its position is the region's. */
  literal?: boolean;
  /** The name of the area `region` holds when it is a county, not a first-level region ("Cornwall"). */
  area?: string;
}

export interface Qualifier {
  at: number;
  end: number;
  countries: ReadonlySet<string>;
  regions: readonly RegionRef[];
  /** Second-level regions ("Kent", "North Yorkshire", "Cook County"), read when no country or first-level region is named. */
  counties: ReadonlyArray<RegionRef & { county: string }>;
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
    const cities = find.named.filter((city) => chain.every((q) => allows(q, city)));
    if (cities.length > 0) {
      Object.assign(find, { cities, country: null, region: null });
      swallow();
      continue;
    }
    // A region of that name in the country named ("Georgia, USA", "Victoria, Australia").
    const region = (world.regionIndex.get(mentions.words.slice(find.at, find.at + find.length).join(' ')) ?? []).filter((c) => chain.every((q) => allows(q, c)));
    if (region.length > 0) {
      Object.assign(find, { cities: [], country: null, region });
      swallow();
      continue;
    }
    const fits = (city: City) => chain.every((q) => allows(q, city));
    // A smaller town of that name where the qualifier says ("Paris, Texas", "Perth, Scotland").
    const towns = chain.every((q) => q.marked) ? world.towns(mentions.words.slice(find.at, find.at + find.length).join(' ')).filter(fits) : [];
    if (towns.length > 0) {
      Object.assign(find, { cities: towns, country: null, region: null, named: [...find.named, ...towns] });
      swallow();
      continue;
    }
    const cityAfter = found.some((f) => f.at >= find.at + find.length && f.at < end && f.cities.length > 0);
    if (find.cities.length === 0 || cityAfter || !chain.every((q) => q.marked) || inList(found, find, end, mentions, fits)) continue;
    const target = regionOf(chain, world);
    if (!target) continue;
    Object.assign(find, { cities: [], ...target, unknown: mentions.text(find.at, end) });
    swallow();
  }
  return found.filter((f) => !gone.has(f));
}

/** The qualifiers written after word `at`, in a chain ("London, Ontario, Canada"). */
export function qualifiersAfter(mentions: PlaceMentions, world: World, at: number): Qualifier[] {
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
    if (regions.length > 0 || countries.size > 0) return { at, end: start + length, countries, regions, counties: [], marked };
  }
  // "Margate, Kent", "Whitby, North Yorkshire": a county, after a comma or bracket and written as a name.
  if (!marked || (mentions.namesCapitalised && !mentions.capitalised(start))) return null;
  for (let length = Math.min(MAX_WORDS, words.length - start); length >= 1; length--) {
    const phrase = words.slice(start, start + length).join(' ');
    if (NOT_PLACES.has(phrase) || world.demonymIndex.has(phrase)) continue;
    const counties = world.counties(phrase).map((c) => ({ country: c.country, region: c.region, county: c.name }));
    if (counties.length > 0) return { at, end: start + length, countries: new Set(), regions: [], counties, marked };
  }
  return null;
}

/**
 * Whether a place lies where the qualifier says. A county allows only places known to lie in it (the
 * smaller towns): a city of 100,000+, whose county the data does not say, stays unqualified by it,
 * so that "Leeds, York and Hull" stays a list.
 */
export function allows(q: Qualifier, place: { country: string; region: string; county?: string | undefined }): boolean {
  const { country, region, county } = place;
  return (
    q.countries.has(country) ||
    q.regions.some((r) => r.country === country && r.region === region) ||
    q.counties.some((c) => c.country === country && c.region === region && c.county === county)
  );
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
  const regions = chain.flatMap((q) => q.regions).filter((r) => chain.every((q) => allows(q, r)));
  const countries = new Set(regions.map((r) => r.country));
  if (countries.size !== 1) return null;
  const [code] = countries;
  const cities = unique(regions.flatMap((r) => (world.regionIndex.get(normalizeForMatch(r.region).trim()) ?? []).filter((c) => c.country === r.country && c.region === r.region)));
  if (cities.length > 0) return { country: null, region: cities };
  const country = world.countryByCode.get(code!);
  return country ? { country, region: null } : null;
}

/**
 * Where a town the qualifiers place but no data knows lies: the one country they name, the region
 * and county when they name one, and the place that stands for its position (the county's largest
 * town, else the region's largest known city, else the country's).
 */
export function qualifiedArea(chain: readonly Qualifier[], world: World): { country: string; region: string; county: string; anchor: City } | null {
  const refs = unique([...chain.flatMap((q) => q.regions), ...chain.flatMap((q) => q.counties)]).filter((r) => chain.every((q) => allows(q, r)));
  const named = (code: string) => chain.every((q) => q.countries.has(code) || q.regions.some((r) => r.country === code) || q.counties.some((c) => c.country === code));
  const countries = new Set([...refs.map((r) => r.country), ...chain.flatMap((q) => [...q.countries])].filter(named));
  if (countries.size !== 1) return null;
  const [code] = countries as unknown as [string];
  const inCountry = refs.filter((r) => r.country === code);
  // A few towns' regions are unknown to the data (''): the known one stands for them.
  const regions = unique(inCountry.map((r) => r.region).filter((r) => r !== ''));
  const region = regions.length === 1 ? regions[0]! : '';
  const counties = unique(inCountry.flatMap((r) => ('county' in r ? [(r as { county: string }).county] : [])));
  const county = counties.length === 1 && region ? counties[0]! : '';
  const largest = (cities: readonly City[]) => cities.reduce<City | undefined>((a, b) => (a && a.population >= b.population ? a : b), undefined);
  const countyTowns = county ? (world.counties(normalizeForMatch(county).trim()).find((c) => c.country === code && c.region === region && c.name === county)?.towns ?? []) : [];
  const regionCities = region ? (world.regionIndex.get(normalizeForMatch(region).trim()) ?? []).filter((c) => c.country === code && c.region === region) : [];
  const anchor = largest(countyTowns) ?? largest(regionCities) ?? world.largestCity.get(code);
  return anchor ? { country: code, region, county, anchor } : null;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
