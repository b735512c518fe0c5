/**
 * The cache module: TieredCache: memory over cache.db, keys, time-to-live, recovery, preload and refresh queue.
 * Its whole public surface; docs/ARCHITECTURE.md says what it may import.
 */
export { keyFor } from './cache-keys';
export type { CacheKey } from './cache-keys';
export type { Clock } from './clock';
export { TieredCache } from './tiered-cache';
export { TeamTier, teamIdentity, type TeamTierOptions } from './team-tier';
export { teamTierFor, testTeamCache } from './team-settings';
export type { CacheAlert } from './cache-file';
