/**
 * The Dashboard: score and range, live figures, charts, alerts, the auto-tuner's timeline and
 * suggestions. While it is shown it follows the monitor's live event (live-feed.ts); its reads
 * refresh themselves (alerts and the tuner every 30 s, suggestions and the history range shown
 * every 60 s; dashboard-queries.ts).
 */
import { AlertFeed } from './AlertFeed';
import { Charts } from './charts/Charts';
import { DASHBOARD_TITLE_ID } from './dashboard-state';
import { ErrorBanner } from './ErrorBanner';
import { KpiTiles } from './KpiTiles';
import { useLiveFeed } from './live-feed';
import { RangeSwitch } from './RangeSwitch';
import { ScoreSummary } from './ScoreSummary';
import { Suggestions } from './Suggestions';
import { TunerTimeline } from './TunerTimeline';
import './dashboard.css';

export function DashboardScreen() {
  useLiveFeed();
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
