/** One point of any chart, from a live snapshot or a history bucket, and the bounded buffer of live points. */
import type { HistoryPoint, LiveMetrics } from '../../../shared/ipc/types';

/** How many live points the rolling buffer keeps (a minute at 4 events a second), and how far back. */
const LIVE_BUFFER_MAX = 240;
const LIVE_WINDOW_MS = 60_000;

/** Rates are in percent, null when nothing was measured. */
export interface ChartPoint {
  at: number;
  p50: number | null;
  p95: number | null;
  hitRate: number | null;
  l1: number | null;
  l2: number | null;
  success: number | null;
  repair: number | null;
  fill: number | null;
  /** The whole machine's CPU. */
  cpu: number | null;
  /** Persona Studio's own CPU, in percent of the machine. */
  appCpu: number | null;
  memMb: number | null;
  limit: number | null;
  queued: number | null;
}

export type ChartKey = Exclude<keyof ChartPoint, 'at'>;

const percent = (rate: number | null): number | null => (rate === null ? null : rate * 100);

export function pointFromLive(m: LiveMetrics): ChartPoint {
  return {
    at: m.at,
    p50: m.latency.p50Ms,
    p95: m.latency.p95Ms,
    hitRate: percent(m.cache.hitRate),
    l1: percent(m.cache.l1HitRate),
    l2: percent(m.cache.l2HitRate),
    success: percent(m.validation.successRate),
    repair: percent(m.validation.repairRate),
    fill: percent(m.validation.fillRate),
    cpu: m.resources.cpuPercent,
    appCpu: m.resources.appCpuPercent,
    memMb: m.resources.rssMb,
    limit: m.scheduler.limit,
    queued: m.scheduler.queued,
  };
}

export function pointFromHistory(p: HistoryPoint): ChartPoint {
  return {
    at: p.at,
    p50: p.p50Ms,
    p95: p.p95Ms,
    hitRate: percent(p.cacheHitRate),
    l1: null,
    l2: null,
    success: percent(p.validationSuccessRate),
    repair: percent(p.repairRate),
    fill: percent(p.fillRate),
    cpu: p.cpuMean,
    appCpu: p.appCpuMean,
    memMb: p.rssMaxMb,
    limit: p.limitMean,
    queued: p.queuedMax,
  };
}

/** The buffer with the point at its end: at most LIVE_BUFFER_MAX points, none older than LIVE_WINDOW_MS before it. */
export function appendBounded(buffer: ChartPoint[], point: ChartPoint): ChartPoint[] {
  const last = buffer[buffer.length - 1];
  const kept = last && last.at === point.at ? buffer.slice(0, -1) : buffer;
  let start = Math.max(0, kept.length - LIVE_BUFFER_MAX + 1);
  while (start < kept.length && kept[start]!.at < point.at - LIVE_WINDOW_MS) start++;
  const next = kept.slice(start);
  next.push(point);
  return next;
}
