/**
 * Deleting for good in app.db: a run or a whole workshop with everything under it (briefs, runs,
 * personas, edits, and by cascade the interviews, focus groups and concept tests), each in one transaction, so a crash leaves all of it or none. secure_delete
 * zeroes what is deleted; `emptyWal` then folds the WAL into the file and truncates it, so the old
 * pages are not left readable there either.
 */
import type { SqliteDatabase } from '../platform';

export interface ErasedCounts {
  runs: number;
  personas: number;
  edits: number;
  /** Interviews, focus groups and concept tests of the runs (they go by cascade). */
  conversations: number;
}

export interface EraseScope extends ErasedCounts {
  /** When the oldest of it was written: backups taken since may hold it. */
  since: string;
  /** Cache entries that hold its text: the generations its runs were stored or served under, and the answers asked of their personas. */
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
        ${conversationCount('= @id')} AS conversations,
        (SELECT started_at FROM runs WHERE id = @id) AS since`),
      workshopScope: db.prepare<{ id: string }, ScopeRow>(`SELECT
        (SELECT COUNT(*) FROM runs WHERE workshop_id = @id) AS runs,
        (SELECT COUNT(*) FROM personas WHERE workshop_id = @id) AS personas,
        (SELECT COUNT(*) FROM edits e JOIN personas p ON p.id = e.persona_id WHERE p.workshop_id = @id) AS edits,
        ${conversationCount('IN (SELECT id FROM runs WHERE workshop_id = @id)')} AS conversations,
        (SELECT MIN(w.created_at, COALESCE((SELECT MIN(started_at) FROM runs WHERE workshop_id = @id), w.created_at)) FROM workshops w WHERE w.id = @id) AS since`),
      runKeys: db.prepare<{ id: string }, { cache_key: string }>(cacheKeysOf('= @id')),
      workshopKeys: db.prepare<{ id: string }, { cache_key: string }>(cacheKeysOf('IN (SELECT id FROM runs WHERE workshop_id = @id)')),
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
    return { ...counts(row), since: row.since, cacheKeys: this.statements.runKeys.all({ id: runId }).map((r) => r.cache_key) };
  }

  /** What deleting the workshop would remove; undefined when there is no such workshop. */
  workshopScope(workshopId: string): EraseScope | undefined {
    const row = this.statements.workshopScope.get({ id: workshopId })!;
    if (row.since === null) return undefined;
    return { ...counts(row), since: row.since, cacheKeys: this.statements.workshopKeys.all({ id: workshopId }).map((r) => r.cache_key) };
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
  return { runs: row.runs, personas: row.personas, edits: row.edits, conversations: row.conversations };
}

/** Interviews, focus groups and concept tests of the runs whose id is `runs` (an SQL condition on the id). */
function conversationCount(runs: string): string {
  return `((SELECT COUNT(*) FROM interviews WHERE run_id ${runs}) + (SELECT COUNT(*) FROM focus_groups WHERE run_id ${runs}) + (SELECT COUNT(*) FROM concept_tests WHERE run_id ${runs}))`;
}

/** The cache keys that hold the runs' text: each run's generation, and every answer asked of its personas. */
function cacheKeysOf(runs: string): string {
  return `SELECT cache_key FROM runs WHERE id ${runs} AND cache_key IS NOT NULL
    UNION SELECT t.cache_key FROM interview_turns t JOIN interviews i ON i.id = t.interview_id WHERE i.run_id ${runs} AND t.cache_key IS NOT NULL
    UNION SELECT a.cache_key FROM focus_group_answers a JOIN focus_groups g ON g.id = a.focus_group_id WHERE g.run_id ${runs} AND a.cache_key IS NOT NULL
    UNION SELECT v.cache_key FROM concept_verdicts v JOIN concept_tests c ON c.id = v.concept_test_id WHERE c.run_id ${runs} AND v.cache_key IS NOT NULL`;
}
