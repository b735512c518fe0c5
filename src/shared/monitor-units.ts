/**
 * The auto-tuner's and the emergency response's settings and metrics in the units people read:
 * bytes as MB, concurrency as calls at once, switches as on and off. The monitor's audit keeps raw
 * numbers; the dashboard, the tuner's reasons and the cache's advice all word them here.
 */
import type { TunableId } from './metrics';

/** What the emergency response turns down under pressure, in the order it does. */
export const SHEDDING_STEPS = ['pause_preloading', 'shrink_l1', 'concurrency_floor', 'defer_background_work'] as const;
export type SheddingStepId = (typeof SHEDDING_STEPS)[number];

const round1 = (value: number): number => Number(value.toFixed(1));

/** Bytes in the unit that reads best: 512 KB, 8 MB, 1.5 GB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? round1(value) : Math.round(value)} ${units[unit]}`;
}

/** A span of time in the unit that reads best: 45 s, 2 min, 1.5 h, 3 d. */
export function formatSpan(ms: number): string {
  if (ms < 60_000) return `${round1(ms / 1000)} s`;
  if (ms < 3_600_000) return `${round1(ms / 60_000)} min`;
  if (ms < 86_400_000) return `${round1(ms / 3_600_000)} h`;
  return `${round1(ms / 86_400_000)} d`;
}

interface SettingFormat {
  name: string;
  value: (value: number) => string;
  /** Said once after both values: "4 → 2 calls at once". */
  unit?: string;
}

const whole = (value: number): string => String(Math.round(value));
const memoryCache: SettingFormat = { name: 'Memory cache size', value: formatBytes };
const callsAtOnce: SettingFormat = { name: 'Most calls at once', value: whole, unit: 'calls at once' };

const SETTINGS: Record<TunableId | SheddingStepId, SettingFormat> = {
  l1_bytes: memoryCache,
  shrink_l1: memoryCache,
  ttl_min_ms: { name: 'Shortest cache lifetime', value: formatSpan },
  concurrency_max: callsAtOnce,
  concurrency_floor: callsAtOnce,
  timeout_factor: { name: 'Timeout', value: (v) => String(round1(v)), unit: '× p95 latency' },
  batch_size: { name: 'Personas per LLM call', value: whole, unit: 'personas per call' },
  pause_preloading: { name: 'Preloading', value: (v) => (v ? 'on' : 'off') },
  defer_background_work: { name: 'Background cache refreshes', value: (v) => (v ? 'held' : 'running') },
};

function settingOf(subject: string): SettingFormat | undefined {
  return Object.hasOwn(SETTINGS, subject) ? SETTINGS[subject as keyof typeof SETTINGS] : undefined;
}

/** What a tuner or emergency step changed, by name ("Memory cache size"). */
export function settingName(subject: string): string {
  return settingOf(subject)?.name ?? humanize(subject);
}

/** One value of a setting with its unit ("8 MB", "2 calls at once", "off"). */
export function formatSetting(subject: string, value: number): string {
  const format = settingOf(subject);
  if (!format) return String(value);
  return format.unit ? `${format.value(value)} ${format.unit}` : format.value(value);
}

/** A change of a setting: "32 MB → 8 MB", "4 → 2 calls at once", "on → off". */
export function formatSettingChange(subject: string, before: number | null, after: number | null): string {
  const format = settingOf(subject);
  const show = (value: number | null): string => (value === null ? 'unknown' : format ? format.value(value) : String(value));
  return `${show(before)} → ${show(after)}${format?.unit ? ` ${format.unit}` : ''}`;
}

const percent = (rate: number): string => `${round1(rate * 100)}%`;

const METRICS: Record<string, { name: string; value: (value: number) => string }> = {
  hit_rate: { name: 'cache hit rate', value: percent },
  p95_ms: { name: 'p95 response time', value: (ms) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s` },
  throughput: { name: 'throughput', value: (perMinute) => `${round1(perMinute)} calls/min` },
  timeout_rate: { name: 'timeout rate', value: percent },
  error_rate: { name: 'error rate', value: percent },
  repair_rate: { name: 'repair rate', value: percent },
};

/** A tuner metric by name ("cache hit rate"). */
export function metricName(metric: string): string {
  return Object.hasOwn(METRICS, metric) ? METRICS[metric]!.name : humanize(metric).toLowerCase();
}

/** A tuner metric's value in its unit ("66%", "3.40 s"). */
export function formatMetric(metric: string, value: number | null): string {
  if (value === null) return 'not measured';
  return Object.hasOwn(METRICS, metric) ? METRICS[metric]!.value(value) : String(round1(value));
}

/** An id as words: "enable_offline_fallback" → "Enable offline fallback". */
export function humanize(id: string): string {
  const text = id.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
