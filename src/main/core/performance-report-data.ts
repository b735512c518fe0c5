/**
 * Gathers what the performance report shows from the monitor (history and score, engine profiles,
 * efficiency, alerts, anomalies, optimizations, audit), the cache, the validator and the scheduler.
 */
import path from 'node:path';
import type { HistoryResolution } from '../../shared/metrics';
import type { Monitor } from '../monitoring';
import type { PerformanceReportData } from '../reports';
import type { Scheduler } from '../scheduler';
import type { TieredCache } from '../cache';
import type { ValidationStats } from '../validation';

export interface PerformanceReportSources {
  version: string;
  dataDir: string;
  monitor: Monitor;
  cache: TieredCache;
  validationStats: ValidationStats;
  scheduler: Scheduler;
  now?: () => number;
}

/** Enough audit and optimization rows for a month of a busy tuner; older ones are in the app. */
const ROW_LIMIT = 500;

/** Buckets a chart can draw and a reader can follow: minutes for an hour or two, hours for days. */
export function resolutionFor(rangeMs: number): HistoryResolution {
  if (rangeMs <= 2 * 3_600_000) return '1m';
  return rangeMs <= 2 * 86_400_000 ? '5m' : '1h';
}

export function gatherPerformanceReportData(sources: PerformanceReportSources, rangeMs: number): PerformanceReportData {
  const { monitor, cache, scheduler } = sources;
  const toMs = sources.now?.() ?? Date.now();
  const fromMs = toMs - rangeMs;
  const history = monitor.history(rangeMs, resolutionFor(rangeMs));
  const status = scheduler.snapshot();
  const cacheStats = cache.stats();
  const inRange = (at: number) => at >= fromMs && at <= toMs;
  return {
    app: { name: 'Persona Studio', version: sources.version, dataFolder: path.basename(sources.dataDir) },
    range: { fromMs, toMs },
    generatedAt: new Date(toMs),
    score: history.score,
    history: { resolution: history.resolution, points: history.points },
    engines: monitor.engineProfiles(rangeMs),
    cache: cacheStats,
    validation: sources.validationStats.snapshot(),
    scheduler: { limit: status.limit, running: status.running, queued: status.queued },
    efficiency: monitor.efficiency(rangeMs),
    alerts: monitor.listAlerts(rangeMs).sort((a, b) => a.raisedAt - b.raisedAt),
    anomalies: monitor.anomalies(rangeMs).sort((a, b) => a.at - b.at),
    optimizations: monitor.steering.optimizationList(ROW_LIMIT).filter((o) => inRange(o.createdAt) || (o.finishedAt !== null && inRange(o.finishedAt))),
    audit: monitor.auditLog(ROW_LIMIT).filter((e) => inRange(e.at)).sort((a, b) => a.at - b.at),
  };
}
