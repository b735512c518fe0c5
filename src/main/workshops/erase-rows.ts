/**
 * Deleting for good in app.db: a run or a whole workshop with everything under it (briefs, runs,
 * personas, edits), each in one transaction, so a crash leaves all of it or none. secure_delete
 * zeroes what is deleted; `emptyWal` then folds the WAL into the file and truncates it, so the old
 * pages are not left readable there either.
 */
import type { SqliteDatabase } from '../platform';

export interface ErasedCounts {
  runs: number;
  personas: number;
  edits: number;
}

export interface EraseScope extends ErasedCounts {
  /** When the oldest of it was written: backups taken since may hold it. */
  since: string;
  /** Generation cache entries its runs were stored or served under. */
  cacheKeys: string[];
}

type ScopeRow = ErasedCounts & { since: string | null };

export class EraseRows {
  private readonly statements;

  constructor(private readonly db: SqliteDatabase) {
    this.statements = {
      runScope: db.prepare<{ id: string }, ScopeRow>(`SELECT
        (SELECT COUNT(*) FROM runs WHERE id = @id) AS runs,
        (SELECT COUNT(*) FROM personas WHERE run_id = @id) AS personas,
        (SELECT COUNT(*) FROM edits e JOIN personas p ON p.id = e.persona_id WHERE p.run_id = @id) AS edits,
        (SELECT started_at FROM runs WHERE id = @id) AS since`),
      workshopScope: db.prepare<{ id: string }, ScopeRow>(`SELECT
        (SELECT COUNT(*) FROM runs WHERE workshop_id = @id) AS runs,
        (SELECT COUNT(*) FROM personas WHERE workshop_id = @id) AS personas,
        (SELECT COUNT(*) FROM edits e JOIN personas p ON p.id = e.persona_id WHERE p.workshop_id = @id) AS edits,
        (SELECT MIN(w.created_at, COALESCE((SELECT MIN(started_at) FROM runs WHERE workshop_id = @id), w.created_at)) FROM workshops w WHERE w.id = @id) AS since`),
      runKeys: db.prepare<[string], { cache_key: string }>('SELECT DISTINCT cache_key FROM runs WHERE id = ? AND cache_key IS NOT NULL'),
      workshopKeys: db.prepare<[string], { cache_key: string }>('SELECT DISTINCT cache_key FROM runs WHERE workshop_id = ? AND cache_key IS NOT NULL'),
      runWorkshop: db.prepare<[string], { workshop_id: string; brief_id: string }>('SELECT workshop_id, brief_id FROM runs WHERE id = ?'),
      runEdits: db.prepare('DELETE FROM edits WHERE persona_id IN (SELECT id FROM personas WHERE run_id = ?)'),
      runPersonas: db.prepare('DELETE FROM personas WHERE run_id = ?'),
      run: db.prepare('DELETE FROM runs WHERE id = ?'),
      brief: db.prepare('DELETE FROM briefs WHERE id = ? AND NOT EXISTS (SELECT 1 FROM runs WHERE brief_id = ?)'),
      workshopEdits: db.prepare('DELETE FROM edits WHERE persona_id IN (SELECT id FROM personas WHERE workshop_id = ?)'),
      workshopPersonas: db.prepare('DELETE FROM personas WHERE workshop_id = ?'),
      workshopRuns: db.prepare('DELETE FROM runs WHERE workshop_id = ?'),
      workshopBriefs: db.prepare('DELETE FROM briefs WHERE workshop_id = ?'),
      workshop: db.prepare('DELETE FROM workshops WHERE id = ?'),
      touchWorkshop: db.prepare('UPDATE workshops SET updated_at = ? WHERE id = ?'),
    };
  }

  /** What deleting the run would remove; undefined when there is no such run. */
  runScope(runId: string): EraseScope | undefined {
    const row = this.statements.runScope.get({ id: runId })!;
    if (row.runs === 0 || row.since === null) return undefined;
    return { ...counts(row), since: row.since, cacheKeys: this.statements.runKeys.all(runId).map((r) => r.cache_key) };
  }

  /** What deleting the workshop would remove; undefined when there is no such workshop. */
  workshopScope(workshopId: string): EraseScope | undefined {
    const row = this.statements.workshopScope.get({ id: workshopId })!;
    if (row.since === null) return undefined;
    return { ...counts(row), since: row.since, cacheKeys: this.statements.workshopKeys.all(workshopId).map((r) => r.cache_key) };
  }

  /** Deletes a run, its brief, personas and their edits in one transaction; what went, or undefined when there was no such run. */
  deleteRun(runId: string, now = new Date()): ErasedCounts | undefined {
    return this.db.transaction(() => {
      const scope = this.statements.runScope.get({ id: runId })!;
      const run = this.statements.runWorkshop.get(runId);
      if (!run) return undefined;
      this.statements.runEdits.run(runId);
      this.statements.runPersonas.run(runId);
      this.statements.run.run(runId);
      this.statements.brief.run(run.brief_id, run.brief_id);
      this.statements.touchWorkshop.run(now.toISOString(), run.workshop_id);
      return counts(scope);
    })();
  }

  /**
   * Deletes a workshop with all its briefs, runs, personas and edits in one transaction; `inside`
   * runs in the same transaction afterwards (choosing the next current workshop). Undefined when
   * there was no such workshop.
   */
  deleteWorkshop(workshopId: string, inside: () => void): ErasedCounts | undefined {
    return this.db.transaction(() => {
      const scope = this.statements.workshopScope.get({ id: workshopId })!;
      if (scope.since === null) return undefined;
      this.statements.workshopEdits.run(workshopId);
      this.statements.workshopPersonas.run(workshopId);
      this.statements.workshopRuns.run(workshopId);
      this.statements.workshopBriefs.run(workshopId);
      this.statements.workshop.run(workshopId);
      inside();
      return counts(scope);
    })();
  }

  /**
   * Folds the WAL into app.db and truncates it: the pages as they were before a delete are in the WAL
   * until then. Waits for other connections' readers (busy timeout); false when one still held on.
   */
  emptyWal(): boolean {
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (result?.busy === 0) return true;
    console.warn('[store] another program was reading app.db, so its WAL could not be emptied after a delete; it is emptied at the next checkpoint.');
    return false;
  }
}

function counts(row: ErasedCounts): ErasedCounts {
  return { runs: row.runs, personas: row.personas, edits: row.edits };
}
