/**
 * TieredCache: an in-memory L1 (lru-cache, bounded by entries and bytes) over an L2 SQLite file.
 * Reads go L1 → L2 (promoted on a hit) → loader; concurrent misses of a key share one load; an
 * entry past its time-to-live but within its grace window is served at once and refreshed in the
 * background. L1 admits a new entry over its least-recent one only when the new one is asked for
 * at least as often (recency and frequency, not plain LRU). A broken cache.db is moved aside and
 * replaced, and the cache keeps serving through the loader.
 */
import { LRUCache } from 'lru-cache';
import PQueue from 'p-queue';
import type { CacheKey, CacheKind } from './cache-keys';
import { emptyKindStats, HourWindow, optimizationSuggestions, type CacheStats, type KindCounters, type Suggestion, type WindowCounter } from './cache-stats';
import { coarseClock, type Clock } from './clock';
import { SqliteTier, type AccessRecord } from './sqlite-tier';
import { DEFAULT_TTL_BOUNDS, ttlFor, type TtlBounds } from './ttl-policy';

export interface CacheAlert {
  kind: 'cache_recovered' | 'cache_unavailable';
  message: string;
}

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
}

export interface GetOptions<V> {
  /** Checks a value read back from cache.db (a file, so a trust boundary); undefined discards it. */
  parse?: (value: unknown) => V | undefined;
  /** A 0-100 quality of a loaded value: low-quality results expire sooner. */
  quality?: (value: V) => number | undefined;
  /** Log this get as a request in the usage history (`get` always does; `getSync` when asked). */
  record?: boolean;
}

interface L1Entry {
  value: unknown;
  kind: CacheKind;
  canonical: string;
  size: number;
  expiresAt: number;
  staleUntil: number;
  preloaded: boolean;
  /** Gets answered from L1: the frequency L1 admission weighs. */
  hits: number;
  /** Its kind's counters, held here so that a hit needs no lookup to count itself. */
  counters: KindCounters;
}

/** What lookup returns on a miss (undefined can be a cached value's own field, never a whole value). */
const MISS = Symbol('miss');

const LATENCY_SAMPLE = 32;
const ACCESS_LOG_KEEP = 5000;
/** Accesses held in memory before they are written to cache.db (a power of two). */
const RING_SIZE = 1024;

export class TieredCache {
  // The fields a hit touches come first: V8 keeps an object's first fields inside it, the rest one hop away.
  private readonly l1: LRUCache<string, L1Entry>;
  /**
   * L1's entries by key, for the hit path: a Map lookup is half the cost of lru-cache's get, whose
   * recency update is paid on every sixteenth hit of an entry instead (recency stays close to exact for
   * what is used, and lru-cache still decides evictions and bounds).
   */
  private readonly l1Index = new Map<string, L1Entry>();
  private readonly clock: Clock;
  private getCount = 0;
  private readonly kinds = emptyKindStats();
  private readonly ringKeys: Array<CacheKey | undefined> = new Array<CacheKey | undefined>(RING_SIZE);
  private readonly ringAt = new Float64Array(RING_SIZE);
  private ringNext = 0;
  readonly file: string;
  private readonly nativeBinding: string | undefined;
  private l2: SqliteTier | null;
  private ttlBounds: TtlBounds;
  /** L1's byte budget: lru-cache is built with the ceiling, and admission keeps within this. */
  private l1MaxBytes: number;
  readonly l1CeilingBytes: number;
  private readonly l2MaxBytes: number;
  private readonly onAlert: (alert: CacheAlert) => void;
  private readonly background: (task: () => Promise<void>) => void;
  private readonly inflight = new Map<string, Promise<unknown>>();
  /** The default background runner: one refresh or preload at a time, after current work. */
  private readonly backgroundQueue = new PQueue({ concurrency: 1 });
  private readonly refreshing = new Set<string>();
  /** How often each key was asked for, for L1 admission and adaptive TTL. */
  private readonly frequency = new LRUCache<string, number>({ max: 50_000 });
  /** Keys L1 evicted recently: an L2 hit on one of them means L1 is too small. */
  private readonly evictedFromL1 = new LRUCache<string, true>({ max: 20_000 });
  private readonly window: HourWindow<WindowCounter>;
  /** The last gets are a ring of keys and times (above), written to cache.db by the sweep: recording one costs two stores. */
  private ringFlushed = 0;
  private lastLoggedKey: string | null = null;
  private counters = { l1Evictions: 0, l2Evictions: 0, loads: 0, loadErrors: 0, preloaded: 0, preloadUsed: 0, recoveries: 0 };
  private maintenance: NodeJS.Timeout | undefined;
  private integrityCheck: NodeJS.Timeout | undefined;
  /** Set by lookup: the value it returned is past its time-to-live (kept here to spare an object per hit). */
  private lastWasStale = false;

  constructor(options: TieredCacheOptions) {
    this.file = options.file;
    this.nativeBinding = options.nativeBinding;
    this.clock = options.clock ?? coarseClock;
    this.ttlBounds = options.ttlBounds ?? DEFAULT_TTL_BOUNDS;
    this.l1MaxBytes = options.l1MaxBytes ?? 32 * 1_048_576;
    this.l1CeilingBytes = Math.max(this.l1MaxBytes, options.l1CeilingBytes ?? 4 * this.l1MaxBytes);
    this.l2MaxBytes = options.l2MaxBytes ?? 256 * 1_048_576;
    this.onAlert = options.onAlert ?? (() => {});
    this.background = options.background ?? ((task) => void this.backgroundQueue.add(task, { priority: -10 }));
    this.window = new HourWindow(() => this.clock.now());
    this.l1 = new LRUCache<string, L1Entry>({
      max: options.l1MaxEntries ?? 5000,
      maxSize: this.l1CeilingBytes,
      sizeCalculation: (entry) => Math.max(1, entry.size),
      dispose: (entry, key, reason) => {
        if (this.l1Index.get(key) === entry) this.l1Index.delete(key);
        if (reason === 'evict') {
          this.counters.l1Evictions++;
          this.evictedFromL1.set(key, true);
        }
      },
    });
    const opened = SqliteTier.open(options.file, options.nativeBinding);
    this.l2 = opened.tier;
    if (opened.recovered) this.reportRecovery(opened.recovered.reason, opened.recovered.movedTo);
  }

  /** A cached value, fresh or within its grace window, without loading; counts as a get. */
  getSync<V>(key: CacheKey, options?: GetOptions<V>): V | undefined {
    return this.read(key, options?.parse, options?.record === true) as V | undefined;
  }

  /** The cached value, else the loader's (one load however many callers wait). */
  get<V>(key: CacheKey, loader: () => Promise<V>, options?: GetOptions<V>): Promise<V> {
    // Not an async function: a hit resolves an already-settled promise, without an async frame.
    // Values are JSON, so undefined is never a cached value: it means a miss.
    this.lastWasStale = false;
    const cached = this.read(key, options?.parse, true) as V | undefined;
    if (cached !== undefined) {
      if (this.lastWasStale) this.refreshInBackground(key, loader, options ?? {});
      return Promise.resolve(cached);
    }
    return this.load(key, loader, options ?? {});
  }

  /** Every LATENCY_SAMPLE-th get is timed whole; the rest pay one counter. */
  private read(key: CacheKey, parse: ((value: unknown) => unknown) | undefined, record: boolean): unknown {
    let value: unknown;
    if ((++this.getCount & (LATENCY_SAMPLE - 1)) !== 0) value = this.find(key, parse, record);
    else {
      const started = performance.now();
      value = this.find(key, parse, record);
      const stats = this.kinds[key.kind];
      stats.latencyUs += (performance.now() - started) * 1000 * LATENCY_SAMPLE;
      stats.samples += LATENCY_SAMPLE;
    }
    return value === MISS ? undefined : value;
  }

  set<V>(key: CacheKey, value: V, options: { quality?: number; preloaded?: boolean } = {}): void {
    const json = JSON.stringify(value);
    const size = Buffer.byteLength(json);
    const now = this.clock.now();
    // Demand before this value: the get that missed and led to this load does not count.
    const hits = Math.max(0, (this.frequency.get(key.key) ?? 0) - 1, this.l1.peek(key.key)?.hits ?? 0);
    const { ttlMs, graceMs } = ttlFor({ kind: key.kind, hits, ...(options.quality !== undefined ? { quality: options.quality } : {}) }, this.ttlBounds);
    const entry: L1Entry = { value, kind: key.kind, canonical: key.canonical, size, expiresAt: now + ttlMs, staleUntil: now + ttlMs + graceMs, preloaded: options.preloaded === true, hits, counters: this.kinds[key.kind] };
    this.admitToL1(key.key, entry);
    this.withL2((l2) => {
      l2.put({ key: key.key, kind: key.kind, canonical: key.canonical, json, size, expiresAt: entry.expiresAt, staleUntil: entry.staleUntil, ...(options.quality !== undefined ? { quality: options.quality } : {}), hits, lastAccess: now });
      if (l2.bytes > this.l2MaxBytes) this.noteL2Evictions(l2.evictTo(this.l2MaxBytes));
    });
  }

  delete(key: string): void {
    this.l1.delete(key);
    this.withL2((l2) => l2.delete(key));
  }

  /** Empties both tiers; the user's work in app.db is elsewhere and untouched. */
  clear(): { entries: number; bytes: number } {
    // Every entry L1 holds was also written to L2, so L2 counts them all when it is there.
    const inL2 = this.withL2((l2) => ({ entries: l2.count(), bytes: l2.bytes }));
    const cleared = inL2 ?? { entries: this.l1.size, bytes: this.l1.calculatedSize };
    this.l1.clear();
    this.l1Index.clear();
    this.withL2((l2) => l2.clear());
    return cleared;
  }

  /** Warms an entry the caller predicts will be wanted; not a get, so it never counts as a hit. */
  async preload<V>(key: CacheKey, loader: () => Promise<V>, options: GetOptions<V> = {}): Promise<boolean> {
    if (this.inflight.has(key.key) || this.holds(key.key)) return false;
    const value = await loader();
    this.counters.preloaded++;
    const quality = options.quality?.(value);
    this.set(key, value, { preloaded: true, ...(quality !== undefined ? { quality } : {}) });
    return true;
  }

  /** Runs a task at the cache's background priority (refreshes, preloads). */
  runInBackground(task: () => Promise<void>): void {
    this.background(task);
  }

  get backgroundPaused(): boolean {
    return this.backgroundQueue.isPaused;
  }

  /** Holds refreshes and preloads (the emergency response); they run when resumed. */
  pauseBackground(paused: boolean): void {
    if (paused) this.backgroundQueue.pause();
    else this.backgroundQueue.start();
  }

  /** Whether nothing is being loaded for a caller right now: the moment for preloading. */
  get idle(): boolean {
    return this.inflight.size === 0;
  }

  /** What usually followed a request: keys that came next at least `minTimes` times. */
  successorsOf(key: string, minTimes = 2, limit = 3): string[] {
    this.flushAccessLog();
    return (this.withL2((l2) => l2.successors(key, minTimes, limit)) ?? []).map((s) => s.key);
  }

  /** Whether an entry for the key is held, fresh or stale, in either tier (not a get). */
  holds(key: string): boolean {
    return this.l1Index.has(key) || this.withL2((l2) => l2.get(key)) !== undefined;
  }

  /** Recent requests in order (persisted in cache.db), for usage patterns. */
  recentAccesses(limit = 500): AccessRecord[] {
    this.flushAccessLog();
    return this.withL2((l2) => l2.recentAccesses(limit)) ?? [];
  }

  stats(): CacheStats {
    const kinds = Object.fromEntries(
      Object.entries(this.kinds).map(([kind, k]) => [
        kind,
        {
          gets: k.l1Hits + k.l2Hits + k.misses,
          l1Hits: k.l1Hits,
          l2Hits: k.l2Hits,
          misses: k.misses,
          staleServed: k.staleServed,
          hitRate: k.l1Hits + k.l2Hits + k.misses === 0 ? null : Math.round(((k.l1Hits + k.l2Hits) / (k.l1Hits + k.l2Hits + k.misses)) * 1000) / 1000,
          meanLatencyUs: k.samples === 0 ? null : Math.round((k.latencyUs / k.samples) * 10) / 10,
        },
      ]),
    ) as CacheStats['kinds'];
    return {
      kinds,
      l1: { entries: this.l1.size, bytes: this.l1.calculatedSize, maxBytes: this.l1MaxBytes, evictions: this.counters.l1Evictions, available: true },
      l2: { entries: this.withL2((l2) => l2.count()) ?? 0, bytes: this.l2?.bytes ?? 0, maxBytes: this.l2MaxBytes, evictions: this.counters.l2Evictions, available: this.l2 !== null },
      loads: this.counters.loads,
      loadErrors: this.counters.loadErrors,
      preload: { loaded: this.counters.preloaded, used: this.counters.preloadUsed },
      recoveries: this.counters.recoveries,
    };
  }

  /** The counts `stats()` reports for all kinds together, without touching cache.db (the monitor reads them every second). */
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

  get l1Budget(): number {
    return this.l1MaxBytes;
  }

  /** Moves L1's byte budget (within 1 MB and the ceiling), evicting at once when it shrinks. */
  setL1Budget(bytes: number): void {
    this.l1MaxBytes = Math.round(Math.min(this.l1CeilingBytes, Math.max(1_048_576, bytes)));
    this.trimL1();
  }

  get ttl(): TtlBounds {
    return this.ttlBounds;
  }

  /** New bounds apply to entries written from now on. */
  setTtlBounds(bounds: TtlBounds): void {
    this.ttlBounds = { minMs: Math.min(bounds.minMs, bounds.maxMs), maxMs: bounds.maxMs };
  }

  /**
   * Copies the most-asked-for entries of a kind that are in cache.db but not in memory into L1,
   * each checked by `parse` (cache.db is a file); real stored values only, not counted as gets.
   * Returns how many were promoted.
   */
  warmL1(kind: CacheKind, parse: (value: unknown) => unknown, limit = 200): number {
    const candidates = [...this.frequency.entries()].filter(([key]) => !this.l1Index.has(key)).sort((a, b) => b[1] - a[1]).slice(0, limit * 2);
    let promoted = 0;
    const now = this.clock.now();
    for (const [key, hits] of candidates) {
      if (promoted >= limit) break;
      const row = this.withL2((l2) => l2.entry(key));
      if (!row || row.kind !== kind || row.expiresAt <= now) continue;
      // The same check as an L2 hit: a row that no longer parses is deleted, not promoted.
      const value = this.parseRow({ key, kind, canonical: row.canonical }, row.json, parse);
      if (value === undefined) continue;
      this.admitToL1(key, { value, kind, canonical: row.canonical, size: row.size, expiresAt: row.expiresAt, staleUntil: row.staleUntil, preloaded: false, hits, counters: this.kinds[kind] });
      if (this.l1Index.has(key)) promoted++;
    }
    return promoted;
  }

  getOptimizationSuggestions(): Suggestion[] {
    // Not through stats(): the tuner asks every few seconds, and counting cache.db's rows is not needed here.
    return optimizationSuggestions({
      window: this.window,
      l1: { maxBytes: this.l1MaxBytes },
      l2: { bytes: this.l2?.bytes ?? 0, maxBytes: this.l2MaxBytes },
      preload: { loaded: this.counters.preloaded, used: this.counters.preloadUsed },
    });
  }

  /**
   * Drops entries past their grace window and writes the batched access counts, in batches that
   * yield to the event loop so no slice of work blocks it for more than `sliceMs`.
   */
  async sweep(sliceMs = 4): Promise<number> {
    const now = this.clock.now();
    let removed = 0;
    for (const [key, entry] of this.l1.entries()) {
      if (entry.staleUntil <= now) {
        this.l1.delete(key);
        removed++;
      }
    }
    this.flushAccessLog();
    for (;;) {
      const started = performance.now();
      let batch = 0;
      do {
        batch = this.withL2((l2) => l2.deleteExpired(now, 100)) ?? 0;
        removed += batch;
      } while (batch > 0 && performance.now() - started < sliceMs);
      if (batch === 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.withL2((l2) => {
      l2.flushAccess();
      this.noteL2Evictions(l2.evictTo(this.l2MaxBytes));
      l2.checkpoint();
    });
    return removed;
  }

  /** Sweeps every `everyMs` until closed; the timer never keeps the process alive. */
  startMaintenance(everyMs = 60_000): void {
    if (this.maintenance) return;
    this.maintenance = setInterval(() => void this.sweep(), everyMs).unref();
    // The integrity check reads the whole file: a few seconds after start-up, not during it.
    this.integrityCheck = setTimeout(() => this.verifyIntegrity(), 3_000).unref();
  }

  /** Checks every page of cache.db; a damaged file is replaced (with an alert) as when it breaks in use. */
  verifyIntegrity(): void {
    this.withL2((l2) => l2.checkIntegrity());
  }

  close(): void {
    if (this.maintenance) clearInterval(this.maintenance);
    if (this.integrityCheck) clearTimeout(this.integrityCheck);
    this.flushAccessLog();
    this.withL2((l2) => l2.close());
    this.l2 = null;
  }

  /** L1, then L2, then MISS. A fresh L1 hit, most gets, is answered from the index at the top. */
  private find(key: CacheKey, parse: ((value: unknown) => unknown) | undefined, record: boolean): unknown {
    const entry = this.l1Index.get(key.key);
    const now = this.clock.now();
    if (record) this.recordRequest(key, now);
    if (entry !== undefined && entry.expiresAt > now) {
      this.countFreshL1Hit(key, entry);
      return entry.value;
    }
    return this.findBeyondFreshL1(key, parse, entry, now, this.kinds[key.kind]);
  }

  private countFreshL1Hit(key: CacheKey, entry: L1Entry): void {
    if ((entry.hits & 15) === 0) this.l1.get(key.key);
    entry.counters.l1Hits++;
    entry.hits++;
    if (entry.preloaded) this.markPreloadUsed(entry);
  }

  /** Notes a request in the ring that the sweep writes to cache.db (what followed what). */
  private recordRequest(key: CacheKey, now: number): void {
    const slot = this.ringNext++ & (RING_SIZE - 1);
    this.ringKeys[slot] = key;
    this.ringAt[slot] = now;
  }

  private findBeyondFreshL1(key: CacheKey, parse: ((value: unknown) => unknown) | undefined, entry: L1Entry | undefined, now: number, stats: KindCounters): unknown {
    if (entry !== undefined && entry.staleUntil > now) {
      stats.l1Hits++;
      entry.hits++;
      if (entry.preloaded) this.markPreloadUsed(entry);
      stats.staleServed++;
      this.lastWasStale = true;
      return entry.value;
    }
    const row = this.withL2((l2) => l2.get(key.key));
    if (row !== undefined && row[3] > now) {
      const [json, size, expiresAt, staleUntil, hits] = row;
      const parsed = this.parseRow(key, json, parse);
      if (parsed !== undefined) {
        stats.l2Hits++;
        this.window.add('l2Hits');
        if (this.evictedFromL1.has(key.key)) this.window.add('l2HitsAfterL1Eviction');
        this.l2?.noteAccess(key.key, now);
        // Its L2 hits (this one included) are the frequency L1 admission weighs.
        this.admitToL1(key.key, { value: parsed, kind: key.kind, canonical: key.canonical, size, expiresAt, staleUntil, preloaded: false, hits: hits + 1, counters: stats });
        this.lastWasStale = expiresAt <= now;
        if (this.lastWasStale) stats.staleServed++;
        return parsed;
      }
    }
    this.frequency.set(key.key, (this.frequency.get(key.key) ?? 0) + 1);
    stats.misses++;
    this.window.add('misses');
    if ((entry !== undefined && entry.staleUntil <= now) || (row !== undefined && row[3] <= now)) this.window.add('expiredMisses');
    return MISS;
  }

  private parseRow(key: CacheKey, json: string, parse: ((value: unknown) => unknown) | undefined): unknown {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      this.withL2((l2) => l2.delete(key.key));
      return undefined;
    }
    if (!parse) return value;
    const checked = parse(value);
    if (checked === undefined) this.withL2((l2) => l2.delete(key.key));
    return checked;
  }

  private async load<V>(key: CacheKey, loader: () => Promise<V>, options: GetOptions<V>): Promise<V> {
    const pending = this.inflight.get(key.key);
    if (pending) return pending as Promise<V>;
    const promise = (async () => {
      this.counters.loads++;
      try {
        const value = await loader();
        const quality = options.quality?.(value);
        this.set(key, value, quality !== undefined ? { quality } : {});
        return value;
      } catch (error) {
        this.counters.loadErrors++;
        throw error;
      } finally {
        this.inflight.delete(key.key);
      }
    })();
    this.inflight.set(key.key, promise);
    return promise;
  }

  private refreshInBackground<V>(key: CacheKey, loader: () => Promise<V>, options: GetOptions<V>): void {
    if (this.refreshing.has(key.key) || this.inflight.has(key.key)) return;
    this.refreshing.add(key.key);
    this.background(async () => {
      try {
        await this.load(key, loader, options);
      } catch {
        // The stale value was served; a failed refresh leaves it to expire.
      } finally {
        this.refreshing.delete(key.key);
      }
    });
  }

  /** L1 takes a new entry over its least-recent one only if the new one is asked for as often. */
  private admitToL1(key: string, entry: L1Entry): void {
    if (entry.size > this.l1MaxBytes / 4) {
      // An older value must not stay in L1 and be served (and refreshed) in place of this one.
      this.l1.delete(key);
      return;
    }
    const full = this.l1.calculatedSize + entry.size > this.l1MaxBytes || this.l1.size >= this.l1.max;
    if (full && !this.l1.has(key)) {
      const victim = this.l1.rkeys().next().value;
      const victimHits = victim === undefined ? 0 : (this.l1.peek(victim)?.hits ?? 0);
      if (Math.max(entry.hits, this.frequency.get(key) ?? 0) < victimHits) return;
    }
    this.l1.set(key, entry);
    if (this.l1.peek(key) === entry) this.l1Index.set(key, entry);
    this.trimL1();
  }

  /** Evicts least-recent entries until L1 is within its budget. */
  private trimL1(): void {
    while (this.l1.calculatedSize > this.l1MaxBytes && this.l1.size > 0) this.l1.pop();
  }

  private markPreloadUsed(entry: L1Entry): void {
    entry.preloaded = false;
    this.counters.preloadUsed++;
  }

  /** Writes the ring's new accesses to cache.db, one row per change of key (what followed what). */
  private flushAccessLog(): void {
    const records: AccessRecord[] = [];
    for (let i = Math.max(this.ringFlushed, this.ringNext - RING_SIZE); i < this.ringNext; i++) {
      const key = this.ringKeys[i & (RING_SIZE - 1)];
      if (!key || key.key === this.lastLoggedKey) continue;
      records.push({ at: this.ringAt[i & (RING_SIZE - 1)]!, kind: key.kind, key: key.key, canonical: key.canonical, previousKey: this.lastLoggedKey });
      this.lastLoggedKey = key.key;
    }
    this.ringFlushed = this.ringNext;
    if (records.length > 0) this.withL2((l2) => l2.logAccesses(records, ACCESS_LOG_KEEP));
  }

  private noteL2Evictions(keys: readonly string[]): void {
    this.counters.l2Evictions += keys.length;
    if (keys.length > 0) this.window.add('l2Evictions', keys.length);
  }

  /** Runs an L2 operation; a failure (the file broke while open) recovers the tier and reads as a miss. */
  private withL2<T>(operation: (l2: SqliteTier) => T): T | undefined {
    if (!this.l2) return undefined;
    try {
      return operation(this.l2);
    } catch (error) {
      const broken = this.l2;
      this.l2 = null;
      try {
        broken.close();
      } catch {
        // Closing a broken file may fail too; it is being replaced.
      }
      const opened = SqliteTier.open(broken.file, this.nativeBinding);
      this.l2 = opened.tier;
      this.reportRecovery(error instanceof Error ? error.message : String(error), opened.recovered?.movedTo ?? null);
      return undefined;
    }
  }

  private reportRecovery(reason: string, movedTo: string | null): void {
    this.counters.recoveries++;
    if (this.l2) {
      this.onAlert({ kind: 'cache_recovered', message: `cache.db was unusable (${reason}); ${movedTo ? `it was moved to ${movedTo} and ` : ''}a fresh cache was started. Your workshops are in app.db and were not affected.` });
    } else {
      this.onAlert({ kind: 'cache_unavailable', message: `cache.db cannot be used (${reason}); results are not cached until it can. Your workshops are in app.db and were not affected.` });
    }
  }
}


