/** What the auto-tuner sees: traffic and metrics over the kept seconds, the headroom for a trial, and the changes worth trying. */
import type { MonitorSettings } from '../../shared/settings';
import { ALERT_WINDOW_MS } from './alert-rules';
import type { Tunable, TunerEnvironment, TunerMetric } from './auto-tuner';
import { ratesOf, type WindowSummary } from './metric-series';
import type { NewAuditEntry } from './monitor-store';
import type { Seconds } from './seconds';
import { tuningProposals } from './tuning-proposals';

export interface TunerSources {
  now: () => number;
  seconds: Seconds;
  settings: () => MonitorSettings;
  emergencyActive: () => boolean;
  cacheSuggestions: () => ReadonlyArray<{ id: string; evidence: string }>;
  tunables: readonly Tunable[];
  concurrencyMax: () => number;
  audit: (entry: NewAuditEntry) => void;
}

export function tunerEnvironment(sources: TunerSources): TunerEnvironment {
  const { now, seconds, settings } = sources;
  const windowOf = (ms: number) => seconds.window(now() - ms);
  return {
    now,
    traffic: (ms) => {
      const c = windowOf(ms).counters;
      return c.generations + c.calls + c.cacheGets;
    },
    metric: (id, ms) => tunerMetric(id, windowOf(ms)),
    headroom: () => {
      const latest = seconds.latest()?.gauges;
      const { cpuPercent, memoryBudgetMb } = settings();
      if (sources.emergencyActive()) return 'the emergency response is shedding load';
      // A busy machine disturbs what a trial measures, whoever keeps it busy.
      if (latest?.cpuPercent != null && latest.cpuPercent >= cpuPercent) return `the machine's CPU is at ${Math.round(latest.cpuPercent)}%`;
      if (latest?.rssMb != null && latest.rssMb >= memoryBudgetMb * 0.9) return `memory at ${Math.round(latest.rssMb)} MB of a ${memoryBudgetMb} MB budget`;
      return null;
    },
    proposals: () =>
      tuningProposals({
        window: windowOf(ALERT_WINDOW_MS),
        cacheSuggestions: sources.cacheSuggestions(),
        value: (id) => sources.tunables.find((t) => t.id === id)?.get(),
        concurrencyMax: sources.concurrencyMax(),
      }),
    audit: sources.audit,
  };
}

function tunerMetric(id: TunerMetric, window: WindowSummary): number | null {
  const rates = ratesOf(window, true);
  const c = window.counters;
  switch (id) {
    case 'hit_rate':
      return rates.hitRate;
    case 'p95_ms':
      return rates.p95Ms;
    case 'throughput':
      return window.seconds > 0 ? ((c.calls - c.callErrors) / window.seconds) * 60 : null;
    case 'timeout_rate':
      return rates.timeoutRate;
    case 'error_rate':
      return rates.errorRate;
    case 'repair_rate':
      return rates.repairRate;
  }
}
