/**
 * A workshop bundle: one workshop with its briefs, runs, personas, edits and asking data, as the
 * rows of app.db hold them. Rows are kept column by column so a bundle survives added columns.
 */
import { z } from 'zod';

export const BUNDLE_FORMAT = 'persona-studio-workshop';
export const BUNDLE_VERSION = 1;

/** The app.db tables a bundle carries, parents before children so inserts meet their references. */
export const BUNDLE_TABLES = [
  'workshops', 'briefs', 'runs', 'personas', 'edits',
  'interviews', 'interview_turns', 'focus_groups', 'focus_group_answers', 'concept_tests', 'concept_verdicts',
] as const;
export type BundleTable = (typeof BUNDLE_TABLES)[number];

const cell = z.union([z.string(), z.number(), z.null()]);
const row = z.record(z.string().regex(/^[a-z_]+$/), cell);

export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: z.string(),
  appVersion: z.string(),
  workshopId: z.string().min(1),
  tables: z.object(Object.fromEntries(BUNDLE_TABLES.map((t) => [t, z.array(row)])) as Record<BundleTable, z.ZodArray<typeof row>>),
});
export type Bundle = z.infer<typeof bundleSchema>;
export type BundleRow = Bundle['tables'][BundleTable][number];

export interface BundleImportSummary {
  workshopId: string;
  workshopName: string;
  /** True when this workshop was already here: nothing was added. */
  alreadyImported: boolean;
  /** True when ids were given anew (asked for, or taken by other rows here). */
  remapped: boolean;
  counts: Record<BundleTable, number>;
}
