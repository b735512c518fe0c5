/**
 * Closing the core while the monitor has work under way: an alert's auto-action whose outcome is still to be recorded,
 * a retention prune between two batches, a live event due, a generation that finishes after the close, an optimization
 * started from the Dashboard with its trial on. Real SQLite in a temp data folder; every read or write of the monitor's
 * tables and of the cache made after close() returned is counted, and must be none, with no unhandled rejection, uncaught
 * exception or error log.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keyFor, TieredCache } from '../src/main/cache';
import { ManualClock } from '../src/main/cache/clock';
import { createCore, type Core, type CoreOptions } from '../src/main/core/core';
import { createDispatcher, type HandlerContext } from '../src/main/ipc/dispatcher';
import { createHandlers } from '../src/main/ipc/handlers';
import { AnomalyStore } from '../src/main/monitoring/anomaly-store';
import { MonitorStore } from '../src/main/monitoring/monitor-store';
import { OptimizationStore } from '../src/main/monitoring/optimization-store';
import type { ResourceSource } from '../src/main/scheduler/resource-sampler';
import { WorkshopStore } from '../src/main/workshops/workshop-store';
import { tempDir } from './helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Counts calls on the monitor's stores and on the cache made once `closed()` is true, and the process's complaints. */
function watchAfterClose(closed: () => boolean) {
  const late: string[] = [];
  const spies = [
    ...[MonitorStore, OptimizationStore, AnomalyStore].flatMap((store) => methodsOf(store.prototype).map((name) => [store, name] as const)),
    ...(['warmL1', 'setL1Budget', 'setTtlBounds', 'pauseBackground', 'get', 'clear', 'hitCounts'] as const).map((name) => [TieredCache, name] as const),
  ].map(([owner, name]) => {
    const proto = owner.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const original = proto[name]!;
    return vi.spyOn(proto, name).mockImplementation(function (this: unknown, ...args: unknown[]) {
      if (closed()) late.push(`${owner.name}.${name}`);
      return original.apply(this, args);
    });
  });
  const problems: string[] = [];
  const onProblem = (error: unknown) => void problems.push(error instanceof Error ? error.message : String(error));
  process.on('unhandledRejection', onProblem);
  process.on('uncaughtException', onProblem);
  const logged = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')];
  return {
    late,
    problems,
    logs: () => logged.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(' '))),
    stop() {
      process.off('unhandledRejection', onProblem);
      process.off('uncaughtException', onProblem);
      for (const spy of [...spies, ...logged]) spy.mockRestore();
    },
  };
}

function methodsOf(proto: object): string[] {
  return Object.getOwnPropertyNames(proto).filter((name) => name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(proto, name)?.value === 'function');
}

/** Cores of the test, closed after it (close() is idempotent) in case it failed before its own close. */
const open: Array<{ core: Core; watch: ReturnType<typeof watchAfterClose> }> = [];
afterEach(() => {
  for (const { core, watch } of open.splice(0)) {
    core.close();
    watch.stop();
  }
});

/** A core on hand-moved clocks whose close() is observed. */
function openCore(dataDir: string, start: number, options: Partial<CoreOptions> = {}) {
  let now = start;
  let closed = false;
  const cacheClock = new ManualClock();
  const core = createCore({
    dataDir,
    resources: null,
    env: {},
    preload: { enabled: false, perLookup: 0, maxLoadPerCore: 1 },
    cacheClock,
    ...options,
    monitor: { now: () => now, autoStart: false, appCpu: () => null, ...options.monitor },
  });
  const close = core.close;
  // Counted from the moment close() returns: what it writes itself (the minute in progress) is its job.
  core.close = () => {
    close();
    closed = true;
  };
  const watch = watchAfterClose(() => closed);
  open.push({ core, watch });
  return {
    core,
    cacheClock,
    watch,
    tick: () => ((now += 1000), core.monitor.tick()),
  };
}

/** Long enough for every continuation, setImmediate batch and live-event timer (250 ms apart at most) left behind to have run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

function expectQuietAfterClose(watch: ReturnType<typeof watchAfterClose>): void {
  expect(watch.late).toEqual([]);
  expect(watch.problems).toEqual([]);
  expect(watch.logs()).toEqual([]);
}

/** A machine whose CPU sampler always reads `cpuPercent`. */
function machineAt(cpuPercent: number, now: () => number): ResourceSource {
  return { latest: () => ({ at: now(), cpuPercent, freeMemoryMb: 8000, totalMemoryMb: 16000, loopLagMs: 40 }), subscribe: () => () => {}, close: () => {} };
}

const noEvents: HandlerContext = { emit: () => {} };
const key = (name: string) => keyFor('culture', { source: 'test', name });
const names = (prefix: string, n = 30) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe('closing the core with the monitor busy', () => {
  it("records nothing after close for an alert's auto-action still in flight, and sends no live event", async () => {
    const dataDir = tempDir();
    const start = Date.UTC(2026, 10, 21, 9, 0, 0);
    let clock = start;
    const t = openCore(dataDir, start, { resources: machineAt(99, () => clock), monitor: { now: () => clock, autoStart: false, appCpu: () => 90 } });
    const live: unknown[] = [];
    t.core.monitor.onLive((view) => live.push(view));
    t.core.settings.update({ monitor: { raiseAfterS: 5 } });
    // The CPU alert's action (lower the concurrency) is started by the tick that raises it; its outcome is written when it resolves.
    for (let s = 0; s < 30 && t.core.monitor.alerts.active().length === 0; s++) {
      clock += 1000;
      t.core.monitor.tick();
    }
    const [raised] = t.core.monitor.alerts.active();
    expect(raised).toMatchObject({ rule: 'cpu', actions: [] });
    t.core.close();
    const liveBefore = live.length;
    await settle();

    expectQuietAfterClose(t.watch);
    expect(live).toHaveLength(liveBefore);
    const reopened = WorkshopStore.open(dataDir);
    try {
      expect(new MonitorStore(reopened.database).alert(raised!.id)).toMatchObject({ rule: 'cpu', status: 'active', actions: [] });
    } finally {
      reopened.close();
    }
  });

  it('stops a retention prune between two batches when the core closes, leaving the rest for the next start', async () => {
    const dataDir = tempDir();
    // The tick into 10:00 rolls over to a new hour, which starts a prune of history older than the retention period.
    const t = openCore(dataDir, Date.UTC(2026, 10, 21, 9, 59, 59));
    const store = new MonitorStore(t.core.store.database);
    for (let i = 0; i < 1200; i++) store.insertAudit({ at: Date.UTC(2020, 0, 1) + i, source: 'user', subject: 'old', step: 'changed', before: null, after: null, metric: null, baseline: null, measured: null, reason: 'long ago' });
    t.tick();
    t.core.close();
    await settle();

    expectQuietAfterClose(t.watch);
    const reopened = WorkshopStore.open(dataDir);
    try {
      // The first batch (500) went before the close; nothing after it.
      expect(new MonitorStore(reopened.database).audit(0, 5000).filter((a) => a.subject === 'old')).toHaveLength(700);
    } finally {
      reopened.close();
    }
  });

  it('ignores a generation that finishes, an answer, a cache event and a settings change after the close', async () => {
    const t = openCore(tempDir(), Date.UTC(2026, 10, 21, 9, 0, 0));
    const live: unknown[] = [];
    t.core.monitor.onLive((view) => live.push(view));
    t.tick();
    t.core.close();
    await settle();
    const liveBefore = live.length;
    t.core.monitor.record({ provider: 'offline', outcome: 'succeeded', fromCache: false, totalMs: 1200, phases: {}, asked: 3, delivered: 3, fallbackPersonas: 0, validation: null, firstTokenMs: null } as unknown as Parameters<Core['monitor']['record']>[0]);
    t.core.monitor.recordAnswer({ engine: 'offline', fromCache: false, firstTokenMs: 20, totalMs: 40 } as unknown as Parameters<Core['monitor']['recordAnswer']>[0]);
    t.core.monitor.raiseEvent('cache_recovered', 'cache.db was replaced');
    t.core.monitor.auditUserAction('POST /api/performance/optimize', 'started', 'the local API answered just as the app closed');
    t.core.monitor.tick();
    t.core.close();
    await settle();

    expectQuietAfterClose(t.watch);
    expect(live).toHaveLength(liveBefore);
  });

  it('leaves an optimization started from the Dashboard, with its trial on and a cache alert acting, untouched after close', async () => {
    const dataDir = tempDir();
    const start = new Date(2026, 10, 21, 12, 0, 0).getTime();
    const t = openCore(dataDir, start, { monitor: { autoStart: false, appCpu: () => null, tuner: { windowMs: MINUTE, minTraffic: 10, cooldownMs: 0 } } });
    t.core.monitor.tuner.setEnabled(false);
    t.core.settings.update({ cache: { ttlMaxDays: 1 }, monitor: { raiseAfterS: 5 } });
    // Entries that expire before they are asked for again: a low hit rate (the alert warms the cache) and a tuner proposal.
    const gets = async (prefix: string) => {
      for (const name of names(prefix)) await t.core.cache.get(key(name), async () => ({ name }));
    };
    await gets('entry');
    t.cacheClock.advance(2 * DAY);
    await gets('entry');
    for (let s = 0; s < 3; s++) t.tick();
    const dispatch = createDispatcher(createHandlers(t.core), () => {});
    const started = await dispatch('optimization:start', {}, noEvents);
    expect(started).toMatchObject({ ok: true, data: { status: 'running', trials: [{ tunable: 'ttl_min_ms', outcome: 'running' }] } });
    for (let s = 0; s < 30 && t.core.monitor.alerts.active().length === 0; s++) t.tick();
    expect(t.core.monitor.alerts.active()).toMatchObject([{ rule: 'cache_hit_rate', actions: [] }]);
    t.core.close();
    await settle();

    expectQuietAfterClose(t.watch);
    const reopened = WorkshopStore.open(dataDir);
    try {
      const [optimization] = new OptimizationStore(reopened.database).list(1);
      // Still as it stood at the close: the next start ends it, saying the app closed while it ran.
      expect(optimization).toMatchObject({ status: 'running', trials: [{ tunable: 'ttl_min_ms', outcome: 'running' }] });
    } finally {
      reopened.close();
    }
  });
});
