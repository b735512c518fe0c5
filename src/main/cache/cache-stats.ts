/**
 * What the cache measures: per kind, the gets callers made and where each was answered (L1, L2,
 * the loader), stale entries served, sampled latency; per tier, bytes, entries and evictions; and,
 * over the last hour, the evidence the optimisation suggestions quote. Preloading is counted apart:
 * its loads are not gets, so they never lift the hit rate.
 */
import { formatBytes } from '../../shared/monitor-units';
import type { CacheKind } from './cache-keys';

export interface KindStats {
  gets: number;
  l1Hits: number;
  l2Hits: number;
  misses: number;
  staleServed: number;
  /** Hits over gets; null before the first get. */
  hitRate: number | null;
  /** Mean of sampled get latencies in microseconds (loads excluded); null before a sample. */
  meanLatencyUs: number | null;
}

export interface TierStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  evictions: number;
  available: boolean;
}

export interface CacheStats {
  kinds: Record<CacheKind, KindStats>;
  l1: TierStats;
  l2: TierStats;
  loads: number;
  loadErrors: number;
  preload: { loaded: number; used: number };
  recoveries: number;
}

export interface Suggestion {
  id: 'l1_too_small' | 'ttl_too_short' | 'l2_too_small' | 'preload_wasted';
  advice: string;
  evidence: string;
}

/** Counters over a sliding hour, in one-minute slots reused as the hour turns. */
export class HourWindow<K extends string> {
  private readonly minutes = new Float64Array(60).fill(-1);
  private readonly counts = new Map<K, Float64Array>();

  constructor(private readonly now: () => number) {}

  add(name: K, by = 1): void {
    const minute = Math.floor(this.now() / 60_000);
    const slot = minute % 60;
    if (this.minutes[slot] !== minute) {
      this.minutes[slot] = minute;
      for (const counts of this.counts.values()) counts[slot] = 0;
    }
    let counts = this.counts.get(name);
    if (!counts) {
      counts = new Float64Array(60);
      this.counts.set(name, counts);
    }
    counts[slot]! += by;
  }

  total(name: K): number {
    const counts = this.counts.get(name);
    if (!counts) return 0;
    const current = Math.floor(this.now() / 60_000);
    let sum = 0;
    for (let slot = 0; slot < 60; slot++) if (this.minutes[slot]! > current - 60) sum += counts[slot]!;
    return sum;
  }
}

export type WindowCounter = 'l2Hits' | 'l2HitsAfterL1Eviction' | 'misses' | 'expiredMisses' | 'l2Evictions';

/** The running counts behind KindStats (gets are their sum, so a hit counts once). */
export type KindCounters = Omit<KindStats, 'hitRate' | 'meanLatencyUs' | 'gets'> & { latencyUs: number; samples: number };

export function emptyKindStats(): Record<CacheKind, KindCounters> {
  const counters = (): KindCounters => ({ l1Hits: 0, l2Hits: 0, misses: 0, staleServed: 0, latencyUs: 0, samples: 0 });
  return { culture: counters(), generation: counters() };
}

export interface SuggestionInputs {
  window: HourWindow<WindowCounter>;
  l1: Pick<TierStats, 'maxBytes'>;
  l2: Pick<TierStats, 'bytes' | 'maxBytes'>;
  preload: { loaded: number; used: number };
}

export function optimizationSuggestions({ window, l1, l2, preload }: SuggestionInputs): Suggestion[] {
  const suggestions: Suggestion[] = [];
  const l2Hits = window.total('l2Hits');
  const afterEviction = window.total('l2HitsAfterL1Eviction');
  if (l2Hits >= 20 && afterEviction / l2Hits >= 0.3) {
    const share = Math.round((afterEviction / l2Hits) * 100);
    suggestions.push({
      id: 'l1_too_small',
      advice: `The memory cache (L1) is too small: raise its budget in Settings from ${formatBytes(l1.maxBytes)} to about ${formatBytes(l1.maxBytes * 2)}.`,
      evidence: `${share}% of the ${l2Hits} L2 hits in the last hour were entries evicted from L1.`,
    });
  }
  const misses = window.total('misses');
  const expired = window.total('expiredMisses');
  if (misses >= 20 && expired / misses >= 0.3) {
    suggestions.push({
      id: 'ttl_too_short',
      advice: 'Entries expire before they are asked for again: raise the minimum time-to-live.',
      evidence: `${expired} of the ${misses} misses in the last hour found an expired entry.`,
    });
  }
  const evictions = window.total('l2Evictions');
  if (evictions >= 20 && l2.bytes >= l2.maxBytes * 0.9) {
    suggestions.push({
      id: 'l2_too_small',
      advice: `cache.db is full: raise its byte budget from ${formatBytes(l2.maxBytes)}.`,
      evidence: `${evictions} entries were evicted from L2 in the last hour; it holds ${formatBytes(l2.bytes)} of ${formatBytes(l2.maxBytes)}.`,
    });
  }
  if (preload.loaded >= 20 && preload.used / preload.loaded < 0.2) {
    suggestions.push({
      id: 'preload_wasted',
      advice: 'Preloading warms entries nobody asks for: turn it down or off.',
      evidence: `${preload.used} of ${preload.loaded} preloaded entries were used.`,
    });
  }
  return suggestions;
}
