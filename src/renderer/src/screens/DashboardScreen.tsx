/**
 * The Dashboard: score and range, live figures, charts, alerts, the auto-tuner's timeline and
 * suggestions. It subscribes to the monitor's live event while mounted (the live buffer is emptied
 * when it unmounts) and refreshes alerts and the tuner every 30 s, suggestions and the shown history
 * range every 60 s.
 */
import { useEffect } from 'react';
import { api } from '../api/client';
import { AlertFeed } from '../dashboard/AlertFeed';
import { Charts } from '../dashboard/Charts';
import { ErrorBanner } from '../dashboard/ErrorBanner';
import { KpiTiles } from '../dashboard/KpiTiles';
import { RangeSwitch } from '../dashboard/RangeSwitch';
import { ScoreSummary } from '../dashboard/ScoreSummary';
import { DASHBOARD_TITLE_ID, useDashboard } from '../dashboard/store';
import { Suggestions } from '../dashboard/Suggestions';
import { TunerTimeline } from '../dashboard/TunerTimeline';
import '../dashboard/dashboard.css';

const ALERTS_REFRESH_MS = 30_000;
const TUNER_REFRESH_MS = 30_000;
const SUGGESTIONS_REFRESH_MS = 60_000;
const HISTORY_REFRESH_MS = 60_000;

export function DashboardScreen() {
  const range = useDashboard((s) => s.range);

  useEffect(() => {
    if (!api) return;
    const store = useDashboard.getState();
    const stop = api.on('monitor:live', (metrics) => useDashboard.getState().ingestLive(metrics));
    void store.loadLive();
    void store.loadTraces();
    void store.loadAlerts();
    void store.loadTuner();
    void store.loadSuggestions();
    const timers = [
      setInterval(() => void useDashboard.getState().loadAlerts(), ALERTS_REFRESH_MS),
      setInterval(() => void useDashboard.getState().loadTuner(), TUNER_REFRESH_MS),
      setInterval(() => void useDashboard.getState().loadSuggestions(), SUGGESTIONS_REFRESH_MS),
    ];
    return () => {
      stop();
      for (const timer of timers) clearInterval(timer);
      // The next visit starts its live charts afresh, without a gap back to the points of this one.
      useDashboard.getState().resetLive();
    };
  }, []);

  useEffect(() => {
    if (!api || range === 'live') return;
    const load = (): void => void useDashboard.getState().loadHistory(range);
    load();
    const timer = setInterval(load, HISTORY_REFRESH_MS);
    return () => clearInterval(timer);
  }, [range]);

  if (!api) return null;

  return (
    <div className="dashboard">
      <header className="dash-header">
        <h2 id={DASHBOARD_TITLE_ID} tabIndex={-1}>
          Dashboard
        </h2>
        <ScoreSummary />
        <RangeSwitch />
      </header>
      <ErrorBanner />
      <KpiTiles />
      <Charts />
      <div className="dash-panels">
        <AlertFeed />
        <TunerTimeline />
        <Suggestions />
      </div>
    </div>
  );
}
