/** The screen shown, kept in the address's hash so that a reload stays where the user was. */
import { useSyncExternalStore } from 'react';

const SCREENS = ['workshop', 'import', 'dashboard', 'history', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

function current(): Screen {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'workshop';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Screen {
  return useSyncExternalStore(subscribe, current);
}

export function go(screen: Screen): void {
  window.location.hash = `#/${screen}`;
}
