/**
 * Alerts where the analyst works: a dismissible notice in the Workshop while an engine is paused
 * (its breaker open), failing or timing out, saying what happens meanwhile. The generation pipeline
 * asks a failing engine again, then has the built-in (offline) engine write the personas it could
 * not deliver, each marked as such (generation/batched-generation.ts); a paused engine is not asked.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Alert } from '../../../shared/ipc/types';
import { useApi } from '../app/api-context';
import { alertsQuery } from '../dashboard/dashboard-queries';
import { schedulerQuery } from '../dashboard/insight-queries';
import { appInfoQuery } from '../workshops/workshop-queries';
import './engine-notice.css';

interface Notice {
  key: string;
  text: string;
}

/** Dismissed for this window: a notice dismissed stays away when the Workshop is opened again. */
const dismissed = new Set<string>();

const MEANWHILE: Record<'provider_errors' | 'provider_timeouts', string> = {
  provider_errors: 'Personas the engine fails to deliver are written by the built-in engine, each marked as such.',
  provider_timeouts: 'Timeouts are being lengthened; personas the engine still fails to deliver are written by the built-in engine, each marked as such.',
};

const isEngineAlert = (alert: Alert): alert is Alert & { rule: keyof typeof MEANWHILE } => alert.status === 'active' && (alert.rule === 'provider_errors' || alert.rule === 'provider_timeouts');

function useNotices(): Notice[] {
  const api = useApi();
  const alerts = useQuery(alertsQuery(api)).data ?? [];
  const scheduler = useQuery(schedulerQuery(api)).data;
  const providers = useQuery(appInfoQuery(api)).data?.providers ?? [];
  const label = (id: string) => providers.find((p) => p.id === id)?.label ?? id;
  const notices: Notice[] = [];
  for (const engine of scheduler?.providers ?? []) {
    if (engine.breaker !== 'open' || engine.provider === 'offline') continue;
    notices.push({
      key: `paused-${engine.provider}`,
      text: `${label(engine.provider)} is paused after repeated failures. Meanwhile the built-in engine writes the personas, each marked as such, until ${label(engine.provider)} recovers.`,
    });
  }
  for (const alert of alerts.filter(isEngineAlert)) notices.push({ key: `alert-${alert.id}`, text: `${alert.message} ${MEANWHILE[alert.rule]}` });
  return notices;
}

export function EngineNotice() {
  const notices = useNotices();
  const [, setShown] = useState(0);
  const dismiss = (key: string) => {
    dismissed.add(key);
    setShown((n) => n + 1);
  };
  const shown = notices.filter((notice) => !dismissed.has(notice.key));
  // Always there, so that a screen reader hears a notice as it appears.
  return (
    <div role="status" className="engine-notices">
      {shown.map((notice) => (
        <div key={notice.key} className="banner banner-warn engine-notice">
          <span>{notice.text}</span>
          <button type="button" className="secondary" aria-label={`Dismiss: ${notice.text}`} onClick={() => dismiss(notice.key)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
