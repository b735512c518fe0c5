/**
 * The zod schemas must accept exactly what contracts/persona.schema.json accepts, at every
 * level: hand-written cases with a known verdict, then thousands of seeded random mutations on
 * which ajv and zod must agree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_SCHEMAS, LEVELS, type Level } from '../src/shared/persona';
import { SeededRandom } from '../src/main/world/random';
import { CONTRACTS_DIR, REPO_ROOT, jsonSchemaValidators } from './helpers';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Doc = { [key: string]: Json };

const validators = jsonSchemaValidators();
const example = (name: string) => JSON.parse(fs.readFileSync(path.join(CONTRACTS_DIR, 'examples', name), 'utf8')) as Doc;

const minimalPersona = (): Doc => ({
  name: 'Ana Souza',
  age: 30,
  location: { city: 'Recife', country: 'Brazil' },
  occupation: 'Nurse',
  bio: 'Works nights.',
  goals: ['Sleep more'],
  painPoints: ['Long commute'],
  interests: ['Samba'],
});
const culture = (): Doc => ({ music: [], movies: [], tv: [], books: [], brands: [], food: [], podcasts: [], destinations: [] });
const standardPersona = (): Doc => ({ ...minimalPersona(), quote: 'Hi.', values: [], channels: [], culturalProfile: culture() });
const b2bPersona = (): Doc => ({
  ...standardPersona(),
  b2b: { role: 'Buyer', industry: 'Retail', companySize: '11-50', decisionPower: 'user', buyingCriteria: ['Price'] },
});
const doc = (persona: Doc, extra: Doc = {}): Doc => ({ schemaVersion: 1, personas: [persona], ...extra });

function verdicts(document: unknown, level: Level) {
  return { json: validators[level](document) as boolean, zod: DOCUMENT_SCHEMAS[level].safeParse(document).success };
}

/** The design's copy, when the design's folder sits beside the repository (it does in the team's checkouts and CI, not in a clone of its own). */
const DESIGN_CONTRACTS = path.resolve(REPO_ROOT, '..', 'shared', 'contracts');

describe.runIf(fs.existsSync(path.join(DESIGN_CONTRACTS, 'persona.schema.json')))('the contract beside the design', () => {
  it.each(['persona.schema.json', 'examples/standard.json', 'examples/b2b.json'])('contracts/%s is the design\'s, unchanged', (file) => {
    const read = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown;
    expect(read(CONTRACTS_DIR)).toEqual(read(DESIGN_CONTRACTS));
  });
});

describe('persona document schemas', () => {
  const cases: Array<{ name: string; level: Level; document: unknown; valid: boolean }> = [
    { name: 'standard example', level: 'standard', document: example('standard.json'), valid: true },
    { name: 'b2b example', level: 'b2b', document: example('b2b.json'), valid: true },
    { name: 'b2b example is also simple', level: 'simple', document: example('b2b.json'), valid: true },
    { name: 'minimal simple persona', level: 'simple', document: doc(minimalPersona()), valid: true },
    { name: 'simple persona is not standard', level: 'standard', document: doc(minimalPersona()), valid: false },
    { name: 'standard persona is not b2b', level: 'b2b', document: doc(standardPersona()), valid: false },
    { name: 'minimal b2b persona', level: 'b2b', document: doc(b2bPersona()), valid: true },
    { name: 'extra properties are allowed', level: 'standard', document: doc({ ...standardPersona(), mood: 'calm' }, { extra: true }), valid: true },
    { name: 'schemaVersion 2', level: 'simple', document: { ...doc(minimalPersona()), schemaVersion: 2 }, valid: false },
    { name: 'no personas', level: 'simple', document: { schemaVersion: 1, personas: [] }, valid: false },
    { name: '51 personas', level: 'simple', document: { schemaVersion: 1, personas: Array.from({ length: 51 }, minimalPersona) }, valid: false },
    { name: 'age 15', level: 'simple', document: doc({ ...minimalPersona(), age: 15 }), valid: false },
    { name: 'age 100', level: 'simple', document: doc({ ...minimalPersona(), age: 100 }), valid: false },
    { name: 'age 99', level: 'simple', document: doc({ ...minimalPersona(), age: 99 }), valid: true },
    { name: 'age 34.5', level: 'simple', document: doc({ ...minimalPersona(), age: 34.5 }), valid: false },
    { name: 'age as text', level: 'simple', document: doc({ ...minimalPersona(), age: '34' }), valid: false },
    { name: 'empty goals', level: 'simple', document: doc({ ...minimalPersona(), goals: [] }), valid: false },
    { name: '13 interests', level: 'simple', document: doc({ ...minimalPersona(), interests: Array.from({ length: 13 }, (_, i) => `i${i}`) }), valid: false },
    { name: 'empty string in a list', level: 'simple', document: doc({ ...minimalPersona(), goals: [''] }), valid: false },
    { name: 'name of 80 emoji', level: 'simple', document: doc({ ...minimalPersona(), name: '😀'.repeat(80) }), valid: true },
    { name: 'name of 81 emoji', level: 'simple', document: doc({ ...minimalPersona(), name: '😀'.repeat(81) }), valid: false },
    { name: 'unknown income bracket', level: 'simple', document: doc({ ...minimalPersona(), incomeBracket: 'rich' }), valid: false },
    { name: 'location without country', level: 'simple', document: doc({ ...minimalPersona(), location: { city: 'Recife' } }), valid: false },
    { name: 'bad company size', level: 'b2b', document: doc({ ...b2bPersona(), b2b: { ...(b2bPersona().b2b as Doc), companySize: '40' } }), valid: false },
    { name: 'no buying criteria', level: 'b2b', document: doc({ ...b2bPersona(), b2b: { ...(b2bPersona().b2b as Doc), buyingCriteria: [] } }), valid: false },
    { name: 'quality score 101', level: 'simple', document: doc({ ...minimalPersona(), meta: { qualityScore: 101 } }), valid: false },
    { name: 'generatedAt with offset', level: 'simple', document: doc({ ...minimalPersona(), meta: { generatedAt: '2026-11-21T09:12:44.5+01:00' } }), valid: true },
    { name: 'generatedAt without zone', level: 'simple', document: doc({ ...minimalPersona(), meta: { generatedAt: '2026-11-21T09:12:44' } }), valid: false },
    { name: 'generatedAt on 30 February', level: 'simple', document: doc({ ...minimalPersona(), meta: { generatedAt: '2026-02-30T09:12:44Z' } }), valid: false },
    { name: 'brief description too short', level: 'simple', document: doc(minimalPersona(), { brief: { description: 'short', count: 1, level: 'simple' } }), valid: false },
    { name: 'brief age range of three', level: 'simple', document: doc(minimalPersona(), { brief: { description: 'long enough text', count: 1, level: 'simple', ageRange: [20, 30, 40] } }), valid: false },
    { name: 'brief language EN', level: 'simple', document: doc(minimalPersona(), { brief: { description: 'long enough text', count: 1, level: 'simple', language: 'EN' } }), valid: false },
    { name: 'report issue of unknown type', level: 'simple', document: doc(minimalPersona(), { report: { valid: true, score: 50, issues: [{ type: 'oops', fixed: true }] } }), valid: false },
    { name: 'report', level: 'simple', document: doc(minimalPersona(), { report: { valid: false, score: 50, issues: [{ type: 'truncated', fixed: true, path: '/personas/0' }] } }), valid: true },
  ];

  for (const c of cases) {
    it(`${c.valid ? 'accepts' : 'rejects'} ${c.name} at level ${c.level}, as the JSON Schema does`, () => {
      expect(verdicts(c.document, c.level)).toEqual({ json: c.valid, zod: c.valid });
    });
  }

  it('agrees with the JSON Schema on 3000 random mutations of valid documents at every level', () => {
    const rng = new SeededRandom(20261121);
    const seeds = [example('standard.json'), example('b2b.json'), doc(minimalPersona()), doc(b2bPersona())];
    const disagreements: string[] = [];
    let rejected = 0;
    for (let i = 0; i < 3000; i++) {
      const mutated = mutate(structuredClone(rng.pick(seeds)), rng);
      for (const level of LEVELS) {
        const v = verdicts(mutated, level);
        if (!v.json) rejected++;
        if (v.json !== v.zod && disagreements.length < 5) disagreements.push(`${level}: json=${v.json} zod=${v.zod} ${JSON.stringify(mutated).slice(0, 400)}`);
      }
    }
    expect(disagreements).toEqual([]);
    // The mutations must exercise both verdicts, or the agreement means little.
    expect(rejected).toBeGreaterThan(1500);
    expect(rejected).toBeLessThan(8500);
  });
});

const ODD_VALUES: Json[] = [null, true, 0, -1, 15, 16, 99, 100, 34.5, '', 'x', 'A'.repeat(81), '😀'.repeat(120), [], ['a'], {}, '2026-11-21T09:12:44Z', 'simple', 'b2b', '1000+', 'decision-maker', 'truncated'];

/** Changes, deletes or adds one value somewhere in the document. */
function mutate(document: Doc, rng: SeededRandom): Doc {
  const containers: Array<Json[] | { [key: string]: Json }> = [];
  const walk = (value: Json) => {
    if (value && typeof value === 'object') {
      containers.push(value);
      Object.values(value).forEach(walk);
    }
  };
  walk(document);
  const target = rng.pick(containers);
  const action = rng.int(0, 3);
  if (Array.isArray(target)) {
    if (action === 0 && target.length > 0) target.splice(rng.int(0, target.length - 1), 1);
    else if (action === 1) target.push(rng.pick(ODD_VALUES));
    else if (target.length > 0) target[rng.int(0, target.length - 1)] = rng.pick(ODD_VALUES);
    else target.push(...Array.from({ length: rng.int(1, 14) }, () => 'item'));
    return document;
  }
  const keys = Object.keys(target);
  if (action === 0 && keys.length > 0) delete target[rng.pick(keys)];
  else if (action === 1) target[rng.pick(['extra', 'meta', 'b2b', 'quote', 'values', 'level', 'report', 'gender'])] = rng.pick(ODD_VALUES);
  else if (keys.length > 0) target[rng.pick(keys)] = rng.pick(ODD_VALUES);
  return document;
}
