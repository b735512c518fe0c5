/**
 * The count of active alerts on the Dashboard's link, on every screen: the live snapshot's count,
 * read every 15 s (the Dashboard's live feed keeps the same snapshot current while it is shown).
 */
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../app/api-context';
import { liveQuery } from './dashboard-queries';
import './alert-count.css';

const COUNT_REFRESH_MS = 15_000;

export function useActiveAlertCount(): number {
  const { data } = useQuery({ ...liveQuery(useApi()), refetchInterval: COUNT_REFRESH_MS, refetchIntervalInBackground: true, select: (live) => live.activeAlerts });
  return data ?? 0;
}

/** The link's accessible name: "Dashboard, 2 active alerts". */
export const withAlertCount = (label: string, count: number): string => (count > 0 ? `${label}, ${count} active alert${count === 1 ? '' : 's'}` : label);

export function AlertCountBadge({ count }: { count: number }) {
  return count > 0 ? (
    <span className="nav-alert-count" aria-hidden="true">
      {count}
    </span>
  ) : null;
}
