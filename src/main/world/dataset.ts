/**
 * The bundled taste dataset (resources/dataset, described in docs/DATASET.md), checked with zod
 * when first read. Loaded lazily and once per folder, so createCore() stays fast.
 */
import path from 'node:path';
import { z } from 'zod';
import { DatasetError, readDataFile } from './dataset-file';
import { domainsFileSchema, lifeStagesFileSchema, type Domain, type LifeStage } from './audience';
import { loadWorld, MACRO_REGIONS, type City, type Country, type World } from './world';
import { AGE_BANDS } from '../../shared/coverage';
import { CULTURAL_CATEGORIES, DECISION_POWERS, INCOME_BRACKETS } from '../../shared/persona';


const str = z.string().min(1);
const income = z.enum(INCOME_BRACKETS);
const regionCode = z.union([z.enum(MACRO_REGIONS), z.string().regex(/^[A-Z]{2}$/)]);

const entitySchema = z.object({
  name: str,
  tags: z.array(str).min(1),
  ageSkew: z.array(z.number().min(0).max(1)).length(AGE_BANDS.length),
  regions: z.array(regionCode).min(1),
});

const tasteSchema = z.object({
  version: z.literal(1),
  categories: z.object(
    Object.fromEntries(CULTURAL_CATEGORIES.map((c) => [c, z.array(entitySchema).min(60)])) as Record<
      (typeof CULTURAL_CATEGORIES)[number],
      z.ZodArray<typeof entitySchema>
    >,
  ),
});

const countrySchema = z.object({
  code: z.string().regex(/^[A-Z]{2}$/),
  name: str,
  aliases: z.array(str),
  macro: z.enum(MACRO_REGIONS),
  language: z.string().regex(/^[a-z]{2}$/),
  names: z.object({ female: z.array(str).min(20), male: z.array(str).min(20), surnames: z.array(str).min(20) }),
});

const citySchema = z.object({
  name: str,
  region: str,
  country: z.string().regex(/^[A-Z]{2}$/),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  population: z.number().positive(),
  aliases: z.array(str),
});

const occupationSchema = z.object({ title: str, minAge: z.int(), maxAge: z.int(), income, education: z.string() });
const industrySchema = z.object({ id: str, label: str, keywords: z.array(str), occupations: z.array(occupationSchema).min(1) });
const b2bRoleSchema = z.object({
  title: str,
  decisionPower: z.enum(DECISION_POWERS),
  minAge: z.int(),
  maxAge: z.int(),
  income,
});
const b2bFunctionSchema = z.object({
  id: str,
  keywords: z.array(str),
  roles: z.array(b2bRoleSchema).min(2),
  buyingCriteria: z.array(str).min(3),
  objections: z.array(str).min(2),
});

const themeSchema = z.object({
  id: str,
  keywords: z.array(str),
  tags: z.array(str),
  goals: z.array(str).min(3),
  painPoints: z.array(str).min(3),
  values: z.array(str).min(2),
  interests: z.array(str).min(3),
  channels: z.array(str).min(2),
  quotes: z.array(str).min(1),
});
const phrasesSchema = z.object({
  version: z.literal(1),
  themes: z.array(themeSchema).min(1),
  generic: themeSchema,
});

export type TasteEntity = z.infer<typeof entitySchema>;
export type { City, Country, World };
export { MACRO_REGIONS };
export type Occupation = z.infer<typeof occupationSchema>;
export type Industry = z.infer<typeof industrySchema>;
export type B2bRole = z.infer<typeof b2bRoleSchema>;
export type B2bFunction = z.infer<typeof b2bFunctionSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type { MacroRegion } from './world';

const biosSchema = z.object({
  version: z.literal(1),
  working: z.array(str).min(6),
  student: z.array(str).min(6),
  retired: z.array(str).min(6),
  origin: z.array(str).min(4),
  when: z.array(str).min(3),
  /** Household and life lines with slots, for the stages they name ("b2b": work-life lines of buyers). */
  households: z.array(z.object({ text: str, stages: z.array(str).min(1) })),
  lines: z.array(z.object({ text: str, stages: z.array(str).min(1) })),
  slots: z.record(str, z.array(str).min(2)),
  /** What a sentence asserts (providers/llm/offline/facts.ts): a pattern, the facts it sets, the ages it needs. */
  tags: z.array(
    z.object({ match: str, set: z.record(str, str).optional(), minAge: z.int().optional(), maxAge: z.int().optional(), minAgePlus: z.int().optional() }),
  ),
  formerJobs: z.array(z.object({ id: str, titles: str })),
});
export type BioTemplates = z.infer<typeof biosSchema>;

export interface TasteDataset {
  taste: z.infer<typeof tasteSchema>['categories'];
  /** Every country and every place of 100,000+, with the dataset's towns and name pools (world.ts). */
  world: World;
  countries: Country[];
  countriesByCode: ReadonlyMap<string, Country>;
  cities: City[];
  /** The countries the dataset describes by hand: where people live when a brief names no place. */
  homeCountries: Country[];
  /** Audiences by life stage (life-stages.json) and products by domain (domains.json). */
  stages: LifeStage[];
  domains: Domain[];
  bioTemplates: BioTemplates;
  industries: Industry[];
  b2bFunctions: B2bFunction[];
  themes: Theme[];
  genericTheme: Theme;
}

export { DatasetError };

const loaded = new Map<string, TasteDataset>();

export function loadDataset(datasetDir: string): TasteDataset {
  const cached = loaded.get(datasetDir);
  if (cached) return cached;
  const taste = readJson(datasetDir, 'taste.json', tasteSchema);
  const { countries } = readJson(datasetDir, 'countries.json', z.object({ version: z.literal(1), countries: z.array(countrySchema).min(15) }));
  const { cities } = readJson(datasetDir, 'cities.json', z.object({ version: z.literal(1), cities: z.array(citySchema).min(150) }));
  const occupations = readJson(
    datasetDir,
    'occupations.json',
    z.object({ version: z.literal(1), industries: z.array(industrySchema).min(1), b2bFunctions: z.array(b2bFunctionSchema).min(1) }),
  );
  const phrases = readJson(datasetDir, 'phrases.json', phrasesSchema);

  const curated = new Set(countries.map((c) => c.code));
  const strayCity = cities.find((c) => !curated.has(c.country));
  if (strayCity) throw new DatasetError(`cities.json: ${strayCity.name} names country ${strayCity.country}, which countries.json lacks`);
  const world = loadWorld(path.join(datasetDir, '..'), { countries, cities });
  const { lifeStages: stages } = readJson(datasetDir, 'life-stages.json', lifeStagesFileSchema);
  const { domains } = readJson(datasetDir, 'domains.json', domainsFileSchema);

  const dataset: TasteDataset = {
    taste: taste.categories,
    world,
    countries: world.countries,
    countriesByCode: world.countryByCode,
    cities: world.cities,
    homeCountries: countries.map((c) => world.countryByCode.get(c.code)!),
    stages,
    domains,
    bioTemplates: readJson(datasetDir, 'bios.json', biosSchema),
    industries: occupations.industries,
    b2bFunctions: occupations.b2bFunctions,
    themes: phrases.themes,
    genericTheme: phrases.generic,
  };
  loaded.set(datasetDir, dataset);
  return dataset;
}

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  return readDataFile(path.join(dir, file), schema);
}

