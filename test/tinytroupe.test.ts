import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../src/main/core/core';
import { readTinyPersonSpecs, repairPersonaDocument, TINYTROUPE_EXTENSION_KEY, tinyPersonSpecSchema, toTinyPersonSpec } from '../src/main/validation';
import { briefInputSchema } from '../src/shared/brief';
import { PERSONA_SCHEMAS, type Persona } from '../src/shared/persona';
import { LEVELS, type Level } from '../src/shared/vocabulary';
import { REPO_ROOT, tempDir } from './helpers';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/tinytroupe');
const fixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));

const BRIEFS: Record<Level, string> = {
  simple: 'Commuters who cycle to work in Copenhagen',
  standard: 'Eco-friendly meal-kit delivery for busy parents in Lyon',
  b2b: 'Procurement software for mid-sized manufacturers in Germany',
};

let core: Core;
const runs = {} as Record<Level, { runId: string; personas: Persona[] }>;

beforeAll(async () => {
  core = createCore({ dataDir: tempDir('persona-tinytroupe-'), resources: null, monitor: { autoStart: false } });
  for (const level of LEVELS) {
    const { run } = await core.generate(briefInputSchema.parse({ description: BRIEFS[level], count: 6, level, seed: 7 }));
    runs[level] = { runId: run.id, personas: core.store.getRun(run.id)!.document!.personas };
  }
});

afterAll(async () => {
  await core.reports.close();
  core.close();
});

/** A persona without its meta, which repair writes afresh (its score and what it repaired or filled). */
const withoutMeta = ({ meta: _meta, ...rest }: Persona) => rest;

describe('TinyTroupe agent specifications', () => {
  it.each(LEVELS)('round-trips %s personas losslessly: persona → spec → JSON → raw persona → repair', (level) => {
    const { personas } = runs[level];
    expect(personas.length).toBeGreaterThan(0);
    const specs = JSON.parse(JSON.stringify(personas.map(toTinyPersonSpec))) as unknown;
    // Read back, every field is there, meta included when asked for.
    expect(readTinyPersonSpecs(specs, { meta: true })).toEqual(personas);
    const raw = readTinyPersonSpecs(specs);
    expect(raw).toEqual(personas.map(withoutMeta));
    const { document, report } = repairPersonaDocument(raw, { level });
    expect(report.valid).toBe(true);
    expect(document.personas.map(withoutMeta)).toEqual(personas.map(withoutMeta));
    for (const p of document.personas) expect(PERSONA_SCHEMAS[level].safeParse(p).success).toBe(true);
  });

  it('writes specs in the documented shape, with what TinyTroupe has no field for under the extension key only', () => {
    const persona = runs.b2b.personas[0]!;
    const spec = toTinyPersonSpec(persona);
    expect(tinyPersonSpecSchema.safeParse(spec).success).toBe(true);
    for (const level of LEVELS) for (const p of runs[level].personas) expect(tinyPersonSpecSchema.safeParse(toTinyPersonSpec(p)).success).toBe(true);
    expect(spec.type).toBe('TinyPerson');
    expect(spec.persona).toMatchObject({
      name: persona.name,
      age: persona.age,
      nationality: null,
      residence: expect.stringContaining(persona.location.city) as unknown,
      long_term_goals: persona.goals,
      occupation: { title: persona.occupation, organization: expect.stringContaining(persona.b2b!.industry) as unknown },
      preferences: { interests: persona.interests, dislikes: persona.painPoints },
      beliefs: persona.values,
      behaviors: { channels: persona.channels },
    });
    expect(spec.persona.other_facts?.[0]).toBe(persona.bio);
    expect(spec.persona.style).toContain(persona.quote);
    // Nothing of the app's bookkeeping inside the persona dict, which TinyTroupe puts in the agent's prompt.
    expect(JSON.stringify(spec.persona)).not.toContain('qualityScore');
    expect(Object.keys(spec)).toEqual(['type', 'persona', TINYTROUPE_EXTENSION_KEY]);
    expect(Object.keys(spec[TINYTROUPE_EXTENSION_KEY]!.fields).sort()).toEqual(['b2b', 'bio', 'culturalProfile', 'id', 'location', 'meta', 'quote', ...(persona.incomeBracket ? ['incomeBracket'] : [])].sort());
  });

  it('lets an edit made in TinyTroupe win over the extension copy', () => {
    const persona = runs.standard.personas[0]!;
    const spec = JSON.parse(JSON.stringify(toTinyPersonSpec(persona))) as { persona: Record<string, unknown> };
    spec.persona.age = 61;
    spec.persona.residence = 'Marseille, France';
    (spec.persona.long_term_goals as string[]).push('To retire by the sea.');
    const [raw] = readTinyPersonSpecs(spec)! as Array<Record<string, unknown>>;
    expect(raw).toMatchObject({ age: 61, location: { city: 'Marseille', country: 'France' }, goals: [...persona.goals, 'To retire by the sea.'], bio: persona.bio });
  });

  it('imports a spec written by hand from the documentation', () => {
    const raw = readTinyPersonSpecs(fixture('hand-written.agent.json'));
    expect(raw).toHaveLength(1);
    const { document, report } = repairPersonaDocument(raw, { level: 'simple' });
    expect(report.valid).toBe(true);
    const [p] = document.personas;
    expect(PERSONA_SCHEMAS.simple.safeParse(p).success).toBe(true);
    expect(p).toMatchObject({ name: 'Inês Carvalho', age: 38, gender: 'Female', occupation: 'Paediatric Nurse', location: { city: 'Porto', country: 'Portugal' } });
    expect(p!.goals).toEqual([
      'To become head nurse of the paediatric ward within five years.',
      'To buy a flat close enough to the hospital to walk to work.',
      'To keep weekends free for her two children.',
    ]);
    expect(p!.painPoints).toContain('Parking costs at the hospital.');
    expect(p!.interests).toContain('Trail running along the Douro');
    expect(p!.values).toContain('Good teams are built on honest handovers.');
    expect(p!.bio).toContain('Matosinhos');
    expect(p!.education).toBe('Escola Superior de Enfermagem do Porto, degree in Nursing.');
    // At the standard level, repair fills what a TinyTroupe spec does not hold (a quote, channels, tastes).
    const standard = repairPersonaDocument(raw, { level: 'standard' });
    expect(PERSONA_SCHEMAS.standard.safeParse(standard.document.personas[0]).success).toBe(true);
    expect(standard.document.personas[0]!.name).toBe('Inês Carvalho');
    // Nothing of the spec is dropped as unknown: TinyTroupe's fields are mapped, not passed through.
    expect(report.issues.filter((i) => i.type === 'unknown_field')).toEqual([]);
    expect(p!.bio).toContain('Nationality: Portuguese.');
    const b2b = repairPersonaDocument(raw, { level: 'b2b' });
    expect(PERSONA_SCHEMAS.b2b.safeParse(b2b.document.personas[0]).success).toBe(true);
  });

  it('imports a spec in the older format (json_serializable_class_name and _configuration)', () => {
    const raw = readTinyPersonSpecs(fixture('legacy-format.agent.json'));
    expect(raw).toHaveLength(1);
    const { document } = repairPersonaDocument(raw, { level: 'simple' });
    const [p] = document.personas;
    expect(PERSONA_SCHEMAS.simple.safeParse(p).success).toBe(true);
    expect(p).toMatchObject({ name: 'Tomasz Nowak', age: 52, occupation: 'Bus Driver', location: { country: 'Poland' } });
    expect(p!.interests).toEqual(['Electric buses and how they handle in winter.', 'Sea fishing.', 'Restoring old motorbikes.']);
    expect(p!.bio).toContain('Gdańsk');
  });

  it('finds specs in an array, under an agents key or as the values of an object, and says null to anything else', () => {
    const one = fixture('hand-written.agent.json');
    const two = fixture('legacy-format.agent.json');
    expect(readTinyPersonSpecs([one, two])).toHaveLength(2);
    expect(readTinyPersonSpecs({ type: 'TinyWorld', agents: [one, two] })).toHaveLength(2);
    expect(readTinyPersonSpecs({ 'Inês Carvalho': one, 'Tomasz Nowak': two })).toHaveLength(2);
    expect(readTinyPersonSpecs({ schemaVersion: 1, personas: runs.simple.personas })).toBeNull();
    expect(readTinyPersonSpecs(runs.simple.personas)).toBeNull();
    expect(readTinyPersonSpecs({ type: 'Fragment', persona: { preferences: { interests: ['Travel'] } } })).toBeNull();
    expect(readTinyPersonSpecs('{"type": "TinyPerson"}')).toBeNull();
    expect(readTinyPersonSpecs(null)).toBeNull();
    expect(readTinyPersonSpecs([])).toBeNull();
  });

  it('reads residence, occupation and age in the forms other specs use', () => {
    const spec = (persona: Record<string, unknown>) => readTinyPersonSpecs({ type: 'TinyPerson', persona: { name: 'Ada Moreau', ...persona } })![0];
    expect(spec({ residence: 'Lyon, France' })).toMatchObject({ location: { city: 'Lyon', country: 'France' } });
    expect(spec({ residence: 'Austin, Texas, USA' })).toMatchObject({ location: { city: 'Austin', region: 'Texas', country: 'USA' } });
    expect(spec({ residence: 'Germany' })).toMatchObject({ location: { country: 'Germany' } });
    expect(spec({ occupation: 'Baker' })).toMatchObject({ occupation: 'Baker' });
    expect(spec({ occupation: { title: 'Baker', organization: 'N/A', description: 'You bake bread at dawn.' } })).toMatchObject({ occupation: 'Baker', bio: 'You bake bread at dawn.' });
    expect(spec({ age: '47' })).toMatchObject({ age: 47 });
    expect(spec({ nationality: 'French', preferences: { likes: ['Jazz'] } })).toMatchObject({ bio: 'Nationality: French.', interests: ['Jazz'] });
    expect(spec({ nationality: 'French' })).not.toHaveProperty('nationality');
  });

  it('exports a run as a JSON array of specs, one per persona, that reads back', async () => {
    const { runId, personas } = runs.standard;
    const { bytes, fileName, mimeType } = await core.reports.export(runId, 'tinytroupe');
    expect(mimeType).toBe('application/json');
    expect(fileName).toMatch(/\.tinytroupe\.json$/);
    const parsed = JSON.parse(bytes.toString('utf8')) as unknown[];
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed).toHaveLength(personas.length);
    for (const spec of parsed) expect(tinyPersonSpecSchema.safeParse(spec).success).toBe(true);
    expect(parsed.map((s) => (s as { persona: { name: string } }).persona.name)).toEqual(personas.map((p) => p.name));
    expect(readTinyPersonSpecs(parsed, { meta: true })).toEqual(personas);
  });
});
