/**
 * The Dashboard in tabs: Overview (score, live figures, charts, alerts, tuning and suggestions),
 * Engines, Caching, Resources and Optimization. The tab shown is remembered for the window
 * (dashboard-state.ts), so a reload comes back to it; the range switch applies to Overview, Engines,
 * Resources and the performance report. While it is shown it follows the monitor's live event
 * (live-feed.ts); its reads refresh themselves (dashboard-queries.ts, insight-queries.ts).
 */
import { Tabs, type TabSpec } from '../ui/Tabs';
import { AlertFeed } from './AlertFeed';
import { CachingTab } from './CachingTab';
import { Charts } from './charts/Charts';
import { DASHBOARD_TITLE_ID, useDashboardState, type DashboardTab } from './dashboard-state';
import { EnginesTab } from './EnginesTab';
import { ErrorBanner } from './ErrorBanner';
import { KpiTiles } from './KpiTiles';
import { useLiveFeed } from './live-feed';
import { OptimizationTab } from './OptimizationTab';
import { PerformanceExport } from './PerformanceExport';
import { RangeSwitch } from './RangeSwitch';
import { ResourcesTab } from './ResourcesTab';
import { ScoreSummary } from './ScoreSummary';
import { Suggestions } from './Suggestions';
import { TunerTimeline } from './TunerTimeline';
import './dashboard.css';
import './insight.css';

function Overview() {
  return (
    <div className="dash-tab">
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

const TABS: ReadonlyArray<TabSpec<DashboardTab>> = [
  { id: 'overview', label: 'Overview', content: () => <Overview /> },
  { id: 'engines', label: 'Engines', content: () => <EnginesTab /> },
  { id: 'caching', label: 'Caching', content: () => <CachingTab /> },
  { id: 'resources', label: 'Resources', content: () => <ResourcesTab /> },
  { id: 'optimization', label: 'Optimization', content: () => <OptimizationTab /> },
];

export function DashboardScreen() {
  useLiveFeed();
  const tab = useDashboardState((s) => s.tab);
  const setTab = useDashboardState((s) => s.setTab);
  return (
    <div className="dashboard">
      <header className="dash-header">
        <h2 id={DASHBOARD_TITLE_ID} tabIndex={-1}>
          Dashboard
        </h2>
        <ScoreSummary />
        <RangeSwitch />
        <PerformanceExport />
      </header>
      <ErrorBanner />
      <Tabs label="Dashboard views" idPrefix="dash" tabs={TABS} selected={tab} onSelect={setTab} />
    </div>
  );
}
