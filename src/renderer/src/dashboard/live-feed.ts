/**
 * While the Dashboard is shown, the monitor's live event writes each snapshot into the live query;
 * every snapshot that lands there (pushed or fetched) joins the live charts' buffer, and a change
 * in the alerts count, the last trace or the emergency state refreshes those reads.
 */
import { useEffect } from 'react';
import { QueryObserver, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LiveMetrics } from '../../../shared/ipc/types';
import { useApi } from '../app/api-context';
import { queryKeys } from '../app/query-keys';
import { liveQuery } from './dashboard-queries';
import { useDashboardState } from './dashboard-state';

function invalidateChanged(queryClient: QueryClient, before: LiveMetrics, now: LiveMetrics): void {
  if (before.activeAlerts !== now.activeAlerts) void queryClient.invalidateQueries({ queryKey: queryKeys.alerts });
  if ((before.lastTrace?.at ?? null) !== (now.lastTrace?.at ?? null)) void queryClient.invalidateQueries({ queryKey: queryKeys.monitor.traces });
  if (before.emergency !== now.emergency) void queryClient.invalidateQueries({ queryKey: queryKeys.tuner.timeline });
}

export function useLiveFeed(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    let previous: LiveMetrics | undefined;
    // Read afresh on each visit: the snapshot cached from the last one may be long gone.
    const observer = new QueryObserver(queryClient, { ...liveQuery(api), refetchOnMount: 'always' });
    const stopObserving = observer.subscribe(({ data }) => {
      if (!data || data === previous || (previous && data.at < previous.at)) return;
      useDashboardState.getState().appendLive(data);
      if (previous) invalidateChanged(queryClient, previous, data);
      previous = data;
    });
    const stopEvents = api.on('monitor:live', (metrics) => {
      const shown = queryClient.getQueryData<LiveMetrics>(queryKeys.monitor.live);
      if (!shown || metrics.at >= shown.at) queryClient.setQueryData(queryKeys.monitor.live, metrics);
    });
    return () => {
      stopEvents();
      stopObserving();
      // The next visit starts its live charts afresh, without a gap back to the points of this one.
      useDashboardState.getState().resetLive();
    };
  }, [api, queryClient]);
}
