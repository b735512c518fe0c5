/**
 * The offline engine end to end through the pipeline (analyse, culture, generate, validate, store
 * in SQLite), at 5 and 50 standard personas, and createCore() on an empty data folder.
 * Targets: 5 personas under 20 ms median, createCore under 150 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/main/core/core';
import { briefInputSchema } from '../src/shared/brief';
import { measure, round } from './_measure';

const dirs: string[] = [];
const freshDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-bench-'));
  dirs.push(dir);
  return dir;
};

try {
  const coreTime = await measure('createCore() on an empty data folder', () => createCore({ dataDir: freshDir() }).close(), { warmup: 3, repeat: 20 });

  const core = createCore({ dataDir: freshDir() });
  let seed = 1;
  const brief = (count: number) =>
    briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count, level: 'standard', seed: seed++ });
  const p5 = await measure('generate 5 standard personas (pipeline)', () => core.generate(brief(5)), { warmup: 10, repeat: 50 });
  const p50 = await measure('generate 50 standard personas (pipeline)', () => core.generate(brief(50)), { warmup: 3, repeat: 15 });
  const b2b = await measure('generate 5 b2b personas (pipeline)', () =>
    core.generate(briefInputSchema.parse({ description: 'Procurement software for mid-size manufacturers in Germany', count: 5, level: 'b2b', seed: seed++ })),
  );
  core.close();

  const perSecond = Math.round(50 / (p50.median / 1000));
  console.log(`b2b at 5 personas: ${round(b2b.median)} ms median`);
  console.log(`targets: 5 personas < 20 ms (${p5.median < 20 ? 'met' : 'MISSED'}), createCore < 150 ms (${coreTime.median < 150 ? 'met' : 'MISSED'})`);
  console.log(`engine: p5_ms=${round(p5.median)} p50_ms=${round(p50.median)} personas_per_s=${perSecond} core_ms=${round(coreTime.median)}`);
} finally {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}
