/**
 * The scheduler benchmark's load, shared with the monitor benchmark: 200 one-persona requests at a
 * 20% fault rate (429, 500, 503, hangs, malformed bodies) against the test provider server.
 */
import { performance } from 'node:perf_hooks';
import { OpenAiCompatibleProvider } from '../src/main/providers/llm/openai-compatible';
import { Scheduler, type SchedulerOptions } from '../src/main/scheduler/scheduler';
import { personaRequestFor } from '../test/support/llm-answers';
import type { ProviderServer, Scripted } from '../test/support/provider-server';

export const REQUESTS = 200;
export const CAPACITY = 12;
const BASE_MS = 40;
export const DEADLINE_MS = 15_000;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!;

/** The same seeded pattern of faults and latencies for every contender: 20% faults of five kinds. */
function faultScript(server: ProviderServer): (index: number) => Scripted {
  return (index) => {
    const r = ((index * 2654435761) >>> 0) / 4294967296;
    const jitter = 0.8 + ((((index + 7) * 40503) >>> 0) % 1000) / 2500;
    if (r < 0.05) return { status: 429, latencyMs: 5 };
    if (r < 0.1) return { status: 500, latencyMs: 5 };
    if (r < 0.15) return { status: 503, latencyMs: 5 };
    if (r < 0.175) return { hang: true };
    if (r < 0.2) return { rawBody: '{"choices": [{"message": {"content": "{\\"personas\\": [', latencyMs: BASE_MS * jitter };
    return { latencyMs: BASE_MS * jitter, content: server.personasAnswer(1, 'simple', index) };
  };
}

export interface LoadResult {
  throughput: number;
  p95: number;
  failures: number;
  deadlineMisses: number;
  peakLimit: number;
}

/** One run of the load; `attach` may hook into the run's scheduler and returns what undoes it. */
export async function runLoad(server: ProviderServer, options: SchedulerOptions, attach?: (scheduler: Scheduler) => () => void): Promise<LoadResult> {
  const scheduler = new Scheduler({ ...options, timeouts: { initialPerUnitMs: { generate: 400 }, minMs: 50 }, retry: { initialDelayMs: 20, maxDelayMs: 400 }, breaker: { failures: 1_000 } });
  const provider = new OpenAiCompatibleProvider(() => ({ baseUrl: `${server.url}/v1`, model: 'bench', stream: false, temperature: 0 }));
  const script = faultScript(server);
  // Numbered per run, so every contender meets the same faults in the same order.
  let next = 0;
  server.setScript(() => script(next++));
  const detach = attach?.(scheduler);
  const request = await benchRequest;
  let peakLimit = 0;
  const watch = setInterval(() => (peakLimit = Math.max(peakLimit, scheduler.limit.value)), 20);
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: REQUESTS }, async () => {
      const t = performance.now();
      try {
        await scheduler.call({ provider: 'openai', kind: 'generate', priority: 'high', units: 1, deadlineMs: DEADLINE_MS, run: (signal) => provider.generate(request, { signal }) });
        return { ms: performance.now() - t, ok: true, late: false };
      } catch (error) {
        const ms = performance.now() - t;
        return { ms, ok: false, late: (error as { code?: string }).code === 'deadline' || ms > DEADLINE_MS };
      }
    }),
  );
  const elapsed = performance.now() - started;
  clearInterval(watch);
  detach?.();
  scheduler.close();
  const ok = outcomes.filter((o) => o.ok);
  return { throughput: (ok.length / elapsed) * 1000, p95: percentile(outcomes.map((o) => o.ms), 0.95), failures: outcomes.length - ok.length, deadlineMisses: outcomes.filter((o) => o.late).length, peakLimit };
}

export const benchRequest = personaRequestFor('Budgeting app for university students in Manchester', 'simple', 1, 1);
