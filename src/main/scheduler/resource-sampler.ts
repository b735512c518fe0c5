/**
 * CPU load and free memory from systeminformation, sampled in a worker thread: `si.currentLoad()`
 * runs a synchronous command on Linux (about 12 ms each call, 0.5 s the first), which must never
 * block the thread that answers the window. Event-loop lag is how late each sample's message is
 * handled here after the worker sent it: no timer of its own wakes this thread. The first sample
 * arrives after start-up's critical path; until then there is no pressure to report.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SchedulerStatus } from '../../shared/performance';
import type { ResourcePressure } from './adaptive-limit';

/**
 * One sample, as the status reports it: `cpuPercent` is the whole machine's load (0-100), and
 * `loopLagMs` how long this thread's event loop took to handle the sample after it was sent.
 */
export type ResourceSample = NonNullable<SchedulerStatus['resources']>;

export interface ResourceSource {
  latest(): ResourceSample | undefined;
  /** Calls `listener` with each sample; returns the unsubscribe. */
  subscribe(listener: (sample: ResourceSample) => void): () => void;
  close(): void;
}

/** Runs in the worker: systeminformation is CommonJS, resolved by the main thread and passed in. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const si = require(workerData.systeminformation);
let stopped = false;
parentPort.on('message', (m) => { if (m === 'stop') { stopped = true; process.exit(0); } });
async function tick() {
  try {
    const [load, mem] = await Promise.all([si.currentLoad(), si.mem()]);
    parentPort.postMessage({ cpuPercent: load.currentLoad, freeMemoryMb: mem.available / 1048576, totalMemoryMb: mem.total / 1048576, sentAt: performance.timeOrigin + performance.now() });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
  if (!stopped) setTimeout(tick, workerData.intervalMs);
}
tick();
`;

export class SystemResourceSampler implements ResourceSource {
  private readonly worker: Worker;
  private readonly listeners = new Set<(sample: ResourceSample) => void>();
  private last: ResourceSample | undefined;
  private closed = false;

  constructor(intervalMs = 500) {
    const systeminformation = createRequire(import.meta.url).resolve('systeminformation');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { systeminformation, intervalMs } });
    this.worker.unref();
    this.worker.on('message', (message: { cpuPercent?: number; freeMemoryMb?: number; totalMemoryMb?: number; sentAt?: number; error?: string }) => {
      if (message.cpuPercent === undefined || message.freeMemoryMb === undefined || message.totalMemoryMb === undefined || message.sentAt === undefined) return;
      const sample: ResourceSample = {
        at: Date.now(),
        cpuPercent: message.cpuPercent,
        freeMemoryMb: message.freeMemoryMb,
        totalMemoryMb: message.totalMemoryMb,
        loopLagMs: Math.max(0, performance.timeOrigin + performance.now() - message.sentAt),
      };
      this.last = sample;
      for (const listener of this.listeners) listener(sample);
    });
    // A sampler that cannot run leaves the limit to latency alone; it never takes the app down.
    this.worker.on('error', () => this.close());
  }

  latest(): ResourceSample | undefined {
    return this.last;
  }

  subscribe(listener: (sample: ResourceSample) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    void this.worker.terminate();
  }
}

export interface ResourceCaps {
  /** Above this whole-machine CPU load the limit falls. */
  maxCpuPercent: number;
  /** Above this share of the machine's memory in use the limit falls. */
  maxMemoryPercent: number;
  /** Above this event-loop p99 delay the limit falls (the window would stutter). */
  maxLoopLagMs: number;
}

export const DEFAULT_CAPS: ResourceCaps = { maxCpuPercent: 90, maxMemoryPercent: 92, maxLoopLagMs: 200 };

/** Why a sample calls for fewer calls at once, or undefined. */
export function pressureOf(sample: ResourceSample, caps: ResourceCaps): ResourcePressure | undefined {
  if (sample.cpuPercent > caps.maxCpuPercent) return { reason: `CPU at ${sample.cpuPercent.toFixed(0)}% (cap ${caps.maxCpuPercent}%)` };
  const memoryPercent = 100 * (1 - sample.freeMemoryMb / sample.totalMemoryMb);
  if (memoryPercent > caps.maxMemoryPercent) return { reason: `memory ${memoryPercent.toFixed(0)}% in use (cap ${caps.maxMemoryPercent}%)` };
  if (sample.loopLagMs > caps.maxLoopLagMs) return { reason: `event loop lagging ${sample.loopLagMs.toFixed(0)} ms` };
  return undefined;
}
