/**
 * repairPersonaDocument stage by stage: what it reports, what it fills and from where, how it
 * counts, what it refuses; the coercions on their own; the repair command's exit codes; the
 * validation metrics the core keeps.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/index';
import { createCore } from '../src/main/core/core';
import { coerceAge, coerceCompanySize, coerceDecisionPower, coerceIncomeBracket } from '../src/main/validation/coerce-brackets';
import { coerceList } from '../src/main/validation/coerce-values';
import { appendRepair, NothingRecoverableError, repairPersonaDocument } from '../src/main/validation/repair-persona-document';
import { aliasTableRows } from '../src/main/validation/field-aliases';
import type { CulturalConstraints } from '../src/main/world/cultural-constraints';
import { briefInputSchema } from '../src/shared/brief';
import { CULTURAL_CATEGORIES, DOCUMENT_SCHEMAS } from '../src/shared/persona';
import { tempDir } from './helpers';

const persona = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  age: 34,
  location: { city: 'Lyon', country: 'France' },
  occupation: 'Nurse',
  bio: `${name} works night shifts at a hospital in Lyon.`,
  goals: ['Cook in under 30 minutes'],
  painPoints: ['No time to plan meals'],
  interests: ['Running'],
  ...extra,
});
const brief = { description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', location: 'Lyon, France', ageRange: [28, 45] as [number, number], count: 2, level: 'standard' as const };

function constraints(): CulturalConstraints {
  const categories = Object.fromEntries(
    CULTURAL_CATEGORIES.map((c) => [c, [1, 2, 3, 4].map((i) => ({ name: `${c} pick ${i}`, tags: [], ageSkew: [1, 1, 1, 1, 1, 1], regions: ['FR'], relevance: i }))]),
  ) as unknown as CulturalConstraints['categories'];
  return { source: 'bundled', categories };
}

describe('repairPersonaDocument', () => {
  it('passes a clean answer through untouched, with no issues and a full score', () => {
    const raw = JSON.stringify({ personas: [persona('Marie Dupont', { gender: 'female', incomeBracket: 'middle', education: 'Nursing degree' })] });
    const { document, report } = repairPersonaDocument(raw, { level: 'simple', count: 1 });
    expect(report).toMatchObject({ valid: true, issues: [] });
    expect(document.personas[0]).toMatchObject({ name: 'Marie Dupont', meta: { repaired: [], filled: [] } });
    expect(document.personas[0]!.meta!.qualityScore).toBeGreaterThan(80);
  });

  it('reports each repaired field by JSON pointer and says how', () => {
    const raw = '```json\n[{"Name": "Marie Dupont", "age": "thirty-four", "location": "Lyon, France", "job": "Nurse", "bio": "Nights.", "pain_points": "time; money", "goals": ["Eat well",], "hobbies": ["Running"], "star_sign": "Leo"}]\n```';
    const { document, report } = repairPersonaDocument(raw, { level: 'simple', count: 1 });
    const p = document.personas[0]!;
    expect(p).toMatchObject({ name: 'Marie Dupont', age: 34, location: { city: 'Lyon', country: 'France' }, occupation: 'Nurse', painPoints: ['time', 'money'], interests: ['Running'] });
    expect(p.meta!.repaired).toEqual(expect.arrayContaining(['/name', '/age', '/location', '/occupation', '/painPoints', '/interests']));
    expect(p.meta!.filled).toEqual([]);
    expect(report.issues).toContainEqual({ type: 'invalid_type', path: '/personas/0/age', fixed: true, how: 'read "thirty-four" as 34' });
    expect(report.issues).toContainEqual({ type: 'unknown_field', path: '/personas/0/star_sign', fixed: true, how: 'dropped: not a field of the persona schema' });
    expect(report.issues.filter((i) => i.type === 'malformed_json').map((i) => i.how)).toEqual(
      expect.arrayContaining(['took the answer out of its markdown code fences', 'repaired the JSON syntax (quotes, commas, comments, literals, brackets)']),
    );
    expect(report.valid).toBe(true);
  });

  it('fills what the level needs from the brief and the cultural constraints, never silently', () => {
    const raw = JSON.stringify([{ name: 'Marie Dupont', age: 34, occupation: 'Nurse', goals: ['Eat well'], bio: 'Nights.' }]);
    const { document, report } = repairPersonaDocument(raw, { level: 'standard', count: 1, brief, constraints: constraints() });
    const p = document.personas[0]!;
    expect(p.location).toEqual({ city: 'Lyon', country: 'France' });
    expect(p.culturalProfile!.music).toEqual(['music pick 4', 'music pick 3', 'music pick 2']);
    expect(p.painPoints).toEqual(['Not stated']);
    expect(p.meta!.filled).toEqual(
      expect.arrayContaining(['/location/city', '/location/country', '/quote', '/painPoints', '/values', '/interests', '/channels', ...CULTURAL_CATEGORIES.map((c) => `/culturalProfile/${c}`)]),
    );
    expect(report.issues).toContainEqual({ type: 'missing_field', path: '/personas/0/culturalProfile/music', fixed: true, how: 'not in the answer: the top picks of the cultural constraints' });
    expect(DOCUMENT_SCHEMAS.standard.safeParse(document).success).toBe(true);
    // Filled fields cost score: the same persona complete scores higher.
    const complete = repairPersonaDocument(JSON.stringify(repairPersonaDocument(raw, { level: 'standard', count: 1, brief }).document.personas), { level: 'standard', count: 1, brief });
    expect(p.meta!.qualityScore).toBeLessThan(80);
    expect(complete.document.personas[0]!.meta!.qualityScore).toBeLessThan(100);
  });

  it('keeps the first personas when there are more than asked, and reports a shortfall', () => {
    const three = JSON.stringify([persona('A One'), persona('B Two'), persona('C Three')]);
    const more = repairPersonaDocument(three, { level: 'simple', count: 2 });
    expect(more.document.personas.map((p) => p.name)).toEqual(['A One', 'B Two']);
    expect(more.report.issues).toContainEqual(expect.objectContaining({ type: 'constraint_violation', path: '/personas', fixed: true }));
    const fewer = repairPersonaDocument(three, { level: 'simple', count: 5 });
    expect(fewer.missing).toBe(2);
    expect(fewer.report.valid).toBe(false);
    expect(fewer.report.issues).toContainEqual({ type: 'missing_field', path: '/personas', fixed: false, how: '3 of the 5 personas asked for: 2 missing' });
    expect(fewer.report.score).toBeLessThan(more.report.score);
  });

  it('drops the stub a cut answer leaves, and keeps what survived', () => {
    const raw = `[${JSON.stringify(persona('A One'))}, {"name": "B Two", "age": 40, "bio": "She wor`;
    const { document, report, missing } = repairPersonaDocument(raw, { level: 'simple', count: 2 });
    expect(document.personas.map((p) => p.name)).toEqual(['A One']);
    expect(missing).toBe(1);
    expect(report.issues).toContainEqual(expect.objectContaining({ type: 'truncated', fixed: false }));
  });

  it.each([
    ['an empty answer', '   ', /empty/],
    ['a refusal', "I'm sorry, but I can't help with creating these personas.", /declined/],
    ['prose', 'Personas are fictional characters that represent your users. They help teams empathise.', /no persona/],
    ['a JSON Schema', '{"type": "object", "properties": {"name": {"type": "string"}}}', /no persona fields/],
    ['a template', '[{"name": "<name>", "age": "<age>", "occupation": "string", "bio": "..."}]', /none has enough/],
  ])('refuses %s with a NothingRecoverableError that says why', (_what, raw, message) => {
    expect(() => repairPersonaDocument(raw, { level: 'simple', count: 1 })).toThrow(NothingRecoverableError);
    expect(() => repairPersonaDocument(raw, { level: 'simple', count: 1 })).toThrow(message);
  });

  it('appends a top-up answer with its paths renumbered', () => {
    const first = repairPersonaDocument(JSON.stringify([persona('A One')]), { level: 'simple', count: 2 });
    const second = repairPersonaDocument(JSON.stringify([{ ...persona('B Two'), job: 'Chef', occupation: undefined }]), { level: 'simple', count: 1 });
    const both = appendRepair(first, second, 2);
    expect(both.missing).toBe(0);
    expect(both.document.personas.map((p) => p.name)).toEqual(['A One', 'B Two']);
    expect(both.report.issues).toContainEqual(expect.objectContaining({ path: '/personas/1/occupation' }));
    expect(both.report.issues.some((i) => !i.fixed)).toBe(false);
  });
});

describe('coercions', () => {
  it.each([
    [34, 34], ['34 years old', 34], ['thirty-four', 34], ['Forty two', 42], ['mid-30s', 35], ['early 40s', 42], ['late twenties', 28],
    ['30-35', 33], [34.6, 35], ['Age: 52', 52], [12, 16], [130, 99],
  ])('reads the age %j as %j', (raw, age) => expect(coerceAge(raw).value).toBe(age));

  it('reads ages from birth years against the current date', () => {
    expect(coerceAge('born in 1990', new Date('2026-06-01')).value).toBe(36);
    expect(coerceAge('unknown').value).toBeUndefined();
  });

  it.each([
    ['about 40 employees', '11-50'], ['5,000+ staff', '1000+'], ['200-500', '201-1000'], ['startup', '11-50'], ['freelancer', '1-10'],
    ['mid-size', '51-200'], ['enterprise', '1000+'], [7, '1-10'], ['51-200', '51-200'],
  ])('reads the company size %j as %s', (raw, size) => expect(coerceCompanySize(raw).value).toBe(size));

  it.each([
    ['Decision Maker', 'decision-maker'], ['Final say on budget', 'decision-maker'], ['champion / recommender', 'influencer'],
    ['End user', 'user'], ['Procurement gatekeeper', 'gatekeeper'], ['Recommends vendor, CFO approves', 'influencer'],
  ])('reads the decision power %j as %s', (raw, power) => expect(coerceDecisionPower(raw).value).toBe(power));

  it.each([
    ['Upper middle class', 'upper-middle'], ['upper_middle', 'upper-middle'], ['Middle income', 'middle'], ['€45,000/year', 'middle'],
    ['$150k+', 'high'], ['£28,000', 'lower-middle'], ['low', 'low'],
  ])('reads the income %j as %s', (raw, bracket) => expect(coerceIncomeBracket(raw).value).toBe(bracket));

  it('splits list texts the way a reader would', () => {
    expect(coerceList('time, money, stress', 300).value).toEqual(['time', 'money', 'stress']);
    expect(coerceList('Eat healthy meals, but without spending hours in the kitchen every night', 300).value).toHaveLength(1);
    expect(coerceList('- one\n- two\n* three', 300).value).toEqual(['one', 'two', 'three']);
    expect(coerceList(['1. First', '2. Second'], 300).value).toEqual(['First', 'Second']);
    expect(coerceList(['1. FC Köln', 'Cycling'], 300).value).toEqual(['1. FC Köln', 'Cycling']);
    expect(coerceList([{ name: 'Stromae' }, 'Angèle', 'Angèle', 'N/A'], 300).value).toEqual(['Stromae', 'Angèle']);
    expect(coerceList(Array.from({ length: 20 }, (_, i) => `item ${i}`), 300)).toMatchObject({ value: expect.any(Array), how: expect.stringContaining('kept the first 12 of 20') });
  });
});

describe('persona-studio repair', () => {
  const run = async (args: string[], stdin: string | undefined) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['repair', ...args], { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: async () => stdin });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('prints the document with its report and exits 0', async () => {
    const result = await run(['--level', 'simple', '--count', '1'], `Here: ${JSON.stringify([persona('Marie Dupont')])}`);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.out) as { personas: unknown[]; report: { valid: boolean } };
    expect(document.personas).toHaveLength(1);
    expect(document.report.valid).toBe(true);
  });

  it('completes a lone city with its country from the bundled dataset and reads the brief file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'brief.json');
    fs.writeFileSync(file, JSON.stringify({ ...brief, count: 1 }));
    const raw = JSON.stringify([{ name: 'Jonas Weber', age: 40, city: 'Hamburg', job: 'Engineer', bio: 'Builds ships.' }]);
    const result = await run(['--brief-file', file], raw);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.out) as { level: string; brief: { description: string }; personas: Array<{ location: unknown; culturalProfile: Record<string, string[]> }> };
    expect(document.level).toBe('standard');
    expect(document.brief.description).toBe(brief.description);
    expect(document.personas[0]!.location).toEqual({ city: 'Hamburg', country: 'Germany' });
    expect(document.personas[0]!.culturalProfile.music!.length).toBeGreaterThan(0);
  });

  it('exits 1 with the reason when nothing can be recovered', async () => {
    const result = await run(['--level', 'simple', '--count', '2'], "I'm sorry, I can't help with that.");
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toMatch(/^error: nothing recoverable: The provider declined/);
  });

  it.each([
    [['--level', 'expert'], /--level must be one of simple, standard, b2b/],
    [['--count', '0'], /--count must be a whole number from 1 to 50/],
    [['--brief-file', '/no/such/brief.json'], /--brief-file \/no\/such\/brief.json cannot be read \(ENOENT\)/],
    [['extra'], /unexpected argument "extra"/],
  ])('exits 2 on the usage error %j', async (args, message) => {
    const result = await run(args, '[]');
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toMatch(message);
  });

  it('exits 2 when the brief file is not a brief, naming the field', async () => {
    const file = path.join(tempDir(), 'brief.json');
    fs.writeFileSync(file, JSON.stringify({ description: 'short', count: 1, level: 'simple' }));
    const result = await run(['--brief-file', file], '[]');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/description must be 10 to 4000 characters/);
  });

  it('exits 2 when nothing is piped in', async () => {
    const result = await run([], undefined);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/pipe the raw answer on standard input/);
  });
});

describe('validation metrics', () => {
  it('are null before anything was measured, then count what the pipeline validated', async () => {
    const core = createCore({ dataDir: tempDir() });
    try {
      expect(core.validationStats.snapshot()).toMatchObject({ answers: 0, successRate: null, repairRate: null, fillRate: null, topIssues: [] });
      await core.generate(briefInputSchema.parse({ description: 'Meal kits for busy parents in Lyon', count: 3, level: 'standard', seed: 4 }));
      expect(core.validationStats.snapshot()).toMatchObject({ answers: 1, succeeded: 1, failed: 0, personas: 3, repairedPersonas: 0, filledPersonas: 0, successRate: 1, repairRate: 0, fillRate: 0 });
    } finally {
      core.close();
    }
  });
});

describe('the alias table', () => {
  it('is printed in docs/VALIDATION.md row for row', () => {
    const doc = fs.readFileSync(path.join(import.meta.dirname, '..', 'docs', 'VALIDATION.md'), 'utf8');
    for (const row of aliasTableRows()) expect(doc).toContain(`| ${row.scope} | \`${row.field}\` | ${row.aliases.join(', ')} |`);
  });
});

describe('what a review found', () => {
  it('refuses deeply nested brackets quickly and cleanly, twice in one process', () => {
    for (const raw of ['Here: ' + '[{'.repeat(5000), '```yaml\nkey: ' + '[{'.repeat(2000) + '\n```']) {
      expect(() => repairPersonaDocument(raw, { level: 'standard', count: 3 })).toThrow(NothingRecoverableError);
      expect(() => repairPersonaDocument(raw, { level: 'standard', count: 3 })).toThrow(NothingRecoverableError);
    }
  });

  it('keeps every persona when each is introduced by bracketed prose', () => {
    const raw = Array.from({ length: 50 }, (_, i) => `Persona ${i} [France] [draft]:\n${JSON.stringify(persona(`Person ${i}`))}`).join('\n\n');
    expect(repairPersonaDocument(raw, { level: 'simple', count: 50 }).document.personas).toHaveLength(50);
  });

  it('bounds a long region and reports a second value for a field as a real pointer', () => {
    const long = 'Auvergne-Rhône-Alpes region '.repeat(5);
    const raw = JSON.stringify([{ ...persona('A One'), location: `Lyon, ${long}, ${long}, France`, job: 'Chef' }]);
    const { document, report } = repairPersonaDocument(raw, { level: 'simple', count: 1 });
    expect(document.personas[0]!.location).toMatchObject({ city: 'Lyon', country: 'France' });
    expect(report.issues).toContainEqual({ type: 'unknown_field', path: '/personas/0/job', fixed: true, how: 'dropped: a second value for /occupation, which was already read' });
  });
});
