/**
 * Delete means gone. A run or a workshop is deleted with everything under it in one transaction;
 * first the generation cache entries that hold its personas are purged (memory and cache.db), so a
 * crash in between leaves the work whole and only costs a cache miss; then app.db's WAL is emptied
 * (secure_delete zeroes the rows themselves). Backups taken since the data was written still hold
 * it: the preview counts them, and they go too when the user asks.
 */
import type { DeletionPreview } from '../../shared/workshop';
import { AppError } from '../platform';
import type { AppRecovery } from './app-recovery';
import type { EraseScope, ErasedCounts } from './erase-rows';
import type { WorkshopStore } from './workshop-store';

/** Purges cache entries by key (generations and answers), in memory and in cache.db (the cache module's, injected by the core). */
export type PurgeCached = (keys: readonly string[]) => void;

export type DeletionTarget = { workshopId: string } | { runId: string };

export interface Deleted {
  deleted: ErasedCounts;
  backupsDeleted: number;
}

export class Erasure {
  constructor(
    private readonly store: WorkshopStore,
    private readonly purgeCached: PurgeCached,
    private readonly recovery: AppRecovery | undefined,
  ) {}

  /** What a delete would remove, and how many backups still hold it. */
  preview(target: DeletionTarget): DeletionPreview {
    const scope = this.scope(target);
    return { runs: scope.runs, personas: scope.personas, edits: scope.edits, conversations: scope.conversations, backups: this.recovery?.backupsSince(scope.since).length ?? 0 };
  }

  deleteRun(runId: string, options: { deleteBackups?: boolean } = {}): Deleted {
    const scope = this.scope({ runId });
    this.purgeCached(scope.cacheKeys);
    const deleted = this.store.deleteRun(runId);
    if (!deleted) throw notFound({ runId });
    return { deleted, backupsDeleted: this.backups(scope, options) };
  }

  deleteWorkshop(workshopId: string, options: { deleteBackups?: boolean } = {}): Deleted {
    const scope = this.scope({ workshopId });
    this.purgeCached(scope.cacheKeys);
    const deleted = this.store.deleteWorkshop(workshopId);
    if (!deleted) throw notFound({ workshopId });
    return { deleted, backupsDeleted: this.backups(scope, options) };
  }

  /** Purges the cache entries a run came from: they hold its personas as first written. */
  purgeRun(runId: string): void {
    const scope = this.store.runScope(runId);
    if (scope) this.purgeCached(scope.cacheKeys);
  }

  private scope(target: DeletionTarget): EraseScope {
    const scope = 'runId' in target ? this.store.runScope(target.runId) : this.store.workshopScope(target.workshopId);
    if (!scope) throw notFound(target);
    return scope;
  }

  private backups(scope: EraseScope, options: { deleteBackups?: boolean }): number {
    return options.deleteBackups && this.recovery ? this.recovery.deleteBackupsSince(scope.since) : 0;
  }
}

function notFound(target: DeletionTarget): AppError {
  return 'runId' in target
    ? new AppError('not_found', `No run has the id ${target.runId}.`, 'runId')
    : new AppError('not_found', `No workshop has the id ${target.workshopId}.`, 'workshopId');
}
