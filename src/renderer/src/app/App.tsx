import { lazy, Suspense, useEffect, useSyncExternalStore, type MouseEvent } from 'react';
import { useAnnouncerState } from './announcer';
import { FOCUS_IDS } from './focus';
import { useRoute, type Screen } from './route';
import { WorkshopScreen } from '../workshop/WorkshopScreen';
import { HistoryScreen } from '../history/HistoryScreen';
import { RecoveryBanner } from '../recovery/RecoveryBanner';
import { AlertCountBadge, useActiveAlertCount, withAlertCount } from '../dashboard/alert-count';

// The dashboard carries recharts and the settings a long form: loaded when first opened, so the first screen is quick.
const DashboardScreen = lazy(() => import('../dashboard/DashboardScreen').then((m) => ({ default: m.DashboardScreen })));
const ImportScreen = lazy(() => import('../importing/ImportScreen').then((m) => ({ default: m.ImportScreen })));
const SettingsScreen = lazy(() => import('../settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

const NAV: Array<[Screen, string]> = [
  ['workshop', 'Workshop'],
  ['import', 'Import'],
  ['dashboard', 'Dashboard'],
  ['history', 'History'],
  ['settings', 'Settings'],
];

function useOnline(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      window.addEventListener('online', onChange);
      window.addEventListener('offline', onChange);
      return () => {
        window.removeEventListener('online', onChange);
        window.removeEventListener('offline', onChange);
      };
    },
    () => navigator.onLine,
  );
}

/**
 * The first tab stop: past the top bar (and on the Workshop past the composer) to what the screen
 * is for. The address's hash is the route, so the link moves focus itself instead of navigating.
 */
function SkipLink({ screen }: { screen: Screen }) {
  const toResults = screen === 'workshop';
  const skip = (event: MouseEvent) => {
    event.preventDefault();
    const target = toResults ? (document.getElementById(FOCUS_IDS.results) ?? document.getElementById(FOCUS_IDS.resultsArea)) : document.getElementById(FOCUS_IDS.main);
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  };
  return (
    <a className="skip-link" href={`#${FOCUS_IDS.main}`} onClick={skip}>
      {toResults ? 'Skip to results' : 'Skip to main content'}
    </a>
  );
}

/** The polite status line; a repeated message gets a trailing no-break space so that it is heard again. */
function StatusLine() {
  const { message, count } = useAnnouncerState();
  return (
    <p className="visually-hidden" role="status">
      {message}
      {count % 2 === 1 ? '\u00a0' : ''}
    </p>
  );
}

export function App() {
  const screen = useRoute();
  const online = useOnline();
  const alerts = useActiveAlertCount();
  useEffect(() => {
    // The first screen is usable: the e2e run reads this mark to time it.
    performance.mark('app-interactive');
  }, []);
  return (
    <div className="shell">
      <SkipLink screen={screen} />
      <header className="topbar">
        <h1 className="brand">Persona Studio</h1>
        <nav aria-label="Main">
          {NAV.map(([id, label]) => (
            <a key={id} href={`#/${id}`} aria-current={screen === id ? 'page' : undefined} aria-label={id === 'dashboard' && alerts > 0 ? withAlertCount(label, alerts) : undefined}>
              {label}
              {id === 'dashboard' && <AlertCountBadge count={alerts} />}
            </a>
          ))}
        </nav>
        <span className={online ? 'connectivity online' : 'connectivity offline'} role="status">
          {online ? 'Online' : 'Offline: the built-in engine still works'}
        </span>
      </header>
      <StatusLine />
      <main className="screen" id={FOCUS_IDS.main} tabIndex={-1}>
        <RecoveryBanner />
        <Suspense fallback={<p className="muted">Loading…</p>}>
          {screen === 'workshop' && <WorkshopScreen />}
          {screen === 'import' && <ImportScreen />}
          {screen === 'dashboard' && <DashboardScreen />}
          {screen === 'history' && <HistoryScreen />}
          {screen === 'settings' && <SettingsScreen />}
        </Suspense>
      </main>
    </div>
  );
}
