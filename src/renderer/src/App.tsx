import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { api } from './api/client';
import { useRoute, type Screen } from './state/route';
import { WorkshopScreen } from './screens/WorkshopScreen';
import { HistoryScreen } from './screens/HistoryScreen';
import { RecoveryBanner } from './components/RecoveryBanner';

// The dashboard carries recharts and the settings a long form: loaded when first opened, so the first screen is quick.
const DashboardScreen = lazy(() => import('./screens/DashboardScreen').then((m) => ({ default: m.DashboardScreen })));
const SettingsScreen = lazy(() => import('./screens/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

const NAV: Array<[Screen, string]> = [
  ['workshop', 'Workshop'],
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

export function App() {
  const screen = useRoute();
  const online = useOnline();
  useEffect(() => {
    // The first screen is usable: the e2e run reads this mark to time it.
    performance.mark('app-interactive');
  }, []);
  if (!api) {
    return (
      <main className="empty-state" role="alert">
        <h1>Persona Studio cannot reach its engine</h1>
        <p>This page needs the desktop app or browser mode (npm run web). Open it from there.</p>
      </main>
    );
  }
  return (
    <div className="shell">
      <header className="topbar">
        <h1 className="brand">Persona Studio</h1>
        <nav aria-label="Main">
          {NAV.map(([id, label]) => (
            <a key={id} href={`#/${id}`} aria-current={screen === id ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <span className={online ? 'connectivity online' : 'connectivity offline'} role="status" aria-label={online ? 'Online' : 'Offline'}>
          {online ? 'Online' : 'Offline: the built-in engine still works'}
        </span>
      </header>
      <main className="screen">
        <RecoveryBanner />
        <Suspense fallback={<p className="muted">Loading…</p>}>
          {screen === 'workshop' && <WorkshopScreen />}
          {screen === 'dashboard' && <DashboardScreen />}
          {screen === 'history' && <HistoryScreen />}
          {screen === 'settings' && <SettingsScreen />}
        </Suspense>
      </main>
    </div>
  );
}
