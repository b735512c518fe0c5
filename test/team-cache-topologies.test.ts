/**
 * L3, the team cache, through Redis Sentinel and Redis Cluster (issue 24's follow-up): real processes
 * from test/support/redis-server.ts on 127.0.0.1, the real code path (two cores on two data folders,
 * settings mode 'sentinel' or 'cluster', the team key from PERSONA_STUDIO_TEAM_KEY).
 * - Sentinel (a primary, a replica, one sentinel): the second core is answered by L3 and calls no
 *   provider; the primary is killed (SIGKILL), the sentinel promotes the replica, generations never
 *   fail meanwhile, and the tier comes back by itself on the new primary, with what the old one held.
 * - Cluster (3 primaries): keys spread over the nodes by slot, and the second core reads what the first
 *   stored from every node; a core started while its node is paused skips L3 without errors, and one
 *   started while the whole cluster is down uses it once it is back.
 * A read answered after 20 ms is a miss by design, so on a loaded machine a try can miss: the tests try
 * new seeds until the claim holds (bounded in time) and log every try with the timings.
 * Skipped (outside CI) only when redis-server or redis-cli is missing, as system-tools.ts does for files.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { createCore, type Core } from '../src/main/core/core';
import { keyFor, TeamTier, teamIdentity } from '../src/main/cache';
import { briefInputSchema } from '../src/shared/brief';
import { tempDir } from './helpers';
import { ProviderServer } from './support/provider-server';
import { REDIS_CLI, redisCli, startCluster, startSentinel, type RunningCluster, type RunningSentinel } from './support/redis-server';
import { mayskip, SYSTEM_TOOLS } from './support/system-tools';

const redisPresent = SYSTEM_TOOLS.find((tool) => tool.packages.includes('redis-server'))!.present() && fs.existsSync(REDIS_CLI);

const TEAM_KEY = 'topology team key';
const BRIEF = briefInputSchema.parse({ description: 'Zero-waste grocery subscription for students in Porto', count: 3, level: 'standard', seed: 77 });
const briefWith = (seed: number) => ({ ...BRIEF, seed });

const cores: Core[] = [];
const servers: ProviderServer[] = [];
const topologies: Array<RunningSentinel | RunningCluster> = [];
afterEach(async () => {
  for (const core of cores.splice(0)) {
    // Awaited here (core.close() does not wait for it) so no client outlives the servers.
    await core.cache.teamTier?.close();
    core.close();
  }
  for (const server of servers.splice(0)) await server.close();
  for (const topology of topologies.splice(0)) await topology.stop();
});

/** Waits for what the code under test reaches by itself; `poke` runs on each turn (a read that lets the breaker probe). */
async function until(condition: () => boolean, what: string | (() => string), ms = 15_000, poke?: () => void): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up after ${ms} ms waiting for ${typeof what === 'string' ? what : what()}`);
    poke?.();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Like until(), for a check that must ask something (redis-cli). */
async function eventually(check: () => Promise<boolean>, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function provider(): Promise<ProviderServer> {
  const server = await ProviderServer.start();
  servers.push(server);
  return server;
}

type TopologySettings = { url: string; mode: 'sentinel' | 'cluster'; sentinelName?: string };

/**
 * A tier of its own, recounting every 50 ms (the cores' count at most once a minute), counts the team's entries as
 * `expected()` says (asked again after each count: the cores' last writes may still be landing).
 */
async function countedEntries(settings: TopologySettings, expected: () => Promise<number>): Promise<void> {
  const tier = new TeamTier({ connection: settings, teamKey: TEAM_KEY, entriesEveryMs: 50 });
  try {
    await eventually(async () => {
      const { entries } = tier.stats();
      return entries !== null && entries > 0 && entries === (await expected());
    }, `a count of the team's entries equal to Redis's own (${JSON.stringify(tier.stats())})`, 10_000);
    expect(tier.stats().entriesUnknown).toBeNull();
  } finally {
    await tier.close();
  }
}

/** A core on its own data folder whose team cache is the topology at `url`, in `mode`, as the settings screen would save it. */
function startCore(server: ProviderServer, teamCache: TopologySettings): Core {
  const core = createCore({ dataDir: tempDir(), resources: null, env: { PERSONA_STUDIO_TEAM_KEY: TEAM_KEY }, monitor: { autoStart: false }, scheduler: { retry: { initialDelayMs: 5, maxDelayMs: 20 } } });
  cores.push(core);
  core.settings.update({ provider: 'openai', openai: { baseUrl: `${server.url}/v1`, model: 'local-model', stream: false }, teamCache });
  expect(core.cache.teamTier, 'a tier made from the settings').toBeDefined();
  return core;
}

/** startCore, then waits for its tier to connect. */
async function teamCore(server: ProviderServer, teamCache: TopologySettings): Promise<Core> {
  const core = startCore(server, teamCache);
  await until(() => core.cache.stats().l3?.state === 'connected', `a ${teamCache.mode} core to connect`);
  return core;
}

const chatCalls = (server: ProviderServer) => server.requests.filter((r) => r.route === 'chat').length;
const l3 = (core: Core) => core.cache.stats().l3!;
const timings: Record<string, number | string> = {};
const since = (started: number) => Math.round(performance.now() - started);
const { teamId } = teamIdentity(TEAM_KEY);

/** The team's generation entries on each server, as its operator would list them: key → port. */
async function generationKeys(ports: readonly number[]): Promise<Map<string, number>> {
  const keys = new Map<string, number>();
  for (const port of ports) {
    for (const key of (await redisCli(port, '--scan', '--pattern', `ps:${teamId}:generation:*`)).split('\n').filter(Boolean)) keys.set(key, port);
  }
  return keys;
}

interface Shared {
  seed: number;
  /** Where the first core's generation entry landed (undefined when its write was skipped: the breaker was open). */
  port?: number;
  /** The second core's generation came from L3 with no provider call. */
  hit: boolean;
}

/**
 * One try at what the team cache promises: the first core makes brief `seed` (calling the provider), its generation
 * entry lands in Redis (seen with redis-cli on `ports`), then the second core makes the same brief. A hit must
 * make no provider call and give the same personas. A try can honestly fail on a loaded machine: a read
 * answered after 20 ms is a miss, and three of them open the breaker, which skips writes for a while.
 */
async function shareOnce(first: Core, second: Core, server: ProviderServer, ports: readonly number[], seed: number): Promise<Shared> {
  const before = await generationKeys(ports);
  const made = await first.generate(briefWith(seed));
  expect(made.run.status).toBe('completed');
  let port: number | undefined;
  const deadline = Date.now() + 1_500;
  while (port === undefined && Date.now() < deadline) {
    for (const [key, at] of await generationKeys(ports)) if (!before.has(key)) port = at;
    if (port === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (port === undefined) return { seed, hit: false };
  const calls = chatCalls(server);
  const reused = await second.generate(briefWith(seed));
  expect(reused.run.status).toBe('completed');
  if (!reused.fromCache) return { seed, port, hit: false };
  expect(chatCalls(server), 'no provider call for what L3 held').toBe(calls);
  expect(reused.document.personas.map((p) => p.name)).toEqual(made.document.personas.map((p) => p.name));
  return { seed, port, hit: true };
}

/** shareOnce with new seeds until `enough` says so or `ms` runs out; every try, for the assertions and the log. */
async function shareUntil(first: Core, second: Core, server: ProviderServer, ports: () => readonly number[], seeds: { next: number }, enough: (tries: Shared[]) => boolean, ms: number): Promise<Shared[]> {
  const tries: Shared[] = [];
  const deadline = Date.now() + ms;
  while (!enough(tries) && Date.now() < deadline) tries.push(await shareOnce(first, second, server, ports(), seeds.next++));
  return tries;
}

const hits = (tries: Shared[]) => tries.filter((t) => t.hit);
const describeTries = (tries: Shared[]) => tries.map((t) => `${t.seed}:${t.port ?? 'no write'}:${t.hit ? 'hit' : 'miss'}`).join(' ');

describe.skipIf(!redisPresent && mayskip())('the team cache through Redis Sentinel and Redis Cluster', () => {
  it('Sentinel: the second core is answered by L3; the primary killed, the replica takes over and the tier comes back by itself', async () => {
    let started = performance.now();
    const topology = await startSentinel({ downAfterMs: 2_000 });
    topologies.push(topology);
    timings['sentinel start, ms'] = since(started);
    expect(await topology.primaryPort()).toBe(topology.primary.port);

    const server = await provider();
    const settings = { url: topology.url, mode: 'sentinel' as const, sentinelName: topology.name };
    const first = await teamCore(server, settings);
    const second = await teamCore(server, settings);
    const seeds = { next: 100 };
    const before = await shareUntil(first, second, server, () => [topology.primary.port], seeds, (tries) => hits(tries).length > 0, 15_000);
    timings['sentinel tries before the kill'] = describeTries(before);
    expect(hits(before).length, describeTries(before)).toBeGreaterThan(0);
    const shared = hits(before)[0]!.seed;
    // l3.entries through Sentinel: counted on the primary it names.
    await countedEntries(settings, async () => Number(await redisCli(topology.primary.port, 'DBSIZE')));
    // The primary's entries are copied to the replica.
    await eventually(async () => (await generationKeys([topology.replica.port])).size > 0, 'the generation entries on the replica');

    // The primary dies. Generations carry on (L3 skipped or missed, never an error) while the sentinel fails over.
    started = performance.now();
    await topology.primary.kill('SIGKILL');
    const during: string[] = [];
    let promoted = false;
    const failover = topology.waitForPrimary(topology.replica.port).then(() => {
      timings['sentinel failover (SIGKILL to promoted), ms'] = since(started);
      promoted = true;
    });
    while (!promoted && performance.now() - started < 20_000) {
      for (const core of [first, second]) during.push((await core.generate(briefWith(seeds.next++))).run.status);
    }
    await failover;
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((status) => status === 'completed'), `generations during the failover: ${during.join(', ')}`).toBe(true);
    timings['generations during the failover'] = during.length;

    // Back by itself, on the promoted replica: nothing tells the tiers; the sentinel client follows the failover and
    // the breaker's probe closes it. A brief made by the first core is then read by the second from the new primary.
    const back = performance.now();
    const after = await shareUntil(first, second, server, () => [topology.replica.port], seeds, (tries) => hits(tries).length > 0, 30_000);
    timings['sentinel tries after the promotion'] = describeTries(after);
    timings['first L3 hit after the promotion, ms'] = since(back);
    expect(hits(after).length, describeTries(after)).toBeGreaterThan(0);
    for (const core of [first, second]) expect(l3(core)).toMatchObject({ state: 'connected', available: true, refused: 0 });

    // What the old primary held before it died is still shared: a core on a third data folder reads it from the promoted replica.
    let fromOld = false;
    for (let i = 0; i < 3 && !fromOld; i++) {
      const third = await teamCore(server, settings);
      const calls = chatCalls(server);
      fromOld = (await third.generate(briefWith(shared))).fromCache && chatCalls(server) === calls;
    }
    expect(fromOld, 'a brief stored before the failover read back after it').toBe(true);
    timings['sentinel test after the kill, ms'] = since(started);
  }, 60_000);

  it('Cluster: keys spread over the nodes by slot, the second core reads across slots with no provider call, and a core started while it is down uses it once up', async () => {
    let started = performance.now();
    const topology = await startCluster(3);
    topologies.push(topology);
    timings['cluster start, ms'] = since(started);
    started = performance.now();

    const server = await provider();
    const settings = { url: topology.url, mode: 'cluster' as const };
    const first = await teamCore(server, settings);
    const second = await teamCore(server, settings);
    const ports = topology.nodes.map((node) => node.port);
    const nodesHit = (tries: Shared[]) => new Set(hits(tries).map((t) => t.port)).size;
    // Until the second core has been answered from every node (each brief's entry lands on the node serving its slot).
    const tries = await shareUntil(first, second, server, () => ports, { next: 10 }, (done) => nodesHit(done) === ports.length, 25_000);
    timings['cluster tries'] = describeTries(tries);
    expect(nodesHit(tries), `L3 hits from more than one node: ${describeTries(tries)}`).toBeGreaterThanOrEqual(2);

    // Namespaced keys, no hash tag: each lands on the node serving its slot, and they spread over the nodes.
    const sizes = await topology.sizes();
    expect(sizes.filter((size) => size > 0).length, `keys per node: ${sizes.join(', ')}`).toBeGreaterThanOrEqual(2);
    // l3.entries counts the team's keys on every primary (SCAN walks one node): all the keys here are this team's.
    await countedEntries(settings, async () => (await topology.sizes()).reduce((sum, size) => sum + size, 0));
    for (const node of topology.nodes) {
      for (const key of (await redisCli(node.port, '--scan')).split('\n').filter(Boolean)) {
        expect(key).toMatch(new RegExp(`^ps:${teamId}:(culture|generation|answer):[A-Za-z0-9_-]+$`));
        expect((await topology.nodeOf(key)).port, `${key} is on the node serving its slot`).toBe(node.port);
      }
    }
    expect(second.cache.stats().kinds.generation.l3Hits).toBe(hits(tries).length);
    // No command failed: none was sent before the tier knew which node serves which slot.
    for (const core of [first, second]) expect(l3(core)).toMatchObject({ state: 'connected', refused: 0, errors: 0 });
    timings['cluster test, ms'] = since(started);

    // A core that starts while the node it was given does not answer yet (paused): its reads are skipped until the
    // slots are known, never sent with no node to go to (which failed, counted as errors and opened the breaker).
    topology.nodes[0]!.pause();
    const slow = startCore(server, settings);
    expect((await slow.generate(briefWith(800))).run.status).toBe('completed');
    expect(l3(slow)).toMatchObject({ state: 'skipped', errors: 0 });
    expect(l3(slow).skipped).toBeGreaterThan(0);
    topology.nodes[0]!.resume();
    await until(() => l3(slow).state === 'connected', 'the tier to connect once the node answers', 15_000, () => void slow.cache.get(keyFor('culture', { themes: [`poke ${performance.now()}`] }), async () => 0));

    // A core that starts while the whole cluster is down generates without it, then uses it once it is up, untold.
    for (const node of topology.nodes) await node.kill('SIGKILL');
    const late = startCore(server, settings);
    expect((await late.generate(briefWith(900))).run.status).toBe('completed');
    expect(l3(late)).toMatchObject({ state: 'skipped', hits: 0 });
    started = performance.now();
    for (const node of topology.nodes) await node.restart();
    await topology.waitUntilOk();
    // Killed without persistence, the nodes come back empty (their slots kept in nodes.conf): new briefs, shared again.
    const again = await shareUntil(late, second, server, () => ports, { next: 910 }, (done) => hits(done).length > 0, 30_000);
    timings['cluster down at start, tries once up'] = describeTries(again);
    timings['cluster down at start, first hit after the restart, ms'] = since(started);
    expect(hits(again).length, describeTries(again)).toBeGreaterThan(0);
  }, 60_000);

  afterEach(() => {
    console.log(`team cache topologies: ${JSON.stringify(timings)}`);
  });
});
