/**
 * The optimizations the user started or scheduled, and the kept tuning layer, in app.db (tables from the app.db
 * migrations, like the monitor's audit). Rows that no longer parse are skipped.
 */
import { z } from 'zod';
import { TUNABLES, type TunableId } from '../../shared/metrics';
import { optimizationSchema, type Optimization } from '../../shared/insight';
import type { SqliteDatabase } from '../platform';

const keptRowSchema = z.object({ tunable: z.enum(TUNABLES), value: z.number(), at: z.number(), reason: z.string() });
export type KeptValue = z.output<typeof keptRowSchema>;

export class OptimizationStore {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    this.statements = {
      put: db.prepare('INSERT INTO optimizations (id, created_at, status, json) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status, json = excluded.json'),
      list: db.prepare<[number], { json: string }>('SELECT json FROM optimizations ORDER BY created_at DESC, rowid DESC LIMIT ?'),
      open: db.prepare<[], { json: string }>(`SELECT json FROM optimizations WHERE status IN ('scheduled', 'queued', 'running') ORDER BY created_at, rowid`),
      keep: db.prepare('INSERT INTO tuned_values (tunable, value, at, reason) VALUES (?, ?, ?, ?) ON CONFLICT (tunable) DO UPDATE SET value = excluded.value, at = excluded.at, reason = excluded.reason'),
      kept: db.prepare<[], Record<string, unknown>>('SELECT tunable, value, at, reason FROM tuned_values ORDER BY at'),
      forget: db.prepare('DELETE FROM tuned_values WHERE tunable = ?'),
    };
  }

  put(optimization: Optimization): void {
    this.statements.put.run(optimization.id, optimization.createdAt, optimization.status, JSON.stringify(optimization));
  }

  /** Newest first. */
  list(limit: number): Optimization[] {
    return this.parse(this.statements.list.all(limit));
  }

  /** Scheduled, queued and running ones, oldest first: what a restarted monitor carries on with. */
  open(): Optimization[] {
    return this.parse(this.statements.open.all());
  }

  keep(value: KeptValue): void {
    this.statements.keep.run(value.tunable, value.value, value.at, value.reason);
  }

  kept(): KeptValue[] {
    return this.statements.kept.all().flatMap((row) => {
      const parsed = keptRowSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
  }

  forget(tunable: TunableId): boolean {
    return this.statements.forget.run(tunable).changes > 0;
  }

  private parse(rows: Array<{ json: string }>): Optimization[] {
    return rows.flatMap((row) => {
      try {
        const parsed = optimizationSchema.safeParse(JSON.parse(row.json));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
  }
}
