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

/** A workshop's saved cover logo (null for none); under the workshops' keys, so a change to workshops reads it again. */
export function workshopLogoQuery(api: ApiClient, workshopId: string, hasLogo: boolean) {
  return queryOptions({
    queryKey: [...queryKeys.workshops.all, 'logo', workshopId, hasLogo],
    queryFn: async () => (hasLogo ? (await api.call('workshops:logo', { workshopId })).logo : null),
  });
}

/** The cover as it would print with a draft's accent and logo (the logo named by its change count, not its bytes). */
export function coverPreviewKey(workshopId: string, accent: string | null, logoStamp: number, paper: string) {
  return ['reports', 'cover-preview', workshopId, accent, logoStamp, paper] as const;
}
