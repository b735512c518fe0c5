/**
 * Lookup: answers a get from the tiers (a fresh L1 entry, a stale one within its grace window, an L2
 * row checked and promoted into L1, or a miss) and counts where each was answered; it also promotes
 * rows into L1 ahead of gets (warming). A get returns the entry itself: the caller reads the value
 * and, from its expiry, whether it was stale.
 */
import type { AccessLog } from './access-log';
import type { CacheFile } from './cache-file';
import type { CacheKey, CacheKind } from './cache-keys';
import type { CacheMeter, KindCounters } from './cache-stats';
import type { MemoryEntry, MemoryTier } from './memory-tier';

/** Checks a value read back from cache.db; undefined rejects it. */
export type Parse = (value: unknown) => unknown;

/** Every LATENCY_SAMPLE-th get is timed whole; the rest pay one counter. */
const LATENCY_SAMPLE = 32;

export class Lookup {
  private getCount = 0;

  constructor(
    private readonly l1: MemoryTier,
    private readonly log: AccessLog,
    private readonly meter: CacheMeter,
    private readonly l2: CacheFile,
  ) {}

  /** The entry that answers a get at `now` (stale when its expiresAt is not after `now`); undefined on a miss. */
  find(key: CacheKey, parse: Parse | undefined, record: boolean, now: number): MemoryEntry | undefined {
    if ((++this.getCount & (LATENCY_SAMPLE - 1)) !== 0) return this.lookup(key, parse, record, now);
    const started = performance.now();
    const found = this.lookup(key, parse, record, now);
    this.meter.sampleLatency(this.meter.kinds[key.kind], performance.now() - started, LATENCY_SAMPLE);
    return found;
  }

  /** Promotes the most-missed entries of a kind that cache.db holds and L1 does not (see TieredCache.warmL1). */
  warm(kind: CacheKind, parse: Parse, limit: number, now: number): number {
    let promoted = 0;
    for (const [key, hits] of this.l1.mostMissedAbsent(limit * 2)) {
      if (promoted >= limit) break;
      const row = this.l2.run((l2) => l2.entry(key));
      if (!row || row.kind !== kind || row.expiresAt <= now) continue;
      // The same check as an L2 hit: a row that no longer parses is deleted, not promoted.
      const value = this.checkStored(key, row.json, parse);
      if (value === undefined) continue;
      this.l1.admit(key, { value, kind, canonical: row.canonical, size: row.size, expiresAt: row.expiresAt, staleUntil: row.staleUntil, preloaded: row.preloaded, hits, counters: this.meter.kinds[kind] });
      if (this.l1.index.has(key)) promoted++;
    }
    return promoted;
  }

  /** A value stored in cache.db, checked by `parse`; one that is not JSON or fails the check is deleted. */
  private checkStored(key: string, json: string, parse: Parse | undefined): unknown {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      this.l2.run((l2) => l2.delete(key));
      return undefined;
    }
    if (!parse) return value;
    const checked = parse(value);
    if (checked === undefined) this.l2.run((l2) => l2.delete(key));
    return checked;
  }

  /** L1, then L2. A fresh L1 hit, most gets, is answered at the top. */
  private lookup(key: CacheKey, parse: Parse | undefined, record: boolean, now: number): MemoryEntry | undefined {
    const entry = this.l1.index.get(key.key);
    if (record) this.log.record(key, now);
    if (entry !== undefined && entry.expiresAt > now) {
      this.l1.hit(key.key, entry);
      entry.counters.l1Hits++;
      if (entry.preloaded) this.preloadUsed(key.key, entry);
      return entry;
    }
    return this.beyondFreshL1(key, parse, entry, now, this.meter.kinds[key.kind]);
  }

  private beyondFreshL1(key: CacheKey, parse: Parse | undefined, entry: MemoryEntry | undefined, now: number, counters: KindCounters): MemoryEntry | undefined {
    if (entry !== undefined && entry.staleUntil > now) {
      // Not a preload's use: it expired before anyone asked for it.
      counters.l1Hits++;
      entry.hits++;
      counters.staleServed++;
      return entry;
    }
    const row = this.l2.run((l2) => l2.get(key.key));
    if (row !== undefined && row[3] > now) {
      const [json, size, expiresAt, staleUntil, hits, , preloaded] = row;
      const value = this.checkStored(key.key, json, parse);
      if (value !== undefined) {
        this.meter.l2Hit(counters, this.l1.evicted.has(key.key));
        this.l2.tier?.noteAccess(key.key, now);
        // Its L2 hits (this one included) are the frequency L1 admission weighs.
        const promoted: MemoryEntry = { value, kind: key.kind, canonical: key.canonical, size, expiresAt, staleUntil, preloaded: false, hits: hits + 1, counters };
        // A preload L1 no longer held (evicted, never admitted, or from before a restart) is used here just the same.
        if (preloaded === 1 && expiresAt > now) this.preloadUsed(key.key, promoted);
        this.l1.admit(key.key, promoted);
        if (expiresAt <= now) counters.staleServed++;
        return promoted;
      }
    }
    this.l1.noteMiss(key.key);
    this.meter.miss(counters, (entry !== undefined && entry.staleUntil <= now) || (row !== undefined && row[3] <= now));
    return undefined;
  }

  /**
   * The one place a preload's use is counted: the first get that finds the preloaded entry fresh, in L1
   * or in cache.db; both forget the mark, so it counts once.
   */
  private preloadUsed(key: string, entry: MemoryEntry): void {
    entry.preloaded = false;
    this.meter.preloadWasUsed(entry.kind);
    this.l2.run((l2) => l2.preloadUsed(key));
  }
}
