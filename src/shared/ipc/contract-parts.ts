/**
 * Pieces the contract's channel tables share: ids, empty requests, the shape of a delete's answer.
 */
import { z } from 'zod';
import { deletionPreviewSchema } from '../workshop';

export const id = z.string().min(1).max(100);
export const empty = z.strictObject({});
/** What a delete removed: counts of runs, personas and edits, and backups deleted with it. */
export const deletedSchema = z.object({ deleted: deletionPreviewSchema.omit({ backups: true }), backupsDeleted: z.int().min(0) });
export const DAY_MS = 86_400_000;
export const MAX_RANGE_MS = 365 * DAY_MS;
export type ChannelTable = Record<string, { request: z.ZodType; response: z.ZodType }>;
