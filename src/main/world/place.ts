/**
 * Where a brief's people live, read from its words (or from the location field, which wins): any
 * place of 100,000+ people, towns of the dataset, first-level regions, countries, named areas
 * ("West Africa", "the Nordics") and continents; "near", "around" and "outside" widen a city to its
 * surroundings. A name several places share is the one a qualifier names ("London, Ontario":
 * place-qualifier.ts), else one in a country the brief names as a place, else the best known
 * (world.ts). A place-like name the world data does not know is reported with suggestions, never
 * silently replaced.
 */
import { AREAS } from './areas';
import { distanceKm } from './geo-distance';
import { AMBIGUOUS_PLACE_WORDS, LOCATIVES, NOT_PLACES, ORIGIN_WORDS, PlaceMentions } from './place-mentions';
import { applyQualifiers, type QualifiedFind } from './place-qualifier';
import { closestPlaces } from './place-suggestions';
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

interface Found extends QualifiedFind {
  widened: boolean;
  /** Introduced by "from": where people come from, not where they live. */
  origin: boolean;
}

const MAX_WORDS = 5;
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
  // "Paris, Texas": the data has no Paris there, so people live across Texas and the user is told.
  const qualified = found.find((f) => f.unknown !== undefined);
  const notKnown = qualified ? { text: qualified.unknown!, suggestions: [] } : null;

  // A city name shared by several places is the one in a country the brief names as a place ("a chain in
  // Australia opening in Newcastle"; "American expats" say where people are from), else the best known.
  const asPlace = (f: Found) => mentions.fromLocationField || LOCATIVES.has(mentions.previous(f.at)) || world.countryNames.has(mentions.words.slice(f.at, f.at + f.length).join(' '));
  const homes = new Set([
    ...found.filter((f) => f.country && asPlace(f)).map((f) => f.country!.code),
    ...areas.filter((area) => mentions.fromLocationField || area.names.some((name) => mentions.hasAfterLocative(name))).flatMap((area) => area.countries),
  ]);
  const inNamedCountries = (cities: City[]) => cities.find((c) => homes.has(c.country)) ?? cities[0]!;

  if (cityFinds.length > 0) {
    const weights = new Map<City, number>();
    for (const find of cityFinds) {
      const city = inNamedCountries(find.cities);
      weights.set(city, 1);
      const reach = find.widened ? AROUND_KM : NEARBY_KM;
      for (const near of nearbyCities(world, city, reach)) weights.set(near, Math.max(weights.get(near) ?? 0, find.widened ? 0.8 : 0.35));
    }
    const cities = weighted(world, weights);
    const named = cityFinds.map((f) => inNamedCountries(f.cities));
    const label = `${named.map((c) => c.name).join(', ')}${weights.size > named.length ? ' and nearby' : ''}, ${unique(named.map((c) => world.countryByCode.get(c.country)!.name)).join(', ')}`;
    return { kind: 'cities', label, countries: unique(cities.map((c) => c.country)), cities, unresolved: notKnown };
  }
  if (regionFinds.length > 0) {
    const regionCities = regionFinds.flatMap((f) => f.region!);
    const byCountry = countriesNamed.length > 0 ? regionCities.filter((c) => countriesNamed.some((k) => k.code === c.country)) : regionCities;
    const chosen = byCountry.length > 0 ? byCountry : regionCities;
    const cities = bySize(world, chosen);
    const label = `${unique(chosen.map((c) => c.region)).join(', ')}, ${unique(cities.map((c) => c.country.name)).join(', ')}`;
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
        widened: WIDENING.has(previous),
        origin: ORIGIN_WORDS.has(previous),
      });
    }
  }
  return applyQualifiers(found.sort((a, b) => a.at - b.at), mentions, world);
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
  return world.cities.filter((near) => near !== city && near.country === city.country && Math.abs(near.lat - city.lat) < km / 100 && distanceKm(city, near) <= km);
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
