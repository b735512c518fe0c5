/**
 * Preloading's part of `npm run bench -- team`: the workshop trace (bench/cache-trace.ts) replayed
 * through the real pipeline with preloading on, on a data folder holding two earlier workshops of the
 * same client, since preloading predicts from the saved access history. The figures are counts
 * (gets, hits, entries preloaded and used), not timings, so a busy machine does not move them.
 * Targets: a hit rate of at least 85 % with at least half of the preloaded entries used.
 *
 * Run alone: `npm run bench -- team-preload`.
 */
import { pathToFileURL } from 'node:url';
import { replayWorkshopTrace } from './cache-trace';

export interface PreloadingFigures {
  traceHitPct: number;
  /**
   * Used over preloaded, in percent; 0 when nothing was preloaded (nothing earned its keep). Both are the cache's
   * own counts (cache:stats `preload`): used is the first get that found a preloaded entry fresh.
   */
  preloadUsedPct: number;
  preloaded: number;
  used: number;
}

export async function measurePreloading(): Promise<PreloadingFigures> {
  const trace = await replayWorkshopTrace({ preload: true });
  const preloadUsedPct = trace.preloaded > 0 ? Math.round((trace.preloadUsed / trace.preloaded) * 1000) / 10 : 0;
  return { traceHitPct: trace.hitRate, preloadUsedPct, preloaded: trace.preloaded, used: trace.preloadUsed };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { traceHitPct, preloadUsedPct, preloaded, used } = await measurePreloading();
  console.log(`workshop trace: ${preloaded} preloaded, ${used} used`);
  console.log(`targets: trace hit >= 85% (${traceHitPct >= 85 ? 'met' : 'MISSED'}), preloads used >= 50% (${preloadUsedPct >= 50 ? 'met' : 'MISSED'})`);
  console.log(`team-preload: trace_hit=${traceHitPct} preload_used_pct=${preloadUsedPct}`);
}
