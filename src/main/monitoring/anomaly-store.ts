/** The anomalies table of app.db (created by its migrations): one row per series and bucket, read back checked. */
import { anomalySchema, type Anomaly } from '../../shared/insight';
import type { SqliteDatabase } from '../platform';
import type { NewAnomaly } from './anomaly-detector';

export class AnomalyStore {
  private readonly statements;
  /** Rows skipped because they no longer parse, since open. */
  skippedRows = 0;

  constructor(db: SqliteDatabase) {
    this.statements = {
      // The same bucket judged again (after a restart) is already there: kept as first found.
      insert: db.prepare('INSERT OR IGNORE INTO anomalies (subject, provider, at, value, baseline, low, high, hour_of_day, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      since: db.prepare<[number, number], AnomalyRow>('SELECT * FROM anomalies WHERE at >= ? ORDER BY at DESC, id DESC LIMIT ?'),
      prune: db.prepare(`DELETE FROM anomalies WHERE id IN (SELECT id FROM anomalies WHERE at < ? LIMIT ${PRUNE_BATCH})`),
    };
  }

  insert(a: NewAnomaly): void {
    this.statements.insert.run(a.subject, a.provider ?? '', a.at, a.value, a.baseline, a.low, a.high, a.hourOfDay, a.evidence);
  }

  /** Anomalies of buckets since `since`, newest first. */
  since(since: number, limit = 500): Anomaly[] {
    return this.statements.since.all(since, limit).flatMap((row) => {
      const parsed = anomalySchema.safeParse({ ...row, provider: row.provider === '' ? null : row.provider, hourOfDay: row.hour_of_day });
      if (parsed.success) return [parsed.data];
      this.skippedRows++;
      return [];
    });
  }

  pruneBatch(before: number): number {
    return Number(this.statements.prune.run(before).changes);
  }
}

interface AnomalyRow {
  id: number;
  subject: string;
  provider: string;
  at: number;
  value: number;
  baseline: number;
  low: number;
  high: number;
  hour_of_day: number | null;
  evidence: string;
}

const PRUNE_BATCH = 500;
