/**
 * The fidelity score tells the truth: personas broken on purpose (moved abroad, aged out of the
 * brief, given a household that contradicts the audience, a copied quote) score lower than their
 * originals through `persona-studio check`, under 60 where the break is about place, age or
 * audience, with the reason named. And the brief from the issue that started it: Kuala Lumpur.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROOT, createCore, type Core } from '../src/main/core/core';
import { loadDataset } from '../src/main/world/dataset';
import { distanceKm } from '../src/main/world/geo-distance';
import { traditionsFor } from '../src/main/providers/llm/offline/names';
import { briefInputSchema, type BriefInput } from '../src/shared/brief';
import type { PersonaDocument } from '../src/shared/persona';
import { cli, tempDir } from './helpers';

const world = loadDataset(path.join(APP_ROOT, 'resources', 'dataset')).world;
let core: Core;
beforeAll(() => {
  core = createCore({ dataDir: tempDir('persona-fidelity-'), monitor: { autoStart: false } });
});
afterAll(() => core.close());

interface Checked {
  personas: Array<{ id: string | null; name: string; score: number; reasons: string[] }>;
}

async function check(description: string, document: PersonaDocument): Promise<Checked> {
  const result = await cli(['check', description, '--json'], JSON.stringify(document));
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.out) as Checked;
}

async function generated(brief: BriefInput): Promise<PersonaDocument> {
  return (await core.generate(briefInputSchema.parse(brief))).document;
}

type Break = (doc: PersonaDocument, household: string) => { label: string; index: number; reason: RegExp; offBrief: boolean };

const BREAKS: Break[] = [
  (doc) => {
    doc.personas[0]!.location = { city: 'Lille', country: 'France' };
    return { label: 'moved to another country', index: 0, reason: /Lives in Lille, France, outside/, offBrief: true };
  },
  (doc) => {
    doc.personas[1]!.age = 88;
    return { label: 'aged out of the brief', index: 1, reason: /Age 88 is outside/, offBrief: true };
  },
  (doc, household) => {
    doc.personas[2]!.bio += ` ${household}`;
    return { label: 'a household that contradicts the audience', index: 2, reason: /does not fit/, offBrief: true };
  },
  (doc) => {
    doc.personas[3]!.quote = doc.personas[0]!.quote;
    return { label: 'a copied quote', index: 3, reason: /word for word another persona/, offBrief: false };
  },
];

describe('persona-studio check', () => {
  for (const { household, ...brief } of [
    { description: 'Organic baby food delivery for first-time parents in Toronto', count: 5, level: 'standard', seed: 3, household: 'Their three children are at secondary school now.' },
    { description: 'Used car marketplace for young first-time drivers in Johannesburg', count: 5, level: 'standard', seed: 4, household: 'After decades of driving lorries, they know every road.' },
    { description: 'Halal meal delivery for busy Muslim families in Kuala Lumpur', count: 6, level: 'standard', seed: 5, household: 'They have no kids and like it that way.' },
  ] as const) {
    it(`scores each broken persona lower than its original, with the reason: ${brief.description}`, async () => {
      const original = await generated(brief);
      const before = await check(brief.description, original);
      for (const breakIt of BREAKS) {
        const broken = structuredClone(original);
        const { label, index, reason, offBrief } = breakIt(broken, household);
        const after = await check(brief.description, broken);
        const was = before.personas[index]!;
        const now = after.personas[index]!;
        expect(now.score, `${label}: ${now.reasons.join(' ')}`).toBeLessThan(was.score);
        if (offBrief) expect(now.score, label).toBeLessThan(60);
        expect(now.reasons.join(' '), label).toMatch(reason);
      }
    });
  }

  it('exits 1 when a persona scores under --min, and refuses what is not a persona document', async () => {
    const doc = await generated({ description: 'Meal kits for busy parents in Lyon', count: 3, level: 'standard', seed: 9 });
    doc.personas[0]!.location = { city: 'Osaka', country: 'Japan' };
    expect((await cli(['check', 'Meal kits for busy parents in Lyon', '--min', '70'], JSON.stringify(doc))).code).toBe(1);
    const notJson = await cli(['check', 'Meal kits for busy parents in Lyon'], 'Sure! Here are your personas');
    expect(notJson.code).toBe(1);
    expect(notJson.err).toMatch(/not JSON.*persona-studio repair/);
    const notPersonas = await cli(['check', 'Meal kits for busy parents in Lyon'], JSON.stringify({ schemaVersion: 1, personas: [{ name: 'x' }] }));
    expect(notPersonas.code).toBe(1);
    expect(notPersonas.err).toMatch(/does not follow the persona contract at \/personas\/0/);
  });
});

describe('the Kuala Lumpur brief', () => {
  it('gives six personas in or near Kuala Lumpur, with Malaysian names and the reasons for their scores', async () => {
    const kl = world.cityIndex.get('kuala lumpur')![0]!;
    const given = new Set(traditionsFor(world, 'MY').flatMap(([t]) => [...t.female, ...t.male]));
    for (const seed of [1, 2, 3]) {
      const doc = await generated({ description: 'Halal meal delivery for busy Muslim families in Kuala Lumpur', count: 6, level: 'standard', seed });
      expect(doc.personas).toHaveLength(6);
      for (const p of doc.personas) {
        expect(p.location.country).toBe('Malaysia');
        const home = world.cityIndex.get(p.location.city.toLowerCase())?.find((c) => c.country === 'MY');
        expect(home, p.location.city).toBeDefined();
        expect(distanceKm(kl, home!), p.location.city).toBeLessThanOrEqual(60);
        expect([...given].some((g) => p.name.includes(g)), p.name).toBe(true);
        expect(Array.isArray(p.meta?.qualityReasons), p.name).toBe(true);
        expect(p.meta!.qualityScore).toBeGreaterThan(60);
      }
    }
  });
});
