/**
 * TieredCache: memory (L1, MemoryTier) over cache.db (L2, CacheFile) over the team's Redis (L3, TeamTier),
 * composed with the parts that count, log, load and tidy. Reads go L1 → L2 (promoted on a hit) → L3 → loader; concurrent misses of a
 * key share one load; an entry past its time-to-live but within its grace window is served at once
 * and refreshed in the background. A damaged cache.db is replaced and the cache keeps serving.
 */
import type { CacheStats, CacheSuggestion } from '../../shared/performance';
import { AccessLog } from './access-log';
import { Background } from './background';
import { CacheFile } from './cache-file';
import type { CacheKey, CacheKind } from './cache-keys';
import { CacheMeter, storageFigures, type PreloadVerdicts } from './cache-stats';
import { coarseClock, type Clock } from './clock';
import { Loads } from './loads';
import { Lookup, type Parse } from './lookup';
import { Maintenance } from './maintenance';
import { MemoryTier, type MemoryEntry } from './memory-tier';
import type { AccessRecord } from './sqlite-tier';
import { optimizationSuggestions } from './suggestions';
import type { GetOptions, TieredCacheOptions } from './cache-options';
import { TeamTier } from './team-tier';
import { DEFAULT_TTL_BOUNDS, ttlFor, type TtlBounds } from './ttl-policy';

export type { GetOptions, TieredCacheOptions } from './cache-options';

export class TieredCache {
  // The fields a hit touches come first: V8 keeps an object's first fields inside it, the rest one hop away.
  private readonly lookup: Lookup;
  private readonly clock: Clock;
  private readonly l1: MemoryTier;
  private readonly log: AccessLog;
  private readonly meter: CacheMeter;
  private readonly l2: CacheFile;
  private l2MaxBytes: number;
  private ttlBounds: TtlBounds;
  private readonly background: Background;
  private readonly loads: Loads;
  private readonly maintenance: Maintenance;
  /** L3, set or replaced on a settings change (the owner closes the previous tier). */
  teamTier: TeamTier | undefined;
  /** Whoever stops and restarts preloading per kind (the preload ledger), for `stats().preload.kinds`. */
  preloadVerdicts: PreloadVerdicts | undefined;

  constructor(options: TieredCacheOptions) {
    const l1MaxBytes = options.l1MaxBytes ?? 32 * 1_048_576;
    this.l1 = new MemoryTier({ maxEntries: options.l1MaxEntries ?? 5000, maxBytes: l1MaxBytes, ceilingBytes: options.l1CeilingBytes ?? 4 * l1MaxBytes });
    this.clock = options.clock ?? coarseClock;
    this.log = new AccessLog((records, keep) => this.l2.run((l2) => l2.logAccesses(records, keep)));
    this.meter = new CacheMeter(() => this.clock.now());
    this.l2 = new CacheFile(options.file, options.nativeBinding, options.onAlert ?? (() => {}), options.compress ?? true, options.seal);
    this.meter.restoreFrom(this.l2);
    this.l2MaxBytes = options.l2MaxBytes ?? 256 * 1_048_576;
    this.ttlBounds = options.ttlBounds ?? DEFAULT_TTL_BOUNDS;
    this.background = new Background(options.background);
    this.loads = new Loads(this.meter, this.background);
    this.lookup = new Lookup(this.l1, this.log, this.meter, this.l2);
    this.teamTier = options.team;
    this.maintenance = new Maintenance({ l1: this.l1, l2: this.l2, l2MaxBytes: () => this.l2MaxBytes, log: this.log, meter: this.meter, clock: this.clock });
  }

  get file(): string {
    return this.l2.file;
  }

  /** A cached value, fresh or within its grace window, without loading; counts as a get. */
  getSync<V>(key: CacheKey, options?: GetOptions<V>): V | undefined {
    return this.lookup.find(key, options?.parse, options?.record === true, this.clock.now())?.value as V | undefined;
  }

  /** The cached value, else the loader's (one load however many callers wait); a stale value is refreshed behind. */
  get<V>(key: CacheKey, loader: () => Promise<V>, options?: GetOptions<V>): Promise<V> {
    // Not an async function: a hit resolves an already-settled promise, without an async frame.
    const now = this.clock.now();
    let found: MemoryEntry | undefined;
    try {
      found = this.lookup.find(key, options?.parse, true, now);
    } catch (error) {
      return Promise.reject(error);
    }
    if (found === undefined) return this.load(key, loader, options ?? {});
    if (found.expiresAt <= now) this.loads.refresh(key.key, () => this.load(key, loader, options ?? {}));
    return Promise.resolve(found.value as V);
  }

  /**
   * getSync, then the team cache (L3) when it shares the kind: its hit fills L2 and L1. Resolves
   * within the tier's read timeout (20 ms) whatever Redis does; for callers that load themselves.
   */
  async getShared<V>(key: CacheKey, options?: GetOptions<V>): Promise<V | undefined> {
    const found = this.getSync(key, options);
    if (found !== undefined || this.teamTier === undefined || !this.teamTier.shares(key)) return found;
    return this.fromTeam(key, options?.parse);
  }

  set<V>(key: CacheKey, value: V, options: { quality?: number; preloaded?: boolean; fromTeam?: boolean } = {}): void {
    const json = JSON.stringify(value);
    const size = Buffer.byteLength(json);
    const now = this.clock.now();
    const hits = this.l1.demandBefore(key.key);
    const quality = options.quality !== undefined ? { quality: options.quality } : {};
    const { ttlMs, graceMs } = ttlFor({ kind: key.kind, hits, ...quality }, this.ttlBounds);
    const entry: MemoryEntry = { value, kind: key.kind, canonical: key.canonical, size, expiresAt: now + ttlMs, staleUntil: now + ttlMs + graceMs, preloaded: options.preloaded === true, hits, counters: this.meter.kinds[key.kind] };
    this.l1.admit(key.key, entry);
    // Shared with the team in the background (what came from L3 is already there).
    if (this.teamTier !== undefined && options.fromTeam !== true && options.preloaded !== true) this.teamTier.put(key, value, entry.staleUntil - now);
    const writeL2 = () =>
      this.l2.run((l2) => {
        l2.put({ key: key.key, kind: key.kind, canonical: key.canonical, json, size, expiresAt: entry.expiresAt, staleUntil: entry.staleUntil, ...quality, hits, lastAccess: now, preloaded: entry.preloaded });
        if (l2.bytes > this.l2MaxBytes) this.meter.l2Evicted(l2.evictTo(this.l2MaxBytes).length);
      });
    // An L3 hit answers from L1 at once; compressing, sealing and writing it to cache.db waits for the next turn.
    if (options.fromTeam === true) setImmediate(writeL2);
    else writeL2();
  }

  delete(key: string): void {
    this.l1.delete(key);
    this.l2.run((l2) => l2.delete(key));
  }

  /**
   * Removes entries for good (a deleted run's personas): from memory, from cache.db together with
   * their request history (which holds the canonical text, the brief), and from cache.db's WAL.
   * cache.db zeroes deleted content, so nothing of them stays readable in the files. Returns how many
   * entries cache.db held.
   */
  purge(keys: readonly string[]): number {
    if (keys.length === 0) return 0;
    // Requests not yet written would bring the canonical text back after the purge.
    this.log.flush();
    this.log.forget(keys);
    for (const key of keys) this.l1.delete(key);
    return this.l2.run((l2) => l2.purge(keys)) ?? 0;
  }

  /** Empties both tiers; the user's work in app.db is elsewhere and untouched. */
  clear(): { entries: number; bytes: number } {
    // Every entry L1 holds was also written to L2, so L2 counts them all when it is there.
    const inL2 = this.l2.run((l2) => ({ entries: l2.count(), bytes: l2.bytes }));
    const cleared = inL2 ?? { entries: this.l1.size, bytes: this.l1.bytes };
    this.l1.clear();
    // The counters describe what the cleared entries did: they start again with them.
    this.meter.reset();
    this.l2.run((l2) => {
      l2.clear();
      l2.clearStats();
    });
    return cleared;
  }

  /** Warms an entry the caller predicts will be wanted; not a get, so it never counts as a hit. */
  async preload<V>(key: CacheKey, loader: () => Promise<V>, options: GetOptions<V> = {}): Promise<boolean> {
    if (this.loads.has(key.key) || this.holds(key.key)) return false;
    const value = await loader();
    this.meter.preloadLoaded(key.kind);
    const quality = options.quality?.(value);
    this.set(key, value, { preloaded: true, ...(quality !== undefined ? { quality } : {}) });
    return true;
  }

  /** Runs a task at the cache's background priority (refreshes, preloads). */
  runInBackground(task: () => Promise<void>): void {
    this.background.run(task);
  }

  get backgroundPaused(): boolean {
    return this.background.paused;
  }

  /** Holds refreshes and preloads (the emergency response); they run when resumed. */
  pauseBackground(paused: boolean): void {
    this.background.pause(paused);
  }

  /** Whether nothing is being loaded for a caller right now: the moment for preloading. */
  get idle(): boolean {
    return this.loads.idle;
  }

  /** Whether an entry for the key is held, fresh or stale, in either tier (not a get). */
  holds(key: string): boolean {
    return this.l1.index.has(key) || this.l2.run((l2) => l2.get(key)) !== undefined;
  }

  /** Recent requests in order (persisted in cache.db), for usage patterns. */
  recentAccesses(limit = 500): AccessRecord[] {
    this.log.flush();
    return this.l2.run((l2) => l2.recentAccesses(limit)) ?? [];
  }

  /** cache:stats. Cheap: cache.db's entries and bytes are kept by its tier as they change, never counted here. */
  stats(): CacheStats {
    const tier = this.l2.tier;
    const l2 = { entries: tier?.count() ?? 0, bytes: tier?.bytes ?? 0, maxBytes: this.l2MaxBytes, evictions: this.meter.l2Evictions, available: tier !== null };
    return TeamTier.into(this.meter.snapshot({ l1: this.l1.stats(), l2, ...storageFigures(this.l2), recoveries: this.l2.recoveries }, this.preloadVerdicts), this.teamTier);
  }

  /** The counts `stats()` reports for all kinds together, without touching cache.db (the monitor reads them every second). */
  hitCounts(): { gets: number; l1Hits: number; l2Hits: number } {
    return this.meter.hitCounts();
  }

  get l1Budget(): number {
    return this.l1.budgetBytes;
  }

  get l1CeilingBytes(): number {
    return this.l1.ceilingBytes;
  }

  /** Moves L1's byte budget (within 1 MB and the ceiling), evicting at once when it shrinks. */
  setL1Budget(bytes: number): void {
    this.l1.setBudget(bytes);
  }

  get ttl(): TtlBounds {
    return this.ttlBounds;
  }

  /** New bounds apply to entries written from now on. */
  setTtlBounds(bounds: TtlBounds): void {
    this.ttlBounds = { minMs: Math.min(bounds.minMs, bounds.maxMs), maxMs: bounds.maxMs };
  }

  /** cache.db's byte budget (the user's setting); the next write or sweep trims the file to it. */
  setL2Budget(bytes: number): void {
    this.l2MaxBytes = bytes;
  }

  /** Copies into L1 the most-missed entries of a kind that cache.db holds, each checked by `parse`; not gets. Returns how many. */
  warmL1(kind: CacheKind, parse: Parse, limit = 200): number {
    return this.lookup.warm(kind, parse, limit, this.clock.now());
  }

  getOptimizationSuggestions(): CacheSuggestion[] {
    // Not through stats(): the tuner asks every few seconds, and counting cache.db's rows is not needed here.
    const preload = { loaded: this.meter.preloaded, used: this.meter.preloadUsed };
    return optimizationSuggestions({ window: this.meter.window, l1: { maxBytes: this.l1.budgetBytes }, l2: { bytes: this.l2.tier?.bytes ?? 0, maxBytes: this.l2MaxBytes }, preload });
  }

  /** A kind's preloads since `since` (loaded, and used as the cache counts it): what the preload ledger judges by. */
  preloadCounts(kind: CacheKind): { loaded: number; used: number } {
    const { loaded, used } = this.meter.preloadKinds[kind];
    return { loaded, used };
  }

  /** Drops expired entries and writes what is batched, never blocking the event loop for more than `sliceMs` at a time. */
  sweep(sliceMs = 4): Promise<number> {
    return this.maintenance.sweep(sliceMs);
  }

  /** Sweeps every `everyMs` and checks cache.db's integrity once, until closed; the timers never keep the process alive. */
  startMaintenance(everyMs = 60_000): void {
    this.maintenance.start(everyMs);
  }

  /** Checks every page of cache.db; a damaged file is replaced (with an alert) as when it breaks in use. */
  verifyIntegrity(): void {
    this.maintenance.verifyIntegrity();
  }

  close(): void {
    this.maintenance.stop();
    try {
      this.log.flush();
      this.l2.run((l2) => this.meter.saveTo(l2));
    } finally {
      this.l2.close();
    }
  }

  /** An L3 value, checked by `parse` (Redis is a trust boundary), written into L2 and L1. */
  private async fromTeam<V>(key: CacheKey, parse: ((value: unknown) => V | undefined) | undefined): Promise<V | undefined> {
    const shared = await this.teamTier?.get(key);
    if (shared === undefined) return undefined;
    const value = parse ? parse(shared) : (shared as V);
    if (value !== undefined) this.set(key, value, { fromTeam: true });
    return value;
  }

  private load<V>(key: CacheKey, loader: () => Promise<V>, options: GetOptions<V>): Promise<V> {
    return this.loads.run(key.key, async () => {
      const shared = this.teamTier?.shares(key) === true ? await this.fromTeam(key, options.parse) : undefined;
      if (shared !== undefined) return shared;
      const value = await loader();
      const quality = options.quality?.(value);
      this.set(key, value, quality !== undefined ? { quality } : {});
      return value;
    });
  }
}
