/**
 * The repair corpus (test/fixtures/repair-corpus): every raw answer goes through the real
 * `persona-studio repair` command. Recoverable answers must give schema-valid documents (≥ 99 %)
 * with the asserted fields right (≥ 97 %); every nothing-recoverable answer must exit 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/index';
import type { Level } from '../src/shared/persona';
import { jsonSchemaValidators, tempDir } from './helpers';

const CORPUS_DIR = path.join(import.meta.dirname, 'fixtures', 'repair-corpus');

interface CorpusCase {
  id: string;
  kinds: string[];
  level: Level;
  count: number;
  brief?: Record<string, unknown>;
  expect: { personas: Array<Record<string, unknown>>; shortfall?: boolean } | { error: 'nothing_recoverable' };
  raw: string;
}

function loadCorpus(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const group of fs.readdirSync(CORPUS_DIR, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    const dir = path.join(CORPUS_DIR, group.name);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.expect.json')).sort()) {
      const spec = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Omit<CorpusCase, 'raw'>;
      const raw = fs.readFileSync(path.join(dir, file.replace('.expect.json', '.raw.txt')), 'utf8');
      cases.push({ ...spec, raw });
    }
  }
  return cases;
}

interface Outcome {
  code: number;
  document?: { personas: Array<Record<string, unknown>>; report: { issues: Array<{ type: string; path?: string; fixed: boolean }> } };
  err: string;
}

async function repairViaCli(c: CorpusCase, dir: string): Promise<Outcome> {
  const args = ['repair', '--level', c.level, '--count', String(c.count)];
  if (c.brief) {
    const file = path.join(dir, `${c.id}.brief.json`);
    fs.writeFileSync(file, JSON.stringify(c.brief));
    args.push('--brief-file', file);
  }
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: async () => c.raw });
  return { code, err: err.join('\n'), ...(code === 0 ? { document: JSON.parse(out.join('\n')) as Outcome['document'] } : {}) };
}

/** Leaf comparisons: top-level fields, and location, culturalProfile and b2b field by field. */
function compareFields(expected: Record<string, unknown>, actual: Record<string, unknown> | undefined, prefix: string, mismatches: string[]): { total: number; right: number } {
  let total = 0;
  let right = 0;
  for (const [key, want] of Object.entries(expected)) {
    const got = actual?.[key];
    if (want !== null && typeof want === 'object' && !Array.isArray(want)) {
      const inner = compareFields(want as Record<string, unknown>, got as Record<string, unknown> | undefined, `${prefix}/${key}`, mismatches);
      total += inner.total;
      right += inner.right;
      continue;
    }
    total++;
    if (JSON.stringify(got) === JSON.stringify(want)) right++;
    else mismatches.push(`${prefix}/${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  return { total, right };
}

describe('repair corpus', () => {
  const cases = loadCorpus();
  const outcomes = new Map<string, Outcome>();

  beforeAll(async () => {
    const dir = tempDir();
    for (const c of cases) outcomes.set(c.id, await repairViaCli(c, dir));
  }, 120_000);

  it('holds at least 150 answers covering refusals and every group', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((c) => 'error' in c.expect).length).toBeGreaterThanOrEqual(8);
    expect(new Set(cases.map((c) => c.id.split('-')[0])).size).toBe(3);
  });

  it('exits 1 with a message for every answer with nothing recoverable', () => {
    const refusals = cases.filter((c) => 'error' in c.expect);
    const wrong = refusals.filter((c) => outcomes.get(c.id)!.code !== 1 || !/^error: nothing recoverable: /.test(outcomes.get(c.id)!.err));
    expect(wrong.map((c) => `${c.id}: exit ${outcomes.get(c.id)!.code}`)).toEqual([]);
  });

  it('gives schema-valid documents for at least 99 % of the recoverable answers, with at least 97 % of the fields right', () => {
    const validators = jsonSchemaValidators();
    const recoverable = cases.filter((c) => 'personas' in c.expect);
    const invalid: string[] = [];
    const mismatches: string[] = [];
    let total = 0;
    let right = 0;
    for (const c of recoverable) {
      const outcome = outcomes.get(c.id)!;
      const expected = c.expect as { personas: Array<Record<string, unknown>>; shortfall?: boolean };
      if (outcome.code !== 0 || !outcome.document || !validators[c.level](outcome.document)) {
        invalid.push(`${c.id}: exit ${outcome.code} ${outcome.err.slice(0, 160)}`);
      }
      const personas = outcome.document?.personas ?? [];
      expected.personas.forEach((want, i) => {
        const counted = compareFields(want, personas[i], `${c.id}#${i}`, mismatches);
        total += counted.total;
        right += counted.right;
      });
      // The number of personas and whether a shortfall was reported count as two more fields.
      total += 2;
      if (personas.length === Math.min(c.count, expected.personas.length)) right++;
      else mismatches.push(`${c.id}: ${personas.length} personas, expected ${expected.personas.length}`);
      const reportedShort = outcome.document?.report.issues.some((issue) => issue.path === '/personas' && issue.type === 'missing_field' && !issue.fixed) ?? false;
      if (reportedShort === (expected.shortfall ?? false)) right++;
      else mismatches.push(`${c.id}: shortfall reported ${reportedShort}, expected ${expected.shortfall ?? false}`);
    }
    const validRate = (recoverable.length - invalid.length) / recoverable.length;
    const accuracy = right / total;
    console.log(`repair corpus: ${recoverable.length} recoverable answers, valid ${(validRate * 100).toFixed(1)} %, fields right ${right}/${total} = ${(accuracy * 100).toFixed(2)} %`);
    if (invalid.length > 0) console.log(`not valid:\n  ${invalid.join('\n  ')}`);
    if (mismatches.length > 0) console.log(`first mismatches:\n  ${mismatches.slice(0, Number(process.env.CORPUS_MISMATCHES ?? 40)).join('\n  ')}`);
    expect(validRate).toBeGreaterThanOrEqual(0.99);
    expect(accuracy).toBeGreaterThanOrEqual(0.97);
  });
});
