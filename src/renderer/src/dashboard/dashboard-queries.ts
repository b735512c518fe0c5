/**
 * The dashboard's reads. The live snapshot is pushed by the monitor's event (live-feed.ts); the
 * others are polled while shown and refreshed when the live snapshot says they changed.
 */
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import type { LiveMetrics } from '../../../shared/ipc/types';
import type { ApiClient } from '../app/api-client';
import { useApi } from '../app/api-context';
import { queryKeys } from '../app/query-keys';
import { pointFromHistory } from './chart-points';
import { HISTORY_REQUESTS, type RangeId } from './ranges';

const ALERTS_REFRESH_MS = 30_000;
const TUNER_REFRESH_MS = 30_000;
const SUGGESTIONS_REFRESH_MS = 60_000;
const HISTORY_REFRESH_MS = 60_000;
const AUDIT_LIMIT = 100;

/** Asked again every `ms` while shown, the window hidden or not (a glance at a backgrounded dashboard is current). */
const polled = (ms: number) => ({ refetchInterval: ms, refetchIntervalInBackground: true });

/** The newer of two snapshots: an answer that left before the last event must not replace it. */
const newest = (shown: LiveMetrics | undefined, fetched: LiveMetrics): LiveMetrics => (shown && shown.at > fetched.at ? shown : fetched);

export function liveQuery(api: ApiClient) {
  return queryOptions({
    queryKey: queryKeys.monitor.live,
    queryFn: async ({ client }) => newest(client.getQueryData<LiveMetrics>(queryKeys.monitor.live), await api.call('monitor:live', {})),
    // Kept current by the live event; the feed reads it afresh once per visit.
    staleTime: Infinity,
  });
}

export function historyQuery(api: ApiClient, range: RangeId) {
  return queryOptions({
    queryKey: queryKeys.monitor.history(range),
    queryFn:
      range === 'live'
        ? skipToken
        : async () => {
            const { points, score } = await api.call('monitor:history', HISTORY_REQUESTS[range]);
            return { points: points.map(pointFromHistory), score };
          },
    ...polled(HISTORY_REFRESH_MS),
  });
}

export function tracesQuery(api: ApiClient) {
  return queryOptions({ queryKey: queryKeys.monitor.traces, queryFn: async () => (await api.call('monitor:traces', {})).traces });
}

export function alertsQuery(api: ApiClient) {
  return queryOptions({ queryKey: queryKeys.alerts, queryFn: async () => (await api.call('alerts:list', {})).alerts, ...polled(ALERTS_REFRESH_MS) });
}

/** The tuner's state and the audit of its steps, read together so that the timeline never mixes two moments. */
export function tunerQuery(api: ApiClient) {
  return queryOptions({
    queryKey: queryKeys.tuner.timeline,
    queryFn: async () => {
      const [state, { entries }] = await Promise.all([api.call('tuner:state', {}), api.call('tuner:audit', { limit: AUDIT_LIMIT })]);
      return { state, audit: entries };
    },
    ...polled(TUNER_REFRESH_MS),
  });
}

export function suggestionsQuery(api: ApiClient) {
  return queryOptions({ queryKey: queryKeys.monitor.suggestions, queryFn: async () => (await api.call('monitor:suggestions', {})).suggestions, ...polled(SUGGESTIONS_REFRESH_MS) });
}

export const useLiveQuery = () => useQuery(liveQuery(useApi()));
export const useHistoryQuery = (range: RangeId) => useQuery(historyQuery(useApi(), range));
export const useTracesQuery = () => useQuery(tracesQuery(useApi()));
export const useAlertsQuery = () => useQuery(alertsQuery(useApi()));
export const useTunerQuery = () => useQuery(tunerQuery(useApi()));
export const useSuggestionsQuery = () => useQuery(suggestionsQuery(useApi()));
