/**
 * The IPC contract: every channel with its request and response schemas, every event with its
 * payload schema. The main binding, the preload bridge and the renderer client are typed from
 * this table, and the binding parses each request with it before any handler runs.
 */
import { z } from 'zod';
import { briefInputSchema, briefUnderstandingSchema } from '../brief';
import { alertSchema, auditEntrySchema, HISTORY_RESOLUTIONS, historyPointSchema, liveMetricsSchema, monitorSuggestionSchema, performanceScoreSchema, traceSchema, tunerStateSchema } from '../metrics';
import { EXPORT_FORMATS, PROVIDER_IDS } from '../vocabulary';
import { personaDocumentSchema, personaSimpleSchema } from '../persona';
import { BACKUP_FILE_NAME, recoveryOutcomeSchema, recoveryStateSchema } from '../recovery';
import { settingsChangeSchema, settingsViewSchema } from '../settings';
import { plainJsonObject } from './plain-data';
import { cacheStatsSchema, cacheSuggestionSchema, probeResultSchema, providerInfoSchema, schedulerStatusSchema, validationStatsSchema } from '../performance';
import { deletionPreviewSchema, fallbackSchema, personaVersionSchema, progressSchema, runDetailSchema, runSummarySchema, runTitleSchema, workshopFieldsSchema, workshopSchema } from '../workshop';

const id = z.string().min(1).max(100);

const empty = z.strictObject({});
/** What a delete removed: counts of runs, personas and edits, and backups deleted with it. */
const deletedSchema = z.object({ deleted: deletionPreviewSchema.omit({ backups: true }), backupsDeleted: z.int().min(0) });
const DAY_MS = 86_400_000;
const MAX_RANGE_MS = 365 * DAY_MS;

export { PROVIDER_IDS } from '../vocabulary';

export const contract = {
  'app:info': {
    request: empty,
    response: z.object({
      version: z.string(),
      dataDir: z.string(),
      providers: z.array(providerInfoSchema),
      /** The workshop new runs go to: the one last chosen while it exists and is not archived, else the most recently used active one (made when none exists). */
      currentWorkshopId: z.string(),
    }),
  },
  'generation:run': {
    request: z.strictObject({
      requestId: z.uuid('must be a UUID that names this generation, so it can be cancelled'),
      workshopId: id.optional(),
      brief: briefInputSchema,
      providerId: z.enum(PROVIDER_IDS).optional(),
    }),
    response: z.object({ run: runSummarySchema, document: personaDocumentSchema, fromCache: z.boolean(), fallback: fallbackSchema.optional() }),
  },
  'brief:understand': {
    request: z.strictObject({ brief: briefInputSchema }),
    response: briefUnderstandingSchema,
  },
  'providers:probe': {
    request: z.strictObject({ providerId: z.enum(PROVIDER_IDS) }),
    response: probeResultSchema,
  },
  'scheduler:status': {
    request: empty,
    response: schedulerStatusSchema,
  },
  'generation:cancel': {
    request: z.strictObject({ requestId: z.uuid('must be the UUID given to generation:run') }),
    response: z.object({ cancelled: z.boolean() }),
  },
  'workshops:list': {
    request: z.strictObject({ includeArchived: z.boolean().default(false) }),
    response: z.object({ workshops: z.array(workshopSchema) }),
  },
  'workshops:create': {
    request: workshopFieldsSchema,
    response: workshopSchema,
  },
  'workshops:update': {
    request: workshopFieldsSchema.partial().extend({ workshopId: id }),
    response: workshopSchema,
  },
  'workshops:select': {
    request: z.strictObject({ workshopId: id }),
    response: workshopSchema,
  },
  'workshops:archive': {
    request: z.strictObject({ workshopId: id, archived: z.boolean() }),
    response: workshopSchema,
  },
  'workshops:delete': {
    request: z.strictObject({ workshopId: id, deleteBackups: z.boolean().default(false) }),
    response: deletedSchema.extend({ currentWorkshopId: z.string() }),
  },
  'deletion:preview': {
    request: z.union([z.strictObject({ workshopId: id }), z.strictObject({ runId: id })]),
    response: deletionPreviewSchema,
  },
  'runs:rename': {
    request: z.strictObject({ runId: id, title: runTitleSchema }),
    response: runSummarySchema,
  },
  'runs:move': {
    request: z.strictObject({ runId: id, workshopId: id }),
    response: runSummarySchema,
  },
  'runs:duplicate': {
    request: z.strictObject({ runId: id }),
    response: runSummarySchema,
  },
  'runs:delete': {
    request: z.strictObject({ runId: id, deleteBackups: z.boolean().default(false) }),
    response: deletedSchema,
  },
  'runs:list': {
    request: z.strictObject({ workshopId: id, limit: z.int().min(1).max(500).optional() }),
    response: z.object({ runs: z.array(runSummarySchema) }),
  },
  'runs:get': {
    request: z.strictObject({ runId: id }),
    response: runDetailSchema,
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
  'personas:edit': {
    // The persona is checked against its run's level by the handler: the level is not the caller's to say.
    // Here only that it is plain JSON data, copied: a loose object would pass on the caller's own objects.
    request: z.strictObject({ personaId: id, persona: plainJsonObject() }),
    response: z.object({ persona: personaSimpleSchema, edits: z.int().min(1) }),
  },
  'personas:delete': {
    request: z.strictObject({ personaId: id }),
    response: z.object({ runId: z.string(), remaining: z.int().min(0) }),
  },
  'personas:history': {
    request: z.strictObject({ personaId: id }),
    response: z.object({ versions: z.array(personaVersionSchema) }),
  },
  'personas:restore': {
    request: z.strictObject({ personaId: id, version: z.int().min(0) }),
    response: z.object({ persona: personaSimpleSchema, edits: z.int().min(0) }),
  },
  'personas:undo': {
    request: z.strictObject({ personaId: id }),
    response: z.object({ persona: personaSimpleSchema, edits: z.int().min(0) }),
  },
  'personas:generate-one': {
    request: z
      .strictObject({
        runId: id,
        /** Replace this persona of the run (the one before is kept as an edit); absent, the new one is added. */
        replacePersonaId: id.optional(),
        /** An age band to fill, for a gap in the run's coverage. */
        ageRange: z.tuple([z.int().min(16).max(99), z.int().min(16).max(99)]).optional(),
      })
      .refine((r) => !r.ageRange || r.ageRange[0] <= r.ageRange[1], { message: 'must be lowest age first', path: ['ageRange'] }),
    response: z.object({ persona: personaSimpleSchema }),
  },
  'reports:export': {
    request: z.strictObject({
      requestId: z.uuid('must be a UUID that names this export, so it can be cancelled'),
      runId: id,
      format: z.enum(EXPORT_FORMATS),
    }),
    response: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  },
  'reports:cancel': {
    request: z.strictObject({ requestId: z.uuid('must be the UUID given to reports:export') }),
    response: z.object({ cancelled: z.boolean() }),
  },
  'runs:search': {
    request: z.strictObject({ query: z.string().max(200, 'must be at most 200 characters').default(''), limit: z.int().min(1).max(500).default(100) }),
    response: z.object({ runs: z.array(runSummarySchema) }),
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
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export const events = {
  'generation:progress': progressSchema,
  /** The monitor's live view, at most 4 times a second while something changes. */
  'monitor:live': liveMetricsSchema,
} as const satisfies Record<string, z.ZodType>;

export const IPC_ERROR_CODES = [
  'invalid_request',
  'unknown_channel',
  'forbidden',
  'not_found',
  'cancelled',
  'generation_failed',
  'internal',
] as const;

export const ipcErrorSchema = z.object({
  code: z.enum(IPC_ERROR_CODES),
  message: z.string(),
  field: z.string().optional(),
});
