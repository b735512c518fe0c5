/**
 * Several model servers behind one engine (issue 24): three real test servers on 127.0.0.1, one
 * fast, one 5× slower and one failing. Calls go mostly to the fast one, the slow one still gets
 * some, the failing one's breaker opens and it gets none until its pause ends; then it is probed
 * and used again once it recovers. Weights shift the share; no call fails while a server is
 * healthy; settings without `servers` load and route as before. The breakers' clock is stepped
 * by the test, so nothing here waits out a pause or depends on timing.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../src/main/core/core';
import { OllamaProvider } from '../src/main/providers/llm/ollama';
import type { PersonaRequest } from '../src/main/providers/types';
import { endpointTargets, Scheduler } from '../src/main/scheduler';
import { briefInputSchema } from '../src/shared/brief';
import { schedulerStatusSchema } from '../src/shared/performance';
import { settingsSchema, type LlmEndpoint } from '../src/shared/settings';
import { tempDir } from './helpers';
import { personaRequestFor } from './support/llm-answers';
import { ProviderServer, type Scripted } from './support/provider-server';

const PAUSE_MS = 10_000;
let request: PersonaRequest;
const servers: ProviderServer[] = [];
const cores: Core[] = [];

beforeAll(async () => {
  request = await personaRequestFor('Budgeting app for university students in Manchester', 'simple', 1, 3);
});

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(scripted: Scripted): Promise<ProviderServer> {
  const server = await ProviderServer.start({ script: () => scripted });
  servers.push(server);
  return server;
}

/** An Ollama engine over the given servers (the first is its baseUrl), its scheduler, and a stepped clock for the breakers. */
function engineOver(first: ProviderServer, extra: Array<{ server: ProviderServer; weight?: number }>) {
  const endpoint: LlmEndpoint = { baseUrl: first.url, model: 'm', stream: false, temperature: 0, servers: extra.map((e) => ({ baseUrl: e.server.url, weight: e.weight ?? 1 })) };
  const clock = { now: 0 };
  const scheduler = new Scheduler({
    resources: null,
    retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 },
    endpoints: (provider) => (provider === 'ollama' ? endpointTargets(endpoint) : []),
    endpointPolicy: { failures: 3, halfOpenAfterMs: PAUSE_MS, reprobeEvery: 20 },
    endpointClock: () => clock.now,
  });
  const provider = new OllamaProvider(() => endpoint);
  const call = () => scheduler.call({ provider: 'ollama', kind: 'generate', priority: 'high', units: 1, run: (signal, _attempt, baseUrl) => provider.generate(request, { signal, ...(baseUrl ? { baseUrl } : {}) }) });
  /** `total` calls, `concurrency` at a time; every one must succeed. */
  const calls = async (total: number, concurrency: number) => {
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next++ < total) await call();
    }));
  };
  const state = (server: ProviderServer) => scheduler.endpoints('ollama').find((e) => e.baseUrl === server.url)!;
  return { scheduler, clock, calls, call, state, endpoint };
}

describe('routing between an engine\'s servers', () => {
  it('sends most calls to the fast server, some to the slow one, none to a failing one once its breaker opens; it comes back after its pause once it recovers', async () => {
    const fast = await serve({ latencyMs: 10 });
    const slow = await serve({ latencyMs: 50 });
    const failing = await serve({ status: 500 });
    const engine = engineOver(fast, [{ server: slow }, { server: failing }]);

    await engine.calls(80, 6);
    expect(fast.requests.length).toBeGreaterThan(slow.requests.length * 2);
    expect(slow.requests.length).toBeGreaterThan(0);
    expect(engine.state(failing).breaker).toBe('open');
    // Its breaker opened after 3 faults in a row, with at most the calls already in flight beyond them.
    expect(failing.requests.length).toBeGreaterThanOrEqual(3);
    expect(failing.requests.length).toBeLessThanOrEqual(3 + 6);
    // The provider itself stays closed: the other servers took the failed calls over.
    expect(engine.scheduler.breakerState('ollama')).toBe('closed');

    // Paused: it gets nothing however many calls come.
    const seen = failing.requests.length;
    await engine.calls(40, 4);
    expect(failing.requests.length).toBe(seen);

    // The pause is over while it still fails: one test call, and it is open again.
    engine.clock.now += PAUSE_MS;
    expect(engine.state(failing).breaker).toBe('half_open');
    await engine.calls(20, 4);
    expect(failing.requests.length).toBe(seen + 1);
    expect(engine.state(failing).breaker).toBe('open');

    // Recovered: after the next pause the test call succeeds and it takes calls again.
    failing.setScript(() => ({ latencyMs: 10 }));
    engine.clock.now += PAUSE_MS;
    await engine.calls(60, 6);
    expect(engine.state(failing).breaker).toBe('closed');
    expect(failing.requests.length - (seen + 1)).toBeGreaterThan(5);
    expect(engine.state(failing).latencyMs).not.toBeNull();
  });

  it('weights shift the share between equal servers', async () => {
    const shares = async (weight: number) => {
      const a = await serve({ latencyMs: 10 });
      const b = await serve({ latencyMs: 10 });
      const engine = engineOver(a, [{ server: b, weight }]);
      await engine.calls(60, 4);
      return b.requests.length / (a.requests.length + b.requests.length);
    };
    const even = await shares(1);
    const heavy = await shares(4);
    expect(even).toBeGreaterThan(0.25);
    expect(even).toBeLessThan(0.75);
    expect(heavy).toBeGreaterThan(0.7);
    expect(heavy).toBeGreaterThan(even);
  });

  it('fails no call while one server is healthy, whatever the others do; a retry goes to another server', async () => {
    const healthy = await serve({ latencyMs: 5 });
    const resetting = await serve({ reset: true });
    const unavailable = await serve({ status: 503 });
    const engine = engineOver(resetting, [{ server: unavailable }, { server: healthy }]);
    await engine.calls(40, 4);
    expect(healthy.requests.length).toBeGreaterThanOrEqual(40);
    expect(engine.scheduler.breakerState('ollama')).toBe('closed');
    const status = schedulerStatusSchema.parse(engine.scheduler.snapshot()).providers.find((p) => p.provider === 'ollama')!;
    expect(status.endpoints.map((e) => e.baseUrl)).toEqual([resetting.url, unavailable.url, healthy.url]);
    expect(status.endpoints.filter((e) => e.breaker === 'open')).toHaveLength(2);
    expect(status.failures).toBe(0);
  });

  it('says every server is paused, without calling any, when all of them have failed', async () => {
    const a = await serve({ status: 500 });
    const b = await serve({ status: 500 });
    const engine = engineOver(a, [{ server: b }]);
    for (let i = 0; i < 4; i++) await engine.call().catch(() => undefined);
    const sent = a.requests.length + b.requests.length;
    await expect(engine.call()).rejects.toMatchObject({ code: 'circuit_open', message: expect.stringMatching(/All 2 servers of ollama .* paused/) });
    expect(a.requests.length + b.requests.length).toBe(sent);
  });
});

describe('an engine with servers in the app', () => {
  const brief = briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 3, level: 'standard', seed: 4 });

  function coreWith(settings: Parameters<Core['settings']['update']>[0]): Core {
    const core = createCore({ dataDir: tempDir(), resources: null, env: {}, scheduler: { retry: { initialDelayMs: 5, maxDelayMs: 20 }, timeouts: { initialPerUnitMs: { generate: 2_000 }, minMs: 50 } } });
    core.settings.update(settings);
    cores.push(core);
    return core;
  }

  it('generates from the healthy servers while one fails, and shows each server in the status and the engine profile', async () => {
    const [fast, slow, failing] = [await serve({ latencyMs: 10 }), await serve({ latencyMs: 50 }), await serve({ status: 500 })];
    const core = coreWith({ provider: 'openai', openai: { baseUrl: `${failing.url}/v1`, model: 'local-model', stream: false, servers: [{ baseUrl: `${fast.url}/v1`, weight: 1 }, { baseUrl: `${slow.url}/v1`, weight: 1 }] } });
    for (let seed = 1; seed <= 6; seed++) {
      const { fallback, document } = await core.generate({ ...brief, seed });
      expect(fallback).toBeUndefined();
      expect(document.personas.every((p) => p.meta?.source === 'openai')).toBe(true);
    }
    expect(fast.requests.length).toBeGreaterThan(0);
    const profile = core.monitor.engineProfiles(60 * 60_000).find((p) => p.provider === 'openai')!;
    expect(profile.endpoints.map((e) => e.baseUrl)).toEqual([`${failing.url}/v1`, `${fast.url}/v1`, `${slow.url}/v1`]);
    // Open after 3 faults in a row (a call or two already in flight may add theirs).
    expect(profile.endpoints[0]).toMatchObject({ breaker: 'open', failures: expect.any(Number) });
    expect(profile.endpoints[0]!.failures).toBeGreaterThanOrEqual(3);
    expect(core.settings.view().openai.servers).toEqual([{ baseUrl: `${fast.url}/v1`, weight: 1 }, { baseUrl: `${slow.url}/v1`, weight: 1 }]);
  });

  it('loads settings saved without servers unchanged and sends every call to the one baseUrl, as before', async () => {
    const stored = { provider: 'ollama', ollama: { baseUrl: 'http://127.0.0.1:11434', model: 'llama3.1:8b', stream: true, temperature: 0.8 } };
    const parsed = settingsSchema.parse(stored);
    expect(parsed.ollama).toEqual({ ...stored.ollama, temperatureMode: 'set', servers: [] });
    expect(settingsSchema.safeParse({ ollama: { servers: [{ baseUrl: 'http://a:1', weight: 20 }] } }).success).toBe(false);
    expect(settingsSchema.parse({ ollama: { servers: [{ baseUrl: 'http://a:1' }] } }).ollama.servers).toEqual([{ baseUrl: 'http://a:1', weight: 1 }]);

    const server = await serve({ latencyMs: 5 });
    const core = coreWith({ provider: 'openai', openai: { baseUrl: `${server.url}/v1`, model: 'local-model', stream: false } });
    const { fallback } = await core.generate(brief);
    expect(fallback).toBeUndefined();
    expect(server.requests.length).toBeGreaterThan(0);
    const status = core.scheduler.snapshot().providers.find((p) => p.provider === 'openai')!;
    expect(status.endpoints).toEqual([expect.objectContaining({ baseUrl: `${server.url}/v1`, weight: 1, breaker: 'closed', inFlight: 0, calls: server.requests.length, failures: 0 })]);
  });
});
