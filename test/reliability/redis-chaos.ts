/**
 * Redis chaos (issue 24): two cores on two data folders share a team cache (L3) on a real
 * redis-server while it is killed (SIGKILL), brought back, paused (SIGSTOP), resumed and bounced.
 * What it measures is what the issue promises: no generation fails, none waits on Redis longer than
 * the breaker lets it, and the tier comes back by itself (L3 hits resume, stats say connected).
 *
 * The workload is pairs: core A generates seeded brief k, then core B generates the same brief, so
 * every generation asks L3 (a miss for A, a hit for B while Redis is up) and L1/L2 never answer first.
 *
 * Time spent in L3 is read by timing the tier's own `get` on each core (the real tier and the real
 * Redis; the wrapper only holds a stopwatch): per generation, the time during which at least one
 * read was pending (background preloads overlap the generation's own reads; generations run one at
 * a time, so any read pending during one can hold it up). The bound is the breaker's: at most
 * `failures` reads in a row may each run to the read timeout before it opens, so no generation
 * should spend longer than that, plus GRACE_MS for timers firing late on a busy two-core machine.
 */
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../../src/main/core/core';
import type { TeamTier } from '../../src/main/cache/team-tier';
import { briefInputSchema } from '../../src/shared/brief';
import type { CacheStats } from '../../src/shared/performance';
import { startRedis, type RunningRedis } from '../support/redis-server';

/** TeamTier's defaults (team-tier.ts, team-breaker.ts): a read is a miss after READ_TIMEOUT_MS; FAILURES such reads open the breaker. */
export const READ_TIMEOUT_MS = 20;
export const BREAKER_FAILURES = 3;
/**
 * Room for the event loop being busy with other work (a generation, cache.db, a parallel test file on
 * two cores) while a read is pending: what we guard against is waiting on Redis's own timeouts
 * (connect 500 ms, command 1000 ms), far above the bound, not a timer firing some ms late.
 */
export const GRACE_MS = 100;
/** The most a generation may spend in L3: the breaker's worst case, reads timing out until it opens. */
export const L3_WAIT_BOUND_MS = BREAKER_FAILURES * READ_TIMEOUT_MS + GRACE_MS;
/** The breaker's pause before it lets a probe through (team-breaker.ts pauseMs default); recovery is polled for up to 10 of them. */
export const BREAKER_PAUSE_MS = 2_000;

export type ChaosEvent = 'up' | 'killed' | 'restarted' | 'paused' | 'resumed' | 'bounced';

export interface RedisChaosOptions {
  seed: number;
  /** Generations in all (an even number: they come in pairs); default 200. */
  generations?: number;
  dataDirs: [string, string];
}

export interface SegmentReport {
  event: ChaosEvent;
  generations: number;
  /** Generations answered from the cache (B's copy of A's brief, found in L3). */
  fromCache: number;
  /** L3 reads that found a value, over both cores, during this segment. */
  l3Hits: number;
  /** Reads the tier skipped (Redis down or its breaker open), during this segment. */
  l3Skipped: number;
  /** Reads that ran to the tier's read timeout (Redis silent): each cut there, counted by the breaker. */
  l3TimedOut: number;
  /** The most one generation of this segment spent in L3. */
  maxL3Ms: number;
  /** Whether both tiers said connected at the segment's end. */
  connectedAtEnd: boolean;
}

export interface RedisChaosReport {
  generations: number;
  failed: number;
  failures: string[];
  /** Generations that spent more than L3_WAIT_BOUND_MS in L3. */
  waitsOverBound: number;
  boundMs: number;
  maxL3Ms: number;
  l3Reads: number;
  segments: SegmentReport[];
  /** After the last restart: L3 hits resumed and both tiers say connected. */
  returned: boolean;
  finalStats: Array<NonNullable<CacheStats['l3']>>;
}

const DESCRIPTIONS = [
  'Eco-friendly meal-kit delivery for busy parents in Lyon',
  'Language-learning app for retirees in Porto',
  'Electric bike rentals for commuters in Copenhagen',
  'A fintech app for freelancers in Berlin',
  'A meditation app for nurses on night shifts in Dublin',
];

/**
 * Each segment starts with its event; the shares add up to 1. Segments with Redis up are paced while
 * a tier is not yet connected, because the breaker lets a probe through only after its pause:
 * without calls during it, nothing would find out that Redis is back.
 */
const SCHEDULE: Array<{ event: ChaosEvent; share: number }> = [
  { event: 'up', share: 0.15 },
  { event: 'killed', share: 0.15 },
  { event: 'restarted', share: 0.2 },
  { event: 'paused', share: 0.15 },
  { event: 'resumed', share: 0.2 },
  { event: 'bounced', share: 0.15 },
];

/**
 * Stopwatch around a tier's reads (the calls go to the real tier unchanged): reports the time during
 * which at least one read was pending, so overlapping reads are counted once, and each read's length.
 */
function timeReads(tier: TeamTier, onPending: (ms: number) => void, onRead: (ms: number) => void): void {
  const read = tier.get.bind(tier);
  let pending = 0;
  let since = 0;
  tier.get = async (key) => {
    const started = performance.now();
    if (pending++ === 0) since = started;
    try {
      return await read(key);
    } finally {
      const now = performance.now();
      if (--pending === 0) onPending(now - since);
      onRead(now - started);
    }
  };
}

function teamTierOf(core: Core): TeamTier {
  const tier = core.cache.teamTier;
  if (!tier) throw new Error('the core has no team cache: PERSONA_STUDIO_TEAM_CACHE was not taken');
  return tier;
}

const l3 = (core: Core) => core.cache.stats().l3!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function apply(event: ChaosEvent, redis: RunningRedis): Promise<void> {
  if (event === 'killed') await redis.kill('SIGKILL');
  else if (event === 'restarted' || event === 'bounced') await redis.restart();
  else if (event === 'paused') redis.pause();
  else if (event === 'resumed') redis.resume();
}

export async function runRedisChaos(options: RedisChaosOptions): Promise<RedisChaosReport> {
  const total = options.generations ?? 200;
  const redis = await startRedis();
  const env = { PERSONA_STUDIO_TEAM_CACHE: redis.url, PERSONA_STUDIO_TEAM_KEY: `chaos team ${options.seed}` };
  const cores: Core[] = [];
  let inGeneration = 0;
  let l3Reads = 0;
  let timedOut = 0;
  const report: RedisChaosReport = { generations: 0, failed: 0, failures: [], waitsOverBound: 0, boundMs: L3_WAIT_BOUND_MS, maxL3Ms: 0, l3Reads: 0, segments: [], returned: false, finalStats: [] };
  const connected = () => cores.every((core) => l3(core).state === 'connected');
  const counters = () => cores.reduce((sum, core) => ({ hits: sum.hits + l3(core).hits, skipped: sum.skipped + l3(core).skipped }), { hits: 0, skipped: 0 });
  // Everything after startRedis is inside the try: a failed set-up still stops the server and closes the cores.
  try {
    for (const dataDir of options.dataDirs) {
      const core = createCore({ dataDir, resources: null, monitor: { autoStart: false }, env });
      cores.push(core);
      timeReads(
        teamTierOf(core),
        (ms) => (inGeneration += ms),
        (ms) => {
          l3Reads++;
          if (ms >= READ_TIMEOUT_MS) timedOut++;
        },
      );
    }
    // One generation per core first, outside the count: a cold process's first one blocks the event
    // loop long enough for a pending read to time out, which is start-up, not chaos.
    for (const [c, core] of cores.entries()) await core.generate(briefInputSchema.parse({ description: DESCRIPTIONS[c]!, count: 2, level: 'simple' }));
    for (let polls = 0; !connected() && polls < 100; polls++) await sleep(20);
    let pair = 0;
    let planned = 0;
    for (const [index, { event, share }] of SCHEDULE.entries()) {
      const size = index === SCHEDULE.length - 1 ? total - planned : Math.round((total * share) / 2) * 2;
      planned += size;
      await apply(event, redis);
      const before = counters();
      const segment: SegmentReport = { event, generations: 0, fromCache: 0, l3Hits: 0, l3Skipped: 0, l3TimedOut: 0, maxL3Ms: 0, connectedAtEnd: false };
      const timedOutBefore = timedOut;
      // While Redis is up, a tier not yet connected is waited for between pairs (its breaker may be open after a slow read on a busy machine).
      const recovering = event !== 'killed' && event !== 'paused';
      // A tier not connected is given up to five of its breaker's pauses per segment (a probe each), a
      // generation pair (its calls are what let a probe through) every quarter pause meanwhile.
      const pacingUntil = performance.now() + 5 * BREAKER_PAUSE_MS;
      for (let i = 0; i < size; i += 2, pair++) {
        if (recovering && !connected() && performance.now() < pacingUntil) await sleep(BREAKER_PAUSE_MS / 4);
        const brief = briefInputSchema.parse({ description: DESCRIPTIONS[pair % DESCRIPTIONS.length], count: 3, level: 'standard', seed: options.seed + pair });
        for (const core of cores) {
          inGeneration = 0;
          try {
            const result = await core.generate(brief);
            if (result.run.status !== 'completed') throw new Error(`run ${result.run.status}: ${result.run.error ?? ''}`);
            if (result.fromCache) segment.fromCache++;
          } catch (error) {
            report.failed++;
            if (report.failures.length < 5) report.failures.push(`${event} #${pair}: ${error instanceof Error ? error.message : String(error)}`);
          }
          segment.generations++;
          segment.maxL3Ms = Math.max(segment.maxL3Ms, inGeneration);
          if (inGeneration > L3_WAIT_BOUND_MS) report.waitsOverBound++;
        }
      }
      const after = counters();
      segment.l3Hits = after.hits - before.hits;
      segment.l3Skipped = after.skipped - before.skipped;
      segment.l3TimedOut = timedOut - timedOutBefore;
      segment.connectedAtEnd = connected();
      report.segments.push(segment);
      report.generations += segment.generations;
      report.maxL3Ms = Math.max(report.maxL3Ms, segment.maxL3Ms);
    }
    const last = report.segments.at(-1)!;
    report.returned = last.l3Hits > 0 && last.connectedAtEnd;
    report.l3Reads = l3Reads;
    report.finalStats = cores.map(l3);
    return report;
  } finally {
    for (const core of cores) core.close();
    await redis.stop();
  }
}

export function formatRedisChaosReport(report: RedisChaosReport): string {
  const lines = [
    `redis chaos: ${report.generations} generations on two cores, ${report.l3Reads} L3 reads; failed ${report.failed}, over the ${report.boundMs} ms L3 bound ${report.waitsOverBound} (most in L3 for one generation ${report.maxL3Ms.toFixed(1)} ms); tier returned: ${report.returned}`,
    ...report.segments.map(
      (s) => `  ${s.event.padEnd(9)} ${String(s.generations).padStart(3)} generations, ${String(s.fromCache).padStart(3)} from cache, L3 hits ${s.l3Hits}, skipped ${s.l3Skipped}, timed out ${s.l3TimedOut}, max in L3 ${s.maxL3Ms.toFixed(1)} ms, connected at end ${s.connectedAtEnd}`,
    ),
    ...report.finalStats.map((t, c) => `  core ${c + 1} L3 at the end: ${t.state}, hits ${t.hits}, misses ${t.misses}, skipped ${t.skipped}, errors ${t.errors}, writes ${t.writes}, read p50 ${t.latency.p50Ms} ms p95 ${t.latency.p95Ms} ms`),
    ...report.failures.map((f) => `  failed: ${f}`),
  ];
  return lines.join('\n');
}
