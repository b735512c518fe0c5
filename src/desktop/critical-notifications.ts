/**
 * A system notification for each new critical alert (issue 23: alerts reach the user where they
 * work), on the desktop only. It follows the monitor's live view, which says when the count of
 * active alerts changes, and then reads which alerts are active; one notification per alert id.
 * Clicking it brings the window forward (the Dashboard's link shows the count of active alerts).
 */
import { Notification, type BrowserWindow } from 'electron';
import type { Core } from '../main/core';

/** How far back a new alert is looked for: far more than the live view's few updates a second. */
const LOOKBACK_MS = 10 * 60_000;

export function notifyCriticalAlerts(core: Core, window: () => BrowserWindow | undefined): () => void {
  if (!Notification.isSupported()) return () => {};
  // Alerts active when the app starts are already on the Dashboard's link; only new ones notify.
  const told = new Set(core.monitor.listAlerts(LOOKBACK_MS).map((alert) => alert.id));
  let lastCount = -1;
  return core.monitor.onLive((live) => {
    if (live.activeAlerts === lastCount) return;
    const rose = live.activeAlerts > lastCount;
    lastCount = live.activeAlerts;
    if (!rose) return;
    for (const alert of core.monitor.listAlerts(LOOKBACK_MS)) {
      if (told.has(alert.id)) continue;
      told.add(alert.id);
      if (alert.severity !== 'critical' || alert.status !== 'active') continue;
      const notification = new Notification({ title: 'Persona Studio: critical alert', body: alert.message, urgency: 'critical' });
      notification.on('click', () => {
        const win = window();
        if (!win) return;
        if (win.isMinimized()) win.restore();
        win.focus();
      });
      notification.show();
    }
  });
}
