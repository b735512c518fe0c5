/**
 * L3, the team cache: entries shared by a team's laptops through Redis, behind L1 and L2.
 *
 * Options (TeamTierOptions):
 * - connection: url (redis:// or rediss://), tls, username, password, mode ('single' | 'sentinel' |
 *   'cluster'), sentinelName, connectTimeoutMs (500), commandTimeoutMs (1000); or `client` to pass one.
 * - teamKey: the team's key text; values are sealed with AES-256-GCM under a key derived from it
 *   (aad = the Redis key), and the team id in every key (`ps:<teamId>:<kind>:<hash>`) derives from it.
 * - readTimeoutMs (20): a read not answered by then is a miss (the caller never waits longer).
 * - breaker: failures (3), slowMs (50), pauseMs (2000): see team-breaker.ts. While open, reads are
 *   skipped at once; a probe goes to Redis in the background after each pause, never on a caller's read.
 * - kinds: what is shared (default culture, generation and answer: generation entries exist only for
 *   seeded briefs and every answer key carries its seed, so all are safe to share).
 * - entriesEveryMs (60 s), maxScans (200): this team's entries in Redis are counted in the background
 *   with SCAN MATCH ps:<teamId>:* COUNT 1000, one call at a time, when stats() is asked and the last
 *   count is older than entriesEveryMs; past maxScans calls (about 200,000 keys in Redis) it gives up.
 * get() never throws and resolves within readTimeoutMs; put() is fire-and-forget; stats() is cheap.
 */
import { createHmac } from 'node:crypto';
import type { CacheStats } from '../../shared/performance';
import { keyFromText, valueSeal, type ValueSeal } from '../platform';
import { asciiJsonText } from './ascii-json';
import type { CacheKey, CacheKind } from './cache-keys';
import { TeamBreaker, type TeamBreakerOptions } from './team-breaker';
import { teamClient, type TeamClient, type TeamConnection } from './team-client';

export interface TeamTierOptions {
  connection: TeamConnection;
  teamKey: string;
  /** A client already made (tests, the bench); otherwise one is made from `connection`. */
  client?: TeamClient;
  readTimeoutMs?: number;
  breaker?: TeamBreakerOptions;
  kinds?: readonly CacheKind[];
  entriesEveryMs?: number;
  maxScans?: number;
}

export type TeamStats = NonNullable<CacheStats['l3']>;
type EntriesUnknown = NonNullable<TeamStats['entriesUnknown']>;

/** The last count of this team's keys, or why there is none. */
interface EntryCount {
  entries: number | null;
  at: number | null;
  unknown: EntriesUnknown | null;
}

/** The team's id and sealing key from its key text: two teams never share a namespace or open each other's values. */
export function teamIdentity(teamKey: string): { teamId: string; sealKey: Buffer } {
  const sealKey = keyFromText(teamKey, 'team-cache');
  const teamId = createHmac('sha256', sealKey).update('persona-studio team id').digest('hex').slice(0, 16);
  return { teamId, sealKey };
}

const FAILED: unique symbol = Symbol('failed');
const NOTHING: Promise<undefined> = Promise.resolve(undefined);


interface PendingRead {
  readonly key: CacheKey;
  readonly redisKey: string;
  readonly started: number;
  readonly resolve: (value: unknown) => void;
  done: boolean;
}

export class TeamTier {
  readonly teamId: string;
  readonly kinds: ReadonlySet<CacheKind>;
  readonly l3Hits: Record<CacheKind, number> = { culture: 0, generation: 0, answer: 0 };
  private readonly seal: ValueSeal;
  /** Reads sent and not yet known answered, oldest first; the sweep timer fails those past readTimeoutMs. */
  private readonly pending: PendingRead[] = [];
  private sweepTimer: NodeJS.Timeout | undefined;
  private readonly client: TeamClient;
  private readonly breaker: TeamBreaker;
  private readonly readTimeoutMs: number;
  private counts = { hits: 0, misses: 0, refused: 0, errors: 0, skipped: 0, writes: 0 };
  private readonly latencyMs: number[] = [];
  private latencyAt = 0;
  private closed = false;
  /** The first connection while it is being made: a CLI run asks within milliseconds of starting. */
  private connecting: Promise<unknown> | undefined;
  private readonly entriesEveryMs: number;
  private readonly maxScans: number;
  private entryCount: EntryCount = { entries: null, at: null, unknown: 'counting' };
  /** When the last count started (Date.now), and whether one is under way. */
  private countStartedAt = Number.NEGATIVE_INFINITY;
  private counting = false;

  constructor(options: TeamTierOptions) {
    const { teamId, sealKey } = teamIdentity(options.teamKey);
    this.teamId = teamId;
    this.seal = valueSeal(sealKey);
    this.kinds = new Set(options.kinds ?? ['culture', 'generation', 'answer']);
    this.readTimeoutMs = options.readTimeoutMs ?? 20;
    this.entriesEveryMs = options.entriesEveryMs ?? 60_000;
    this.maxScans = options.maxScans ?? 200;
    this.breaker = new TeamBreaker(options.breaker);
    this.client = options.client ?? teamClient(options.connection);
    // Without a listener node-redis would throw its connection errors; they are counted instead.
    this.client.onError(() => {
      this.counts.errors++;
      if (!this.client.isReady) this.breaker.open();
    });
    this.connecting = this.client.connect().then(
      () => (this.connecting = undefined),
      () => {
        this.connecting = undefined;
        this.breaker.open();
      },
    );
  }

  /** Where a key lives in Redis: namespaced per team, the cache key's hash (never its text) after. */
  redisKey(key: CacheKey): string {
    return `ps:${this.teamId}:${key.key}`;
  }

  shares(key: CacheKey): boolean {
    return this.kinds.has(key.kind);
  }

  /** The shared value, or undefined on a miss, a refusal, an error, a skip or a read slower than readTimeoutMs. */
  get(key: CacheKey): Promise<unknown> {
    if (!this.shares(key)) return NOTHING;
    if (this.connecting !== undefined) return this.firstConnection().then(() => this.read(key));
    return this.read(key);
  }

  /**
   * One GET on the hit path. No timer of its own: the read joins the pending queue, whose single sweep
   * timer fails whatever is still unanswered readTimeoutMs after it was sent; a reply that lands past
   * that time is a miss too (the event loop may have been too busy for the sweep to run first).
   */
  private read(key: CacheKey): Promise<unknown> {
    if (!this.usable()) return NOTHING;
    const redisKey = this.redisKey(key);
    return new Promise((resolve) => {
      const read: PendingRead = { key, redisKey, started: performance.now(), resolve, done: false };
      this.pending.push(read);
      if (this.sweepTimer === undefined) this.sweepTimer = setTimeout(this.sweep, this.readTimeoutMs);
      this.client.get(redisKey).then(
        (bytes) => this.landed(read, bytes),
        () => this.landed(read, FAILED),
      );
    });
  }

  /** A reply (or an error) for a pending read; nothing when the sweep already answered it as a miss. */
  private landed(read: PendingRead, bytes: Buffer | null | typeof FAILED): void {
    if (read.done) return;
    read.done = true;
    // Redis answers in the order asked, so the read answered is nearly always the oldest: dropped now, the queue
    // stays as short as what is in flight instead of holding a timeout's worth of answered reads for the sweep.
    const pending = this.pending;
    while (pending.length > 0 && pending[0]!.done) pending.shift();
    const ms = performance.now() - read.started;
    this.sample(ms);
    if (bytes === FAILED) this.counts.errors++;
    const inTime = ms <= this.readTimeoutMs;
    // A timeout or an error: the breaker hears of it now, not when (if ever) Redis answers.
    this.breaker.record(bytes !== FAILED && inTime, ms);
    if (bytes === FAILED || bytes === null || !inTime) {
      this.counts.misses++;
      read.resolve(undefined);
      return;
    }
    read.resolve(this.open(read.key, read.redisKey, bytes));
  }

  /** The one deadline timer: answers reads pending past readTimeoutMs as misses, then waits for the oldest left. */
  private readonly sweep = (): void => {
    this.sweepTimer = undefined;
    const now = performance.now();
    const pending = this.pending;
    let head = 0;
    // Reads join in the order they were sent, so their deadlines are in order too.
    for (; head < pending.length; head++) {
      const read = pending[head]!;
      if (read.done) continue;
      const ms = now - read.started;
      if (ms < this.readTimeoutMs) break;
      read.done = true;
      this.sample(ms);
      this.breaker.record(false, ms);
      this.counts.misses++;
      read.resolve(undefined);
    }
    if (head === pending.length) pending.length = 0;
    else {
      pending.splice(0, head);
      this.sweepTimer = setTimeout(this.sweep, Math.max(1, pending[0]!.started + this.readTimeoutMs - now));
    }
  };

  /** Writes a loaded value for the team in the background; nothing waits on it and nothing it does throws. */
  put(key: CacheKey, value: unknown, ttlMs: number): void {
    if (this.connecting !== undefined && this.shares(key)) {
      void this.connecting.then(() => this.put(key, value, ttlMs));
      return;
    }
    if (!this.shares(key) || !this.usable() || ttlMs <= 0) return;
    const redisKey = this.redisKey(key);
    const sealed = this.seal.seal(Buffer.from(asciiJsonText(JSON.stringify(value)), 'latin1'), redisKey);
    const started = performance.now();
    this.client.set(redisKey, sealed, ttlMs).then(
      () => {
        this.counts.writes++;
        this.breaker.record(true, performance.now() - started);
      },
      () => {
        this.counts.errors++;
        this.breaker.record(false, performance.now() - started);
      },
    );
  }

  stats(): TeamStats {
    const sorted = [...this.latencyMs].sort((a, b) => a - b);
    const at = (q: number) => (sorted.length === 0 ? null : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 1000) / 1000);
    const available = this.client.isReady && this.breaker.state === 'closed';
    if (available) this.countEntries();
    // A count is shown while Redis answers: a tier that is skipped or off has no figure it can vouch for now.
    const count: EntryCount = this.closed ? { entries: null, at: null, unknown: 'off' } : available ? this.entryCount : { entries: null, at: null, unknown: 'unreachable' };
    return {
      available,
      state: this.closed ? 'off' : available ? 'connected' : 'skipped',
      hits: this.counts.hits,
      misses: this.counts.misses,
      refused: this.counts.refused,
      errors: this.counts.errors,
      skipped: this.counts.skipped,
      writes: this.counts.writes,
      entries: count.entries,
      entriesAt: count.at,
      entriesUnknown: count.unknown,
      latency: { samples: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95) },
    };
  }

  /**
   * Counts this team's keys in the background, at most once per entriesEveryMs: never on a read's path, never
   * through the breaker (a SCAN over a large keyspace is slower than a GET without Redis being in trouble).
   */
  private countEntries(): void {
    if (this.closed || this.counting || Date.now() - this.countStartedAt < this.entriesEveryMs) return;
    this.counting = true;
    this.countStartedAt = Date.now();
    this.client
      .countKeys(`ps:${this.teamId}:*`, this.maxScans)
      .then(
        (entries) => (this.entryCount = entries === null ? { entries: null, at: null, unknown: 'too_many' } : { entries, at: Date.now(), unknown: null }),
        () => (this.entryCount = { entries: null, at: null, unknown: 'unreachable' }),
      )
      .finally(() => (this.counting = false));
  }

  /** Cache stats with L3's figures beside L1's and L2's (state 'off' without a team cache). */
  static into(stats: CacheStats, team: TeamTier | undefined): CacheStats {
    if (team === undefined) return { ...stats, l3: { available: false, state: 'off', hits: 0, misses: 0, refused: 0, errors: 0, skipped: 0, writes: 0, entries: null, entriesAt: null, entriesUnknown: 'off', latency: { samples: 0, p50Ms: null, p95Ms: null } } };
    const kinds = { ...stats.kinds };
    for (const kind of Object.keys(kinds) as CacheKind[]) kinds[kind] = { ...kinds[kind], l3Hits: team.l3Hits[kind] };
    return { ...stats, kinds, l3: team.stats() };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client.close();
    // Closing fails what was in flight; anything still pending is answered now rather than at its deadline.
    clearTimeout(this.sweepTimer);
    this.sweepTimer = undefined;
    for (const read of this.pending.splice(0)) if (!read.done) this.landed(read, FAILED);
  }

  /** Waits for the first connection at most one read timeout, once: a Redis that is not there is not waited for again. */
  private async firstConnection(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.connecting, new Promise((resolve) => (timer = setTimeout(resolve, this.readTimeoutMs)))]);
    clearTimeout(timer);
    this.connecting = undefined;
  }

  /** Whether to ask Redis at all: ready and the breaker closed; otherwise counted as skipped (and maybe probed behind). */
  private usable(): boolean {
    if (!this.closed && this.client.isReady && this.breaker.allow()) return true;
    this.counts.skipped++;
    if (!this.closed && this.client.isReady && this.breaker.probeDue()) this.probe();
    return false;
  }

  /**
   * The breaker's probe, in the background: a GET of a key nobody writes, reported with its real time like any
   * command, so an answer slower than the breaker's slowMs keeps it open (Redis still in trouble) just as a read
   * that slow would count as failed. PROBE_TIMEOUT_MS only bounds the wait for a Redis that does not answer.
   */
  private probe(): void {
    let timer: NodeJS.Timeout | undefined;
    const started = performance.now();
    const late = new Promise<never>((_, reject) => (timer = setTimeout(reject, PROBE_TIMEOUT_MS, new Error('slow'))));
    Promise.race([this.client.get(`ps:${this.teamId}:probe`), late]).then(
      () => this.breaker.record(true, performance.now() - started),
      () => this.breaker.record(false, performance.now() - started),
    ).finally(() => clearTimeout(timer));
  }

  /**
   * Opens a sealed value (valueSeal's layout: version byte, 12-byte IV, 16-byte GCM tag, ciphertext; aad = the
   * Redis key) with one decipher and no copies; one that does not open (another team, altered, not sealed, not
   * JSON) is refused, never used. The GCM tag is checked by final() before the text is parsed.
   */
  private open(key: CacheKey, redisKey: string, bytes: Buffer): unknown {
    let value: unknown;
    try {
      value = JSON.parse(this.seal.open(bytes, redisKey).toString('utf8')) as unknown;
    } catch {
      // Whatever went wrong (tag, aad, key, truncation, not JSON), the value is not the team's: refused.
      this.counts.refused++;
      return undefined;
    }
    this.counts.hits++;
    this.l3Hits[key.kind]++;
    return value;
  }

  private sample(ms: number): void {
    // A ring of the last 512 reads: enough for a p95, bounded in memory, no shifting on the hit path.
    this.latencyMs[this.latencyAt] = ms;
    this.latencyAt = (this.latencyAt + 1) & 511;
  }
}

/** How long a background probe is waited for before it counts as failed (any answer slower than slowMs fails anyway). */
const PROBE_TIMEOUT_MS = 500;
