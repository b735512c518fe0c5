/**
 * L3, the team cache, against a real redis-server (test/support/redis-server.ts) on 127.0.0.1:
 * two cores on two data folders share it (the second makes no provider call); values are sealed,
 * namespaced per team, and one that does not open is refused and counted; a Redis that is down
 * or paused is skipped and generations carry on; the settings never show the team's secrets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import fs from 'node:fs';
import { createClient, RESP_TYPES } from 'redis';
import { createCore, type Core } from '../src/main/core/core';
import { createHandlers } from '../src/main/ipc/handlers';
import { keyFor, TeamTier, teamIdentity, TieredCache } from '../src/main/cache';
import { TeamBreaker } from '../src/main/cache/team-breaker';
import { teamClient, type TeamClient } from '../src/main/cache/team-client';
import { cacheStatsSchema } from '../src/shared/performance';
import { briefInputSchema } from '../src/shared/brief';
import { tempDir } from './helpers';
import { ProviderServer } from './support/provider-server';
import { freePort, startRedis, type RunningRedis } from './support/redis-server';

const redises: RunningRedis[] = [];
const servers: ProviderServer[] = [];
const cores: Core[] = [];
const tiers: TeamTier[] = [];
const caches: TieredCache[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) core.close();
  for (const cache of caches.splice(0)) cache.close();
  for (const tier of tiers.splice(0)) await tier.close();
  for (const server of servers.splice(0)) await server.close();
  for (const redis of redises.splice(0)) await redis.stop();
});

async function redis(options: Parameters<typeof startRedis>[0] = {}): Promise<RunningRedis> {
  const running = await startRedis(options);
  redises.push(running);
  return running;
}

/** Waits for a condition the code under test reaches by itself (a connection, a background write). */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error(`gave up waiting for ${what}`);
}

/** A raw client, to look at what Redis holds as its operator would. */
async function raw(url: string) {
  const client = createClient({ url });
  await client.connect();
  return client;
}

const BRIEF = briefInputSchema.parse({ description: 'Zero-waste grocery subscription for students in Porto', count: 3, level: 'standard', seed: 77 });

async function teamCore(server: ProviderServer, env: Record<string, string>): Promise<Core> {
  const core = createCore({ dataDir: tempDir(), resources: null, env, monitor: { autoStart: false }, scheduler: { retry: { initialDelayMs: 5, maxDelayMs: 20 } } });
  cores.push(core);
  core.settings.update({ provider: 'openai', openai: { baseUrl: `${server.url}/v1`, model: 'local-model', stream: false } });
  return core;
}

function tieredWithTeam(url: string, teamKey: string, extra: Partial<ConstructorParameters<typeof TeamTier>[0]> = {}): { cache: TieredCache; tier: TeamTier } {
  const tier = new TeamTier({ connection: { url }, teamKey, ...extra });
  const cache = new TieredCache({ file: path.join(tempDir(), 'cache.db'), team: tier });
  tiers.push(tier);
  caches.push(cache);
  return { cache, tier };
}

describe('the team cache (L3 on Redis)', () => {
  it('lets a second core on another data folder reuse a seeded generation without calling the provider', async () => {
    const server = await ProviderServer.start();
    servers.push(server);
    const running = await redis({ password: 'team-secret' });
    const env = { PERSONA_STUDIO_TEAM_CACHE: running.url, PERSONA_STUDIO_TEAM_KEY: 'consultancy key one' };
    const first = await teamCore(server, env);
    // The environment's URL carries the password: the settings view does not.
    expect(JSON.stringify(first.settings.view())).not.toContain('team-secret');
    await until(() => first.cache.stats().l3?.state === 'connected', 'the first core to connect');
    const made = await first.generate(BRIEF);
    expect(made.fromCache).toBe(false);
    const calls = server.requests.filter((r) => r.route === 'chat').length;
    expect(calls).toBeGreaterThan(0);
    await until(() => (first.cache.stats().l3?.writes ?? 0) > 0, 'the background write to Redis');

    const second = await teamCore(server, env);
    await until(() => second.cache.stats().l3?.state === 'connected', 'the second core to connect');
    const reused = await second.generate(BRIEF);
    expect(reused.fromCache).toBe(true);
    expect(server.requests.filter((r) => r.route === 'chat')).toHaveLength(calls);
    expect(reused.document.personas.map((p) => p.name)).toEqual(made.document.personas.map((p) => p.name));
    const stats = second.cache.stats();
    expect(stats.kinds.generation.l3Hits).toBe(1);
    expect(stats.l3).toMatchObject({ state: 'connected', hits: 1, refused: 0 });

    // Namespaced per team, and nothing readable: no persona name, no word of the brief.
    const client = await raw(running.url);
    const keys = await client.keys('*');
    const { teamId } = teamIdentity('consultancy key one');
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toMatch(new RegExp(`^ps:${teamId}:(culture|generation|answer):[A-Za-z0-9_-]+$`));
    const secrets = [...made.document.personas.map((p) => p.name), 'Zero-waste', 'grocery', 'Porto', 'students'];
    for (const key of keys) {
      const bytes = (await client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).get(key))!;
      const text = bytes.toString('latin1').toLowerCase();
      for (const secret of secrets) expect(text).not.toContain(secret.toLowerCase());
      expect(await client.pTTL(key)).toBeGreaterThan(0);
    }
    await client.quit();
  });

  it('refuses and counts a value sealed with another team key, tampered with, or not sealed at all', async () => {
    const running = await redis();
    const key = keyFor('culture', { themes: ['zero waste'], countries: ['PT'] });
    const a = tieredWithTeam(running.url, 'team A');
    const b = tieredWithTeam(running.url, 'team B');
    await until(() => a.tier.stats().state === 'connected' && b.tier.stats().state === 'connected', 'both tiers to connect');
    await a.cache.get(key, async () => ({ note: 'from team A' }));
    await until(() => a.tier.stats().writes > 0, 'team A to write');
    const client = await raw(running.url);
    const bytes = (await client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).get(a.tier.redisKey(key)))!;
    // Another team's namespace: team B never reads A's keys; a value copied there does not open with B's key.
    expect(a.tier.redisKey(key)).not.toBe(b.tier.redisKey(key));
    await client.set(b.tier.redisKey(key), bytes);
    let loads = 0;
    expect(await b.cache.get(key, async () => (loads++, { note: 'loaded by B' }))).toEqual({ note: 'loaded by B' });
    expect(loads).toBe(1);
    expect(b.tier.stats().refused).toBe(1);

    // A byte flipped inside team A's own value, and plain garbage: both refused, both loaded instead.
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 1]! ^= 0x01;
    await client.set(a.tier.redisKey(key), flipped);
    const other = tieredWithTeam(running.url, 'team A');
    await until(() => other.tier.stats().state === 'connected', 'a second team A tier to connect');
    expect(await other.cache.get(key, async () => ({ note: 'reloaded' }))).toEqual({ note: 'reloaded' });
    const key2 = keyFor('culture', { themes: ['garbage'] });
    await client.set(other.tier.redisKey(key2), '{"note":"plain json, not sealed"}');
    expect(await other.cache.get(key2, async () => ({ note: 'loaded' }))).toEqual({ note: 'loaded' });
    expect(other.tier.stats().refused).toBe(2);
    expect(other.cache.stats().l3?.refused).toBe(2);
    await client.quit();
  });

  it('generates while Redis is absent, killed or paused: the tier is skipped and comes back by itself', async () => {
    // Nothing listening at all: every generation succeeds from the offline engine, the tier is skipped.
    const nowhere = `redis://127.0.0.1:${await freePort()}`;
    const down = createCore({ dataDir: tempDir(), resources: null, env: { PERSONA_STUDIO_TEAM_CACHE: nowhere, PERSONA_STUDIO_TEAM_KEY: 'k' }, monitor: { autoStart: false } });
    cores.push(down);
    for (let seed = 1; seed <= 3; seed++) expect((await down.generate({ ...BRIEF, seed })).run.status).toBe('completed');
    expect(down.cache.stats().l3).toMatchObject({ state: 'skipped', hits: 0, available: false });
    expect(down.cache.stats().l3!.skipped).toBeGreaterThan(0);

    // Paused (SIGSTOP): reads give up at the read timeout, the breaker opens, then skips without asking.
    const running = await redis();
    const { cache, tier } = tieredWithTeam(running.url, 'team', { breaker: { failures: 2, pauseMs: 50 } });
    await until(() => tier.stats().state === 'connected', 'the tier to connect');
    running.pause();
    for (let i = 0; i < 6; i++) expect(await cache.get(keyFor('culture', { themes: [`paused ${i}`] }), async () => i)).toBe(i);
    expect(tier.stats().state).toBe('skipped');
    expect(tier.stats().skipped).toBeGreaterThan(0);
    running.resume();
    // Back by itself: after the pause a probe goes through and closes the breaker.
    await until(() => {
      void cache.get(keyFor('culture', { themes: [`probe ${performance.now()}`] }), async () => 0);
      return tier.stats().state === 'connected';
    }, 'the tier to come back after SIGCONT');

    // Killed and restarted: skipped while down, connected again once Redis answers.
    await running.kill('SIGKILL');
    await until(() => tier.stats().state === 'skipped', 'the tier to notice the kill');
    expect(await cache.get(keyFor('culture', { themes: ['while down'] }), async () => 'loaded')).toBe('loaded');
    await running.restart();
    await until(() => {
      void cache.get(keyFor('culture', { themes: [`after ${performance.now()}`] }), async () => 0);
      return tier.stats().state === 'connected';
    }, 'the tier to reconnect after a restart');
  });

  it('keeps the team password and key sealed and out of the settings view; the connection test says what it found', async () => {
    const running = await redis({ aclUser: { username: 'studio', password: 'acl-pass' } });
    const dataDir = tempDir();
    const core = createCore({ dataDir, resources: null, env: {}, monitor: { autoStart: false } });
    cores.push(core);
    const handlers = createHandlers(core);
    const context = { emit: () => {} } as never;
    expect(await handlers['team-cache:test']({}, context)).toMatchObject({ reachable: false, version: null });
    core.settings.update({ teamCache: { url: `redis://127.0.0.1:${running.port}`, username: 'studio', password: 'acl-pass', teamKey: 'our team key' } });
    expect(() => core.settings.update({ teamCache: { url: 'redis://:in-the-url@127.0.0.1:6379' } })).toThrow(/password field/);
    const view = core.settings.view();
    expect(view.teamCache).toMatchObject({ passwordSet: true, teamKeySet: true, username: 'studio' });
    expect(JSON.stringify(view)).not.toMatch(/acl-pass|our team key/);
    // Sealed in app.db as API keys are: neither secret is in the file or its WAL.
    for (const file of ['app.db', 'app.db-wal'].map((name) => path.join(dataDir, name)).filter((f) => fs.existsSync(f))) {
      const text = fs.readFileSync(file).toString('latin1');
      expect(text).not.toContain('acl-pass');
      expect(text).not.toContain('our team key');
    }
    const tested = await handlers['team-cache:test']({}, context);
    expect(tested).toMatchObject({ reachable: true, version: expect.stringMatching(/^\d+\.\d+/) });
    await until(() => core.cache.stats().l3?.state === 'connected', 'the tier made from settings to connect');
    const wrong = await handlers['team-cache:test']({ url: `redis://127.0.0.1:${await freePort()}` }, context);
    expect(wrong.reachable).toBe(false);
    expect(wrong.message).not.toContain('acl-pass');
  });
});

describe("the team cache's entry count (l3.entries)", () => {
  it("counts this team's keys in Redis in the background, at most once per interval, and says why when it cannot", async () => {
    const running = await redis();
    const { cache, tier } = tieredWithTeam(running.url, 'counted team', { entriesEveryMs: 300 });
    const other = tieredWithTeam(running.url, 'another team');
    await until(() => tier.stats().state === 'connected' && other.tier.stats().state === 'connected', 'both tiers to connect');
    // Asking starts the first count; stats() itself never waits on Redis.
    const first = tier.stats();
    expect(first).toMatchObject({ entries: null, entriesUnknown: 'counting' });
    for (let i = 0; i < 25; i++) await cache.get(keyFor('culture', { themes: [`counted ${i}`] }), async () => ({ i }));
    for (let i = 0; i < 7; i++) await other.cache.get(keyFor('culture', { themes: [`theirs ${i}`] }), async () => ({ i }));
    const client = await raw(running.url);
    await client.set('unrelated:key', 'x');
    await until(() => tier.stats().writes === 25 && other.tier.stats().writes === 7, 'the writes to land');
    const before = Date.now();
    // Within the interval the figure is the last count; once it has passed, the next stats() counts again.
    await until(() => tier.stats().entries === 25, 'a count of the 25 entries (not the other team’s 7 nor the unrelated key)');
    const counted = tier.stats();
    expect(counted.entriesUnknown).toBeNull();
    expect(counted.entriesAt).toBeGreaterThanOrEqual(before - 1000);
    // The whole cache:stats passes the IPC contract with the count in it.
    expect(cacheStatsSchema.parse(cache.stats()).l3).toMatchObject({ entries: 25, entriesUnknown: null });
    await client.quit();

    // A Redis holding more keys than maxScans SCAN calls walk is not counted: null, 'too_many'.
    const filler = await raw(running.url);
    await filler.mSet(Array.from({ length: 3000 }, (_, i) => [`filler:${i}`, '1'] as [string, string]));
    await filler.quit();
    const bounded = tieredWithTeam(running.url, 'counted team', { maxScans: 1 });
    await until(() => bounded.tier.stats().state === 'connected', 'the bounded tier to connect');
    await until(() => bounded.tier.stats().entriesUnknown === 'too_many', 'the bounded count to give up');
    expect(bounded.tier.stats().entries).toBeNull();

    // Paused (SIGSTOP): once the breaker skips Redis the figure is withdrawn, with the reason.
    running.pause();
    for (let i = 0; i < 4 && tier.stats().state === 'connected'; i++) await cache.get(keyFor('culture', { themes: [`paused ${i}`] }), async () => i);
    expect(tier.stats()).toMatchObject({ state: 'skipped', entries: null, entriesUnknown: 'unreachable' });
    running.resume();
    // No team cache: off, with the reason.
    const plain = new TieredCache({ file: path.join(tempDir(), 'cache.db') });
    caches.push(plain);
    expect(plain.stats().l3).toMatchObject({ state: 'off', entries: null, entriesUnknown: 'off' });
  });
});

describe("the team cache's breaker under slow replies", () => {
  it('counts a window of concurrent failures once, and opens on failures at distinct times', () => {
    let now = 1000;
    const breaker = new TeamBreaker({ failures: 3, now: () => now });
    // 16 reads sent together at 1000, all cut at the 20 ms read timeout: one failure.
    now = 1020;
    for (let i = 0; i < 16; i++) breaker.record(false, 20 + i / 16);
    expect(breaker.state).toBe('closed');
    // A read sent after that failure was reported, failing too: the second; and a third, later: open.
    now = 1045;
    breaker.record(false, 20);
    expect(breaker.state).toBe('closed');
    now = 1070;
    breaker.record(false, 20);
    expect(breaker.state).toBe('open');
    // A success between windows starts the row again.
    const other = new TeamBreaker({ failures: 3, now: () => now });
    for (const at of [2000, 2030]) {
      now = at;
      other.record(false, 20);
    }
    other.record(true, 1);
    now = 2060;
    other.record(false, 20);
    expect(other.state).toBe('closed');
  });

  it("keeps the breaker open when its probe is answered, but slowly (CLIENT PAUSE), and closes it on a probe answered in time", async () => {
    const running = await redis();
    // The real client, watched: the test waits for the probe's own reply rather than guessing when it lands.
    const real = teamClient({ url: running.url });
    const probes: Array<{ sent: number; answered: Promise<number> }> = [];
    const client: TeamClient = {
      get isReady() {
        return real.isReady;
      },
      get: (key) => {
        const reply = real.get(key);
        const sent = performance.now();
        if (key.endsWith(':probe')) probes.push({ sent, answered: reply.then(() => performance.now() - sent, () => Number.NaN) });
        return reply;
      },
      set: (key, value, ttlMs) => real.set(key, value, ttlMs),
      version: () => real.version(),
      countKeys: (pattern, maxScans) => real.countKeys(pattern, maxScans),
      onError: (listener) => real.onError(listener),
      connect: () => real.connect(),
      close: () => real.close(),
    };
    const tier = new TeamTier({ connection: { url: running.url }, client, teamKey: 'probe team', breaker: { failures: 1, pauseMs: 30 } });
    tiers.push(tier);
    await until(() => tier.stats().state === 'connected', 'the tier to connect');
    const key = keyFor('culture', { themes: ['probed'] });
    const side = await raw(running.url);
    side.on('error', () => {});

    // Redis holds commands for 200 ms: the read times out and opens the breaker (one failure is enough here).
    await side.sendCommand(['CLIENT', 'PAUSE', '200', 'ALL']);
    expect(await tier.get(key)).toBeUndefined();
    expect(tier.stats().state).toBe('skipped');
    // After the breaker's pause, the next read is skipped and sends the probe, which Redis answers once its own pause is over.
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await tier.get(key)).toBeUndefined();
    expect(probes).toHaveLength(1);
    const slowMs = await probes[0]!.answered;
    await new Promise((resolve) => setImmediate(resolve));
    // Answered, but well past the breaker's 50 ms: Redis is still in trouble, so the breaker stays open.
    expect(slowMs).toBeGreaterThan(50);
    expect(slowMs).toBeLessThan(500);
    expect(tier.stats().state).toBe('skipped');

    // Redis answers in time again: the next probe (after a doubled pause) closes the breaker.
    await side.ping();
    await until(() => {
      void tier.get(key);
      return tier.stats().state === 'connected';
    }, 'a probe answered in time to close the breaker');
    expect(probes.length).toBeGreaterThanOrEqual(2);
    expect(await probes.at(-1)!.answered).toBeLessThanOrEqual(50);
    await side.quit();
  });

  it('stays closed through a burst of 16 reads Redis answers slowly (CLIENT PAUSE), and still opens on a hung Redis', async () => {
    const running = await redis();
    const { tier } = tieredWithTeam(running.url, 'slow team');
    await until(() => tier.stats().state === 'connected', 'the tier to connect');
    const key = (i: number) => keyFor('culture', { themes: [`slow ${i}`] });
    tier.put(key(0), { hello: 'team' }, 60_000);
    await until(() => tier.stats().writes === 1, 'the write');
    const side = await raw(running.url);
    side.on('error', () => {});
    for (let round = 0; round < 3; round++) {
      // Redis holds every other client's commands for 40 ms, then answers them all: slow, not down.
      await side.sendCommand(['CLIENT', 'PAUSE', '40', 'ALL']);
      const burst = await Promise.all(Array.from({ length: 16 }, (_, i) => tier.get(key(i % 4))));
      expect(burst.every((value) => value === undefined), 'each read cut at the 20 ms timeout').toBe(true);
      expect(tier.stats().state, `the breaker after slow burst ${round + 1}`).toBe('connected');
      // Once the pause is over (Redis lifts it on its next cron tick: the side connection's PING waits for that),
      // Redis answers in time again, and the row of failures starts again.
      await side.ping();
      expect(await tier.get(key(0))).toEqual({ hello: 'team' });
    }
    expect(tier.stats().skipped).toBe(0);
    await side.quit();

    // Hung (SIGSTOP): bursts of 16 reads keep timing out; the breaker opens within its 3 failures (3 bursts).
    running.pause();
    let bursts = 0;
    const started = performance.now();
    while (tier.stats().state === 'connected' && bursts < 10) {
      bursts++;
      await Promise.all(Array.from({ length: 16 }, (_, i) => tier.get(key(i))));
    }
    expect(tier.stats().state).toBe('skipped');
    expect(bursts).toBeLessThanOrEqual(3);
    expect(performance.now() - started).toBeLessThan(3 * 20 + 150);
    // Open: the next read is skipped at once.
    const skippedAt = performance.now();
    expect(await tier.get(key(1))).toBeUndefined();
    expect(performance.now() - skippedAt).toBeLessThan(10);
    running.resume();
  });
});
