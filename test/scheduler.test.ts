/**
 * The scheduler against the test provider server: every failure kind ends within its deadline,
 * only retryable failures are retried, the breaker opens and half-opens; and the adaptive limit,
 * dynamic timeouts and the resource sampler on their own.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiCompatibleProvider } from '../src/main/providers/llm/openai-compatible';
import { OllamaProvider } from '../src/main/providers/llm/ollama';
import type { PersonaRequest } from '../src/main/providers/types';
import { AdaptiveLimit, DEFAULT_LIMITS } from '../src/main/scheduler/adaptive-limit';
import { DEFAULT_TIMEOUTS, timeoutFor } from '../src/main/scheduler/call-timeouts';
import { LatencyTracker } from '../src/main/scheduler/latency-tracker';
import { pressureOf, SystemResourceSampler, type ResourceSample } from '../src/main/scheduler/resource-sampler';
import { Scheduler } from '../src/main/scheduler/scheduler';
import { personaRequestFor } from './support/llm-answers';
import { ProviderServer, type Scripted } from './support/provider-server';

let request: PersonaRequest;
let server: ProviderServer;

beforeAll(async () => {
  request = await personaRequestFor('Budgeting app for university students in Manchester', 'simple', 2, 3);
});

afterEach(async () => {
  await server?.close();
});

const scheduler = (breakerFailures = 50) =>
  new Scheduler({ resources: null, retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 40 }, breaker: { failures: breakerFailures, halfOpenAfterMs: 150 }, timeouts: { initialPerUnitMs: { generate: 100 }, minMs: 20 } });

function callThrough(s: Scheduler, stream: boolean, deadlineMs: number) {
  const provider = stream ? new OllamaProvider(() => ({ baseUrl: server.url, model: 'm', stream: true, temperature: 0 })) : new OpenAiCompatibleProvider(() => ({ baseUrl: `${server.url}/v1`, model: 'm', stream: false, temperature: 0 }));
  return s.call({ provider: provider.id, kind: 'generate', priority: 'high', units: 2, deadlineMs, run: (signal) => provider.generate(request, { signal }) });
}

describe('every failure kind ends within its deadline, retried only when retrying can help', () => {
  const DEADLINE = 900;
  const cases: Array<{ name: string; scripted: Scripted; stream?: boolean; codes: string[]; attempts: number | 'several' }> = [
    { name: 'a hang', scripted: { hang: true }, codes: ['timeout', 'deadline'], attempts: 'several' },
    { name: 'a stream slower than the timeout', scripted: { chunks: 50, intervalMs: 100 }, stream: true, codes: ['timeout', 'deadline'], attempts: 'several' },
    { name: '429', scripted: { status: 429 }, codes: ['rate_limited'], attempts: 3 },
    { name: '500', scripted: { status: 500 }, codes: ['server_error'], attempts: 3 },
    { name: '503', scripted: { status: 503 }, codes: ['unavailable'], attempts: 3 },
    { name: 'malformed JSON', scripted: { rawBody: '{"choices": [ {"message": ' }, codes: ['malformed'], attempts: 3 },
    { name: 'a body cut off midway', scripted: { truncateAt: 40 }, codes: ['malformed', 'network'], attempts: 3 },
    { name: 'a stream cut off midway', scripted: { truncateAt: 300 }, stream: true, codes: ['malformed', 'network'], attempts: 3 },
    { name: 'a reset connection', scripted: { reset: true }, codes: ['network'], attempts: 3 },
    { name: 'a refusal', scripted: { refusal: 'I will not do that.' }, codes: ['refused'], attempts: 1 },
    { name: '400', scripted: { status: 400 }, codes: ['bad_request'], attempts: 1 },
    { name: '401', scripted: { status: 401 }, codes: ['unauthorized'], attempts: 1 },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      server = await ProviderServer.start({ script: () => c.scripted });
      const s = scheduler();
      const started = performance.now();
      const error = await callThrough(s, c.stream === true, DEADLINE).then(
        () => undefined,
        (e: unknown) => e as { code: string },
      );
      const elapsed = performance.now() - started;
      expect(error?.code).toBeOneOf(c.codes);
      expect(elapsed).toBeLessThan(DEADLINE + 250);
      if (c.attempts === 'several') expect(server.requests.length).toBeGreaterThan(1);
      else expect(server.requests).toHaveLength(c.attempts);
      // Whatever was still open was abandoned, not left running.
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(server.inFlight).toBe(0);
      s.close();
    });
  }

  it('a 429 with retry-after waits that long before asking again', async () => {
    server = await ProviderServer.start({ script: (r) => (r.index === 0 ? { status: 429, headers: { 'retry-after': '0.3' } } : {}) });
    const s = scheduler();
    await callThrough(s, false, 3_000);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(290);
    s.close();
  });
});

describe('circuit breaker', () => {
  it('opens after consecutive faults, fails fast while open, half-opens after its pause and closes on success', async () => {
    server = await ProviderServer.start({ script: () => ({ status: 503 }) });
    const s = scheduler(3);
    await expect(callThrough(s, false, 2_000)).rejects.toMatchObject({ code: 'unavailable' });
    expect(server.requests).toHaveLength(3);
    expect(s.breakerState('openai')).toBe('open');

    const before = server.requests.length;
    const started = performance.now();
    await expect(callThrough(s, false, 2_000)).rejects.toMatchObject({ code: 'circuit_open', message: expect.stringMatching(/503/) });
    expect(performance.now() - started).toBeLessThan(50);
    expect(server.requests.length).toBe(before);

    server.setScript(() => ({}));
    await new Promise((resolve) => setTimeout(resolve, 170));
    const answer = await callThrough(s, false, 2_000);
    expect(answer).toMatchObject({ format: 'text' });
    expect(server.requests.length).toBe(before + 1);
    expect(s.breakerState('openai')).toBe('closed');
    s.close();
  });

  it('a failed test call while half-open opens it again', async () => {
    server = await ProviderServer.start({ script: () => ({ status: 500 }) });
    const s = scheduler(2);
    await expect(callThrough(s, false, 2_000)).rejects.toBeDefined();
    expect(s.breakerState('openai')).toBe('open');
    await new Promise((resolve) => setTimeout(resolve, 170));
    await expect(callThrough(s, false, 2_000)).rejects.toMatchObject({ code: expect.stringMatching(/server_error|circuit_open/) });
    expect(s.breakerState('openai')).toBe('open');
    s.close();
  });
});

describe('priorities', () => {
  it('runs high-priority calls before queued low-priority ones', async () => {
    const s = new Scheduler({ resources: null, limits: { initial: 1, adaptive: false } });
    const order: string[] = [];
    const job = (name: string, priority: 'high' | 'low') => s.call({ provider: 'p', kind: 'culture', priority, run: async () => void order.push(name) });
    const blocker = s.call({ provider: 'p', kind: 'culture', priority: 'high', run: () => new Promise((resolve) => setTimeout(resolve, 30)) });
    const all = [job('low-1', 'low'), job('low-2', 'low'), job('high', 'high')];
    await Promise.all([blocker, ...all]);
    expect(order).toEqual(['high', 'low-1', 'low-2']);
    s.close();
  });
});

describe('adaptive limit', () => {
  const feed = (limit: AdaptiveLimit, tracker: LatencyTracker, latency: number, times: number, running: number, now = { t: 0 }) => {
    for (let i = 0; i < times; i++) {
      tracker.record('p', 'generate', 1, latency);
      now.t += latency;
      limit.onSuccess('p', 'generate', running, now.t);
    }
  };

  it('rises while latency holds and calls fill the limit, not while it sits unused', () => {
    const tracker = new LatencyTracker();
    const limit = new AdaptiveLimit(DEFAULT_LIMITS, tracker);
    feed(limit, tracker, 100, 20, 0);
    expect(limit.value).toBe(DEFAULT_LIMITS.initial);
    feed(limit, tracker, 100, 6, 64);
    expect(limit.value).toBeGreaterThan(DEFAULT_LIMITS.initial + 4);
  });

  it('falls when latency climbs past its baseline, and on overload', () => {
    const tracker = new LatencyTracker();
    const limit = new AdaptiveLimit({ ...DEFAULT_LIMITS, initial: 20 }, tracker);
    const now = { t: 0 };
    feed(limit, tracker, 100, 30, 64, now);
    const high = limit.value;
    feed(limit, tracker, 400, 40, 64, now);
    expect(limit.value).toBeLessThan(high * 0.8);
    const before = limit.value;
    // Six overloads in a round of twenty: over a quarter.
    for (let i = 0; i < 6; i++) limit.onOverload('429', now.t + 10_000 + i * 1_000, 100);
    expect(limit.value).toBeLessThanOrEqual(Math.floor(before * 0.7));
  });

  it('a few overload failures at random (under a quarter of a round) do not lower it', () => {
    const tracker = new LatencyTracker();
    const limit = new AdaptiveLimit({ ...DEFAULT_LIMITS, initial: 12 }, tracker);
    const now = { t: 0 };
    for (let round = 0; round < 20; round++) {
      feed(limit, tracker, 100, 9, 64, now);
      limit.onOverload('503', (now.t += 10), 100);
    }
    expect(limit.value).toBeGreaterThanOrEqual(12);
  });

  it('falls by 30% on each resource sample under pressure, never below the minimum', () => {
    const limit = new AdaptiveLimit({ ...DEFAULT_LIMITS, initial: 30 }, new LatencyTracker());
    const caps = { maxCpuPercent: 80, maxMemoryPercent: 90, maxLoopLagMs: 100 };
    const sample = (cpu: number, freeMb = 8000, lag = 5): ResourceSample => ({ at: 0, cpuPercent: cpu, freeMemoryMb: freeMb, totalMemoryMb: 16000, loopLagMs: lag });
    limit.onResources(pressureOf(sample(50), caps), 0);
    expect(limit.value).toBe(30);
    limit.onResources(pressureOf(sample(95), caps), 1);
    expect(limit.value).toBe(21);
    expect(pressureOf(sample(10, 500), caps)?.reason).toMatch(/memory 97% in use/);
    expect(pressureOf(sample(10, 8000, 300), caps)?.reason).toMatch(/event loop/);
    for (let i = 0; i < 20; i++) limit.onResources({ reason: 'cpu' }, i);
    expect(limit.value).toBe(1);
    expect(limit.changes().at(-1)).toMatchObject({ limit: 1, reason: 'cpu' });
  });

  it('a fixed limit never moves', () => {
    const limit = new AdaptiveLimit({ ...DEFAULT_LIMITS, initial: 4, adaptive: false }, new LatencyTracker());
    limit.onOverload('503', 0, 0);
    limit.onResources({ reason: 'cpu' }, 0);
    expect(limit.value).toBe(4);
  });
});

describe('dynamic timeouts', () => {
  it('start from the kind, then follow p95 × factor per unit, growing on each retry, within bounds', () => {
    const tracker = new LatencyTracker();
    expect(timeoutFor(tracker, DEFAULT_TIMEOUTS, 'p', 'culture', 1, 0)).toBe(16_000);
    for (let i = 0; i < 40; i++) tracker.record('p', 'culture', 1, i < 39 ? 200 : 1000);
    // p95 of per-unit latency (ms / (1 + units)) = 100 ms (one slow call in 40 is above it); × 3 × 2 units of cost = 600, raised to the 1 s minimum.
    expect(timeoutFor(tracker, DEFAULT_TIMEOUTS, 'p', 'culture', 1, 0)).toBe(1_000);
    expect(timeoutFor(tracker, { ...DEFAULT_TIMEOUTS, minMs: 100 }, 'p', 'culture', 1, 0)).toBe(600);
    expect(timeoutFor(tracker, { ...DEFAULT_TIMEOUTS, minMs: 100 }, 'p', 'culture', 1, 2)).toBe(1350);
    expect(timeoutFor(tracker, { ...DEFAULT_TIMEOUTS, minMs: 100, maxMs: 1000 }, 'p', 'culture', 9, 2)).toBe(1000);
  });
});

describe('resource sampler', () => {
  it('reports CPU and memory from a worker, without blocking this thread', async () => {
    const sampler = new SystemResourceSampler(100);
    try {
      const sample = await new Promise<ResourceSample>((resolve) => sampler.subscribe(resolve));
      expect(sample.cpuPercent).toBeGreaterThanOrEqual(0);
      expect(sample.cpuPercent).toBeLessThanOrEqual(100);
      expect(sample.totalMemoryMb).toBeGreaterThan(100);
      expect(sample.freeMemoryMb).toBeGreaterThan(0);
      expect(sample.freeMemoryMb).toBeLessThanOrEqual(sample.totalMemoryMb);
      expect(sampler.latest()).toBe(sample);
    } finally {
      sampler.close();
    }
  });
});
