/**
 * The offline engine through the real pipeline: reproducible for a seed, diverse within a set,
 * relevant to the brief and coherent person by person, on varied briefs.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, APP_ROOT, type Core } from '../src/main/core/core';
import { loadDataset } from '../src/main/world/dataset';
import { ageBandIndex } from '../src/shared/coverage';
import { traditionsFor } from '../src/main/providers/llm/offline/names';
import { briefInputSchema, type BriefInput } from '../src/shared/brief';
import { CULTURAL_CATEGORIES, type Persona, type PersonaDocument } from '../src/shared/persona';
import { jsonSchemaValidators, tempDir } from './helpers';

const data = loadDataset(path.join(APP_ROOT, 'resources', 'dataset'));
const validators = jsonSchemaValidators();
let core: Core;

beforeAll(() => {
  core = createCore({ dataDir: tempDir() });
});
afterAll(() => core.close());

async function generate(brief: BriefInput): Promise<PersonaDocument> {
  return (await core.generate(briefInputSchema.parse(brief))).document;
}

const textOf = (p: Persona) => [...p.goals, ...p.painPoints, p.bio, p.quote ?? '', ...(p.interests ?? [])].join(' ').toLowerCase();
const occupationsByTitle = new Map(data.industries.flatMap((i) => i.occupations).map((o) => [o.title, o]));
const rolesByTitle = new Map(data.b2bFunctions.flatMap((f) => f.roles).map((r) => [r.title, r]));
const countryByName = new Map(data.countries.map((c) => [c.name, c]));
const stageTitles = new Set(data.stages.flatMap((s) => s.occupations ?? []));

interface Case {
  brief: BriefInput;
  countries?: string[];
  ages?: [number, number];
  gender?: string;
  /** Stems of which every persona's goals, pain points and bio must contain at least two. */
  about?: string[];
  check?: (personas: Persona[]) => void;
}

const CASES: Case[] = [
  {
    brief: { description: 'eco-friendly meal-kit delivery for busy parents in Lyon', count: 5, level: 'standard', seed: 1 },
    countries: ['France'],
    ages: [25, 55],
    about: ['time', 'minute', 'week', 'dinner', 'cook', 'meal', 'recipe', 'famil', 'child', 'kid', 'waste', 'packag', 'plastic', 'sustainab', 'organic', 'local', 'season', 'school'],
    check: (ps) => {
      const cities = ps.map((p) => p.location.city);
      expect(cities.filter((c) => c === 'Lyon').length).toBeGreaterThan(0);
      const near = new Set(['Lyon', ...data.cities.filter((c) => c.country === 'FR' && Math.abs(c.lat - 45.76) < 0.4 && Math.abs(c.lon - 4.84) < 0.5).map((c) => c.name)]);
      expect(cities.every((c) => near.has(c))).toBe(true);
    },
  },
  {
    brief: { description: 'Procurement software for mid-size manufacturers in Germany', count: 5, level: 'b2b', seed: 2 },
    countries: ['Germany'],
    check: (ps) => {
      for (const p of ps) {
        expect(['51-200', '201-1000']).toContain(p.b2b!.companySize);
        expect(p.b2b!.industry.toLowerCase()).toMatch(/manufactur|industr|production/);
        expect(`${p.b2b!.role} ${p.b2b!.buyingCriteria.join(' ')}`.toLowerCase()).toMatch(/procure|purchas|buy|sourc|supplier|categor|contract|spend/);
      }
      expect(new Set(ps.map((p) => p.b2b!.decisionPower)).size).toBeGreaterThan(1);
    },
  },
  { brief: { description: 'Language-learning app for retirees in Porto', count: 5, level: 'standard', seed: 3 }, countries: ['Portugal'], ages: [60, 90], about: ['learn', 'language', 'class', 'lesson', 'retire', 'grandchild', 'travel', 'friend', 'memory', 'course', 'skill', 'practi', 'conversation'] },
  { brief: { description: 'Budget travel app for students in Madrid', count: 6, level: 'simple', seed: 4 }, countries: ['Spain'], ages: [17, 30] },
  { brief: { description: 'Premium running shoes for marathon runners in Tokyo', count: 5, level: 'standard', seed: 5 }, countries: ['Japan'], about: ['run', 'race', 'marathon', 'train', 'fit', 'injur', 'pace', 'shoe', 'kit', 'gear', 'quality', 'premium', 'durab', 'km', 'mile', 'sport', 'workout', 'gym', 'shape', 'protein', 'strength'] },
  { brief: { description: 'Mobile banking for small business owners in Lagos', count: 5, level: 'standard', seed: 6 }, countries: ['Nigeria'] },
  { brief: { description: 'Streaming service for K-drama fans in Seoul', count: 4, level: 'standard', seed: 7 }, countries: ['South Korea'] },
  { brief: { description: 'Plant-based snacks for gen z in São Paulo', count: 5, level: 'standard', seed: 8 }, countries: ['Brazil'], ages: [18, 26] },
  { brief: { description: 'Coworking spaces for remote workers in München', count: 5, level: 'standard', seed: 9 }, countries: ['Germany'] },
  { brief: { description: 'Online therapy sessions for new mums', count: 6, level: 'standard', seed: 10 }, gender: 'female' },
  { brief: { description: 'HR software for hospitals in the UK', count: 4, level: 'b2b', seed: 11 }, countries: ['United Kingdom'] },
  { brief: { description: 'Electric cargo bikes for families in Amsterdam', count: 5, level: 'standard', seed: 12 }, countries: ['Netherlands'] },
  { brief: { description: 'A productivity app that helps people plan their week', count: 8, level: 'standard', seed: 13 } },
  { brief: { description: 'Pet insurance for dog owners in Marseille', location: 'Montréal, Canada', count: 4, level: 'standard', seed: 14 }, countries: ['Canada'] },
  { brief: { description: 'Smart home energy monitors for homeowners', ageRange: [35, 60], count: 10, level: 'standard', seed: 15 }, ages: [35, 60] },
  { brief: { description: 'Cashless payments for street food vendors in Mumbai', count: 20, level: 'standard', seed: 16 }, countries: ['India'] },
];

describe('offline engine', () => {
  for (const c of CASES) {
    it(`"${c.brief.description}"${c.brief.location ? ` at ${c.brief.location}` : ''}: valid, diverse, relevant, coherent`, async () => {
      const document = await generate(c.brief);
      const validate = validators[c.brief.level];
      expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      const ps = document.personas;
      expect(ps).toHaveLength(c.brief.count);

      // Diverse: distinct names and occupations, ages spread, a gender mix unless the brief names one.
      expect(new Set(ps.map((p) => p.name)).size).toBe(ps.length);
      // Given names repeat rarely (where the family name comes first, the first word is the family's).
      expect(new Set(ps.map((p) => p.name.split(' ')[0])).size).toBeGreaterThanOrEqual(Math.ceil(ps.length * 0.7));
      // Distinct jobs, within what an audience that is a trade offers (a dozen titles or so).
      expect(new Set(ps.map((p) => p.occupation)).size).toBeGreaterThanOrEqual(Math.min(ps.length - Math.floor(ps.length / 10), 12));
      expect(new Set(ps.map((p) => p.bio)).size).toBe(ps.length);
      const ages = ps.map((p) => p.age);
      const [lo, hi] = c.ages ?? [16, 99];
      expect(ages.every((a) => a >= lo && a <= hi), `ages ${ages} within ${lo}-${hi}`).toBe(true);
      if (ps.length >= 4) {
        // Spread over the audience's ages (a narrow audience such as Gen Z spans less).
        expect(Math.max(...ages) - Math.min(...ages)).toBeGreaterThanOrEqual(Math.min(8, Math.floor((hi - lo) * 0.6)));
        if (c.gender) expect(ps.every((p) => p.gender === c.gender)).toBe(true);
        else expect(new Set(ps.map((p) => p.gender)).size).toBeGreaterThanOrEqual(2);
      }

      // Relevant: where and what the brief asks for.
      if (c.countries) expect(ps.map((p) => p.location.country).every((country) => c.countries!.includes(country))).toBe(true);
      if (c.about) {
        for (const p of ps) {
          const hits = c.about.filter((stem) => textOf(p).includes(stem));
          expect(hits.length, `${p.name}: ${textOf(p)}`).toBeGreaterThanOrEqual(2);
        }
      }

      // Coherent: names from the country's pools, occupation fits age, culture fits region and age.
      for (const p of ps) {
        const country = countryByName.get(p.location.country)!;
        expect(country, p.location.country).toBeDefined();
        const given = traditionsFor(data.world, country.code).flatMap(([t]) => [...t.female, ...t.male]);
        expect(given.some((g) => p.name.includes(g)), p.name).toBe(true);
        const job = occupationsByTitle.get(p.occupation) ?? rolesByTitle.get(p.occupation);
        // An audience that is a trade has titles of its own (life-stages.json); the rest come from the occupation lists, within their ages.
        expect(job ?? stageTitles.has(p.occupation), p.occupation).toBeTruthy();
        if (job) {
          expect(p.age).toBeGreaterThanOrEqual(job.minAge);
          expect(p.age).toBeLessThanOrEqual(job.maxAge);
        }
        if (c.brief.level !== 'simple') expect(p.culturalProfile).toBeDefined();
      }
      c.check?.(ps);
    });
  }

  it('gives the same personas for the same seed and different ones for another seed', async () => {
    const brief: BriefInput = { description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 5, level: 'b2b', seed: 777 };
    const strip = (d: PersonaDocument) => d.personas.map(({ id: _id, meta: _meta, ...rest }) => rest);
    const a = await generate(brief);
    const b = await generate(brief);
    const other = await generate({ ...brief, seed: 778 });
    expect(strip(b)).toEqual(strip(a));
    expect(strip(other)).not.toEqual(strip(a));
  });

  it('draws cultural items popular where each persona lives and in their age band', async () => {
    const briefs: BriefInput[] = [
      { description: 'Concert ticket app for music lovers', count: 30, level: 'standard', seed: 21 },
      { description: 'Streaming service for families in Mexico', count: 15, level: 'standard', seed: 22 },
    ];
    let regional = 0;
    let total = 0;
    const pickedSkew: number[] = [];
    const poolSkew: number[] = [];
    for (const brief of briefs) {
      for (const p of (await generate(brief)).personas) {
        const country = countryByName.get(p.location.country)!;
        const band = ageBandIndex(p.age);
        for (const category of CULTURAL_CATEGORIES) {
          for (const name of p.culturalProfile![category]) {
            const entity = data.taste[category].find((e) => e.name === name)!;
            pickedSkew.push(entity.ageSkew[band]!);
            // Destinations are where people travel to, so they are often abroad by nature.
            if (category === 'destinations') continue;
            total++;
            if (entity.regions.some((r) => r === country.code || r === country.macro || r === 'GLOBAL')) regional++;
            pickedSkew.push(entity.ageSkew[band]!);
          }
          poolSkew.push(...data.taste[category].map((e) => e.ageSkew[band]!));
        }
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(regional / total).toBeGreaterThan(0.85);
    expect(mean(pickedSkew)).toBeGreaterThan(mean(poolSkew) + 0.07);
  });

  it('spreads a brief without location over several countries', async () => {
    const { personas } = await generate({ description: 'Noise-cancelling headphones for commuters', count: 12, level: 'standard', seed: 31 });
    expect(new Set(personas.map((p) => p.location.country)).size).toBeGreaterThanOrEqual(5);
  });
});
