/** The contract's channels for the user's work: generations, workshops, runs, personas, exports. */
import { z } from 'zod';
import { briefInputSchema, briefUnderstandingSchema } from '../brief';
import { personaDocumentSchema, personaSimpleSchema } from '../persona';
import { providerInfoSchema } from '../performance';
import { setSummarySchema } from '../summary';
import { EXPORT_FORMATS, PAPER_SIZES, PROVIDER_IDS, REPORT_TEMPLATES } from '../vocabulary';
import { accentSchema, logoSchema, deletionPreviewSchema, fallbackSchema, personaVersionSchema, runDetailSchema, runSummarySchema, runTitleSchema, workshopFieldsSchema, workshopSchema } from '../workshop';
import { deletedSchema, empty, id, type ChannelTable } from './contract-parts';
import { plainJsonObject } from './plain-data';

export const workChannels = {
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
      /** PDF only: the client report (insight) or the internal one (with how the run was made); absent, the settings' default. */
      template: z.enum(REPORT_TEMPLATES).optional(),
      /** PDF only: A4 or US Letter; absent, the settings' default. */
      paper: z.enum(PAPER_SIZES).optional(),
    }),
    response: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  },
  'runs:summary': {
    request: z.strictObject({ runId: id }),
    response: setSummarySchema,
  },
  'workshops:branding': {
    /** Sets the report's accent and logo for a workshop: a value sets it, null removes it, absent leaves it. */
    request: z.strictObject({ workshopId: id, accent: accentSchema.nullable().optional(), logo: logoSchema.nullable().optional() }),
    response: workshopSchema,
  },
  'workshops:logo': {
    request: z.strictObject({ workshopId: id }),
    response: z.object({ logo: logoSchema.nullable() }),
  },
  'reports:cover-preview': {
    /** The report's cover as it would print for this workshop (its saved branding, or the accent and logo given here to preview before saving). */
    request: z.strictObject({ workshopId: id, accent: accentSchema.nullable().optional(), logo: logoSchema.nullable().optional() }),
    response: z.object({ html: z.string() }),
  },
  'reports:cancel': {
    request: z.strictObject({ requestId: z.uuid('must be the UUID given to reports:export') }),
    response: z.object({ cancelled: z.boolean() }),
  },
  'runs:search': {
    request: z.strictObject({ query: z.string().max(200, 'must be at most 200 characters').default(''), limit: z.int().min(1).max(500).default(100) }),
    response: z.object({ runs: z.array(runSummarySchema) }),
  },
} as const satisfies ChannelTable;
