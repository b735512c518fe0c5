/**
 * The reads of the Engines, Caching, Resources and Optimization tabs (issue 23). Polled while shown;
 * the ones over a range follow the range switch (the live minute reads as the last hour).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../app/api-client';
import { useApi } from '../app/api-context';
import { queryKeys } from '../app/query-keys';
import { useDashboardState } from './dashboard-state';
import { HISTORY_REQUESTS, type RangeId } from './ranges';

const REFRESH_MS = 15_000;
const polled = { refetchInterval: REFRESH_MS, refetchIntervalInBackground: true } as const;

/** The range a per-range read covers: the live minute is too short for a profile, so it reads the last hour. */
export const rangeMsOf = (range: RangeId): number => HISTORY_REQUESTS[range === 'live' ? '1h' : range].rangeMs;

export function enginesQuery(api: ApiClient, rangeMs: number) {
  return queryOptions({ queryKey: queryKeys.insight.engines(rangeMs), queryFn: async () => (await api.call('performance:engines', { rangeMs })).engines, ...polled });
}

export function efficiencyQuery(api: ApiClient, rangeMs: number) {
  return queryOptions({ queryKey: queryKeys.insight.efficiency(rangeMs), queryFn: () => api.call('performance:efficiency', { rangeMs }), ...polled });
}

export function cacheStatsQuery(api: ApiClient) {
  return queryOptions({ queryKey: queryKeys.cache.stats, queryFn: () => api.call('cache:stats', {}), ...polled });
}

export function schedulerQuery(api: ApiClient) {
  return queryOptions({ queryKey: queryKeys.scheduler, queryFn: () => api.call('scheduler:status', {}), ...polled });
}

export function optimizationsQuery(api: ApiClient) {
  return queryOptions({ queryKey: queryKeys.insight.optimizations, queryFn: async () => (await api.call('optimization:list', { limit: 50 })).optimizations, refetchInterval: 5_000 });
}

export function tunedQuery(api: ApiClient) {
  return queryOptions({ queryKey: queryKeys.insight.tuned, queryFn: async () => (await api.call('tuning:kept', {})).tuned, ...polled });
}

export function anomaliesQuery(api: ApiClient) {
  return queryOptions({ queryKey: queryKeys.insight.anomalies, queryFn: async () => (await api.call('anomalies:list', {})).anomalies, ...polled });
}

const useRangeMs = () => rangeMsOf(useDashboardState((s) => s.range));

export const useEnginesQuery = () => useQuery(enginesQuery(useApi(), useRangeMs()));
export const useEfficiencyQuery = () => useQuery(efficiencyQuery(useApi(), useRangeMs()));
export const useCacheStatsQuery = () => useQuery(cacheStatsQuery(useApi()));
export const useSchedulerQuery = () => useQuery(schedulerQuery(useApi()));
export const useOptimizationsQuery = () => useQuery(optimizationsQuery(useApi()));
export const useTunedQuery = () => useQuery(tunedQuery(useApi()));
export const useAnomaliesQuery = () => useQuery(anomaliesQuery(useApi()));
