/**
 * The team cache part of `npm run bench -- team`, on a real redis-server started here:
 * - the L3 hit path (TeamTier.get: GET, open the AES-GCM seal, JSON.parse) against a raw node-redis
 *   GET + JSON.parse of the same documents stored plain (target ≥ 0.7×), and against cache-manager's
 *   get through Keyv with @keyv/redis on the same server (target ≥ 3×);
 * - what a Redis outage (nothing listening, then a SIGSTOPped server) adds to a generation's p95,
 *   beside a core without a team cache in the same run (target ≤ 5 ms).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import KeyvRedis from '@keyv/redis';
import { createCache } from 'cache-manager';
import { Keyv } from 'keyv';
import { createClient } from 'redis';
import { TeamTier } from '../src/main/cache';
import { createCore } from '../src/main/core/core';
import { briefInputSchema } from '../src/shared/brief';
import { freePort, startRedis } from '../test/support/redis-server';
import { generationEntries } from './insight-cache';
import { measurePair, round } from './_measure';

export interface TeamCacheFigures {
  /** Raw GET + parse time over the L3 hit path's: ≥ 0.7 wanted. */
  l3VsRedis: number;
  /** cache-manager (Keyv, @keyv/redis) time over the L3 hit path's: ≥ 3 wanted. */
  l3VsCm: number;
  /** The larger of what a refused connection and a paused server add to a generation's p95, in ms. */
  outageP95Ms: number;
  l3HitUs: number;
  rawGetUs: number;
  cacheManagerUs: number;
  outage: { noneP95Ms: number; downP95Ms: number; pausedP95Ms: number };
}

const ENTRIES = 20;

async function readPaths(url: string) {
  const entries = await generationEntries(ENTRIES);
  const tier = new TeamTier({ connection: { url }, teamKey: 'bench team key', readTimeoutMs: 1000 });
  const raw = createClient({ url });
  await raw.connect();
  const keyv = new Keyv({ store: new KeyvRedis(url), namespace: 'bench' });
  const manager = createCache({ stores: [keyv] });
  while (tier.stats().state !== 'connected') await new Promise((resolve) => setTimeout(resolve, 5));
  for (const [i, { key, value }] of entries.entries()) {
    tier.put(key, value, 3_600_000);
    await raw.set(`raw:${i}`, JSON.stringify(value));
    await manager.set(`cm:${i}`, value, 3_600_000);
  }
  while (tier.stats().writes < ENTRIES) await new Promise((resolve) => setTimeout(resolve, 5));
  const l3 = async () => {
    for (const { key } of entries) if ((await tier.get(key)) === undefined) throw new Error('the bench expected an L3 hit');
  };
  const rawGet = async () => {
    for (let i = 0; i < ENTRIES; i++) JSON.parse((await raw.get(`raw:${i}`))!);
  };
  const cm = async () => {
    for (let i = 0; i < ENTRIES; i++) if ((await manager.get(`cm:${i}`)) === undefined) throw new Error('cache-manager lost an entry');
  };
  // A shared warm-up first: whichever path ran first would otherwise pay the JIT's cold start.
  for (let i = 0; i < 30; i++) for (const fn of [l3, rawGet, cm]) await fn();
  const [l3Raw, rawSide] = await measurePair(['team cache: L3 hit path (20 gets, one by one)', 'team cache: raw GET + JSON.parse'], [l3, rawGet], { warmup: 10, repeat: 100 });
  const [l3Cm, cmSide] = await measurePair(['team cache: L3 hit path (20 gets, one by one)', 'team cache: cache-manager + @keyv/redis'], [l3, cm], { warmup: 10, repeat: 100 });
  await tier.close();
  await raw.quit();
  await manager.disconnect();
  const per = (ms: number) => round((ms / ENTRIES) * 1000, 1);
  return { l3VsRedis: round(rawSide.median / l3Raw.median), l3VsCm: round(cmSide.median / l3Cm.median), l3HitUs: per(l3Raw.median), rawGetUs: per(rawSide.median), cacheManagerUs: per(cmSide.median) };
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

/** Generations on three cores alternately (no team cache, Redis refusing, Redis paused), fresh seeds so each is a miss. */
async function outage(pausedUrl: string, pause: () => void) {
  const dirs: string[] = [];
  const core = (env: Record<string, string>) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-team-'));
    dirs.push(dataDir);
    return createCore({ dataDir, resources: null, env, monitor: { autoStart: false } });
  };
  const none = core({});
  const down = core({ PERSONA_STUDIO_TEAM_CACHE: `redis://127.0.0.1:${await freePort()}`, PERSONA_STUDIO_TEAM_KEY: 'bench' });
  const paused = core({ PERSONA_STUDIO_TEAM_CACHE: pausedUrl, PERSONA_STUDIO_TEAM_KEY: 'bench' });
  while (paused.cache.stats().l3?.state !== 'connected') await new Promise((resolve) => setTimeout(resolve, 5));
  pause();
  const times: Record<'none' | 'down' | 'paused', number[]> = { none: [], down: [], paused: [] };
  const cores = { none, down, paused };
  let seed = 1;
  for (let round = 0; round < 105; round++) {
    // The order turns each round, so that none of the three always runs first after a pause or a GC.
    const names = (['none', 'down', 'paused'] as const).map((_, i, all) => all[(i + round) % 3]!);
    for (const name of names) {
      const brief = briefInputSchema.parse({ description: 'Refill stations for cleaning products in Ghent', count: 3, level: 'standard', seed: seed++ });
      const started = performance.now();
      await cores[name].generate(brief);
      if (round >= 5) times[name].push(performance.now() - started);
    }
  }
  for (const c of [none, down, paused]) c.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  const figures = { noneP95Ms: round(p95(times.none)), downP95Ms: round(p95(times.down)), pausedP95Ms: round(p95(times.paused)) };
  console.log(`team cache: generation p95 ${figures.noneP95Ms} ms without a team cache, ${figures.downP95Ms} ms with Redis refusing, ${figures.pausedP95Ms} ms with Redis paused (100 each, alternating)`);
  return { figures, outageP95Ms: round(Math.max(0, figures.downP95Ms - figures.noneP95Ms, figures.pausedP95Ms - figures.noneP95Ms)) };
}

export async function measureTeamCache(): Promise<TeamCacheFigures> {
  const redis = await startRedis();
  try {
    const reads = await readPaths(redis.url);
    const { figures, outageP95Ms } = await outage(redis.url, () => redis.pause());
    return { ...reads, outageP95Ms, outage: figures };
  } finally {
    await redis.stop();
  }
}

// Run alone: npx tsx bench/team-cache.ts
if (import.meta.url === `file://${process.argv[1]}`) console.log(await measureTeamCache());
