/** The contract's channels for the app itself: engines, cache, settings, the monitor, recovery. */
import { z } from 'zod';
import { alertSchema, auditEntrySchema, HISTORY_RESOLUTIONS, historyPointSchema, liveMetricsSchema, monitorSuggestionSchema, performanceScoreSchema, traceSchema, tunerStateSchema } from '../metrics';
import { cacheStatsSchema, cacheSuggestionSchema, probeResultSchema, schedulerStatusSchema, validationStatsSchema } from '../performance';
import { BACKUP_FILE_NAME, recoveryOutcomeSchema, recoveryStateSchema } from '../recovery';
import { settingsChangeSchema, settingsViewSchema } from '../settings';
import { PROVIDER_IDS } from '../vocabulary';
import { DAY_MS, empty, MAX_RANGE_MS, type ChannelTable } from './contract-parts';

export const systemChannels = {
  'providers:probe': {
    request: z.strictObject({ providerId: z.enum(PROVIDER_IDS) }),
    response: probeResultSchema,
  },
  'scheduler:status': {
    request: empty,
    response: schedulerStatusSchema,
  },
  'validation:stats': {
    request: empty,
    response: validationStatsSchema,
  },
  'cache:stats': {
    request: empty,
    response: cacheStatsSchema,
  },
  'cache:suggestions': {
    request: empty,
    response: z.object({ suggestions: z.array(cacheSuggestionSchema) }),
  },
  'cache:clear': {
    request: empty,
    response: z.object({ entries: z.int().min(0), bytes: z.number().min(0) }),
  },
  'settings:get': {
    request: empty,
    response: settingsViewSchema,
  },
  'settings:update': {
    request: z.strictObject({ change: settingsChangeSchema }),
    response: settingsViewSchema,
  },
  'monitor:live': {
    request: empty,
    response: liveMetricsSchema,
  },
  'monitor:history': {
    request: z.strictObject({
      rangeMs: z.int().min(60_000, 'must be at least a minute').max(MAX_RANGE_MS, 'must be at most 365 days'),
      resolution: z.enum(HISTORY_RESOLUTIONS).default('1m'),
    }),
    response: z.object({ resolution: z.enum(HISTORY_RESOLUTIONS), points: z.array(historyPointSchema), score: performanceScoreSchema }),
  },
  'monitor:traces': {
    request: empty,
    response: z.object({ traces: z.array(traceSchema) }),
  },
  'monitor:suggestions': {
    request: empty,
    response: z.object({ suggestions: z.array(monitorSuggestionSchema) }),
  },
  'alerts:list': {
    request: z.strictObject({ rangeMs: z.int().min(0).max(MAX_RANGE_MS).default(7 * DAY_MS) }),
    response: z.object({ alerts: z.array(alertSchema) }),
  },
  'alerts:acknowledge': {
    request: z.strictObject({ id: z.int().min(1) }),
    response: z.object({ acknowledged: z.boolean() }),
  },
  'tuner:state': {
    request: empty,
    response: tunerStateSchema,
  },
  'tuner:set-enabled': {
    request: z.strictObject({ enabled: z.boolean() }),
    response: tunerStateSchema,
  },
  'recovery:state': {
    request: empty,
    response: recoveryStateSchema,
  },
  'recovery:restore': {
    request: z.strictObject({ backup: z.string().regex(BACKUP_FILE_NAME, 'must be the name of a listed backup') }),
    response: recoveryOutcomeSchema,
  },
  'recovery:start-fresh': {
    request: empty,
    response: recoveryOutcomeSchema,
  },
  'tuner:audit': {
    request: z.strictObject({ limit: z.int().min(1).max(1000).default(200) }),
    response: z.object({ entries: z.array(auditEntrySchema) }),
  },
} as const satisfies ChannelTable;
