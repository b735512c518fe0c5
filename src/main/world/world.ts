/**
 * The world the offline engine places people in: every country, every place of 100,000+ people
 * (resources/geo, built from GeoNames by scripts/build-geo-data.ts) with the hand-made towns of
 * the taste dataset added, the smaller towns read only when a brief names one (place-towns.ts),
 * and the personal-name traditions of each country (resources/names).
 * Checked with zod when first read; indexes built once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CITY_SHORT_NAMES, REGION_ABBREVIATIONS } from './areas';
import { DatasetError, readDataFile as read } from './dataset-file';
import { distanceKm } from './geo-distance';
import { commonWords, prominenceOf, townTable, type County, type Town } from './place-towns';

export type { County } from './place-towns';
import { normalizeForMatch } from './text';

export const MACRO_REGIONS = ['GLOBAL', 'EUROPE', 'NORTH_AMERICA', 'LATAM', 'ASIA', 'MENA', 'AFRICA', 'OCEANIA'] as const;
export type MacroRegion = (typeof MACRO_REGIONS)[number];

export interface Country {
  code: string;
  name: string;
  macro: MacroRegion;
  /** "Syrian", "Filipino"; null where no demonym is known. */
  demonym: string | null;
  /** Lower-case names a brief may use (English, native, French, German, Spanish and the dataset's own). */
  aliases: string[];
}

/** A place people live in: a city of the main gazetteer or a town read on demand (place-towns.ts), the same fields. */
export type City = Town;

/** A first-level region as a brief may name it: "Ontario", "MA". */
export interface RegionRef {
  country: string;
  region: string;
}

export type NameOrder = 'given-family' | 'family-first' | 'patronymic' | 'single';

export interface NameTradition {
  id: string;
  label: string;
  order: NameOrder;
  female: string[];
  male: string[];
  /** Family names, the same for either gender; absent for patronymic and single-name traditions. */
  family?: string[];
  familyByGender?: { female: string[]; male: string[] };
  connector?: { female: string; male: string };
  /** Two family names are the norm (much of the Spanish-speaking world). */
  doubleFamily?: boolean;
}

export interface World {
  countries: Country[];
  countryByCode: ReadonlyMap<string, Country>;
  cities: City[];
  /** Normalised spelling → cities of that name: those it is the name of (or the short form of: Newcastle upon Tyne) first, then the most prominent. */
  cityIndex: ReadonlyMap<string, City[]>;
  /** Normalised country name, alias or demonym → country. */
  countryIndex: ReadonlyMap<string, Country>;
  /** Normalised country names of the world data only: "canada", not the dataset's "canadian" (a nationality, not a place). */
  countryNames: ReadonlyMap<string, Country>;
  demonymIndex: ReadonlyMap<string, Country>;
  /** Each country's most populous place. */
  largestCity: ReadonlyMap<string, City>;
  /** Normalised first-level region name → its cities (a region is named in one country). */
  regionIndex: ReadonlyMap<string, City[]>;
  /** Normalised first-level region name → the regions of that name, with or without places in the data ("maine"). */
  regionNames: ReadonlyMap<string, RegionRef[]>;
  /** A region's code in capitals ("MA", "NSW", "BC") → the regions it stands for. */
  regionCodes: ReadonlyMap<string, RegionRef[]>;
  /** The naming traditions of a country with their weights; empty where none is known. */
  namesOf(countryCode: string): ReadonlyArray<readonly [NameTradition, number]>;
  /**
   * Places smaller than `cities` holds (towns and villages of 500+ people, seats of local government)
   * of a normalised spelling: those it is the own name of first, then the best known. Read from
   * resources/geo/towns.tsv.br the first time a brief names a place the cities lack.
   */
  towns(key: string): City[];
  /** Those smaller places of the city's country within `km` of it, the most populous first. */
  townsNear(city: City, km: number): City[];
  /** Smaller places of a country whose name holds the words ("hossegor": Soorts-Hossegor). */
  townsContaining(key: string, country: string): City[];
  /** Second-level regions of a normalised name ("cornwall", "cook county", "orkney"), with their towns, the most populous first. */
  counties(key: string): County[];
  /** Whether a lower-case word is an ordinary word of the dataset's prose ("home", "sales"), so not taken for a town without a qualifier. */
  isCommonWord(word: string): boolean;
}

const code = z.string().regex(/^[A-Z]{2}$/);
/** The names derived from faker's locales, which every hand-written file refines. */
const FAKER_FILE = 'faker.json';
const names = z.array(z.string().min(1)).min(10);
const traditionSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  order: z.enum(['given-family', 'family-first', 'patronymic', 'single']),
  female: names,
  male: names,
  family: names.optional(),
  familyByGender: z.object({ female: names, male: names }).optional(),
  connector: z.object({ female: z.string(), male: z.string() }).optional(),
  doubleFamily: z.boolean().optional(),
});
const namesFileSchema = z.object({
  version: z.literal(1),
  traditions: z.array(traditionSchema),
  countries: z.record(code, z.array(z.tuple([z.string(), z.number().positive()])).min(1)),
});
const countriesFileSchema = z.object({
  version: z.literal(1),
  countries: z.array(z.tuple([code, z.string(), z.enum(MACRO_REGIONS), z.string().nullable(), z.array(z.string())])).min(200),
});
const citiesFileSchema = z.object({
  version: z.literal(2),
  cities: z.array(z.tuple([z.string(), code, z.string(), z.number(), z.number(), z.number(), z.number().int().min(0), z.array(z.string())])).min(4000),
  regionCodes: z.array(z.tuple([code, z.string().regex(/^[A-Z]{2,3}$/), z.string().min(1)])),
});
/** Words that join a city's name to what tells it apart ("Newcastle upon Tyne", "Frankfurt am Main", "Santiago de Cuba"). */
const LINKS = new Set(['upon', 'under', 'on', 'am', 'an', 'de', 'del', 'do', 'da', 'dos', 'das', 'di', 'du', 'des', 'sur', 'en', 'im', 'in', 'bei', 'ob', 'nad', 'pod']);

/** What the taste dataset adds: its own aliases, towns under 100,000 and hand-written name pools, which win. */
export interface WorldAdditions {
  countries: ReadonlyArray<{ code: string; aliases: readonly string[]; names: { female: string[]; male: string[]; surnames: string[] } }>;
  cities: ReadonlyArray<Omit<City, 'prominence'>>;
}

export function loadWorld(resourcesDir: string, additions: WorldAdditions): World {
  const countries = read(path.join(resourcesDir, 'geo', 'countries.json'), countriesFileSchema).countries.map(([code, name, macro, demonym, aliases]): Country => ({
    code,
    name,
    macro,
    demonym,
    aliases,
  }));
  const countryByCode = new Map(countries.map((c) => [c.code, c]));
  const countryNames = new Map(countries.flatMap((c) => [c.name, ...c.aliases].map((name) => [normalizeForMatch(name).trim(), c] as const)));
  for (const extra of additions.countries) {
    const country = countryByCode.get(extra.code);
    if (country) country.aliases = [...new Set([...country.aliases, ...extra.aliases.map((a) => normalizeForMatch(a).trim())])];
  }

  const geo = read(path.join(resourcesDir, 'geo', 'cities.json'), citiesFileSchema);
  const cities = geo.cities.map(
    ([name, country, region, lat, lon, population, names, aliases]): City => ({ name, country, region, lat, lon, population, aliases, prominence: prominenceOf(population, names) }),
  );
  const known = new Set(cities.map((c) => `${c.country}|${normalizeForMatch(c.name)}`));
  for (const town of additions.cities) {
    const key = `${town.country}|${normalizeForMatch(town.name)}`;
    if (!known.has(key)) cities.push({ ...town, aliases: town.aliases.map((a) => normalizeForMatch(a).trim()), prominence: prominenceOf(town.population, 0) });
  }
  const largestCity = new Map<string, City>();
  for (const city of cities) if ((largestCity.get(city.country)?.population ?? -1) < city.population) largestCity.set(city.country, city);
  const cityIndex = new Map<string, City[]>();
  const regionIndex = new Map<string, City[]>();
  const ownName = new Map<City, string>();
  for (const city of cities) {
    ownName.set(city, normalizeForMatch(city.name).trim());
    for (const alias of new Set([ownName.get(city)!, ...city.aliases])) push(cityIndex, alias, city);
    if (city.region) push(regionIndex, normalizeForMatch(city.region).trim(), city);
  }
  // A place called by its own name comes before one that merely has it as another spelling (Porto, not Bordeaux), then the best known.
  for (const [key, list] of cityIndex) {
    if (list.length < 2) continue;
    const own = (city: City) => (isNameOf(ownName.get(city)!, key) ? 1 : 0);
    list.sort((a, b) => own(b) - own(a) || b.prominence - a.prominence);
  }
  for (const [short, name] of Object.entries(CITY_SHORT_NAMES)) {
    const city = cityIndex.get(normalizeForMatch(name).trim())?.[0];
    if (city) push(cityIndex, short, city);
  }

  const regionNames = new Map<string, RegionRef[]>();
  const regionCodes = new Map<string, RegionRef[]>();
  const abbreviations = Object.entries(REGION_ABBREVIATIONS).flatMap(([country, codes]) => Object.entries(codes).map(([abbr, region]) => [country, abbr, region] as const));
  for (const [country, abbr, region] of [...geo.regionCodes, ...abbreviations]) push(regionCodes, abbr, { country, region });
  const regions = new Map<string, RegionRef>();
  for (const ref of [...cities.filter((c) => c.region).map((c) => ({ country: c.country, region: c.region })), ...[...regionCodes.values()].flat()]) regions.set(`${ref.country}|${ref.region}`, ref);
  for (const ref of regions.values()) push(regionNames, normalizeForMatch(ref.region).trim(), ref);

  const countryIndex = new Map<string, Country>();
  const demonymIndex = new Map<string, Country>();
  for (const country of countries) {
    for (const alias of [country.name, ...country.aliases]) countryIndex.set(normalizeForMatch(alias).trim(), country);
    if (country.demonym) demonymIndex.set(normalizeForMatch(country.demonym).trim(), country);
  }

  // Precedence, lowest first: faker's generic locales, the dataset's hand-written pools, then the
  // hand-written traditions of resources/names, which split a country into its naming traditions.
  const traditions = new Map<string, NameTradition>();
  const byCountry = new Map<string, Array<readonly [NameTradition, number]>>();
  const namesDir = path.join(resourcesDir, 'names');
  const files = fs.existsSync(namesDir) ? fs.readdirSync(namesDir).filter((f) => f.endsWith('.json')) : [];
  const layers = [files.filter((f) => f === FAKER_FILE), files.filter((f) => f !== FAKER_FILE).sort()];
  const apply = (mappings: ReadonlyArray<[string, Array<[string, number]>]>) => {
    for (const [country, mix] of mappings) {
      byCountry.set(
        country,
        mix.map(([id, weight]) => {
          const tradition = traditions.get(id);
          if (!tradition) throw new DatasetError(`resources/names: ${country} names the tradition "${id}", which no file defines`);
          return [tradition, weight] as const;
        }),
      );
    }
  };
  for (const [i, layer] of layers.entries()) {
    if (i === 1) {
      for (const extra of additions.countries) {
        const tradition: NameTradition = { id: `dataset-${extra.code.toLowerCase()}`, label: extra.code, order: 'given-family', female: extra.names.female, male: extra.names.male, family: extra.names.surnames };
        byCountry.set(extra.code, [[tradition, 1]]);
      }
    }
    for (const file of layer) {
      const parsed = read(path.join(namesDir, file), namesFileSchema);
      for (const tradition of parsed.traditions) traditions.set(tradition.id, tradition);
      apply(Object.entries(parsed.countries));
    }
  }

  return {
    countries,
    countryByCode,
    cities,
    cityIndex,
    largestCity,
    countryIndex,
    countryNames,
    demonymIndex,
    regionIndex,
    regionNames,
    regionCodes,
    namesOf: (countryCode) => byCountry.get(countryCode) ?? [],
    towns: (key) => townTable(resourcesDir)?.named(key) ?? [],
    isCommonWord: (word) => commonWords(resourcesDir).has(word),
    townsContaining: (key, country) => townTable(resourcesDir)?.containing(key, country) ?? [],
    counties: (key) => townTable(resourcesDir)?.counties(key) ?? [],
    townsNear: (city, km) => (townTable(resourcesDir)?.near(city, city.country, km, distanceKm) ?? []).filter((town) => town.name !== city.name || distanceKm(town, city) > 1),
  };
}

/** Whether `key` is the place's own name or its short form: "newcastle" for "newcastle upon tyne", not "tan" for "tan an". */
function isNameOf(own: string, key: string): boolean {
  if (own === key) return true;
  if (!own.startsWith(`${key} `)) return false;
  const rest = own.slice(key.length + 1).split(' ');
  return rest.length >= 2 && LINKS.has(rest[0]!);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  if (key.length === 0) return;
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}
