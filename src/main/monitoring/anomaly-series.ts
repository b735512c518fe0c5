/**
 * The series the anomaly detector watches, read from the monitor's per-minute rollups merged into 5-minute
 * buckets: each engine's median call latency and error rate, and the cache's hit rate.
 */
import type { ANOMALY_SUBJECTS } from '../../shared/insight';
import { MINUTE, MinuteAccumulator, type MinuteRollup } from './rollups';

export type AnomalySubject = (typeof ANOMALY_SUBJECTS)[number];

/** Five minutes: long enough for a p95 of a busy engine, short enough to catch a 15-minute spike. */
export const BUCKET_MS = 5 * MINUTE;

/** One series' figure over one bucket, with how many samples it rests on. */
export interface SeriesSample {
  subject: AnomalySubject;
  /** The engine; null for the cache, and for the error rate of rollups written before per-engine figures. */
  provider: string | null;
  value: number;
  n: number;
}

export interface Bucket {
  at: number;
  samples: SeriesSample[];
}

/** Rollups (oldest first, any range) grouped into buckets, oldest first; a bucket with no minute is left out. */
export function bucketsOf(rollups: readonly MinuteRollup[]): Bucket[] {
  const groups = new Map<number, MinuteRollup[]>();
  for (const rollup of rollups) {
    const at = bucketOf(rollup.minute);
    const group = groups.get(at);
    if (group) group.push(rollup);
    else groups.set(at, [rollup]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([at, minutes]) => ({ at, samples: samplesOf(MinuteAccumulator.of(at, minutes)) }));
}

export function bucketOf(at: number): number {
  return Math.floor(at / BUCKET_MS) * BUCKET_MS;
}

function samplesOf(merged: MinuteAccumulator): SeriesSample[] {
  const samples: SeriesSample[] = [];
  for (const [provider, histogram] of merged.calls) {
    // The median, not the p95: with a dozen calls a bucket's p95 is its one slowest call, and one slow call is no anomaly.
    const median = histogram.quantile(0.5);
    if (median !== null) samples.push({ subject: 'latency', provider, value: median, n: histogram.count });
  }
  const c = merged.counters;
  // Each engine's own error rate where the rollups have per-engine figures; older rollups only the calls' overall rate.
  const engines = [...merged.engines.byEngine].filter(([, engine]) => engine.count('calls') > 0);
  for (const [provider, engine] of engines) samples.push({ subject: 'error_rate', provider, value: engine.count('callErrors') / engine.count('calls'), n: engine.count('calls') });
  if (engines.length === 0 && c.calls > 0) samples.push({ subject: 'error_rate', provider: null, value: c.callErrors / c.calls, n: c.calls });
  if (c.cacheGets > 0) samples.push({ subject: 'cache_hit_rate', provider: null, value: (c.cacheL1Hits + c.cacheL2Hits) / c.cacheGets, n: c.cacheGets });
  return samples;
}
