/**
 * Workshops, runs and a generation's progress: the shapes the main side stores and returns and the
 * renderer shows, defined once as zod schemas (the IPC contract composes them).
 */
import { z } from 'zod';
import { TRACE_PHASES } from './vocabulary';
import { LEVELS, briefSchema, personaDocumentSchema, personaSimpleSchema } from './persona';
import { LOGO_MIME_TYPES, MAX_LOGO_BYTES } from './logo-check';

export const workshopSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The client the workshop is for; null when none was given. */
  client: z.string().nullable(),
  description: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When it was archived (hidden from the main lists, still searchable); null while active. */
  archivedAt: z.string().nullable(),
  runCount: z.number(),
  personaCount: z.number(),
  /** The report's accent colour (#rrggbb); null for the default blue. */
  accent: z.string().nullable(),
  /** Whether a logo is set for the report's cover (its bytes come from workshops:logo). */
  hasLogo: z.boolean(),
});

/** An accent colour as the colour picker gives it. */
export const accentSchema = z.string().trim().toLowerCase().regex(/^#[0-9a-f]{6}$/, 'must be a colour such as #3b5bdb');
/** A cover logo: PNG, JPEG or SVG, at most 512 KB, sent as base64. */
export const logoSchema = z.strictObject({
  mimeType: z.enum(LOGO_MIME_TYPES, { message: 'must be a PNG, JPEG or SVG image' }),
  base64: z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
    .refine((b) => Math.floor((b.length * 3) / 4) <= MAX_LOGO_BYTES, `must be at most ${MAX_LOGO_BYTES / 1024} KB: use a smaller image`),
});
export type WorkshopLogo = z.output<typeof logoSchema>;

/** What a user types for a workshop: trimmed, bounded; an empty client or description means none. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable();
export const workshopNameSchema = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');
export const workshopFieldsSchema = z.strictObject({ name: workshopNameSchema, client: optionalText(120).optional(), description: optionalText(1000).optional() });
export const runTitleSchema = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const RUN_STATUSES = ['completed', 'failed', 'cancelled'] as const;

export const runSummarySchema = z.object({
  id: z.string(),
  workshopId: z.string(),
  status: z.enum(RUN_STATUSES),
  provider: z.string(),
  level: z.enum(LEVELS),
  count: z.number(),
  description: z.string(),
  /** The run's title: the user's, or one made from the brief when they gave none. */
  title: z.string(),
  /** Whether the user named the run (otherwise the title follows the brief). */
  titled: z.boolean(),
  seed: z.number().nullable(),
  startedAt: z.string(),
  durationMs: z.number(),
  qualityScore: z.number().nullable(),
  error: z.string().nullable(),
});

export const runDetailSchema = runSummarySchema.extend({
  brief: briefSchema,
  document: personaDocumentSchema.nullable(),
  /** Milliseconds per phase; null for runs saved before phases were kept. */
  phases: z.partialRecord(z.enum(TRACE_PHASES), z.number().min(0)).nullable(),
});

export const PROGRESS_PHASES = ['analyze', 'culture', 'generate', 'validate', 'store'] as const;

export const progressSchema = z.object({
  requestId: z.string(),
  phase: z.enum(PROGRESS_PHASES),
  done: z.number(),
  total: z.number(),
  /** Milliseconds left, estimated from this engine's past runs and updated as results arrive; null until there is a basis. */
  etaMs: z.number().min(0).nullable().optional(),
});

export const fallbackSchema = z.object({ provider: z.string(), personas: z.int().min(0), reason: z.string() });


export type WorkshopSummary = z.output<typeof workshopSchema>;
export type RunStatus = (typeof RUN_STATUSES)[number];
export type RunSummary = z.output<typeof runSummarySchema>;
export type RunDetail = z.output<typeof runDetailSchema>;
export type GenerationProgress = z.output<typeof progressSchema>;
export type ProgressPhase = (typeof PROGRESS_PHASES)[number];
/** Personas an engine could not write, written by the offline engine instead, and why. */
export type Fallback = z.output<typeof fallbackSchema>;

/** What a delete would remove, said in the confirmation before anything goes. */
export const deletionPreviewSchema = z.object({
  runs: z.int().min(0),
  personas: z.int().min(0),
  edits: z.int().min(0),
  /** Interviews, focus groups and concept tests of the runs that go (they go with them). */
  conversations: z.int().min(0),
  /** Backups of app.db taken since the data was first written: they still hold what is deleted unless deleted too (`deleteBackups`). */
  backups: z.int().min(0),
});
export type DeletionPreview = z.output<typeof deletionPreviewSchema>;

/** One version of a persona: the original (version 0) or the state after an edit. */
export const personaVersionSchema = z.object({
  version: z.int().min(0),
  /** When this version was made: for the original, when the persona was written (with its run, or added to it later); the edit's time for the others. */
  at: z.string(),
  /** Fields that differ from the version before (top-level keys, e.g. "goals", "location"); empty for the original. */
  changed: z.array(z.string()),
  /** How it came about: the generation, an edit, a regeneration, a restore of an earlier version. */
  kind: z.enum(['original', 'edit', 'regenerate', 'restore']),
  persona: personaSimpleSchema,
});
export type PersonaVersion = z.output<typeof personaVersionSchema>;

