/**
 * What the monitor shows: the live snapshot, history points, alerts, the tuner's audit and
 * suggestions. A rate or a percentile is null when nothing was measured in its window, so the
 * dashboard never draws an invented 0 % or 100 %.
 */
import { z } from 'zod';
import { TRACE_PHASES } from './vocabulary';

const rate = z.number().min(0).max(1).nullable();
const count = z.int().min(0);
const ms = z.number().min(0).nullable();

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const TREND = ['improving', 'degrading', 'stable', 'unknown'] as const;

export const SCORE_COMPONENTS = ['cache', 'providers', 'validation', 'resources'] as const;
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];

/**
 * 0-100 per component against its targets; null when the component saw no traffic, and all null
 * until the window holds the generations a score needs (`generations` says how many it holds).
 */
export const performanceScoreSchema = z.object({
  overall: z.number().min(0).max(100).nullable(),
  components: z.object({ cache: z.number().nullable(), providers: z.number().nullable(), validation: z.number().nullable(), resources: z.number().nullable() }),
  trend: z.enum(TREND),
  generations: z.object({ counted: count, required: count }),
});

export { TRACE_PHASES, type TracePhase } from './vocabulary';

/** One generation as the monitor saw it. */
export const traceSchema = z.object({
  at: z.number(),
  outcome: z.enum(['completed', 'failed', 'cancelled']),
  provider: z.string(),
  fromCache: z.boolean(),
  totalMs: z.number().min(0),
  phases: z.partialRecord(z.enum(TRACE_PHASES), z.number().min(0)),
});

/** The last minute, as the live stream sends it (at most 4 times a second). */
export const liveMetricsSchema = z.object({
  at: z.number(),
  windowS: z.number(),
  generations: count,
  generationErrors: count,
  latency: z.object({ p50Ms: ms, p95Ms: ms, p99Ms: ms }),
  calls: count,
  errorRate: rate,
  timeoutRate: rate,
  cache: z.object({ gets: count, hitRate: rate, l1HitRate: rate, l2HitRate: rate }),
  validation: z.object({ answers: count, successRate: rate, repairRate: rate, fillRate: rate }),
  scheduler: z.object({ limit: z.int().min(1), maxLimit: z.int().min(1), running: count, queued: count }),
  /**
   * CPU of the whole machine and of this app alone (both 0-100 of the machine); `cpuBusyBy` says,
   * when the machine's CPU is past the alert threshold, whether the app's own work is a material part of it.
   */
  resources: z.object({
    cpuPercent: z.number().nullable(),
    appCpuPercent: z.number().nullable(),
    cpuBusyBy: z.enum(['other_programs', 'persona_studio']).nullable(),
    memoryPercent: z.number().nullable(),
    rssMb: z.number(),
    loopLagMs: z.number().nullable(),
  }),
  activeAlerts: count,
  emergency: z.boolean(),
  score: performanceScoreSchema,
  lastTrace: traceSchema.nullable(),
});

export const HISTORY_RESOLUTIONS = ['1m', '5m', '1h'] as const;
export type HistoryResolution = (typeof HISTORY_RESOLUTIONS)[number];

/** One history bucket merged from per-minute rollups. */
export const historyPointSchema = z.object({
  at: z.number(),
  minutes: count,
  generations: count,
  generationErrors: count,
  p50Ms: ms,
  p95Ms: ms,
  p99Ms: ms,
  calls: count,
  callErrors: count,
  timeouts: count,
  cacheGets: count,
  cacheHitRate: rate,
  validationSuccessRate: rate,
  repairRate: rate,
  fillRate: rate,
  limitMean: z.number().nullable(),
  queuedMax: z.number().nullable(),
  cpuMean: z.number().nullable(),
  cpuMax: z.number().nullable(),
  appCpuMean: z.number().nullable(),
  rssMaxMb: z.number().nullable(),
  loopLagMaxMs: z.number().nullable(),
});

/** Threshold rules, anomaly rules (departures from a learned baseline), then events that are raised and resolved at once (the cache file was replaced). */
export const ALERT_RULES = ['response_p95', 'cache_hit_rate', 'validation_success', 'cpu', 'memory', 'provider_timeouts', 'provider_errors', 'latency_anomaly', 'error_rate_anomaly', 'cache_hit_anomaly', 'cache_recovered', 'cache_unavailable'] as const;
export type AlertRuleId = (typeof ALERT_RULES)[number];

export const AUTO_ACTIONS = ['warm_cache', 'adjust_timeout', 'lower_concurrency', 'enable_offline_fallback'] as const;
export type AutoActionId = (typeof AUTO_ACTIONS)[number];

export const alertSchema = z.object({
  id: z.int(),
  rule: z.enum(ALERT_RULES),
  severity: z.enum(SEVERITIES),
  status: z.enum(['active', 'resolved']),
  acknowledged: z.boolean(),
  message: z.string(),
  value: z.number(),
  threshold: z.number(),
  raisedAt: z.number(),
  resolvedAt: z.number().nullable(),
  actions: z.array(z.object({ action: z.enum(AUTO_ACTIONS), at: z.number(), ok: z.boolean(), outcome: z.string() })),
});

export const TUNABLES = ['l1_bytes', 'ttl_min_ms', 'concurrency_max', 'timeout_factor', 'batch_size'] as const;
export type TunableId = (typeof TUNABLES)[number];

export const AUDIT_STEPS = ['proposed', 'applied', 'kept', 'rolled_back', 'skipped', 'shed', 'restored', 'changed', 'cleared', 'reset', 'started', 'scheduled', 'cancelled'] as const;

/** Every performance action (the tuner's, the emergency response's, the user's), with before and after figures. */
export const auditEntrySchema = z.object({
  id: z.int(),
  at: z.number(),
  source: z.enum(['tuner', 'emergency', 'user']),
  subject: z.string(),
  step: z.enum(AUDIT_STEPS),
  before: z.number().nullable(),
  after: z.number().nullable(),
  metric: z.string().nullable(),
  baseline: z.number().nullable(),
  measured: z.number().nullable(),
  reason: z.string(),
});

export const tunerStateSchema = z.object({
  enabled: z.boolean(),
  phase: z.enum(['idle', 'validating', 'waiting_for_traffic', 'no_headroom', 'off']),
  trial: z.object({ tunable: z.enum(TUNABLES), before: z.number(), after: z.number(), metric: z.string(), baseline: z.number(), appliedAt: z.number() }).nullable(),
  tunables: z.array(z.object({ id: z.enum(TUNABLES), label: z.string(), value: z.number(), min: z.number(), max: z.number() })),
});

/** A dashboard suggestion: the monitor's own advice or the cache's, as `source` says. */
export const monitorSuggestionSchema = z.object({
  source: z.enum(['cache', 'monitor']),
  id: z.string(),
  advice: z.string(),
  evidence: z.string(),
  /** What Apply does, when the suggestion names a setting (e.g. "Raise cache.db's budget to 512 MB"); null when it names none. */
  apply: z.string().nullable().optional(),
});

export type PerformanceScore = z.output<typeof performanceScoreSchema>;
export type Trace = z.output<typeof traceSchema>;
export type LiveMetrics = z.output<typeof liveMetricsSchema>;
export type HistoryPoint = z.output<typeof historyPointSchema>;
export type Alert = z.output<typeof alertSchema>;
export type AuditEntry = z.output<typeof auditEntrySchema>;
export type TunerState = z.output<typeof tunerStateSchema>;
export type MonitorSuggestion = z.output<typeof monitorSuggestionSchema>;
