/**
 * npm run bench -- fidelity: the built-in engine on every brief of bench/fidelity/briefs.json
 * (written before the engine was tuned), judged by bench/fidelity/judge.ts against each brief's
 * expectations. Prints the share of personas that fit the life stage, the domain, the place and
 * the age, the contradictions, repeated quotes and lines, and the engine's speed at 5 personas.
 * Targets: life stage and domain >= 95 %, place and age 100 %, contradictions 0, repeated quotes 0,
 * repeated lines <= 3 %, 5 standard personas under 20 ms median.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_ROOT, createCore } from '../src/main/core/core';
import { loadDataset } from '../src/main/world/dataset';
import { briefInputSchema } from '../src/shared/brief';
import { judgePersona, judgeSet, type Expectation } from './fidelity/judge';
import { measure, round } from './_measure';

interface Entry {
  id: string;
  brief: Record<string, unknown>;
  expect: Expectation;
}

const SEEDS = [11, 23];
const corpus = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fidelity', 'briefs.json'), 'utf8')) as Entry[];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-fidelity-'));
const verbose = process.argv.includes('--verbose');

try {
  const core = createCore({ dataDir: dir, monitor: { autoStart: false } });
  const world = loadDataset(path.join(APP_ROOT, 'resources', 'dataset')).world;
  const totals = { personas: 0, located: 0, aged: 0, lifeStage: 0, domain: 0, contradictions: 0, b2b: 0, b2bPersonas: 0, dupQuotes: 0, lines: 0, dupLines: 0 };
  const failing = new Map<string, string[]>();
  for (const entry of corpus) {
    for (const seed of SEEDS) {
      const { document } = await core.generate(briefInputSchema.parse({ ...entry.brief, seed }));
      const set = judgeSet(document.personas);
      totals.dupQuotes += set.duplicateQuotes;
      totals.lines += set.lines;
      totals.dupLines += set.duplicateLines;
      for (const persona of document.personas) {
        const v = judgePersona(persona, entry.expect, world);
        totals.personas++;
        totals.located += Number(v.located);
        totals.aged += Number(v.aged);
        totals.lifeStage += Number(v.lifeStage);
        totals.domain += Number(v.domain);
        totals.contradictions += v.contradictions.length;
        if (v.b2b !== null) {
          totals.b2bPersonas++;
          totals.b2b += Number(v.b2b);
        }
        if (v.why.length > 0) failing.set(entry.id, [...(failing.get(entry.id) ?? []), `${persona.name} (${persona.age}, ${persona.location.city}): ${v.why.join('; ')}`]);
      }
    }
  }
  const pct = (n: number, of = totals.personas) => round((100 * n) / Math.max(1, of), 1);
  console.log(`${corpus.length} briefs x ${SEEDS.length} seeds, ${totals.personas} personas`);
  console.log(`  fit the life stage ${pct(totals.lifeStage)} %, the domain ${pct(totals.domain)} %, the place ${pct(totals.located)} %, the age ${pct(totals.aged)} %; B2B role, industry and size ${pct(totals.b2b, totals.b2bPersonas)} % of ${totals.b2bPersonas}`);
  console.log(`  contradictions ${totals.contradictions}, repeated quotes ${totals.dupQuotes}, repeated goal and pain-point lines ${totals.dupLines} of ${totals.lines} (${pct(totals.dupLines, totals.lines)} %)`);
  const shown = verbose ? [...failing] : [...failing].slice(0, 12);
  if (shown.length > 0) console.log(`briefs with a persona that misses (${failing.size}${verbose ? '' : '; --verbose for all'}):`);
  for (const [id, reasons] of shown) console.log(`  ${id}: ${reasons.slice(0, verbose ? 20 : 2).join(' | ')}`);

  let seed = 1;
  const p5 = await measure('5 standard personas, Lyon brief (pipeline)', () =>
    core.generate(briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 5, level: 'standard', seed: seed++ })),
  { warmup: 10, repeat: 50 });
  const kl = await measure('5 standard personas, Kuala Lumpur brief (pipeline)', () =>
    core.generate(briefInputSchema.parse({ description: 'Halal meal delivery for busy Muslim families in Kuala Lumpur', count: 5, level: 'standard', seed: seed++ })),
  { warmup: 5, repeat: 30 });
  core.close();
  console.log(`Kuala Lumpur at 5 personas: ${round(kl.median)} ms median`);
  console.log(
    `fidelity: life_stage=${pct(totals.lifeStage)} domain=${pct(totals.domain)} located=${pct(totals.located)} aged=${pct(totals.aged)} contradictions=${totals.contradictions} dup_quotes=${totals.dupQuotes} dup_lines_pct=${pct(totals.dupLines, totals.lines)} p5_ms=${round(p5.median)}`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
