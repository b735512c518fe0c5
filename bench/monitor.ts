/**
 * What the monitor costs, in one process:
 *  1. The memory 24 h of per-minute history holds: the heap a monitor adds when it reads 1440
 *     realistic rollups from app.db on first use (median of 5, after full GCs, before any load).
 *  2. The scheduler benchmark's load (200 one-persona requests, 20% faults, test provider server)
 *     with the monitor off and on (observing every call, ticking every second, a live listener),
 *     alternating, medians of 9 pairs after a warm-up: the throughput lost.
 *  3. The time from a metric change (a generation ending) to the live event that shows it, measured
 *     30 times at random moments while the load runs: median and worst.
 */
import { MonitorStore } from '../src/main/monitoring/monitor-store';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TieredCache } from '../src/main/cache/tiered-cache';
import { createControls } from '../src/main/monitoring/controls';
import { BatchSizeControl } from '../src/main/generation/batch-size';
import { Preloading } from '../src/main/providers/culture/cached-culture';
import { Monitor } from '../src/main/monitoring/monitor';
import { GAUGES } from '../src/main/monitoring/metric-series';
import { MINUTE, MinuteAccumulator } from '../src/main/monitoring/rollups';
import { Scheduler } from '../src/main/scheduler/scheduler';
import { WorkshopStore } from '../src/main/workshops/workshop-store';
import { settingsSchema } from '../src/shared/settings';
import { ValidationStats } from '../src/main/validation/validation-stats';
import { TRACE_PHASES } from '../src/shared/metrics';
import { ProviderServer } from '../test/support/provider-server';
import { median, round } from './_measure';
import { CAPACITY, runLoad } from './_scheduler-load';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1_048_576;
const settings = settingsSchema.parse({});
const dirs: string[] = [];

/** A monitor over its own app.db and cache.db, as createCore builds it. */
function monitorFor(scheduler: Scheduler, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-bench-'))) {
  dirs.push(dataDir);
  const app = WorkshopStore.open(dataDir);
  const cache = new TieredCache({ file: path.join(dataDir, 'cache.db') });
  const monitor = new Monitor({
    store: new MonitorStore(app.database),
    scheduler,
    cache,
    validationStats: new ValidationStats(),
    settings: () => settings.monitor,
    controls: createControls({ cache, scheduler, preloading: new Preloading({ enabled: false, perLookup: 0, maxLoadPerCore: 1 }), batchSize: new BatchSizeControl(10), settings: () => settings, remoteProviders: new Set(['openai']) }),
  });
  return {
    monitor,
    close: () => {
      monitor.close();
      cache.close();
      app.close();
    },
  };
}

/** The monitor as the app runs it: observing calls, ticking, and a window listening to the live stream. */
function attachMonitor(scheduler: Scheduler): () => void {
  const { monitor, close } = monitorFor(scheduler);
  const unsubscribe = monitor.onLive(() => {});
  return () => {
    unsubscribe();
    close();
  };
}

async function phaseOne(server: ProviderServer): Promise<{ off: number; on: number }> {
  const options = { resources: null };
  await runLoad(server, options);
  await runLoad(server, options, attachMonitor);
  const off: number[] = [];
  const on: number[] = [];
  for (let i = 0; i < 9; i++) {
    // Alternating which goes first, so drift in the machine weighs on both alike.
    const pair = i % 2 === 0 ? [false, true] : [true, false];
    for (const monitored of pair) (monitored ? on : off).push((await runLoad(server, options, monitored ? attachMonitor : undefined)).throughput);
  }
  return { off: median(off), on: median(on) };
}

/** A busy day's minute: 30 generations, 120 provider calls on two providers, every gauge each second. */
function busyMinute(minute: number, seed: number): ReturnType<MinuteAccumulator['toRollup']> {
  const acc = new MinuteAccumulator(minute);
  let x = seed;
  const random = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 30; i++) {
    acc.addTrace(2000 + random() * 20_000, Object.fromEntries(TRACE_PHASES.map((p) => [p, random() * 5000])));
    acc.counters.generations++;
  }
  for (let i = 0; i < 120; i++) acc.addCall(i % 2 ? 'ollama' : 'gemini', 500 + random() * 15_000);
  for (let s = 0; s < 60; s++) {
    acc.addSecond({ at: minute + s * 1000, counters: { ...acc.counters, generations: 0 }, gauges: Object.fromEntries(GAUGES.map((g) => [g, random() * 100])) as never, generationMs: [] });
  }
  return acc.toRollup();
}

/** The JS heap after full collections (rollups are plain objects; external buffers are freed on their own schedule). */
function heapMb(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed / MB;
}

/**
 * One measurement in a frame of its own: the monitor is unreachable once it returns (kept in the
 * loop's frame, V8 held the last one into the next "before").
 */
function readTheDay(scheduler: Scheduler, dataDir: string): { before: number; after: number } {
  const { monitor, close } = monitorFor(scheduler, dataDir);
  const before = heapMb();
  // The day is read on first use (any history request): what it then holds is the cost.
  const hours = monitor.history(24 * 60 * MINUTE, '1h').points.length;
  const after = heapMb();
  close();
  if (hours < 24) throw new Error(`the monitor read ${hours} hours of history, not 24`);
  return { before, after };
}

async function phaseTwo(scheduler: Scheduler): Promise<{ extraMb: number; rows: number; storedMb: number }> {
  const fullDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-bench-day-'));
  dirs.push(fullDir);
  const app = WorkshopStore.open(fullDir);
  const store = new MonitorStore(app.database);
  const now = Math.floor(Date.now() / MINUTE) * MINUTE;
  let storedBytes = 0;
  for (let i = 1; i <= 1440; i++) {
    const rollup = busyMinute(now - i * MINUTE, i);
    storedBytes += JSON.stringify(rollup).length;
    store.putRollup(rollup);
  }
  app.close();
  const extras: number[] = [];
  const readings: string[] = [];
  // Two warm-ups: the first reads compile the parsing path and settle the heap after the writes above.
  for (let repeat = 0; repeat < 7; repeat++) {
    const { before, after } = readTheDay(scheduler, fullDir);
    readings.push(`${before.toFixed(1)}→${after.toFixed(1)}`);
    if (repeat >= 2) extras.push(after - before);
  }
  console.log(`  heap MB before → after reading the day, 2 warm-ups then 5: ${readings.join(', ')}`);
  return { extraMb: median(extras), rows: 1440, storedMb: storedBytes / MB };
}

async function phaseThree(server: ProviderServer): Promise<{ medianMs: number; worstMs: number }> {
  const delays: number[] = [];
  await runLoad(server, { resources: null }, (scheduler) => {
    const { monitor, close } = monitorFor(scheduler);
    let pending: { at: number; generations: number } | null = null;
    const unsubscribe = monitor.onLive((live) => {
      if (pending && live.generations >= pending.generations) {
        delays.push(performance.now() - pending.at);
        pending = null;
      }
    });
    let stopped = false;
    const loop = async () => {
      while (!stopped) {
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
        if (stopped || pending) continue;
        const expected = monitor.live().generations + 1;
        pending = { at: performance.now(), generations: expected };
        monitor.record({ provider: 'openai', outcome: 'completed', fromCache: false, totalMs: 1, phases: {} });
      }
    };
    void loop();
    return () => {
      stopped = true;
      unsubscribe();
      close();
    };
  });
  return { medianMs: median(delays), worstMs: Math.max(...delays) };
}

// Memory first, on a heap the load has not churned.
const idleScheduler = new Scheduler({ resources: null });
const two = await phaseTwo(idleScheduler);
console.log(`phase 1: 24 h of per-minute history (${two.rows} minutes, ${two.storedMb.toFixed(1)} MB as JSON in app.db) held in memory: ${two.extraMb.toFixed(2)} MB more heap once a monitor has read it (median of 5, after GC)`);
const server = await ProviderServer.start({ capacity: CAPACITY });
const one = await phaseOne(server);
// Signed: a negative loss is the noise between runs, shown as measured.
const lossPct = (1 - one.on / one.off) * 100;
console.log(`phase 2: the scheduler benchmark's load, monitor off and on alternating, medians of 9 pairs after a warm-up`);
console.log(`  monitor off ${one.off.toFixed(1).padStart(7)} personas/s`);
console.log(`  monitor on  ${one.on.toFixed(1).padStart(7)} personas/s   (${lossPct.toFixed(2)}% lost)`);


const three = await phaseThree(server);
console.log(`phase 3: a generation ending → the live event showing it, during the load: median ${three.medianMs.toFixed(0)} ms, worst ${three.worstMs.toFixed(0)} ms`);
idleScheduler.close();
await server.close();
for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });

console.log(`targets: throughput loss <= 2% (${lossPct <= 2 ? 'met' : 'MISSED'}), extra memory <= 20 MB (${two.extraMb <= 20 ? 'met' : 'MISSED'}), stream <= 300 ms (${three.worstMs <= 300 ? 'met' : 'MISSED'})`);
console.log(`monitor: throughput_loss_pct=${round(lossPct)} extra_mb=${round(two.extraMb)} stream_ms=${round(three.worstMs, 0)}`);
