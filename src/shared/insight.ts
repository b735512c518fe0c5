/**
 * Performance the user can see and steer (issue 23): engine profiles, anomalies, optimizations and
 * the tuned settings layer. Figures are null when nothing measured them, never an invented 0 or 100.
 */
import { z } from 'zod';
import { ENGINE_FIGURES } from './engine-figures';
import { TREND, TUNABLES } from './metrics';

/** What an engine profile measures (engine-figures.ts), each against its baseline and target. */
export { ENGINE_FIGURES, type EngineFigureId } from './engine-figures';

export const engineFigureSchema = z.object({
  id: z.enum(ENGINE_FIGURES),
  /** Over the profile's range; null when nothing measured it. */
  value: z.number().nullable(),
  /** The engine's own usual value (median of its earlier days); null until there is history. */
  baseline: z.number().nullable(),
  /** The target the score is measured against (settings' thresholds, or the design's defaults). */
  target: z.number().nullable(),
  /** 0-100 against the target; null when value is null. */
  score: z.number().min(0).max(100).nullable(),
  trend: z.enum(TREND),
});

/** One model server of an engine as the scheduler routes to it: its weight, breaker, load and latency (EWMA per unit of work; null before any answer). Here, not in performance.ts, which imports this file. */
export const endpointStatusSchema = z.object({
  baseUrl: z.string(),
  weight: z.number().positive(),
  breaker: z.enum(['closed', 'open', 'half_open']),
  inFlight: z.int().min(0),
  calls: z.int().min(0),
  failures: z.int().min(0),
  latencyMs: z.number().min(0).nullable(),
});
export type EndpointStatus = z.output<typeof endpointStatusSchema>;

export const engineProfileSchema = z.object({
  provider: z.string(),
  label: z.string(),
  model: z.string().nullable(),
  breaker: z.enum(['closed', 'open', 'half_open']),
  calls: z.int().min(0),
  generations: z.int().min(0),
  /** 0-100 over the figures that have a score; null when none has. */
  score: z.number().min(0).max(100).nullable(),
  figures: z.array(engineFigureSchema),
  /** Its model servers as the scheduler sees them now (empty for the embedded engine). */
  endpoints: z.array(endpointStatusSchema),
});
export type EngineProfile = z.output<typeof engineProfileSchema>;

export const ANOMALY_SUBJECTS = ['latency', 'error_rate', 'cache_hit_rate'] as const;
export const anomalySchema = z.object({
  id: z.int(),
  subject: z.enum(ANOMALY_SUBJECTS),
  /** The engine for latency and error rate; null for the cache. */
  provider: z.string().nullable(),
  at: z.number(),
  value: z.number(),
  /** The learned usual value and the band outside which a value is flagged. */
  baseline: z.number(),
  low: z.number(),
  high: z.number(),
  /** The hour of day the baseline is for, once there is enough history for hourly baselines. */
  hourOfDay: z.int().min(0).max(23).nullable(),
  evidence: z.string(),
});
export type Anomaly = z.output<typeof anomalySchema>;

export const OPTIMIZATION_STATUSES = ['scheduled', 'queued', 'running', 'done', 'cancelled', 'skipped'] as const;
export const TRIAL_OUTCOMES = ['pending', 'running', 'kept', 'rolled_back', 'skipped'] as const;

/** A window of quiet hours, local time ("22:00"-"06:00" crosses midnight). */
export const timeWindowSchema = z.strictObject({
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 22:00'),
  end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 06:00'),
});

export const optimizationSchema = z.object({
  id: z.string(),
  status: z.enum(OPTIMIZATION_STATUSES),
  requestedBy: z.enum(['user', 'schedule']),
  createdAt: z.number(),
  window: timeWindowSchema.nullable(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  /** Each proposal tried one at a time, with its measured effect. */
  trials: z.array(
    z.object({
      tunable: z.enum(TUNABLES),
      from: z.number(),
      to: z.number(),
      metric: z.string(),
      reason: z.string(),
      outcome: z.enum(TRIAL_OUTCOMES),
      baseline: z.number().nullable(),
      measured: z.number().nullable(),
    }),
  ),
  /** Why it ended as it did (no proposals, no traffic, cancelled…). */
  note: z.string().nullable(),
});
export type Optimization = z.output<typeof optimizationSchema>;

/** A kept tuner change, remembered across restarts as its own layer over the user's settings. */
export const tunedValueSchema = z.object({ tunable: z.enum(TUNABLES), label: z.string(), value: z.number(), at: z.number(), reason: z.string() });
export type TunedValue = z.output<typeof tunedValueSchema>;

/** Resource efficiency over a range: personas written per CPU-second the app itself used. */
export const efficiencySchema = z.object({ personas: z.int().min(0), appCpuSeconds: z.number().min(0), personasPerCpuSecond: z.number().nullable() });

export const cacheStorageSchema = z.object({
  /** Bytes of the values as JSON, and as stored in cache.db (compressed where it saves space). */
  plainBytes: z.number().min(0),
  storedBytes: z.number().min(0),
  /** Stored over plain: below 1 when compression saves space; just above 1 for small values, which sealing lengthens by its header. */
  ratio: z.number().min(0).nullable(),
});
