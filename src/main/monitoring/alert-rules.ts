/** The alert rules, their thresholds from settings, and the windows their values are measured over. */
import type { AlertRuleId } from '../../shared/metrics';
import type { MonitorSettings } from '../../shared/settings';
import type { AlertRule } from './alerts';
import { attributedCpu } from './cpu-share';
import { ratesOf, type WindowSummary } from './metric-series';

/** Rates and percentiles are judged over five minutes, CPU and memory on their latest samples. */
export const ALERT_WINDOW_MS = 5 * 60_000;

export function alertRules(settings: MonitorSettings): AlertRule[] {
  const rules: AlertRule[] = [
    {
      id: 'response_p95',
      severity: 'high',
      direction: 'above',
      threshold: settings.p95Ms,
      clearAt: settings.p95Ms * 0.8,
      raiseAfterMs: 30 * SECOND,
      clearAfterMs: 60 * SECOND,
      action: 'lower_concurrency',
      describe: (v) => `Generations are slow: p95 ${(v / 1000).toFixed(1)} s over the last 5 minutes (target ${(settings.p95Ms / 1000).toFixed(0)} s).`,
    },
    {
      id: 'cache_hit_rate',
      severity: 'medium',
      direction: 'below',
      threshold: settings.cacheHitRate,
      clearAt: Math.min(1, settings.cacheHitRate + 0.05),
      raiseAfterMs: 60 * SECOND,
      clearAfterMs: 60 * SECOND,
      action: 'warm_cache',
      describe: (v) => `The cache answers ${pct(v)} of lookups from memory or disk (target ${pct(settings.cacheHitRate)}).`,
    },
    {
      id: 'validation_success',
      severity: 'medium',
      direction: 'below',
      threshold: settings.validationSuccess,
      clearAt: Math.min(1, settings.validationSuccess + 0.02),
      raiseAfterMs: 30 * SECOND,
      clearAfterMs: 60 * SECOND,
      describe: (v) => `Only ${pct(v)} of provider answers gave usable personas (target ${pct(settings.validationSuccess)}); check the model and its prompt.`,
    },
    {
      id: 'cpu',
      severity: 'high',
      direction: 'above',
      threshold: settings.cpuPercent,
      clearAt: settings.cpuPercent - 10,
      raiseAfterMs: 30 * SECOND,
      clearAfterMs: 60 * SECOND,
      action: 'lower_concurrency',
      describe: (v) => `The machine's CPU is at ${Math.round(v)}% (threshold ${settings.cpuPercent}%), much of it Persona Studio's own work.`,
    },
    {
      id: 'memory',
      severity: 'critical',
      direction: 'above',
      threshold: settings.memoryBudgetMb,
      clearAt: settings.memoryBudgetMb * 0.9,
      raiseAfterMs: 10 * SECOND,
      clearAfterMs: 60 * SECOND,
      describe: (v) => `The app uses ${Math.round(v)} MB, over its ${settings.memoryBudgetMb} MB budget.`,
    },
    {
      id: 'provider_timeouts',
      severity: 'high',
      direction: 'above',
      threshold: 0.1,
      clearAt: 0.03,
      raiseAfterMs: 30 * SECOND,
      clearAfterMs: 120 * SECOND,
      action: 'adjust_timeout',
      describe: (v) => `${pct(v)} of provider calls timed out in the last 5 minutes.`,
    },
    {
      id: 'provider_errors',
      severity: 'critical',
      direction: 'above',
      threshold: 0.5,
      clearAt: 0.1,
      raiseAfterMs: 20 * SECOND,
      clearAfterMs: 120 * SECOND,
      action: 'enable_offline_fallback',
      describe: (v) => `${pct(v)} of provider calls failed in the last minute.`,
    },
  ];
  // The user may want alerts sooner (a demo) or later (a noisy machine) than each rule's own delay.
  const hold = settings.raiseAfterS;
  return hold === null ? rules : rules.map((rule) => ({ ...rule, raiseAfterMs: hold * SECOND }));
}

/**
 * Each rule's value, or null when too little was measured to judge. CPU is the app's own unless its share
 * of the machine's is material: a machine other programs keep busy neither raises the alert nor keeps it raised.
 */
export function alertValues(fiveMinutes: WindowSummary, lastMinute: WindowSummary): Partial<Record<AlertRuleId, number | null>> {
  const rates = ratesOf(fiveMinutes, true);
  return {
    response_p95: rates.p95Ms,
    cache_hit_rate: rates.hitRate,
    validation_success: rates.validationSuccess,
    cpu: attributedCpu(lastMinute.latest?.cpuPercent ?? null, lastMinute.latest?.appCpuPercent ?? null),
    memory: lastMinute.latest?.rssMb ?? null,
    provider_timeouts: rates.timeoutRate,
    provider_errors: ratesOf(lastMinute, true).errorRate,
  };
}

const SECOND = 1000;

const pct = (value: number) => `${Math.round(value * 100)}%`;
