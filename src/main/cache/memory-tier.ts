/**
 * MemoryTier: L1, entries in memory bounded by count and bytes (lru-cache), with a plain index for
 * the hit path. A new entry displaces the least-recent one only when it is asked for at least as
 * often (recency and frequency, not plain LRU). It also remembers how often each key missed and
 * which keys it evicted lately.
 */
import { LRUCache } from 'lru-cache';
import type { CacheTierStats } from '../../shared/performance';
import type { CacheKind } from './cache-keys';
import type { KindCounters } from './cache-stats';

export interface MemoryEntry {
  value: unknown;
  kind: CacheKind;
  canonical: string;
  size: number;
  expiresAt: number;
  staleUntil: number;
  preloaded: boolean;
  /** Gets answered from L1: the frequency admission weighs. */
  hits: number;
  /** Its kind's counters, held here so that a hit needs no lookup to count itself. */
  counters: KindCounters;
}

export interface MemoryTierOptions {
  maxEntries: number;
  maxBytes: number;
  /** The most the budget may be raised to later; lru-cache is built with it. */
  ceilingBytes: number;
}

export class MemoryTier {
  /**
   * The entries by key, for the hit path: a Map lookup is half the cost of lru-cache's get, whose
   * recency update is paid on every sixteenth hit of an entry instead (recency stays close to exact
   * for what is used, and lru-cache still decides evictions and bounds).
   */
  readonly index = new Map<string, MemoryEntry>();
  /** Keys evicted recently: an L2 hit on one of them means L1 is too small. */
  readonly evicted = new LRUCache<string, true>({ max: 20_000 });
  readonly ceilingBytes: number;
  evictions = 0;
  private readonly lru: LRUCache<string, MemoryEntry>;
  /** How often each key missed, for admission, adaptive TTL and warming. */
  private readonly demand = new LRUCache<string, number>({ max: 50_000 });
  /** The byte budget admission keeps within (below the ceiling). */
  private budget: number;

  constructor(options: MemoryTierOptions) {
    this.budget = options.maxBytes;
    this.ceilingBytes = Math.max(options.maxBytes, options.ceilingBytes);
    this.lru = new LRUCache<string, MemoryEntry>({
      max: options.maxEntries,
      maxSize: this.ceilingBytes,
      sizeCalculation: (entry) => Math.max(1, entry.size),
      dispose: (entry, key, reason) => {
        if (this.index.get(key) === entry) this.index.delete(key);
        if (reason === 'evict') {
          this.evictions++;
          this.evicted.set(key, true);
        }
      },
    });
  }

  /** Counts a fresh hit; lru-cache's recency update is paid on every sixteenth. */
  hit(key: string, entry: MemoryEntry): void {
    if ((entry.hits & 15) === 0) this.lru.get(key);
    entry.hits++;
  }

  /** Takes an entry, unless it is too large or the least-recent one is asked for more often. */
  admit(key: string, entry: MemoryEntry): void {
    if (entry.size > this.budget / 4) {
      // An older value must not stay and be served (and refreshed) in place of this one.
      this.lru.delete(key);
      return;
    }
    const full = this.lru.calculatedSize + entry.size > this.budget || this.lru.size >= this.lru.max;
    if (full && !this.lru.has(key)) {
      const victim = this.lru.rkeys().next().value;
      const victimHits = victim === undefined ? 0 : (this.lru.peek(victim)?.hits ?? 0);
      if (Math.max(entry.hits, this.demand.get(key) ?? 0) < victimHits) return;
    }
    this.lru.set(key, entry);
    if (this.lru.peek(key) === entry) this.index.set(key, entry);
    this.trim();
  }

  noteMiss(key: string): void {
    this.demand.set(key, (this.demand.get(key) ?? 0) + 1);
  }

  /** Demand for a key before the value now being stored: the miss that led to its load does not count. */
  demandBefore(key: string): number {
    return Math.max(0, (this.demand.get(key) ?? 0) - 1, this.lru.peek(key)?.hits ?? 0);
  }

  /** The keys that missed most and are not held, most-missed first, with their counts. */
  mostMissedAbsent(limit: number): Array<[key: string, misses: number]> {
    return [...this.demand.entries()].filter(([key]) => !this.index.has(key)).sort((a, b) => b[1] - a[1]).slice(0, limit);
  }

  get budgetBytes(): number {
    return this.budget;
  }

  /** Moves the budget (within 1 MB and the ceiling), evicting at once when it shrinks. */
  setBudget(bytes: number): void {
    this.budget = Math.round(Math.min(this.ceilingBytes, Math.max(1_048_576, bytes)));
    this.trim();
  }

  get size(): number {
    return this.lru.size;
  }

  get bytes(): number {
    return this.lru.calculatedSize;
  }

  stats(): CacheTierStats {
    return { entries: this.lru.size, bytes: this.lru.calculatedSize, maxBytes: this.budget, evictions: this.evictions, available: true };
  }

  delete(key: string): void {
    this.lru.delete(key);
  }

  /** Drops entries past their grace window; returns how many. */
  dropStale(now: number): number {
    let removed = 0;
    for (const [key, entry] of this.lru.entries()) {
      if (entry.staleUntil <= now) {
        this.lru.delete(key);
        removed++;
      }
    }
    return removed;
  }

  clear(): void {
    this.lru.clear();
    this.index.clear();
  }

  /** Evicts least-recent entries until within the budget. */
  private trim(): void {
    while (this.lru.calculatedSize > this.budget && this.lru.size > 0) this.lru.pop();
  }
}
