/**
 * What to preload, and whether preloading a kind is worth it.
 *
 * SuccessorHistory predicts from the saved access history (cache.db's `accesses` table, so it
 * survives restarts): the requests of one kind in order, with the other kinds between them left
 * out, since a cultural lookup is usually followed by its generation and only then by the next
 * lookup. A key is predicted after another when it followed it at least `minTimes` times and in at
 * least `minShare` of the cases: one coincidence is not a habit.
 *
 * PreloadLedger counts, per kind, the entries preloaded and those a caller then asked for, and stops
 * preloading a kind whose used share stays low after enough loads: wasted loads cost the provider
 * (Qloo is paid per call) and the machine. It starts again after a while, and after a restart, when
 * the history has had time to gather new evidence.
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

export interface PreloadKindStats {
  /** Entries preloaded this session (since the kind was last re-enabled: the ratio the rule reads). */
  loaded: number;
  used: number;
  /** Whether preloading of this kind is stopped now. */
  stopped: boolean;
  /** Times the kind was stopped this session. */
  stops: number;
}

/** Preloaded keys remembered until used; older ones are forgotten (counted as unused). */
const PENDING_MAX = 1000;

export class PreloadLedger {
  private readonly kinds = new Map<CacheKind, PreloadKindStats & { stoppedAt: number }>();
  private readonly pending = new Map<string, CacheKind>();

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
    const entry = this.kinds.get(kind);
    if (!entry) return true;
    if (this.failing(entry)) {
      Object.assign(entry, { stopped: true, stops: entry.stops + 1, stoppedAt: this.now() });
    }
    if (!entry.stopped) return true;
    if (this.now() - entry.stoppedAt < this.rules.retryAfterMs) return false;
    Object.assign(entry, { stopped: false, loaded: 0, used: 0 });
    return true;
  }

  loaded(kind: CacheKind, key: string): void {
    const entry = this.entry(kind);
    entry.loaded++;
    this.pending.delete(key);
    this.pending.set(key, kind);
    if (this.pending.size > PENDING_MAX) this.pending.delete(this.pending.keys().next().value!);
  }

  /** A caller asked for a key: a preloaded one counts as used (once). */
  asked(key: string): void {
    const kind = this.pending.get(key);
    if (kind === undefined) return;
    this.pending.delete(key);
    this.entry(kind).used++;
  }

  /** Whether the kind is stopped now, until when (ms on this ledger's clock), and how often it was stopped: the cache's stats show it. */
  verdict(kind: CacheKind): { stopped: boolean; stoppedUntil: number | null; stops: number } {
    // Judged as allows() judges, without re-enabling a kind whose pause is over: that happens at its next lookup.
    const entry = this.kinds.get(kind);
    if (!entry) return { stopped: false, stoppedUntil: null, stops: 0 };
    const failing = this.failing(entry);
    const stoppedAt = entry.stopped ? entry.stoppedAt : this.now();
    const stopped = (entry.stopped || failing) && this.now() - stoppedAt < this.rules.retryAfterMs;
    return { stopped, stoppedUntil: stopped ? stoppedAt + this.rules.retryAfterMs : null, stops: entry.stops + (failing ? 1 : 0) };
  }

  stats(): Partial<Record<CacheKind, PreloadKindStats>> {
    return Object.fromEntries([...this.kinds].map(([kind, { loaded, used, stopped, stops }]) => [kind, { loaded, used, stopped, stops }]));
  }

  /** Running, with enough loads counted, and too few of them used: due to stop (the one rule allows() and verdict() read). */
  private failing(entry: PreloadKindStats): boolean {
    return !entry.stopped && entry.loaded >= this.rules.minLoads && entry.used / entry.loaded < this.rules.minUsedShare;
  }

  private entry(kind: CacheKind) {
    let entry = this.kinds.get(kind);
    if (!entry) this.kinds.set(kind, (entry = { loaded: 0, used: 0, stopped: false, stops: 0, stoppedAt: 0 }));
    return entry;
  }
}
