/**
 * Stored summaries in app.db (table set_summaries, made by app.db's one migration list in
 * workshops/migrations.ts): one per run, keyed by run and the digest of the set it was made from,
 * so an edited set is summarised afresh and a model is not asked twice for the same set. The table
 * cascades from runs, and triggers drop a run's summary when one of its personas is edited or
 * deleted, so no quote outlives the line it quotes.
 */
import type { SqliteDatabase } from '../platform';
import { setSummarySchema, type SetSummary } from '../../shared/summary';

export interface StoredSummary {
  summary: SetSummary;
  storedAt: string;
}

export class SummaryRows {
  private readonly find;
  private readonly clear;
  private readonly insert;

  constructor(private readonly db: SqliteDatabase) {
    this.find = db.prepare<[string, string], { summary_json: string; stored_at: string }>('SELECT summary_json, stored_at FROM set_summaries WHERE run_id = ? AND set_hash = ?');
    this.clear = db.prepare<[string]>('DELETE FROM set_summaries WHERE run_id = ?');
    this.insert = db.prepare<[string, string, string, string]>('INSERT INTO set_summaries (run_id, set_hash, summary_json, stored_at) VALUES (?, ?, ?, ?)');
  }

  get(runId: string, setHash: string): StoredSummary | undefined {
    const row = this.find.get(runId, setHash);
    if (!row) return undefined;
    // A row this version cannot read is made again rather than shown wrong.
    const parsed = setSummarySchema.safeParse(safeJson(row.summary_json));
    return parsed.success ? { summary: parsed.data, storedAt: row.stored_at } : undefined;
  }

  /** Replaces the run's summary; a run deleted meanwhile (the foreign key refuses) stores nothing. */
  put(runId: string, setHash: string, summary: SetSummary, now = new Date()): void {
    try {
      this.db.transaction(() => {
        this.clear.run(runId);
        this.insert.run(runId, setHash, JSON.stringify(summary), now.toISOString());
      })();
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
