/** What a TieredCache is built with, and what a get may ask of it. */
import type { ValueSeal } from '../platform';
import type { CacheAlert } from './cache-file';
import type { Clock } from './clock';
import type { TeamTier } from './team-tier';
import type { TtlBounds } from './ttl-policy';

export interface TieredCacheOptions {
  /** cache.db; created if missing. */
  file: string;
  l1MaxEntries?: number;
  l1MaxBytes?: number;
  /** The most L1 may be given later (by the tuner); default 4 × l1MaxBytes. */
  l1CeilingBytes?: number;
  l2MaxBytes?: number;
  ttlBounds?: TtlBounds;
  clock?: Clock;
  onAlert?: (alert: CacheAlert) => void;
  /** Runs refreshes and preloads at low priority; by default one at a time, after current work. */
  background?: (task: () => Promise<void>) => void;
  nativeBinding?: string;
  /** Store large values compressed when that saves space (default); off only to measure what it saves. */
  compress?: boolean;
  /** L3, the team cache on Redis (team-tier.ts); none by default. */
  team?: TeamTier;
  /** Seals cache.db's values and brief text with the local data key; without it (tests, benchmarks) they are stored as written. */
  seal?: ValueSeal;
}

export interface GetOptions<V> {
  /** Checks a value read back from cache.db (a file, so a trust boundary); undefined discards it. */
  parse?: (value: unknown) => V | undefined;
  /** A 0-100 quality of a loaded value: low-quality results expire sooner. */
  quality?: (value: V) => number | undefined;
  /** Log this get as a request in the usage history (`get` always does; `getSync` when asked). */
  record?: boolean;
}
