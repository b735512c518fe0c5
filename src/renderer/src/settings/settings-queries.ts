/** The Settings screen's reads: the saved settings, and the cache's figures beside its card. */
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../app/api-client';
import { queryKeys } from '../app/query-keys';

/** Enough of the tuner's and emergency response's latest steps to find the last one that sized L1. */
const AUDIT_READ = 50;

export function settingsQuery(api: ApiClient) {
  return queryOptions({
    queryKey: queryKeys.settings,
    queryFn: () => api.call('settings:get', {}),
    // Read afresh on each visit: the form starts from what is saved now, not from a copy the tuner may have outdated.
    gcTime: 0,
  });
}

export function cacheStatsQuery(api: ApiClient) {
  return queryOptions({ queryKey: queryKeys.cache.stats, queryFn: () => api.call('cache:stats', {}) });
}

export function l1AuditQuery(api: ApiClient) {
  return queryOptions({ queryKey: queryKeys.tuner.audit(AUDIT_READ), queryFn: async () => (await api.call('tuner:audit', { limit: AUDIT_READ })).entries });
}
