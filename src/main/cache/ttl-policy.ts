/**
 * Adaptive time-to-live: a base per kind from how volatile its data is, shortened for low-quality
 * results and lengthened for entries in demand, always within the configured bounds. The grace
 * window after it is how long a stale entry may still be served while it is refreshed.
 */
import type { CacheKind } from './cache-keys';

export interface TtlBounds {
  minMs: number;
  maxMs: number;
}

export interface TtlInput {
  kind: CacheKind;
  /** 0-100 when the value has a quality score (generations). */
  quality?: number;
  /** Gets this key has had. */
  hits: number;
}

export interface Ttl {
  ttlMs: number;
  graceMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Cultural data changes over weeks; a generation stays right until its brief changes (a new key), an answer until its persona or question does. */
const BASE_MS: Record<CacheKind, number> = { culture: 3 * DAY, generation: 30 * DAY, answer: 30 * DAY };
const GRACE_SHARE = 0.25;

export const DEFAULT_TTL_BOUNDS: TtlBounds = { minMs: 10 * 60_000, maxMs: 90 * DAY };

export function ttlFor(input: TtlInput, bounds: TtlBounds = DEFAULT_TTL_BOUNDS): Ttl {
  let ttl = BASE_MS[input.kind];
  if (input.quality !== undefined) ttl *= input.quality < 60 ? 0.1 : input.quality < 80 ? 0.5 : 1;
  // Entries in demand live longer: double per decade of hits, at most 4 times.
  if (input.hits > 0) ttl *= Math.min(4, 1 + Math.log10(1 + input.hits));
  const ttlMs = Math.round(Math.min(bounds.maxMs, Math.max(bounds.minMs, ttl)));
  return { ttlMs, graceMs: Math.round(ttlMs * GRACE_SHARE) };
}
