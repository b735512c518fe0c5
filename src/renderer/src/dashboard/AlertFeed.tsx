/** Alerts, newest first: severity, message, time, status, the auto-actions and their outcome. */
import { memo } from 'react';
import type { Alert } from '../../../shared/ipc/types';
import { formatDateTime, humanize } from './format';
import { useDashboard } from './store';

const SHOWN = 50;

function statusText(alert: Alert): string {
  if (alert.status === 'resolved') return alert.acknowledged ? 'resolved · acknowledged' : 'resolved';
  return alert.acknowledged ? 'active · acknowledged' : 'active';
}

const AlertItem = memo(function AlertItem({ alert, onAcknowledge }: { alert: Alert; onAcknowledge: (id: number) => void }) {
  const open = alert.status === 'active' && !alert.acknowledged;
  return (
    <li className={`dash-alert dash-sev-${alert.severity}${alert.status === 'active' ? ' is-active' : ''}`}>
      <div className="dash-item-head">
        <span className={`dash-badge dash-badge-sev-${alert.severity}`}>{alert.severity}</span>
        <span className={alert.status === 'active' ? 'dash-badge dash-badge-active' : 'dash-badge'}>{statusText(alert)}</span>
        <time className="dash-small dash-muted" dateTime={new Date(alert.raisedAt).toISOString()}>
          {formatDateTime(alert.raisedAt)}
        </time>
      </div>
      <p className="dash-alert-message">{alert.message}</p>
      {alert.resolvedAt !== null ? <p className="dash-small dash-muted">Resolved {formatDateTime(alert.resolvedAt)}</p> : null}
      {alert.actions.length > 0 ? (
        <ul className="dash-actions">
          {alert.actions.map((action) => (
            <li key={`${action.action}-${action.at}`} className="dash-small">
              <span className={action.ok ? 'dash-ok' : 'dash-failed'}>{action.ok ? '✓ succeeded' : '✗ failed'}</span> {humanize(action.action)}: {action.outcome}
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <button type="button" className="dash-button" aria-label={`Acknowledge alert: ${alert.message}`} onClick={() => onAcknowledge(alert.id)}>
          Acknowledge
        </button>
      ) : null}
    </li>
  );
});

export function AlertFeed() {
  const alerts = useDashboard((s) => s.alerts);
  const failed = useDashboard((s) => s.errors.alerts !== undefined);
  const acknowledge = useDashboard((s) => s.acknowledge);
  const onAcknowledge = (id: number): void => void acknowledge(id);
  return (
    <section className="dash-panel">
      <h3>Alerts</h3>
      {alerts === null ? (
        <p className="dash-empty">{failed ? 'The alerts could not be loaded.' : 'Loading…'}</p>
      ) : alerts.length === 0 ? (
        <p className="dash-empty">No alerts</p>
      ) : (
        <div className="dash-scroll" tabIndex={0}>
          <ul className="dash-list">
            {alerts.slice(0, SHOWN).map((alert) => (
              <AlertItem key={alert.id} alert={alert} onAcknowledge={onAcknowledge} />
            ))}
          </ul>
          {alerts.length > SHOWN ? <p className="dash-small dash-muted">Showing the newest {SHOWN} of {alerts.length} alerts.</p> : null}
        </div>
      )}
    </section>
  );
}
