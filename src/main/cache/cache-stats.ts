/**
 * CacheMeter: what the cache counts. Per kind, the gets callers made and where each was answered
 * (L1, L2, the loader), stale entries served, sampled latency; loads, L2 evictions and preloads; and,
 * over the last hour, the evidence the optimisation suggestions quote. Preloading is counted apart:
 * its loads are not gets, so they never lift the hit rate.
 */
import type { CacheKindStats, CacheStats, CacheTierStats } from '../../shared/performance';
import { CACHE_KINDS, type CacheKind } from './cache-keys';
import { HourWindow } from './hour-window';

/** The running counts behind a kind's stats (gets are their sum, so a hit counts once). */
export type KindCounters = Omit<CacheKindStats, 'hitRate' | 'meanLatencyUs' | 'gets'> & { latencyUs: number; samples: number };

export type WindowCounter = 'l2Hits' | 'l2HitsAfterL1Eviction' | 'misses' | 'expiredMisses' | 'l2Evictions';

export class CacheMeter {
  readonly kinds: Record<CacheKind, KindCounters> = { culture: emptyCounters(), generation: emptyCounters(), answer: emptyCounters() };
  readonly window: HourWindow<WindowCounter>;
  loads = 0;
  loadErrors = 0;
  preloaded = 0;
  preloadUsed = 0;
  l2Evictions = 0;

  constructor(now: () => number) {
    this.window = new HourWindow(now);
  }

  /** A get timed whole that stands for `weight` gets (the rest are not timed). */
  sampleLatency(counters: KindCounters, ms: number, weight: number): void {
    counters.latencyUs += ms * 1000 * weight;
    counters.samples += weight;
  }

  l2Hit(counters: KindCounters, afterL1Eviction: boolean): void {
    counters.l2Hits++;
    this.window.add('l2Hits');
    if (afterL1Eviction) this.window.add('l2HitsAfterL1Eviction');
  }

  miss(counters: KindCounters, expired: boolean): void {
    counters.misses++;
    this.window.add('misses');
    if (expired) this.window.add('expiredMisses');
  }

  l2Evicted(count: number): void {
    this.l2Evictions += count;
    if (count > 0) this.window.add('l2Evictions', count);
  }

  /** The stats the IPC contract carries; the tiers' own figures come from their owners. */
  snapshot(tiers: { l1: CacheTierStats; l2: CacheTierStats; recoveries: number }): CacheStats {
    const kinds = {} as CacheStats['kinds'];
    for (const kind of CACHE_KINDS) kinds[kind] = kindStats(this.kinds[kind]);
    return {
      kinds,
      l1: tiers.l1,
      l2: tiers.l2,
      loads: this.loads,
      loadErrors: this.loadErrors,
      preload: { loaded: this.preloaded, used: this.preloadUsed },
      recoveries: tiers.recoveries,
    };
  }

  /** Hits and gets over all kinds, without touching cache.db (the monitor reads them every second). */
  hitCounts(): { gets: number; l1Hits: number; l2Hits: number } {
    let l1Hits = 0;
    let l2Hits = 0;
    let misses = 0;
    for (const k of Object.values(this.kinds)) {
      l1Hits += k.l1Hits;
      l2Hits += k.l2Hits;
      misses += k.misses;
    }
    return { gets: l1Hits + l2Hits + misses, l1Hits, l2Hits };
  }
}

function emptyCounters(): KindCounters {
  return { l1Hits: 0, l2Hits: 0, misses: 0, staleServed: 0, latencyUs: 0, samples: 0 };
}

function kindStats(k: KindCounters): CacheKindStats {
  const gets = k.l1Hits + k.l2Hits + k.misses;
  return {
    gets,
    l1Hits: k.l1Hits,
    l2Hits: k.l2Hits,
    misses: k.misses,
    staleServed: k.staleServed,
    hitRate: gets === 0 ? null : Math.round(((k.l1Hits + k.l2Hits) / gets) * 1000) / 1000,
    meanLatencyUs: k.samples === 0 ? null : Math.round((k.latencyUs / k.samples) * 10) / 10,
  };
}
