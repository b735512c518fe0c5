/**
 * CacheMeter: what the cache counts. Per kind, the gets callers made and where each was answered
 * (L1, L2, the loader), stale entries served, sampled latency; loads, L2 evictions and preloads; and,
 * over the last hour, the evidence the optimisation suggestions quote. Preloading is counted apart:
 * its loads are not gets, so they never lift the hit rate. The counters are saved in cache.db and
 * restored at the next start (`saveTo`/`restoreFrom`), so they count since `since` until a clear.
 */
import { z } from 'zod';
import type { CacheKindStats, CacheStats, CacheTierStats } from '../../shared/performance';
import type { CacheFile } from './cache-file';
import type { SqliteTier } from './sqlite-tier';
import { CACHE_KINDS, type CacheKind } from './cache-keys';
import { HourWindow } from './hour-window';

/** The running counts behind a kind's stats (gets are their sum, so a hit counts once). */
export type KindCounters = Omit<CacheKindStats, 'hitRate' | 'meanLatencyUs' | 'gets'> & { latencyUs: number; samples: number };

/** The stats table's row holding the meter's counters. */
const METER_ROW = 'meter';
const count = z.int().min(0);
const preloadCountsSchema = z.object({ loaded: count, used: count });
const kindCountersSchema = z.object({ l1Hits: count, l2Hits: count, misses: count, staleServed: count, latencyUs: z.number().min(0), samples: count });
/** The counters as cache.db's stats table keeps them (read back from a file: checked). */
const savedCountersSchema = z.object({
  since: z.number(),
  kinds: z.object({ culture: kindCountersSchema, generation: kindCountersSchema, answer: kindCountersSchema }),
  loads: count,
  loadErrors: count,
  preloaded: count,
  preloadUsed: count,
  /** Per kind; absent from rows saved before it (their preloads are all culture's: only cultural lookups are preloaded). */
  preloadKinds: z.object({ culture: preloadCountsSchema, generation: preloadCountsSchema, answer: preloadCountsSchema }).optional(),
  l2Evictions: count,
});

/** Whether preloading a kind is stopped now, as whoever decides it (the preload ledger) says. */
export interface PreloadVerdicts {
  verdict(kind: CacheKind): { stopped: boolean; stoppedUntil: number | null; stops: number };
}

export type WindowCounter = 'l2Hits' | 'l2HitsAfterL1Eviction' | 'misses' | 'expiredMisses' | 'l2Evictions';

export class CacheMeter {
  readonly kinds: Record<CacheKind, KindCounters> = { culture: emptyCounters(), generation: emptyCounters(), answer: emptyCounters() };
  readonly window: HourWindow<WindowCounter>;
  loads = 0;
  loadErrors = 0;
  /** Preloaded and used per kind; the totals (preloaded, preloadUsed) are their sums. */
  readonly preloadKinds: Record<CacheKind, { loaded: number; used: number }> = { culture: { loaded: 0, used: 0 }, generation: { loaded: 0, used: 0 }, answer: { loaded: 0, used: 0 } };
  l2Evictions = 0;
  /** Since when the counters count (ms epoch): the first start, or the last clear. */
  since: number;
  /** What hitCounts counted before the last clear: the monitor takes differences, which must never go back. */
  private clearedHits = { gets: 0, l1Hits: 0, l2Hits: 0 };

  constructor(private readonly now: () => number) {
    this.window = new HourWindow(now);
    this.since = now();
  }

  /** Writes the counters (totals since `since`) to cache.db's stats table. */
  saveTo(tier: SqliteTier): void {
    const { kinds, loads, loadErrors, preloaded, preloadUsed, preloadKinds, l2Evictions, since } = this;
    tier.writeStats(METER_ROW, JSON.stringify({ since, kinds, loads, loadErrors, preloaded, preloadUsed, preloadKinds, l2Evictions }));
  }

  /** Adds the counters an earlier session saved; a row that does not read is dropped with a warning, never failing start. */
  restoreFrom(file: CacheFile): void {
    const saved = file.run((tier) => tier.readStats(METER_ROW));
    if (saved === undefined) return;
    try {
      this.restore(saved);
    } catch (error) {
      console.warn(`[cache] the saved cache statistics in cache.db could not be read (${error instanceof Error ? error.message : String(error)}); they start again from zero.`);
      file.run((tier) => tier.clearStats());
    }
  }

  /** Adds saved counters (an earlier session's) to this session's; throws on a document that is not one. */
  private restore(json: string): void {
    const saved = savedCountersSchema.parse(JSON.parse(json));
    for (const kind of CACHE_KINDS) {
      const mine = this.kinds[kind];
      const theirs = saved.kinds[kind];
      for (const field of Object.keys(theirs) as Array<keyof typeof theirs>) mine[field] += theirs[field];
    }
    this.loads += saved.loads;
    this.loadErrors += saved.loadErrors;
    const savedKinds = saved.preloadKinds ?? { culture: { loaded: saved.preloaded, used: saved.preloadUsed }, generation: { loaded: 0, used: 0 }, answer: { loaded: 0, used: 0 } };
    for (const kind of CACHE_KINDS) {
      this.preloadKinds[kind].loaded += savedKinds[kind].loaded;
      this.preloadKinds[kind].used += savedKinds[kind].used;
    }
    this.l2Evictions += saved.l2Evictions;
    this.since = Math.min(this.since, saved.since);
  }

  /** Zeroes every counter in place (entries in L1 hold their kind's counters) and counts from now. */
  reset(): void {
    this.clearedHits = this.hitCounts();
    for (const counters of Object.values(this.kinds)) Object.assign(counters, emptyCounters());
    this.loads = this.loadErrors = this.l2Evictions = 0;
    for (const counts of Object.values(this.preloadKinds)) counts.loaded = counts.used = 0;
    this.since = this.now();
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

  /** Entries preloaded, all kinds together. */
  get preloaded(): number {
    const { culture, generation, answer } = this.preloadKinds;
    return culture.loaded + generation.loaded + answer.loaded;
  }

  /** Preloaded entries used (see preloadWasUsed), all kinds together. */
  get preloadUsed(): number {
    const { culture, generation, answer } = this.preloadKinds;
    return culture.used + generation.used + answer.used;
  }

  /** An entry preloaded (not a get). */
  preloadLoaded(kind: CacheKind): void {
    this.preloadKinds[kind].loaded++;
  }

  /**
   * A preloaded entry used: the first get that found it fresh, before it expired or was evicted (counted once
   * per entry, by Lookup alone). Every preload figure shown (stats, dashboard, report, the ledger's rule) derives from this.
   */
  preloadWasUsed(kind: CacheKind): void {
    this.preloadKinds[kind].used++;
  }

  l2Evicted(count: number): void {
    this.l2Evictions += count;
    if (count > 0) this.window.add('l2Evictions', count);
  }

  /** The stats the IPC contract carries; the tiers' own figures come from their owners. */
  snapshot(tiers: { l1: CacheTierStats; l2: CacheTierStats; l2Kinds: CacheStats['l2Kinds']; storage: CacheStats['storage']; recoveries: number }, verdicts?: PreloadVerdicts): CacheStats {
    const kinds = {} as CacheStats['kinds'];
    for (const kind of CACHE_KINDS) kinds[kind] = kindStats(this.kinds[kind]);
    const preloadKinds = {} as NonNullable<CacheStats['preload']['kinds']>;
    for (const kind of CACHE_KINDS) preloadKinds[kind] = { ...this.preloadKinds[kind], ...(verdicts?.verdict(kind) ?? { stopped: false, stoppedUntil: null, stops: 0 }) };
    return {
      kinds,
      l1: tiers.l1,
      l2: tiers.l2,
      l2Kinds: tiers.l2Kinds,
      storage: tiers.storage,
      since: this.since,
      loads: this.loads,
      loadErrors: this.loadErrors,
      preload: { loaded: this.preloaded, used: this.preloadUsed, kinds: preloadKinds },
      recoveries: tiers.recoveries,
    };
  }

  /** Hits and gets over all kinds, never decreasing (a clear does not take them back), without touching cache.db (the monitor reads them every second). */
  hitCounts(): { gets: number; l1Hits: number; l2Hits: number } {
    let l1Hits = 0;
    let l2Hits = 0;
    let misses = 0;
    for (const k of Object.values(this.kinds)) {
      l1Hits += k.l1Hits;
      l2Hits += k.l2Hits;
      misses += k.misses;
    }
    const before = this.clearedHits;
    return { gets: before.gets + l1Hits + l2Hits + misses, l1Hits: before.l1Hits + l1Hits, l2Hits: before.l2Hits + l2Hits };
  }
}

/** What cache.db holds per kind, and its storage efficiency (stored over plain bytes, null when empty). */
export function storageFigures(file: CacheFile): Pick<CacheStats, 'l2Kinds' | 'storage'> {
  const l2Kinds: CacheStats['l2Kinds'] = { culture: noBytes(), generation: noBytes(), answer: noBytes() };
  for (const { kind, ...bytes } of file.run((tier) => tier.bytesByKind()) ?? []) if (kind in l2Kinds) l2Kinds[kind as CacheKind] = bytes;
  const storedBytes = file.tier?.bytes ?? 0;
  const plainBytes = file.tier?.plainBytes ?? 0;
  return { l2Kinds, storage: { plainBytes, storedBytes, ratio: plainBytes === 0 ? null : Math.round((storedBytes / plainBytes) * 1000) / 1000 } };
}

function noBytes(): CacheStats['l2Kinds']['culture'] {
  return { entries: 0, storedBytes: 0, plainBytes: 0 };
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
