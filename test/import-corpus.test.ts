/**
 * The import corpus (test/fixtures/import-corpus, issue 22): Markdown and prose persona answers go
 * through repairPersonaDocument. Bars: right persona count in ≥ 95 % of cases, right names in
 * ≥ 95 %, every nothing-recoverable case refused. Rates are printed so the note can quote them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NothingRecoverableError, repairPersonaDocument } from '../src/main/validation/repair-persona-document';
import type { Level } from '../src/shared/persona';

const CORPUS_DIR = path.join(import.meta.dirname, 'fixtures', 'import-corpus');

interface ImportCase {
  id: string;
  level?: Level;
  expect: { personas: Array<{ name: string; nameKind?: string }>; announced?: number; truncated?: boolean } | { error: 'nothing_recoverable' };
  raw: string;
}

function loadCorpus(): ImportCase[] {
  const cases: ImportCase[] = [];
  for (const group of fs.readdirSync(CORPUS_DIR, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    const dir = path.join(CORPUS_DIR, group.name);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.expect.json')).sort()) {
      const spec = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Omit<ImportCase, 'raw'>;
      cases.push({ ...spec, raw: fs.readFileSync(path.join(dir, file.replace('.expect.json', '.raw.txt')), 'utf8') });
    }
  }
  return cases;
}

/** Case and spacing fold; diacritics are kept on purpose (the README's naming rules). */
const norm = (name: unknown): string => String(name ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

interface Tally {
  recoverable: number;
  countRight: number;
  namesRight: number;
  refusals: number;
  refused: number;
  announced: number;
  announcedSaid: number;
  misses: string[];
}

function runCorpus(): Tally {
  const t: Tally = { recoverable: 0, countRight: 0, namesRight: 0, refusals: 0, refused: 0, announced: 0, announcedSaid: 0, misses: [] };
  for (const c of loadCorpus()) {
    let personas: Array<Record<string, unknown>> | undefined;
    let hows: string[] = [];
    try {
      const result = repairPersonaDocument(c.raw, { level: c.level ?? 'standard' });
      personas = result.document.personas as unknown as Array<Record<string, unknown>>;
      hows = result.report.issues.map((i) => i.how ?? '');
    } catch (error) {
      if (!(error instanceof NothingRecoverableError)) throw error;
    }
    if ('error' in c.expect) {
      t.refusals++;
      if (!personas) t.refused++;
      else t.misses.push(`${c.id}: not refused`);
      continue;
    }
    t.recoverable++;
    const announced = c.expect.announced;
    if (announced !== undefined) {
      t.announced++;
      if (hows.some((h) => h.includes(`announced ${announced} personas`))) t.announcedSaid++;
    }
    const want = c.expect.personas.map((p) => norm(p.name));
    const got = (personas ?? []).map((p) => norm(p.name));
    if (got.length === want.length) t.countRight++;
    if (got.length === want.length && want.every((n, i) => n === got[i])) t.namesRight++;
    else t.misses.push(`${c.id}: want [${want.join(', ')}] got [${got.join(', ')}]`);
  }
  return t;
}

describe('import corpus (issue 22)', () => {
  it('recovers the right personas and names from Markdown and prose, and refuses what is no persona', () => {
    const t = runCorpus();
    const countRate = t.countRight / t.recoverable;
    const nameRate = t.namesRight / t.recoverable;
    console.log(`import corpus: count ${(countRate * 100).toFixed(1)} % (${t.countRight}/${t.recoverable}), names ${(nameRate * 100).toFixed(1)} % (${t.namesRight}/${t.recoverable}), refused ${t.refused}/${t.refusals}, shortfall against an announced count reported ${t.announcedSaid}/${t.announced}`);
    if (process.env.IMPORT_CORPUS_VERBOSE) console.log(t.misses.join('\n'));
    expect(countRate).toBeGreaterThanOrEqual(0.95);
    expect(nameRate).toBeGreaterThanOrEqual(0.95);
    expect(t.refused).toBe(t.refusals);
    expect(t.announcedSaid).toBe(t.announced);
  });
});
