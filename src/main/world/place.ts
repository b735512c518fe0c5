/**
 * Where a brief's people live, read from its words (or from the location field, which wins): any
 * place of 100,000+ people, towns of the dataset, first-level regions, countries, named areas
 * ("West Africa", "the Nordics") and continents; "near", "around" and "outside" widen a city to its
 * surroundings. A place-like name the world data does not know is reported with suggestions,
 * never silently replaced.
 */
import { AREAS, CITY_SHORT_NAMES } from './areas';
import { distanceKm } from './geo-distance';
import { closestPlaces } from './place-suggestions';
import { containsWords } from './text';
import type { City, Country, World } from './world';


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

/** How far from a named city its surroundings reach. */
const NEARBY_KM = 40;
/** "around X", "near X": a wider circle. */
const AROUND_KM = 55;

/** Place words that are also ordinary words count only after "in", "near", ... or in the location field. */
const AMBIGUOUS_PLACE_WORDS = new Set(['nice', 'reading', 'bath', 'split', 'mobile', 'orange', 'turkey', 'chad', 'jordan', 'georgia', 'victoria', 'man', 'of', 'male', 'university', 'college', 'union', 'independence', 'temple', 'surprise', 'hope', 'marina', 'deal', 'rio', 'santa', 'san', 'city', 'garden', 'mission', 'delta', 'ocean', 'sale', 'nancy', 'como', 'bra', 'lens', 'cork', 'derby', 'bury', 'wells', 'march', 'worth']);
const LOCATIVES = new Set(['in', 'near', 'around', 'across', 'outside', 'throughout', 'within', 'at', 'en', 'au', 'aux', 'bei', 'im', 'um', 'nahe', 'cerca', 'de', 'em', 'no', 'na']);
const WIDENING = new Set(['near', 'around', 'outside', 'nahe', 'cerca', 'um']);
/** Words that introduce where people come from, not where they live. */
const ORIGIN_WORDS = new Set(['from', 'aus', 'de', 'des', 'du']);
const ARTICLES = new Set(['the', 'la', 'le', 'les', 'der', 'die', 'das', 'el', 'los', 'las', 'greater', 'metro', 'metropolitan']);
/** Capitalised words after a locative that are not places ("in January", "in English"). */
const NOT_PLACES = new Set(['north', 'south', 'east', 'west', 'central', 'northern', 'southern', 'eastern', 'western', 'upper', 'lower', 'new', 'greater', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'english', 'french', 'spanish', 'german', 'arabic', 'portuguese', 'chinese', 'hindi', 'ramadan', 'summer', 'winter', 'spring', 'autumn', 'person', 'store', 'app', 'stores', 'shops', 'the']);

/** A brief's words with how they were written, to tell a place name from an ordinary word. */
export class PlaceMentions {
  readonly words: string[];
  private readonly cased: string[];

  constructor(raw: string, readonly fromLocationField: boolean) {
    const plain = raw.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    this.cased = plain.length > 0 ? plain.split(' ') : [];
    this.words = this.cased.map((w) => w.toLowerCase());
  }

  /** Words [at, at+length) as the brief wrote them (accents aside). */
  written(at: number, length: number): string {
    return this.cased.slice(at, at + length).join(' ');
  }

  /** The word before position `at`, skipping articles ("in the Nordics"). */
  previous(at: number): string {
    let i = at - 1;
    while (i >= 0 && ARTICLES.has(this.words[i]!)) i--;
    return i >= 0 ? this.words[i]! : '';
  }

  /** Whether words [at, at+length) read as a place name: the location field, capitals, or after a locative. */
  readsAsPlace(at: number, length: number): boolean {
    const phrase = this.words.slice(at, at + length).join(' ');
    if (this.fromLocationField) return true;
    const writtenAs = this.cased.slice(at, at + length).join(' ');
    // Two-letter codes ("US", "UK", "KL") count only in capitals: "us" is a pronoun.
    if (phrase.length <= 2) return writtenAs === phrase.toUpperCase();
    // A longer word in capitals is an acronym ("SD-WAN", "SAAS"), unless it is a city's short name ("NYC").
    if (length === 1 && writtenAs === writtenAs.toUpperCase() && !(phrase in CITY_SHORT_NAMES)) return false;
    const previous = this.previous(at);
    if (LOCATIVES.has(previous) || ORIGIN_WORDS.has(previous)) return true;
    const capitalised = writtenAs.charAt(0) !== writtenAs.charAt(0).toLowerCase();
    return capitalised && !AMBIGUOUS_PLACE_WORDS.has(phrase) && at > 0;
  }

  /** Whether the phrase stands in the text as whole words (for area names). */
  has(phrase: string): boolean {
    return containsWords(` ${this.words.join(' ')} `, phrase);
  }
}

interface Found {
  at: number;
  length: number;
  cities: City[];
  country: Country | null;
  region: City[] | null;
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

  // A city name shared by several places is the one in a country the brief also names, else the most populous.
  const inNamedCountries = (cities: City[]) => {
    const codes = new Set([...countriesNamed.map((c) => c.code), ...areaCodes]);
    const preferred = cities.filter((c) => codes.has(c.country));
    return (preferred.length > 0 ? preferred : cities)[0]!;
  };

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
    return { kind: 'cities', label, countries: unique(cities.map((c) => c.country)), cities, unresolved: null };
  }
  if (regionFinds.length > 0) {
    const regionCities = regionFinds.flatMap((f) => f.region!);
    const byCountry = countriesNamed.length > 0 ? regionCities.filter((c) => countriesNamed.some((k) => k.code === c.country)) : regionCities;
    const chosen = byCountry.length > 0 ? byCountry : regionCities;
    const cities = bySize(world, chosen);
    const label = `${unique(chosen.map((c) => c.region)).join(', ')}, ${unique(cities.map((c) => c.country.name)).join(', ')}`;
    return { kind: 'region', label, countries: unique(cities.map((c) => c.country)), cities, unresolved: null };
  }
  if (countriesNamed.length > 0) {
    return { kind: 'countries', label: countriesNamed.map((c) => c.name).join(', '), countries: countriesNamed, cities: citiesOf(world, countriesNamed), unresolved: null };
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
        widened: WIDENING.has(previous),
        origin: ORIGIN_WORDS.has(previous),
      });
    }
  }
  return found.sort((a, b) => a.at - b.at);
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
