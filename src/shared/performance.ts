/**
 * What the engines, the validator, the cache and the scheduler measure: the shapes of their
 * snapshots, defined once as zod schemas (the IPC contract composes them, the main side builds them).
 */
import { z } from 'zod';
import { cacheStorageSchema, endpointStatusSchema } from './insight';
import { ISSUE_TYPES } from './persona';

export const providerInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['embedded', 'local', 'cloud']),
});

const rate = z.number().min(0).max(1).nullable();

/** Validation since the app started; a rate is null until something was measured. */
export const validationStatsSchema = z.object({
  answers: z.int().min(0),
  succeeded: z.int().min(0),
  failed: z.int().min(0),
  personas: z.int().min(0),
  repairedPersonas: z.int().min(0),
  filledPersonas: z.int().min(0),
  successRate: rate,
  repairRate: rate,
  fillRate: rate,
  topIssues: z.array(z.object({ type: z.enum(ISSUE_TYPES), count: z.int().min(1) })),
});

export const kindStatsSchema = z.object({
  gets: z.int().min(0),
  l1Hits: z.int().min(0),
  l2Hits: z.int().min(0),
  misses: z.int().min(0),
  staleServed: z.int().min(0),
  hitRate: rate,
  meanLatencyUs: z.number().min(0).nullable(),
  /** Gets answered by the team cache (L3); absent where there is none. */
  l3Hits: z.int().min(0).optional(),
});
export const tierStatsSchema = z.object({ entries: z.int().min(0), bytes: z.number().min(0), maxBytes: z.number().min(0), evictions: z.int().min(0), available: z.boolean() });

/** What cache.db holds of one kind: entries, and bytes as stored (compressed or not) and as plain JSON. */
export const l2KindStatsSchema = z.object({ entries: z.int().min(0), storedBytes: z.number().min(0), plainBytes: z.number().min(0) });

/** The team cache (L3, Redis): 'off' when none is set, 'skipped' while its breaker keeps it out of the way. */
export const teamTierStatsSchema = z.object({
  available: z.boolean(),
  state: z.enum(['off', 'connected', 'skipped']),
  hits: z.int().min(0),
  misses: z.int().min(0),
  /** Values that did not open with the team key (another team's, altered): never used. */
  refused: z.int().min(0),
  errors: z.int().min(0),
  skipped: z.int().min(0),
  writes: z.int().min(0),
  /**
   * This team's entries in Redis, counted in the background (SCAN, at most once a minute, while the stats are read);
   * null when not known, `entriesUnknown` saying why: no team cache, Redis not answering, the first count under way,
   * or too many keys in Redis to count cheaply. `entriesAt` is when it was counted (ms epoch).
   */
  entries: z.int().min(0).nullable(),
  /** Optional (with entriesUnknown) so that snapshots saved before the count still parse. */
  entriesAt: z.number().nullable().optional(),
  entriesUnknown: z.enum(['off', 'unreachable', 'counting', 'too_many']).nullable().optional(),
  latency: z.object({ samples: z.int().min(0), p50Ms: z.number().min(0).nullable(), p95Ms: z.number().min(0).nullable() }),
});

/**
 * Preloading of one kind of entry: entries preloaded, and those used (the first get that found one fresh, before
 * it expired or was evicted: counted once, by the cache alone) since `since` (the cache's counters, kept across restarts), and whether preloading the kind is stopped now for want of use (the rule in
 * providers/culture/preload-prediction.ts), until when, and how often it was stopped this session.
 */
export const preloadKindStatsSchema = z.object({
  loaded: z.int().min(0),
  used: z.int().min(0),
  stopped: z.boolean(),
  /** When a stopped kind is tried again (ms epoch); null while it is not stopped. */
  stoppedUntil: z.number().nullable(),
  stops: z.int().min(0),
});

/**
 * The cache per kind of entry and per tier. The counters (gets, hits, latency, loads, preloads,
 * cache.db's evictions) count since `since` (ms epoch), across restarts, until the cache is cleared;
 * L1's evictions count since the app started.
 */
export const cacheStatsSchema = z.object({
  kinds: z.object({ culture: kindStatsSchema, generation: kindStatsSchema, answer: kindStatsSchema }),
  l1: tierStatsSchema,
  l2: tierStatsSchema,
  /** Optional so that snapshots saved before the team cache still parse. */
  l3: teamTierStatsSchema.optional(),
  l2Kinds: z.object({ culture: l2KindStatsSchema, generation: l2KindStatsSchema, answer: l2KindStatsSchema }),
  /** Storage efficiency of cache.db's values: stored bytes over their plain JSON bytes. */
  storage: cacheStorageSchema,
  loads: z.int().min(0),
  loadErrors: z.int().min(0),
  preload: z.object({
    loaded: z.int().min(0),
    used: z.int().min(0),
    /** The same per kind of entry; optional so that snapshots saved before it still parse. */
    kinds: z.object({ culture: preloadKindStatsSchema, generation: preloadKindStatsSchema, answer: preloadKindStatsSchema }).optional(),
  }),
  recoveries: z.int().min(0),
  since: z.number(),
});

export const cacheSuggestionSchema = z.object({
  id: z.enum(['l1_too_small', 'ttl_too_short', 'l2_too_small', 'preload_wasted']),
  advice: z.string(),
  evidence: z.string(),
});

export const latencySummarySchema = z.object({ samples: z.int(), p50Ms: z.number(), p95Ms: z.number() });
export const schedulerStatusSchema = z.object({
  limit: z.int().min(1),
  running: z.int().min(0),
  queued: z.int().min(0),
  resources: z.object({ at: z.number(), cpuPercent: z.number(), freeMemoryMb: z.number(), totalMemoryMb: z.number(), loopLagMs: z.number() }).nullable(),
  providers: z.array(
    z.object({
      provider: z.string(),
      breaker: z.enum(['closed', 'open', 'half_open']),
      calls: z.int().min(0),
      failures: z.int().min(0),
      retries: z.int().min(0),
      latency: z.object({ generate: latencySummarySchema.optional(), culture: latencySummarySchema.optional(), probe: latencySummarySchema.optional(), ask: latencySummarySchema.optional() }),
      /** The engine's model servers in settings order; empty for a provider with one fixed address (Qloo). */
      endpoints: z.array(endpointStatusSchema),
    }),
  ),
  recentLimitChanges: z.array(z.object({ limit: z.int(), previous: z.int(), reason: z.string(), at: z.number() })),
});


/** Whether an engine answers, and its models. */
export const probeResultSchema = z.object({
  reachable: z.boolean(),
  models: z.array(z.string()),
  /** What was found or what is wrong, in a sentence for the settings screen. */
  message: z.string(),
});

export type ProviderInfo = z.output<typeof providerInfoSchema>;
export type ProbeResult = z.output<typeof probeResultSchema>;
export type ValidationStatsSnapshot = z.output<typeof validationStatsSchema>;
export type CacheKindStats = z.output<typeof kindStatsSchema>;
export type CacheTierStats = z.output<typeof tierStatsSchema>;
export type CacheStats = z.output<typeof cacheStatsSchema>;
export type CacheSuggestion = z.output<typeof cacheSuggestionSchema>;
export type PreloadKindStatsView = z.output<typeof preloadKindStatsSchema>;
export type LatencySummary = z.output<typeof latencySummarySchema>;
export type SchedulerStatus = z.output<typeof schedulerStatusSchema>;
