/**
 * Workshops, runs and a generation's progress: the shapes the main side stores and returns and the
 * renderer shows, defined once as zod schemas (the IPC contract composes them).
 */
import { z } from 'zod';
import { TRACE_PHASES } from './vocabulary';
import { LEVELS, briefSchema, personaDocumentSchema } from './persona';

export const workshopSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  runCount: z.number(),
  personaCount: z.number(),
});

export const RUN_STATUSES = ['completed', 'failed', 'cancelled'] as const;

export const runSummarySchema = z.object({
  id: z.string(),
  workshopId: z.string(),
  status: z.enum(RUN_STATUSES),
  provider: z.string(),
  level: z.enum(LEVELS),
  count: z.number(),
  description: z.string(),
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
