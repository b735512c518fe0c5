/**
 * The optimization part of the insight benchmark, on a real core over a temp data folder with real cache traffic:
 * what Start optimization costs (snapshot, first trial applied, rows written), what a monitor tick costs while an
 * optimization runs, and whether each trial was judged as its traffic says (hits after the change: kept; misses:
 * rolled back) over alternating good and bad optimizations. No target in the issue: figures for the note only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { keyFor } from '../src/main/cache/cache-keys';
import { ManualClock } from '../src/main/cache/clock';
import { createCore } from '../src/main/core/core';
import { median, round } from './_measure';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface OptimizationFigures {
  /** Median ms of startOptimization() with one proposal (its trial applied at once). */
  startMs: number;
  /** Median ms of a monitor tick while an optimization's trial is on. */
  tickMs: number;
  /** Trials judged as their traffic says, of all judged. */
  judgedRight: number;
  trials: number;
}

export async function measureOptimization(rounds = 10): Promise<OptimizationFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-bench-optimization-'));
  let now = new Date(2026, 10, 21, 12).getTime();
  const cacheClock = new ManualClock();
  const core = createCore({ dataDir: dir, resources: null, preload: { enabled: false, perLookup: 0, maxLoadPerCore: 1 }, cacheClock, monitor: { now: () => now, autoStart: false, appCpu: () => null, tuner: { windowMs: MINUTE, minTraffic: 10, cooldownMs: 0 } } });
  const tickTimes: number[] = [];
  const run = (seconds: number, timed = false) => {
    for (let s = 0; s < seconds; s++) {
      now += 1000;
      const started = performance.now();
      core.monitor.tick();
      if (timed) tickTimes.push(performance.now() - started);
    }
  };
  const gets = async (prefix: string) => {
    for (let i = 0; i < 30; i++) await core.cache.get(keyFor('culture', { source: 'bench', name: `${prefix}-${i}` }), async () => ({ i }));
  };
  try {
    core.monitor.tuner.setEnabled(false);
    core.settings.update({ cache: { ttlMaxDays: 1 } });
    const startTimes: number[] = [];
    let right = 0;
    let judged = 0;
    for (let r = 0; r < rounds; r++) {
      // Entries that expired before they were asked for again: the cache suggests a longer shortest lifetime.
      core.settings.update({ cache: { ttlMinMinutes: 10 } });
      await gets(`round-${r}`);
      cacheClock.advance(2 * DAY);
      await gets(`round-${r}`);
      run(10);
      const started = performance.now();
      const optimization = core.monitor.steering.startOptimization();
      startTimes.push(performance.now() - started);
      if (optimization.status !== 'running') throw new Error(`round ${r}: the optimization did not start (${optimization.note ?? optimization.trials[0]?.reason})`);
      // Even rounds: the same entries asked for again (hits, a good change); odd rounds: new ones (misses).
      const good = r % 2 === 0;
      await gets(good ? `round-${r}` : `fresh-${r}`);
      run(65, true);
      const outcome = core.monitor.steering.optimizationList(1)[0]!.trials[0]!.outcome;
      judged++;
      if (outcome === (good ? 'kept' : 'rolled_back')) right++;
      cacheClock.advance(2 * MINUTE);
    }
    return { startMs: round(median(startTimes), 3), tickMs: round(median(tickTimes), 3), judgedRight: round(right / judged, 3), trials: judged };
  } finally {
    await new Promise((resolve) => setImmediate(resolve));
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone (`node bench/run.mjs insight-optimization`), it prints its figures.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await measureOptimization();
  console.log(`insight-optimization: start_ms=${figures.startMs} tick_ms=${figures.tickMs} judged_right=${figures.judgedRight} trials=${figures.trials}`);
}
