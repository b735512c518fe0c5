/**
 * Alerts, newest first: severity, message, time, status, the auto-actions and their outcome. An
 * acknowledged alert's button goes away, so focus moves on to the next open alert's button, or to
 * the Alerts heading when none is left.
 */
import { memo, useCallback, useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Alert } from '../../../shared/ipc/types';
import { queryKeys } from '../app/query-keys';
import { useAcknowledgeAlert } from './dashboard-mutations';
import { useAlertsQuery } from './dashboard-queries';
import { formatDateTime, humanize } from './format';

const SHOWN = 50;

const isOpen = (alert: Alert): boolean => alert.status === 'active' && !alert.acknowledged;

function statusText(alert: Alert): string {
  if (alert.status === 'resolved') return alert.acknowledged ? 'resolved · acknowledged' : 'resolved';
  return alert.acknowledged ? 'active · acknowledged' : 'active';
}

interface AlertItemProps {
  alert: Alert;
  onAcknowledge: (id: number) => void;
  registerButton: (id: number, button: HTMLButtonElement | null) => void;
}

const AlertItem = memo(function AlertItem({ alert, onAcknowledge, registerButton }: AlertItemProps) {
  const open = isOpen(alert);
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
        <button
          ref={(button) => registerButton(alert.id, button)}
          type="button"
          className="dash-button"
          aria-label={`Acknowledge alert: ${alert.message}`}
          onClick={() => onAcknowledge(alert.id)}
        >
          Acknowledge
        </button>
      ) : null}
    </li>
  );
});

export function AlertFeed() {
  const { data: alerts, isError, isFetching } = useAlertsQuery();
  const failed = isError && !isFetching;
  const { mutate: acknowledge } = useAcknowledgeAlert();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  /** Where focus goes once the acknowledged alert's button is gone: another alert's id, or the heading. */
  const focusNext = useRef<number | 'heading' | null>(null);

  const registerButton = useCallback((id: number, button: HTMLButtonElement | null) => {
    if (button) buttons.current.set(id, button);
    else buttons.current.delete(id);
  }, []);

  const onAcknowledge = useCallback(
    (id: number): void => {
      const open = (queryClient.getQueryData<Alert[]>(queryKeys.alerts) ?? []).slice(0, SHOWN).filter(isOpen);
      const index = open.findIndex((alert) => alert.id === id);
      const next = open[index + 1] ?? open[index - 1];
      focusNext.current = next ? next.id : 'heading';
      acknowledge(id);
    },
    [acknowledge, queryClient],
  );

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    const button = target === 'heading' ? undefined : buttons.current.get(target);
    (button ?? heading.current)?.focus();
  }, [alerts]);

  return (
    <section className="dash-panel" aria-labelledby="dash-alerts-title">
      <h3 id="dash-alerts-title" ref={heading} tabIndex={-1}>
        Alerts
      </h3>
      {alerts === undefined ? (
        <p className="dash-empty">{failed ? 'The alerts could not be loaded.' : 'Loading…'}</p>
      ) : alerts.length === 0 ? (
        <p className="dash-empty">No alerts</p>
      ) : (
        <div className="dash-scroll" tabIndex={0}>
          <ul className="dash-list">
            {alerts.slice(0, SHOWN).map((alert) => (
              <AlertItem key={alert.id} alert={alert} onAcknowledge={onAcknowledge} registerButton={registerButton} />
            ))}
          </ul>
          {alerts.length > SHOWN ? <p className="dash-small dash-muted">Showing the newest {SHOWN} of {alerts.length} alerts.</p> : null}
        </div>
      )}
    </section>
  );
}
