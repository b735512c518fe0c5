/**
 * The team cache under Redis chaos (issue 24): two cores on two data folders share L3 on a real
 * redis-server (test/support/redis-server.ts) while it is killed, restarted, paused (SIGSTOP),
 * resumed and bounced during 200 seeded generations on the offline engine. No generation fails,
 * none spends longer in L3 than the breaker allows, and the tier comes back by itself. The harness
 * (test/reliability/redis-chaos.ts) is shared with `npm run bench -- reliability`.
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';
import { formatRedisChaosReport, L3_WAIT_BOUND_MS, runRedisChaos } from './reliability/redis-chaos';

const GENERATIONS = 200;
const SEED = 20_261_206;

describe(`team cache: Redis killed, paused and restarted during ${GENERATIONS} generations on two cores`, () => {
  it(
    'no generation fails or waits on Redis past the breaker, and L3 comes back by itself',
    async () => {
      const report = await runRedisChaos({ seed: SEED, generations: GENERATIONS, dataDirs: [tempDir(), tempDir()] });
      console.log(formatRedisChaosReport(report));
      const segment = (event: string) => report.segments.find((s) => s.event === event)!;

      expect(report.generations).toBe(GENERATIONS);
      expect(report.failures).toEqual([]);
      expect(report.failed).toBe(0);
      expect(report.waitsOverBound, `generations that spent more than ${L3_WAIT_BOUND_MS} ms in L3`).toBe(0);

      // Up: the second core is answered by L3 with what the first one made.
      expect(segment('up').l3Hits).toBeGreaterThan(0);
      expect(segment('up').fromCache).toBeGreaterThan(0);
      // Killed: reads are skipped (counted), not waited for; nothing comes from the team.
      expect(segment('killed').l3Skipped).toBeGreaterThan(0);
      expect(segment('killed').l3Hits).toBe(0);
      // Paused: Redis holds the connection and answers nothing; the breaker opens and skips it.
      expect(segment('paused').l3TimedOut, 'reads cut at the read timeout before the breaker opened').toBeGreaterThan(0);
      expect(segment('paused').l3Skipped, 'skipped rather than waited').toBeGreaterThan(segment('paused').l3TimedOut);
      expect(segment('paused').l3Hits).toBe(0);
      // Each time Redis is back, the tier returns without being told: hits again, stats say connected.
      for (const event of ['restarted', 'resumed', 'bounced']) {
        expect(segment(event).l3Hits, `L3 hits after ${event}`).toBeGreaterThan(0);
        expect(segment(event).connectedAtEnd, `connected after ${event}`).toBe(true);
      }
      expect(report.returned).toBe(true);
      for (const stats of report.finalStats) expect(stats).toMatchObject({ state: 'connected', available: true });
    },
    120_000,
  );
});
