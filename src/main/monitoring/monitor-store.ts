/**
 * The monitor's part of app.db: per-minute rollups, alerts with their auto-actions, and the audit log of the tuner and
 * the emergency response. A row that no longer parses is skipped and counted, never thrown at the dashboard.
 */
import type { Alert, AuditEntry } from '../../shared/ipc/types';
import { alertSchema, auditEntrySchema } from '../../shared/metrics';
import { AnomalyStore } from './anomaly-store';
import { MinuteAccumulator, rollupSchema, type MinuteRollup } from './rollups';
import type { SqliteDatabase } from '../platform';
import { OptimizationStore } from './optimization-store';

export type NewAuditEntry = Omit<AuditEntry, 'id'>;
export type NewAlert = Omit<Alert, 'id' | 'status' | 'acknowledged' | 'resolvedAt' | 'actions'>;

export class MonitorStore {
  private readonly statements;
  /** Rows skipped because they no longer parse, since open. */
  skippedRows = 0;
  /** Optimizations and the kept tuning layer, in the same app.db. */
  readonly optimizations: OptimizationStore;

  /** What the anomaly detector found (issue 23). */
  readonly anomalies: AnomalyStore;

  constructor(private readonly db: SqliteDatabase) {
    this.anomalies = new AnomalyStore(db);
    this.optimizations = new OptimizationStore(db);
    this.statements = {
      putRollup: db.prepare('INSERT INTO metric_minutes (minute, rollup_json) VALUES (?, ?) ON CONFLICT (minute) DO UPDATE SET rollup_json = excluded.rollup_json'),
      rollups: db.prepare<[number, number], { rollup_json: string }>('SELECT rollup_json FROM metric_minutes WHERE minute >= ? AND minute < ? ORDER BY minute'),
      pruneRollups: db.prepare(`DELETE FROM metric_minutes WHERE minute IN (SELECT minute FROM metric_minutes WHERE minute < ? LIMIT ${PRUNE_BATCH})`),
      pruneAlerts: db.prepare(`DELETE FROM alerts WHERE id IN (SELECT id FROM alerts WHERE status = 'resolved' AND raised_at < ? LIMIT ${PRUNE_BATCH})`),
      pruneAudit: db.prepare(`DELETE FROM monitor_audit WHERE id IN (SELECT id FROM monitor_audit WHERE at < ? LIMIT ${PRUNE_BATCH})`),
      insertAlert: db.prepare(`INSERT INTO alerts (rule, severity, status, message, value, threshold, raised_at) VALUES (?, ?, 'active', ?, ?, ?, ?)`),
      resolveAlert: db.prepare(`UPDATE alerts SET status = 'resolved', resolved_at = ? WHERE id = ?`),
      acknowledgeAlert: db.prepare('UPDATE alerts SET acknowledged = 1 WHERE id = ?'),
      setAlertActions: db.prepare('UPDATE alerts SET actions_json = ? WHERE id = ?'),
      alert: db.prepare<[number], AlertRow>('SELECT * FROM alerts WHERE id = ?'),
      alerts: db.prepare<[number, number], AlertRow>(`SELECT * FROM alerts WHERE raised_at >= ? OR status = 'active' ORDER BY raised_at DESC LIMIT ?`),
      activeAlerts: db.prepare<[], AlertRow>(`SELECT * FROM alerts WHERE status = 'active' ORDER BY raised_at`),
      insertAudit: db.prepare('INSERT INTO monitor_audit (at, source, subject, step, before, after, metric, baseline, measured, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      audit: db.prepare<[number, number], Record<string, unknown>>('SELECT * FROM monitor_audit WHERE at >= ? ORDER BY id DESC LIMIT ?'),
    };
  }

  /** Adds a minute's figures to what app.db holds for it (the app and a CLI run may both measure it); returns the merge. */
  putRollup(rollup: MinuteRollup): MinuteRollup {
    return this.db.transaction(() => {
      const stored = this.rollups(rollup.minute, rollup.minute + 1)[0];
      const merged = stored ? MinuteAccumulator.of(rollup.minute, [stored, rollup]).toRollup() : rollup;
      this.statements.putRollup.run(rollup.minute, JSON.stringify(merged));
      return merged;
    })();
  }

  rollups(from: number, to: number): MinuteRollup[] {
    const result: MinuteRollup[] = [];
    for (const row of this.statements.rollups.all(from, to)) {
      const parsed = safeJson(row.rollup_json, rollupSchema);
      if (parsed) result.push(parsed);
      else this.skippedRows++;
    }
    return result;
  }

  /** Deletes rollups, resolved alerts and audit entries older than `before`, a small batch per call so that pruning a month never holds the event loop. */
  pruneBatch(before: number): number {
    return Number(this.statements.pruneRollups.run(before).changes) + Number(this.statements.pruneAlerts.run(before).changes) + Number(this.statements.pruneAudit.run(before).changes) + this.anomalies.pruneBatch(before);
  }

  insertAlert(alert: NewAlert): Alert {
    const id = Number(this.statements.insertAlert.run(alert.rule, alert.severity, alert.message, alert.value, alert.threshold, alert.raisedAt).lastInsertRowid);
    return this.alert(id)!;
  }

  resolveAlert(id: number, at: number): void {
    this.statements.resolveAlert.run(at, id);
  }

  acknowledgeAlert(id: number): boolean {
    return this.statements.acknowledgeAlert.run(id).changes > 0;
  }

  setAlertActions(id: number, actions: Alert['actions']): void {
    this.statements.setAlertActions.run(JSON.stringify(actions), id);
  }

  alert(id: number): Alert | undefined {
    const row = this.statements.alert.get(id);
    return row && this.toAlert(row);
  }

  /** Active alerts and those raised since `since`, newest first. */
  alerts(since: number, limit = 200): Alert[] {
    return this.statements.alerts.all(since, limit).flatMap((row) => this.toAlert(row) ?? []);
  }

  activeAlerts(): Alert[] {
    return this.statements.activeAlerts.all().flatMap((row) => this.toAlert(row) ?? []);
  }

  insertAudit(entry: NewAuditEntry): void {
    this.statements.insertAudit.run(entry.at, entry.source, entry.subject, entry.step, entry.before, entry.after, entry.metric, entry.baseline, entry.measured, entry.reason);
  }

  audit(since: number, limit = 200): AuditEntry[] {
    return this.statements.audit.all(since, limit).flatMap((row) => {
      const parsed = auditEntrySchema.safeParse(row);
      if (parsed.success) return [parsed.data];
      this.skippedRows++;
      return [];
    });
  }

  private toAlert(row: AlertRow): Alert | undefined {
    const parsed = alertSchema.safeParse({
      id: row.id,
      rule: row.rule,
      severity: row.severity,
      status: row.status,
      acknowledged: row.acknowledged === 1,
      message: row.message,
      value: row.value,
      threshold: row.threshold,
      raisedAt: row.raised_at,
      resolvedAt: row.resolved_at,
      actions: safeJson(row.actions_json, alertSchema.shape.actions) ?? [],
    });
    if (parsed.success) return parsed.data;
    this.skippedRows++;
    return undefined;
  }
}

function safeJson<T>(text: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

interface AlertRow {
  id: number;
  rule: string;
  severity: string;
  status: string;
  acknowledged: number;
  message: string;
  value: number;
  threshold: number;
  raised_at: number;
  resolved_at: number | null;
  actions_json: string;
}

const PRUNE_BATCH = 500;
