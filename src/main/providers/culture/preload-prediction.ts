/**
 * What to preload, and whether preloading a kind is worth it.
 *
 * SuccessorHistory predicts from the saved access history (cache.db's `accesses` table, so it
 * survives restarts): the requests of one kind in order, with the other kinds between them left
 * out, since a cultural lookup is usually followed by its generation and only then by the next
 * lookup. A key is predicted after another when it followed it at least `minTimes` times and in at
 * least `minShare` of the cases: one coincidence is not a habit.
 *
 * PreloadLedger stops preloading a kind whose used share stays low after enough loads: wasted loads
 * cost the provider (Qloo is paid per call) and the machine. It counts nothing itself: it judges by
 * the cache's own preload counts (the one definition of "used"), taken from where it last started
 * judging the kind. It starts again after a while, and after a restart, when the history has had time
 * to gather new evidence.
 */
import type { CacheKey } from '../../cache';

type CacheKind = CacheKey['kind'];

/** One request of the saved history, as the cache returns them, oldest first. */
export interface HistoryRecord {
  kind: string;
  key: string;
}

export interface PredictionRules {
  /** Times a key must have followed the current one. */
  minTimes: number;
  /** Share of what followed the current one that this key must be (the conditional probability). */
  minShare: number;
}

const DEFAULT_PREDICTION: Readonly<PredictionRules> = { minTimes: 2, minShare: 0.3 };

export class SuccessorHistory {
  /** previous key → next key → times. */
  private readonly follows = new Map<string, Map<string, number>>();
  private readonly totals = new Map<string, number>();
  private last: string | null = null;

  constructor(
    private readonly kind: string,
    private readonly rules: PredictionRules = DEFAULT_PREDICTION,
  ) {}

  /** Adds the saved history (oldest first); only this kind's requests count. */
  load(records: readonly HistoryRecord[]): void {
    for (const record of records) if (record.kind === this.kind) this.observe(record.key);
  }

  /** A request of this kind, in order; asking for the same key again is not a transition. */
  observe(key: string): void {
    if (this.last !== null && this.last !== key) {
      const next = this.follows.get(this.last) ?? new Map<string, number>();
      next.set(key, (next.get(key) ?? 0) + 1);
      this.follows.set(this.last, next);
      this.totals.set(this.last, (this.totals.get(this.last) ?? 0) + 1);
    }
    this.last = key;
  }

  /** Keys that followed `key` often enough, most frequent first. */
  predict(key: string, limit: number): string[] {
    const next = this.follows.get(key);
    const total = this.totals.get(key) ?? 0;
    if (!next || total === 0) return [];
    return [...next]
      .filter(([, times]) => times >= this.rules.minTimes && times / total >= this.rules.minShare)
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([candidate]) => candidate);
  }
}

export interface LedgerRules {
  /** Loads counted before a kind can be stopped: a few unlucky guesses are not a verdict. */
  minLoads: number;
  /** Below this used share (after minLoads) the kind stops being preloaded. */
  minUsedShare: number;
  /** A stopped kind is tried again after this long, with fresh counts. */
  retryAfterMs: number;
}

const DEFAULT_LEDGER: Readonly<LedgerRules> = { minLoads: 8, minUsedShare: 0.25, retryAfterMs: 6 * 3_600_000 };

/** The cache's preload counts per kind (TieredCache.preloadCounts): counted since its `since`, reset by a clear. */
export interface PreloadCounts {
  preloadCounts(kind: CacheKind): { loaded: number; used: number };
}

export interface PreloadKindStats {
  /** Entries preloaded this session (since the kind was last re-enabled: the ratio the rule reads). */
  loaded: number;
  used: number;
  /** Whether preloading of this kind is stopped now. */
  stopped: boolean;
  /** Times the kind was stopped this session. */
  stops: number;
}

type KindEntry = { stopped: boolean; stops: number; stoppedAt: number; base: { loaded: number; used: number } };

export class PreloadLedger {
  private readonly kinds = new Map<CacheKind, KindEntry>();
  private counts: PreloadCounts | undefined;

  constructor(
    private readonly rules: LedgerRules = DEFAULT_LEDGER,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Whether this kind may be preloaded now. Judged here, before the next preloads, rather than at each
   * load: by then the loads so far have had their chance to be asked for. A stopped kind comes back
   * after `retryAfterMs`, counting afresh.
   */
  allows(kind: CacheKind): boolean {
    const entry = this.entry(kind);
    if (this.failing(kind, entry)) {
      Object.assign(entry, { stopped: true, stops: entry.stops + 1, stoppedAt: this.now() });
    }
    if (!entry.stopped) return true;
    if (this.now() - entry.stoppedAt < this.rules.retryAfterMs) return false;
    Object.assign(entry, { stopped: false, base: this.current(kind) });
    return true;
  }

  /** The cache whose counts the ledger judges by (one cache per core; its sources all pass the same one). */
  countFrom(counts: PreloadCounts): void {
    if (this.counts === counts) return;
    this.counts = counts;
    for (const [kind, entry] of this.kinds) entry.base = this.current(kind);
  }

  /** Whether the kind is stopped now, until when (ms on this ledger's clock), and how often it was stopped: the cache's stats show it. */
  verdict(kind: CacheKind): { stopped: boolean; stoppedUntil: number | null; stops: number } {
    // Judged as allows() judges, without re-enabling a kind whose pause is over: that happens at its next lookup.
    const entry = this.kinds.get(kind);
    if (!entry) return { stopped: false, stoppedUntil: null, stops: 0 };
    const failing = this.failing(kind, entry);
    const stoppedAt = entry.stopped ? entry.stoppedAt : this.now();
    const stopped = (entry.stopped || failing) && this.now() - stoppedAt < this.rules.retryAfterMs;
    return { stopped, stoppedUntil: stopped ? stoppedAt + this.rules.retryAfterMs : null, stops: entry.stops + (failing ? 1 : 0) };
  }

  /** Per kind judged so far: the cache's counts since the ledger started judging it, and its verdict. */
  stats(): Partial<Record<CacheKind, PreloadKindStats>> {
    return Object.fromEntries([...this.kinds].map(([kind, entry]) => [kind, { ...this.since(kind, entry), stopped: entry.stopped, stops: entry.stops }]));
  }

  /** Running, with enough loads counted, and too few of them used: due to stop (the one rule allows() and verdict() read). */
  private failing(kind: CacheKind, entry: KindEntry): boolean {
    const { loaded, used } = this.since(kind, entry);
    return !entry.stopped && loaded >= this.rules.minLoads && used / loaded < this.rules.minUsedShare;
  }

  /** The cache's counts since `entry.base`; a clear of the cache (counts below the base) starts them again from zero. */
  private since(kind: CacheKind, entry: KindEntry): { loaded: number; used: number } {
    const now = this.current(kind);
    if (now.loaded < entry.base.loaded || now.used < entry.base.used) entry.base = { loaded: 0, used: 0 };
    return { loaded: now.loaded - entry.base.loaded, used: now.used - entry.base.used };
  }

  private current(kind: CacheKind): { loaded: number; used: number } {
    return this.counts?.preloadCounts(kind) ?? { loaded: 0, used: 0 };
  }

  /** Judged from the cache's counts as they are now: earlier sessions' preloads are not this session's evidence. */
  private entry(kind: CacheKind): KindEntry {
    let entry = this.kinds.get(kind);
    if (!entry) this.kinds.set(kind, (entry = { stopped: false, stops: 0, stoppedAt: 0, base: this.current(kind) }));
    return entry;
  }
}
