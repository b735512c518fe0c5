/**
 * The scheduler against the test provider server (test/support/provider-server, a real HTTP server
 * on 127.0.0.1), in three phases:
 *  1. 200 one-persona requests at a 20% fault rate against a server whose capacity (12 requests
 *     at once; beyond it latency grows as (load/12)^1.5) the scheduler is not told: the adaptive
 *     limit against fixed concurrency 1, 4, 16 and 64, alternating, medians of 5 runs after a warm-up.
 *  2. A steady load while CPU-hog processes (one per core) run for 4 s: the limit must fall within 2 s and rise
 *     after. Beside it, how long CPU sampling blocks this thread per second (worker vs si on the main thread).
 *  3. The seeds' flow for 5 standard personas with time scaled down 100x: 8 cultural lookups of
 *     2-8 s, an LLM taking 2 s + 6 s per persona in a call, whose first answer needs repair. The
 *     naive flow (lookups in sequence, one call for all 5, one full retry when validation fails)
 *     against ours (createCore with Qloo and the OpenAI-compatible provider), cold and warm. The
 *     provider runs in a worker thread: as a real one runs in another process, its own CPU work is
 *     not on the event loop being measured (before, it added ~1 s unscaled to every cold run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import si from 'systeminformation';
import { z } from 'zod';
import { createCore } from '../src/main/core/core';
import { OpenAiCompatibleProvider } from '../src/main/providers/llm/openai-compatible';
import { SystemResourceSampler } from '../src/main/scheduler/resource-sampler';
import { Scheduler, type SchedulerOptions } from '../src/main/scheduler/scheduler';
import { briefInputSchema } from '../src/shared/brief';
import { PERSONA_SCHEMAS } from '../src/shared/persona';
import { ProviderServer } from '../test/support/provider-server';
import { median, round } from './_measure';
import { benchRequest, CAPACITY, DEADLINE_MS, REQUESTS, runLoad, type LoadResult } from './_scheduler-load';

const PHASE_ONE_ROUNDS = 5;

async function phaseOne(): Promise<{ adaptiveVsBest: number; p95VsBest: number; deadlineMisses: number }> {
  const server = await ProviderServer.start({ capacity: CAPACITY });
  const contenders: Array<[string, SchedulerOptions]> = [
    ['adaptive', { resources: null }],
    ...[1, 4, 16, 64].map((n): [string, SchedulerOptions] => [`fixed ${n}`, { resources: null, limits: { initial: n, adaptive: false } }]),
  ];
  const results = new Map<string, LoadResult[]>(contenders.map(([name]) => [name, []]));
  for (const [, options] of contenders) await runLoad(server, options); // warm-up
  // Five alternating rounds: a 200-request run lasts about a second, so one noisy run moves a median of three.
  for (let repeat = 0; repeat < PHASE_ONE_ROUNDS; repeat++) for (const [name, options] of contenders) results.get(name)!.push(await runLoad(server, options));
  await server.close();
  console.log(`phase 1: ${REQUESTS} one-persona requests, 20% faults (429, 500, 503, hangs, malformed bodies), server capacity ${CAPACITY} unknown to the scheduler; medians of ${PHASE_ONE_ROUNDS} runs after a warm-up`);
  const summary = new Map<string, LoadResult>();
  for (const [name, runs] of results) {
    const s: LoadResult = { throughput: median(runs.map((r) => r.throughput)), p95: median(runs.map((r) => r.p95)), failures: Math.max(...runs.map((r) => r.failures)), deadlineMisses: Math.max(...runs.map((r) => r.deadlineMisses)), peakLimit: median(runs.map((r) => r.peakLimit)) };
    summary.set(name, s);
    console.log(`  ${name.padEnd(10)} ${s.throughput.toFixed(1).padStart(7)} personas/s   p95 ${s.p95.toFixed(0).padStart(6)} ms   failed ${String(s.failures).padStart(3)}   past deadline ${s.deadlineMisses}${name === 'adaptive' ? `   limit reached ${s.peakLimit}` : ''}`);
  }
  const [bestName, best] = [...summary].filter(([name]) => name !== 'adaptive').sort((a, b) => b[1].throughput - a[1].throughput)[0]!;
  const adaptive = summary.get('adaptive')!;
  console.log(`  best fixed: ${bestName}`);
  return { adaptiveVsBest: adaptive.throughput / best.throughput, p95VsBest: adaptive.p95 / best.p95, deadlineMisses: adaptive.deadlineMisses };
}

async function phaseTwo(): Promise<{ dropS: number; rose: boolean; samplerBlockMsPerS: number; mainThreadSiBlockMs: number }> {
  // How long sampling blocks this thread: event-loop busy time per second, sampler on against off.
  const busyPerSecond = async (ms: number) => {
    const before = performance.eventLoopUtilization();
    await new Promise((resolve) => setTimeout(resolve, ms));
    return performance.eventLoopUtilization(before).utilization * 1000;
  };
  // Alternating windows, so that leftover work from phase 1 weighs on both sides alike.
  const idleRuns: number[] = [];
  const samplerRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    idleRuns.push(await busyPerSecond(1_500));
    // Steady state: the worker's start-up (thread, module load) is a one-off, measured apart from it.
    const probe = new SystemResourceSampler();
    await new Promise((resolve) => probe.subscribe(resolve));
    samplerRuns.push(await busyPerSecond(1_500));
    probe.close();
  }
  const idle = median(idleRuns);
  const withSampler = median(samplerRuns);
  const lag = monitorEventLoopDelay({ resolution: 1 });
  await si.currentLoad();
  lag.enable();
  for (let i = 0; i < 8; i++) {
    await si.currentLoad();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  lag.disable();
  const samplerBlockMsPerS = withSampler - idle;
  const mainThreadSiBlockMs = lag.max / 1e6;
  console.log(`phase 2: sampling in a worker every 500 ms changes this thread's busy time by ${samplerBlockMsPerS.toFixed(2)} ms/s (medians of 3 alternating 1.5 s windows: ${idle.toFixed(2)} idle, ${withSampler.toFixed(2)} sampling); si.currentLoad() on this thread blocks it up to ${mainThreadSiBlockMs.toFixed(1)} ms per call`);

  const server = await ProviderServer.start({ capacity: 64, script: () => ({ latencyMs: 30 }) });
  const sampler = new SystemResourceSampler();
  const scheduler = new Scheduler({ resources: sampler, caps: { maxCpuPercent: 85 }, timeouts: { initialPerUnitMs: { generate: 400 }, minMs: 50 }, breaker: { failures: 1_000 } });
  const provider = new OpenAiCompatibleProvider(() => ({ baseUrl: `${server.url}/v1`, model: 'bench', stream: false, temperature: 0 }));
  const request = await benchRequest;
  let running = true;
  const workers = Array.from({ length: 48 }, async () => {
    while (running) await scheduler.call({ provider: 'openai', kind: 'generate', priority: 'low', units: 1, deadlineMs: DEADLINE_MS, run: (signal) => provider.generate(request, { signal }) }).catch(() => undefined);
  });
  const trace: Array<{ t: number; limit: number }> = [];
  const started = performance.now();
  const timer = setInterval(() => trace.push({ t: (performance.now() - started) / 1000, limit: scheduler.limit.value }), 100);
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  const hogs: ChildProcess[] = Array.from({ length: os.cpus().length }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  const hogStart = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  for (const hog of hogs) hog.kill('SIGKILL');
  const hogEnd = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  running = false;
  clearInterval(timer);
  await Promise.all(workers);
  scheduler.close();
  sampler.close();
  await server.close();
  const before = trace.filter((p) => p.t < hogStart).at(-1)!.limit;
  const firstDrop = trace.find((p) => p.t >= hogStart && p.limit < before);
  const during = Math.min(...trace.filter((p) => p.t >= hogStart && p.t < hogEnd).map((p) => p.limit));
  const after = Math.max(...trace.filter((p) => p.t >= hogEnd).map((p) => p.limit));
  const dropS = firstDrop ? firstDrop.t - hogStart : Number.POSITIVE_INFINITY;
  const why = scheduler.limit.changes().find((c) => c.at / 1000 >= hogStart + started / 1000 && c.limit < c.previous);
  const line = (from: number, to: number) => trace.filter((p) => p.t >= from && p.t < to).filter((_, i) => i % 5 === 0).map((p) => p.limit).join(' ');
  console.log(`  limit every 0.5 s before the hog: ${line(0, hogStart)}`);
  console.log(`  with ${hogs.length} CPU hogs (from ${hogStart.toFixed(1)} s): ${line(hogStart, hogEnd)}`);
  console.log(`  after (from ${hogEnd.toFixed(1)} s): ${line(hogEnd, 99)}`);
  console.log(`  limit ${before} before, fell within ${dropS.toFixed(2)} s of the hog${why ? ` (${why.reason})` : ''} to a low of ${during}, rose to ${after} after`);
  return { dropS, rose: after > during, samplerBlockMsPerS, mainThreadSiBlockMs };
}

const LOOKUP_S = { 'urn:entity:artist': 2, 'urn:entity:movie': 3, 'urn:entity:tv_show': 4, 'urn:entity:book': 5, 'urn:entity:brand': 6, 'urn:entity:place': 7, 'urn:entity:podcast': 8, 'urn:entity:destination': 5.5 } as const;
const SCALE = 100;
const scaled = (seconds: number) => (seconds * 1000) / SCALE;

/** The seeds' flow provider, in its own thread (see _seeds-flow-server.ts). */
async function seedsFlowServer(): Promise<{ url: string; reset: () => Promise<void>; close: () => Promise<void> }> {
  // The worker registers tsx's loader itself: Node 20 does not carry --import loaders into workers.
  const entry = new URL('./_seeds-flow-server.ts', import.meta.url).href;
  const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`, {
    eval: true,
    workerData: { lookupMs: Object.fromEntries(Object.entries(LOOKUP_S).map(([type, s]) => [type, scaled(s)])), fixedMs: scaled(2), perPersonaMs: scaled(6) },
  });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('message', (message: { url: string }) => resolve(message.url));
    worker.once('error', reject);
  });
  const reply = (expected: string) => new Promise<void>((resolve) => worker.once('message', (m) => m === expected && resolve()));
  return {
    url,
    reset: async () => {
      const done = reply('reset-done');
      worker.postMessage('reset');
      await done;
    },
    close: async () => {
      worker.postMessage('close');
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}

async function phaseThree(): Promise<{ naiveS: number; coldS: number; warmS: number }> {
  const server = await seedsFlowServer();
  const brief = briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 5, level: 'standard', seed: 2024 });

  // The naive flow, as the seeds wrote it.
  const naive = async () => {
    await server.reset();
    const started = performance.now();
    for (const type of Object.keys(LOOKUP_S)) await (await fetch(`${server.url}/v2/insights?filter.type=${type}&signal.location.query=Lyon&take=15`, { headers: { 'x-api-key': 'k' } })).json();
    const strict = z.object({ personas: z.array(PERSONA_SCHEMAS.standard).length(5) });
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', stream: false, messages: [{ role: 'user', content: 'Write 5 distinct personas at the "standard" level' }] }) });
      const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
      try {
        if (strict.safeParse(JSON.parse(body.choices[0]!.message.content)).success) break;
      } catch {
        // Not JSON: the naive flow asks for everything again.
      }
    }
    return ((performance.now() - started) / 1000) * SCALE;
  };
  const naiveRuns: number[] = [];
  await naive();
  for (let i = 0; i < 3; i++) naiveRuns.push(await naive());

  const ours = async () => {
    await server.reset();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-seeds-flow-'));
    const core = createCore({ dataDir, resources: null, env: {}, scheduler: { timeouts: { initialPerUnitMs: { generate: scaled(20), culture: scaled(12) }, minMs: 20 } } });
    core.settings.update({ provider: 'openai', culture: 'qloo', openai: { baseUrl: `${server.url}/v1`, model: 'm', stream: false }, qloo: { baseUrl: server.url, apiKey: 'k' } });
    try {
      let started = performance.now();
      const cold = await core.generate(brief);
      const coldS = ((performance.now() - started) / 1000) * SCALE;
      if (cold.fallback || cold.document.personas.length !== 5) throw new Error(`the cold run fell back: ${JSON.stringify(cold.fallback)}`);
      started = performance.now();
      const warm = await core.generate(brief);
      const warmS = ((performance.now() - started) / 1000) * SCALE;
      if (!warm.fromCache) throw new Error('the warm run was not served from the cache');
      return { coldS, warmS };
    } finally {
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };
  // A fresh core per run: the first few runs still pay for compiling the generation path.
  for (let i = 0; i < 3; i++) await ours();
  const ourRuns: Array<{ coldS: number; warmS: number }> = [];
  for (let i = 0; i < 5; i++) ourRuns.push(await ours());
  await server.close();
  const result = { naiveS: median(naiveRuns), coldS: median(ourRuns.map((r) => r.coldS)), warmS: median(ourRuns.map((r) => r.warmS)) };
  console.log(`phase 3: the seeds' flow for 5 standard personas, time scaled down ${SCALE}x and reported unscaled (naive: median of 3 after a warm-up; ours: median of 5 after 3 warm-ups)`);
  console.log(`  naive (8 lookups in sequence, one call for 5, a full retry on failed validation): ${result.naiveS.toFixed(1)} s`);
  console.log(`  ours cold (lookups in parallel, five one-persona calls in parallel, the damaged answer repaired): ${result.coldS.toFixed(1)} s`);
  console.log(`  ours warm (the same brief and seed again): ${result.warmS.toFixed(2)} s`);
  return result;
}

const one = await phaseOne();
const two = await phaseTwo();
const three = await phaseThree();
console.log(
  `targets: adaptive >= 0.9x best fixed throughput (${one.adaptiveVsBest >= 0.9 ? 'met' : 'MISSED'}), p95 <= 1.5x (${one.p95VsBest <= 1.5 ? 'met' : 'MISSED'}), no deadline misses (${one.deadlineMisses === 0 ? 'met' : 'MISSED'}), limit falls within 2 s of the hog (${two.dropS <= 2 ? 'met' : 'MISSED'}) and rises after (${two.rose ? 'met' : 'MISSED'}), sampling blocks < 1 ms/s (${two.samplerBlockMsPerS < 1 ? 'met' : 'MISSED'}), cold <= 20 s (${three.coldS <= 20 ? 'met' : 'MISSED'}), warm <= 1 s (${three.warmS <= 1 ? 'met' : 'MISSED'})`,
);
console.log(
  `scheduler: adaptive_vs_best=${round(one.adaptiveVsBest)} p95_vs_best=${round(one.p95VsBest)} deadline_misses=${one.deadlineMisses} hog_drop_s=${round(two.dropS)} naive_s=${round(three.naiveS, 1)} cold_s=${round(three.coldS, 1)} warm_s=${round(three.warmS, 2)} sampling_block_ms_per_s=${round(two.samplerBlockMsPerS, 3)}`,
);
