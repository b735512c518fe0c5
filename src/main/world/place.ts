/**
 * Where a brief's people live, read from its words (or from the location field, which wins): any
 * place of 100,000+ people, towns of the dataset, smaller towns and counties where the words give
 * one (place-town-finds.ts: "in Tavira, Portugal", "in Whitby", "in Cornwall"), first-level regions,
 * countries, named areas ("West Africa", "the Nordics") and continents. A named place keeps its
 * people; a city of 500,000+ shares them with its neighbours; "near", "around", "outside" and "the X
 * area" widen it to its surroundings; a city named only to place another ("a Chicago suburb") has
 * nobody in it. A name several places share is the one a qualifier names ("London, Ontario":
 * place-qualifier.ts), else one in a country the brief names as a place, else the best known
 * (world.ts). A place-like name the world data does not know is reported with suggestions, never
 * silently replaced; written as a town's with its country ("in Smallbrookton, England"), it is
 * where people live, as written.
 */
import { AREAS } from './areas';
import { distanceKm } from './geo-distance';
import { AMBIGUOUS_PLACE_WORDS, LOCATIVES, NOT_PLACES, ORIGIN_WORDS, PlaceMentions } from './place-mentions';
import { applyQualifiers, type QualifiedFind } from './place-qualifier';
import { closestPlaces } from './place-suggestions';
import { findTowns } from './place-town-finds';
import { normalizeForMatch } from './text';
import type { City, Country, World } from './world';

export { PlaceMentions } from './place-mentions';


export interface WeightedCity {
  city: City;
  country: Country;
  weight: number;
}

export type PlaceKind = 'cities' | 'region' | 'countries' | 'area' | 'anywhere';

export interface UnresolvedPlace {
  /** The words as the brief wrote them. */
  text: string;
  /** Known places whose names are closest, best first (at most three). */
  suggestions: string[];
}

export interface PlaceTarget {
  kind: PlaceKind;
  /** What was understood, for people: "Kuala Lumpur and nearby, Malaysia". */
  label: string;
  /** Countries the personas live in. */
  countries: Country[];
  cities: WeightedCity[];
  /** A place the brief names that is not in the world data. */
  unresolved: UnresolvedPlace | null;
}

const WIDENING = new Set(['near', 'around', 'outside', 'nahe', 'cerca', 'um']);

/** How far from a named city its surroundings reach. */
const NEARBY_KM = 40;
/** "around X", "near X": a wider circle. */
const AROUND_KM = 55;
/** "near X" for a town: its immediate surroundings, not the region's big city. */
const TOWN_AROUND_KM = 20;
/** Neighbouring towns "near X" brings in: the largest few of at least this size. */
const NEIGHBOUR_TOWNS = 6;
const MIN_NEIGHBOUR_TOWN = 1000;
/** A city this big spreads into its neighbours ("Kuala Lumpur and nearby"); a smaller one keeps its people ("Naperville"). */
const METROPOLIS = 500_000;
/** A metropolis's neighbours together weigh at most this much beside it, so that it keeps at least half its people. */
const NEIGHBOURS_SHARE = 1;
/** "the Chicago suburbs": the places of at least this size around the city, not the city itself. */
const MIN_SUBURB = 10_000;
/** Words that make a city named beside them a description of where another place is, or of its suburbs. */
const SUBURB_WORDS = new Set(['suburb', 'suburbs', 'suburban', 'exurb', 'exurbs', 'outskirts', 'banlieue', 'banlieues', 'vorort', 'vororte', 'vorstadt', 'periferia', 'suburbio', 'suburbios', 'afueras', 'arredores', 'hinterland']);
/** Words after a place that make it the area around it ("the Chicago area", "Napa Valley"). */
const AREA_WORDS = new Set(['area', 'valley', 'region', 'metro', 'metropolitan', 'surroundings', 'hinterland', 'umgebung', 'umland', 'environs']);
const OF_WORDS = new Set(['of', 'de', 'von', 'di', 'do', 'da', 'dos', 'das', 'du', 'des', 'del']);
const NEAR_WORDS = new Set(['near', 'outside', 'nahe', 'cerca', 'pres', 'bei', 'vicino', 'perto']);

interface Found extends QualifiedFind {
  widened: boolean;
  /** Introduced by "from": where people come from, not where they live. */
  origin: boolean;
}

const MAX_WORDS = 5;
/** A place this big is a city; smaller ones are towns. */
const MIN_CITY = 100_000;
/** A city this big is meant when its name is written, even in lower case. */
const UNMISTAKABLE_POPULATION = 500_000;
/** A location field that asks for no particular place. */
const NO_PLACE = new Set(['anywhere', 'worldwide', 'global', 'no location', 'any']);

export function resolvePlace(text: string, location: string | undefined, world: World, anywhere: () => WeightedCity[]): PlaceTarget {
  const target = placeFromWords(text, location, world, anywhere);
  if (target.cities.length > 0) return target;
  // Nowhere to put anyone (no place of that country or region in the data): anywhere, and the user is told.
  const cities = anywhere();
  return { ...target, cities, unresolved: target.unresolved ?? { text: target.label, suggestions: [] } };
}

function placeFromWords(text: string, location: string | undefined, world: World, anywhere: () => WeightedCity[]): PlaceTarget {
  if (location !== undefined && NO_PLACE.has(location.trim().toLowerCase())) {
    const cities = anywhere();
    return { kind: 'anywhere', label: 'anywhere', countries: unique(cities.map((c) => c.country)), cities, unresolved: null };
  }
  const mentions = new PlaceMentions(location ?? text, location !== undefined);
  // The most specific area named ("West Africa" rather than the "Africa" inside it).
  const named = AREAS.filter((area) => area.names.some((name) => mentions.has(name)));
  const areas = named.filter((area) => !named.some((other) => other !== area && other.names.some((n) => area.names.some((m) => n.includes(m) && n !== m))));
  // A word of an area's name is not a place of its own ("West" is also a region of Cameroon).
  const areaWords = named.flatMap((area) => area.names.filter((name) => mentions.has(name)));
  const found = findPlaces(mentions, world).filter((f) => !f.origin && !areaWords.some((name) => ` ${name} `.includes(` ${mentions.words.slice(f.at, f.at + f.length).join(' ')} `)));
  const areaCodes = areas.flatMap((area) => area.countries);
  const countriesNamed = unique(found.flatMap((f) => (f.country ? [f.country] : [])));
  const cityFinds = found.filter((f) => f.cities.length > 0);
  const regionFinds = found.filter((f) => f.region !== null);
  // "Paris, Texas" where the data has no Paris there: people live across Texas and the user is told;
  // "Smallbrookton, England": people live in the town as written, and the user is told it is not known.
  const qualified = found.find((f) => f.unknown !== undefined);
  const literal = cityFinds.find((f) => f.literal);
  const notKnown = qualified
    ? { text: qualified.unknown!, suggestions: [] }
    : literal
      ? { text: literal.cities[0]!.name, suggestions: closestPlaces(literal.cities[0]!.aliases[0] ?? literal.cities[0]!.name, world) }
      : null;

  // A city name shared by several places is the one in a country the brief names as a place ("a chain in
  // Australia opening in Newcastle"; "American expats" say where people are from), else the best known.
  const asPlace = (f: Found) => mentions.fromLocationField || LOCATIVES.has(mentions.previous(f.at)) || world.countryNames.has(mentions.words.slice(f.at, f.at + f.length).join(' '));
  const homes = new Set([
    ...found.filter((f) => f.country && asPlace(f)).map((f) => f.country!.code),
    ...areas.filter((area) => mentions.fromLocationField || area.names.some((name) => mentions.hasAfterLocative(name))).flatMap((area) => area.countries),
  ]);
  const inNamedCountries = (cities: City[]) => cities.find((c) => homes.has(c.country)) ?? cities[0]!;

  // "Naperville, Illinois (a Chicago suburb)", "Naperville, near Chicago": Chicago says where Naperville is, nobody lives there.
  const describing = cityFinds.filter((f) => describesPlace(f, mentions, cityFinds));
  const living = cityFinds.filter((f) => !describing.includes(f));
  if (living.length > 0) {
    const weights = new Map<City, number>();
    for (const find of living) {
      const city = inNamedCountries(find.cities);
      weights.set(city, 1);
      const around = surroundings(world, city, find);
      // Each neighbour weighs 0.35 (0.8 "near X"), together at most the city itself unless the brief widens it.
      const each = find.widened ? 0.8 : Math.min(0.35, NEIGHBOURS_SHARE / Math.max(1, around.length));
      for (const near of around) weights.set(near, Math.max(weights.get(near) ?? 0, each));
    }
    const cities = weighted(world, weights);
    const named = living.map((f) => inNamedCountries(f.cities));
    const label = `${named.map((c) => c.name).join(', ')}${weights.size > named.length ? ' and nearby' : ''}, ${unique(named.map((c) => world.countryByCode.get(c.country)!.name)).join(', ')}`;
    return { kind: 'cities', label, countries: unique(cities.map((c) => c.country)), cities, unresolved: notKnown };
  }
  if (describing.length > 0) {
    // "in the Chicago suburbs", "the outskirts of Lyon": the places around the city, not the city itself.
    const centres = describing.map((f) => inNamedCountries(f.cities));
    const around = unique(centres.flatMap((city) => [...nearbyCities(world, city, NEARBY_KM), ...world.townsNear(city, NEARBY_KM).filter((t) => t.population >= MIN_SUBURB)])).filter((c) => !centres.includes(c));
    if (around.length > 0) {
      const largest = Math.max(...around.map((c) => Math.sqrt(c.population)));
      const cities = around.map((city) => ({ city, country: world.countryByCode.get(city.country)!, weight: (0.8 * Math.sqrt(city.population)) / largest }));
      const label = `the suburbs of ${centres.map((c) => c.name).join(', ')}, ${unique(centres.map((c) => world.countryByCode.get(c.country)!.name)).join(', ')}`;
      return { kind: 'cities', label, countries: unique(cities.map((c) => c.country)), cities, unresolved: notKnown };
    }
  }
  if (regionFinds.length > 0) {
    const regionCities = regionFinds.flatMap((f) => f.region!);
    const byCountry = countriesNamed.length > 0 ? regionCities.filter((c) => countriesNamed.some((k) => k.code === c.country)) : regionCities;
    const chosen = byCountry.length > 0 ? byCountry : regionCities;
    const cities = bySize(world, chosen);
    const areas = regionFinds.flatMap((f) => (f.area ? [f.area] : []));
    const label = `${areas.length > 0 ? unique(areas).join(', ') : unique(chosen.map((c) => c.region)).join(', ')}, ${unique(cities.map((c) => c.country.name)).join(', ')}`;
    return { kind: 'region', label, countries: unique(cities.map((c) => c.country)), cities, unresolved: notKnown };
  }
  if (countriesNamed.length > 0) {
    return { kind: 'countries', label: countriesNamed.map((c) => c.name).join(', '), countries: countriesNamed, cities: citiesOf(world, countriesNamed), unresolved: notKnown };
  }
  const unresolved = unresolvedPlace(mentions, world, areas.flatMap((area) => area.names));
  if (areas.length > 0) {
    const countries = unique(areaCodes.flatMap((code) => world.countryByCode.get(code) ?? []));
    const regions = new Set(areas.flatMap((area) => area.regions ?? []));
    const cities = regions.size > 0 ? bySize(world, world.cities.filter((c) => areaCodes.includes(c.country) && regions.has(c.region))) : citiesOf(world, countries);
    return { kind: 'area', label: areas.map((area) => area.label).join(', '), countries, cities, unresolved };
  }
  const cities = anywhere();
  return { kind: 'anywhere', label: 'anywhere', countries: unique(cities.map((c) => c.country)), cities, unresolved };
}

/** Every place name in the text, longest first, each word used once. */
export function findPlaces(mentions: PlaceMentions, world: World): Found[] {
  const { words } = mentions;
  const used = new Array<boolean>(words.length).fill(false);
  const found: Found[] = [];
  for (let length = Math.min(MAX_WORDS, words.length); length >= 1; length--) {
    for (let at = 0; at + length <= words.length; at++) {
      if (used.slice(at, at + length).some(Boolean)) continue;
      const phrase = words.slice(at, at + length).join(' ');
      if (NOT_PLACES.has(phrase)) continue;
      const cities = world.cityIndex.get(phrase) ?? [];
      const country = world.countryIndex.get(phrase) ?? null;
      const region = world.regionIndex.get(phrase) ?? null;
      if (cities.length === 0 && !country && !region) continue;
      // Briefs are often typed in lower case: a big city's or a country's own name counts anyway, unless it is also a common word.
      const unmistakable = !AMBIGUOUS_PLACE_WORDS.has(phrase) && phrase.length >= 5 && (country !== null || (cities[0]?.population ?? 0) >= UNMISTAKABLE_POPULATION);
      if (!mentions.readsAsPlace(at, length) && !unmistakable) continue;
      for (let i = at; i < at + length; i++) used[i] = true;
      const previous = mentions.previous(at);
      // A country's name wins over a town of the same name; a region's wins when its own largest city
      // dwarfs the town ("Ontario" the province, not the Californian city; "Auckland" the city).
      const asCountry = country !== null;
      const regionLargest = region ? region.reduce((a, b) => (b.population > a.population ? b : a)) : null;
      const asRegion = !asCountry && regionLargest !== null && (cities.length === 0 || (regionLargest !== cities[0] && regionLargest.population > 2 * cities[0]!.population));
      found.push({
        at,
        length,
        cities: asCountry || asRegion ? [] : cities,
        country,
        region: asRegion ? region : null,
        named: cities,
        widened: widens(mentions, at, length),
        origin: ORIGIN_WORDS.has(previous),
      });
    }
  }
  // Towns the cities lack, where the words give a place ("in Tavira, Portugal"); looked for first in the countries named as places.
  const homes = new Set(
    found
      .filter((f) => (f.country || f.region) && (mentions.fromLocationField || LOCATIVES.has(mentions.previous(f.at)) || world.countryNames.has(words.slice(f.at, f.at + f.length).join(' '))))
      .map((f) => f.country?.code ?? f.region![0]!.country),
  );
  for (const town of findTowns(mentions, world, found, homes)) found.push({ ...town, widened: !town.origin && widens(mentions, town.at, town.length) });
  return applyQualifiers(found.sort((a, b) => a.at - b.at), mentions, world);
}

/** "near X", "around X", and "the X area", "the Napa Valley", "the Dallas metro": X and its surroundings. */
function widens(mentions: PlaceMentions, at: number, length: number): boolean {
  return WIDENING.has(mentions.previous(at)) || AREA_WORDS.has(mentions.words[at + length] ?? '');
}

/**
 * Whether a city is named only to say where another place is or to name its suburbs: "a Chicago
 * suburb", "the suburbs of Chicago", "Naperville, near Chicago".
 */
function describesPlace(find: Found, mentions: PlaceMentions, finds: readonly Found[]): boolean {
  const { words } = mentions;
  if (SUBURB_WORDS.has(words[find.at + find.length] ?? '')) return true;
  if (OF_WORDS.has(words[find.at - 1] ?? '') && SUBURB_WORDS.has(words[find.at - 2] ?? '')) return true;
  const nearAt = NEAR_WORDS.has(words[find.at - 1] ?? '') ? find.at - 1 : words[find.at - 1] === 'to' && words[find.at - 2] === 'close' ? find.at - 2 : -1;
  return nearAt > 0 && mentions.gap(nearAt).includes(',') && finds.some((other) => other !== find && other.cities.length > 0 && other.at + other.length === nearAt);
}

/**
 * Where people live besides a city the brief names: nowhere for a town or a city of under 500,000,
 * which keep their people ("Naperville"); a big city's neighbours within 40 km ("Kuala Lumpur and
 * nearby"); "near X", "around X": within 55 km of a city, 20 km of a town (its largest neighbouring
 * towns too); nowhere for a town no data knows, whose surroundings are unknown.
 */
function surroundings(world: World, city: City, find: Found): City[] {
  if (find.literal) return [];
  if (!find.widened) return city.population >= METROPOLIS ? nearbyCities(world, city, NEARBY_KM) : [];
  const town = city.population < MIN_CITY;
  const reach = town ? TOWN_AROUND_KM : AROUND_KM;
  const towns = town ? world.townsNear(city, reach).filter((t) => t.population >= MIN_NEIGHBOUR_TOWN).slice(0, NEIGHBOUR_TOWNS) : [];
  return [...nearbyCities(world, city, reach), ...towns];
}

/** A capitalised name after a locative that nothing matched: the user is told, with the nearest spellings. */
function unresolvedPlace(mentions: PlaceMentions, world: World, areaNames: readonly string[]): UnresolvedPlace | null {
  const { words } = mentions;
  const inAreaName = new Set(areaNames.flatMap((name) => name.split(' ')));
  for (let at = 0; at < words.length; at++) {
    if (inAreaName.has(words[at]!)) continue;
    if (!mentions.fromLocationField && !LOCATIVES.has(mentions.previous(at))) continue;
    if (!mentions.fromLocationField && !mentions.readsAsPlace(at, 1)) continue;
    const word = words[at]!;
    if (NOT_PLACES.has(word) || word.length < 3 || /^\d/.test(word)) continue;
    if (!mentions.fromLocationField && !isCapitalisedWord(mentions, at)) continue;
    const length = mentions.fromLocationField ? words.length - at : 1;
    return { text: mentions.written(at, length), suggestions: closestPlaces(words.slice(at, at + length).join(' '), world) };
  }
  return null;
}

function isCapitalisedWord(mentions: PlaceMentions, at: number): boolean {
  return mentions.readsAsPlace(at, 1) && !LOCATIVES.has(mentions.words[at]!);
}

function nearbyCities(world: World, city: City, km: number): City[] {
  return world.cities.filter((near) => near !== city && near.country === city.country && Math.abs(near.lat - city.lat) < km / 100 && distanceKm(city, near) <= km && !samePlace(city, near));
}

/** The dataset's own spelling of a GeoNames city ("München" beside "Munich") is the city itself, not a neighbour. */
function samePlace(a: City, b: City): boolean {
  if (distanceKm(a, b) > 15) return false;
  const own = (c: City) => normalizeForMatch(c.name).trim();
  return b.aliases.includes(own(a)) || a.aliases.includes(own(b));
}

function weighted(world: World, weights: ReadonlyMap<City, number>): WeightedCity[] {
  return [...weights].map(([city, weight]) => ({ city, country: world.countryByCode.get(city.country)!, weight }));
}

/** Bigger cities are likelier (square root of size). */
function bySize(world: World, cities: readonly City[]): WeightedCity[] {
  return cities.map((city) => ({ city, country: world.countryByCode.get(city.country)!, weight: Math.sqrt(city.population) }));
}

/** Each country weighs the same; within a country, bigger cities are likelier (square root of size). */
export function citiesOf(world: World, countries: readonly Country[]): WeightedCity[] {
  const out: WeightedCity[] = [];
  for (const country of countries) {
    const own = world.cities.filter((c) => c.country === country.code);
    const total = own.reduce((sum, c) => sum + Math.sqrt(c.population), 0);
    for (const city of own) out.push({ city, country, weight: Math.sqrt(city.population) / total });
  }
  return out;
}


function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
