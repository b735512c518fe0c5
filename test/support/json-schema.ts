/** The persona document's JSON Schema (contracts/, part of the repository) and its ajv validators per level; free of vitest, so benchmarks can use it. */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Level } from '../../src/shared/persona';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The contract as the project ships it: a copy of the design's shared/contracts, checked for drift by test/schemas.test.ts. */
export const CONTRACTS_DIR = path.join(REPO_ROOT, 'contracts');

export function loadJsonSchema(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(CONTRACTS_DIR, 'persona.schema.json'), 'utf8')) as Record<string, unknown>;
}

/** ajv validators of the persona document at each level, from the shared JSON Schema. */
export function jsonSchemaValidators() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  // ajv-formats is CommonJS: its function sits on .default or is the module itself, by loader.
  const add = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
  add(ajv);
  const base = loadJsonSchema();
  const atLevel = (level: Level) => {
    const schema = structuredClone(base) as { $id: string; properties: { personas: { items: { $ref: string } } } };
    schema.$id = `${schema.$id}/${level}`;
    const ref = { simple: '#/$defs/persona', standard: '#/$defs/personaStandard', b2b: '#/$defs/personaB2b' }[level];
    schema.properties.personas.items.$ref = ref;
    return ajv.compile(schema);
  };
  return { simple: atLevel('simple'), standard: atLevel('standard'), b2b: atLevel('b2b') };
}
