/**
 * The executive summary of a run's persona set: who the personas are (segments), the needs and pain
 * points they share (themes with counts and a quote each), where they differ, and what that suggests
 * for the brief's product. The main side composes it (grouping the set's own fields, or a model
 * writes the prose over the same grouped facts); the Workshop and the PDF report show the same one.
 */
import { z } from 'zod';

/** How the set splits along one dimension: a group per value, each with who is in it. */
export const summarySegmentSchema = z.object({
  by: z.enum(['lifeStage', 'age', 'place', 'income']),
  /** The dimension as a heading reads ("Life stage"). */
  label: z.string(),
  groups: z.array(z.object({ label: z.string(), personaIds: z.array(z.string()) })),
});

/** A line of a persona's own profile, quoted word for word. */
export const summaryQuoteSchema = z.object({ personaId: z.string(), personaName: z.string(), text: z.string() });

/** A need or pain point several personas hold: `personaIds` are exactly the personas whose own goals or pain points were grouped under it. */
export const summaryThemeSchema = z.object({
  label: z.string(),
  kind: z.enum(['need', 'pain']),
  personaIds: z.array(z.string()),
  /** A representative line from one of those personas. */
  quote: summaryQuoteSchema,
});

/** One way the set is not uniform ("Income: from lower-middle to high"), with who stands apart when that is few. */
export const summaryDifferenceSchema = z.object({ label: z.string(), detail: z.string(), personaIds: z.array(z.string()) });

export const SUMMARY_METHODS = ['grouped', 'model'] as const;

export const setSummarySchema = z.object({
  runId: z.string(),
  personaCount: z.int().min(0),
  /** grouped: composed by the app from the set's fields; model: the prose written by `model`, over the same grouped facts. */
  method: z.enum(SUMMARY_METHODS),
  /** The engine and model that wrote the prose ("ollama · llama3.1:8b"); null when composed. */
  writtenBy: z.string().nullable(),
  /** Why a model was not used when one was asked for (it failed, timed out): the composed prose stands in. */
  fallbackReason: z.string().nullable(),
  /** One paragraph each: who they are, what they share, where they differ, what it suggests. */
  prose: z.object({ who: z.string(), shared: z.string(), differ: z.string(), suggests: z.string() }),
  segments: z.array(summarySegmentSchema),
  themes: z.array(summaryThemeSchema),
  differences: z.array(summaryDifferenceSchema),
  /** Concrete suggestions for the brief's product, each from a theme or difference above. */
  implications: z.array(z.string()),
  composedAt: z.string(),
});

export type SummarySegment = z.output<typeof summarySegmentSchema>;
export type SummaryTheme = z.output<typeof summaryThemeSchema>;
export type SummaryDifference = z.output<typeof summaryDifferenceSchema>;
export type SetSummary = z.output<typeof setSummarySchema>;
