/** What the renderer learns when app.db could not be opened, and the backups it may restore. */
import { z } from 'zod';

/** app-<time>.db in backups/: the only names a restore accepts. */
export const BACKUP_FILE_NAME = /^app-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.db$/;

export const recoveryStateSchema = z.object({
  /** Set when app.db did not open; only a 'damaged' file may be replaced (a newer or unavailable one is fine as it is). */
  damaged: z.object({ file: z.string(), reason: z.string(), failure: z.enum(['damaged', 'newer_version', 'unavailable']) }).nullable(),
  backups: z.array(z.object({ name: z.string(), takenAt: z.string(), bytes: z.int().min(0) })),
  /** A restore or fresh start was done; it takes effect when the app restarts. */
  restartPending: z.boolean(),
});

export type RecoveryState = z.output<typeof recoveryStateSchema>;

export const recoveryOutcomeSchema = z.object({
  /** Where the damaged app.db now is (kept, never deleted). */
  movedTo: z.string(),
  /** Whether the app restarts by itself; otherwise the user is asked to. */
  restart: z.enum(['automatic', 'manual']),
});
