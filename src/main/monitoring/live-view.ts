/** The live view: the last minute's figures, the scheduler and machine now, and the score of the last five minutes. */
import type { LiveMetrics, PerformanceScore, Trace } from '../../shared/ipc/types';
import type { MonitorSettings } from '../../shared/settings';
import type { Scheduler } from '../scheduler';
import { attributedCpu, cpuBusyBy } from './cpu-share';
import { quantileOf, ratesOf, type Gauges, type WindowSummary } from './metric-series';
import { scoreOf, type ScoreInputs } from './performance-score';

/** The live view's window, in seconds. */
export const LIVE_WINDOW_S = 60;

export interface LiveInputs {
  now: number;
  /** The last minute, the second in progress included. */
  lastMinute: WindowSummary;
  /** The last five minutes, the second in progress included: what the score judges. */
  fiveMinutes: WindowSummary;
  load: ReturnType<Scheduler['load']>;
  gauges: Gauges;
  settings: MonitorSettings;
  activeAlerts: number;
  emergency: boolean;
  trend: PerformanceScore['trend'];
  lastTrace: Trace | null;
}

export function liveView({ now, lastMinute, fiveMinutes, load, gauges, settings, activeAlerts, emergency, trend, lastTrace }: LiveInputs): LiveMetrics {
  const c = lastMinute.counters;
  const rates = ratesOf(lastMinute);
  return {
    at: now,
    windowS: LIVE_WINDOW_S,
    generations: c.generations,
    generationErrors: c.generationErrors,
    latency: { p50Ms: quantileOf(lastMinute.latencies, 0.5), p95Ms: rates.p95Ms, p99Ms: quantileOf(lastMinute.latencies, 0.99) },
    calls: c.calls,
    errorRate: rates.errorRate,
    timeoutRate: rates.timeoutRate,
    cache: { gets: c.cacheGets, hitRate: rates.hitRate, l1HitRate: rates.l1HitRate, l2HitRate: rates.l2HitRate },
    validation: { answers: c.validationAnswers, successRate: rates.validationSuccess, repairRate: rates.repairRate, fillRate: rates.fillRate },
    scheduler: { limit: load.limit, maxLimit: load.max, running: load.running, queued: load.queued },
    resources: {
      cpuPercent: gauges.cpuPercent,
      appCpuPercent: gauges.appCpuPercent,
      cpuBusyBy: cpuBusyBy(gauges.cpuPercent, gauges.appCpuPercent, settings.cpuPercent),
      memoryPercent: gauges.memoryPercent,
      rssMb: gauges.rssMb ?? 0,
      loopLagMs: gauges.loopLagMs,
    },
    activeAlerts,
    emergency,
    score: { ...scoreOf(scoreInputs(fiveMinutes), settings), trend },
    lastTrace,
  };
}

function scoreInputs(window: WindowSummary): ScoreInputs {
  const rates = ratesOf(window, true);
  return {
    generations: window.counters.generations,
    hitRate: rates.hitRate,
    p95Ms: rates.p95Ms,
    errorRate: rates.errorRate,
    validationSuccess: rates.validationSuccess,
    cpuPercent: attributedCpu(window.gaugeMean.cpuPercent, window.gaugeMean.appCpuPercent),
    rssMb: window.latest?.rssMb ?? null,
  };
}
