import fs from 'node:fs';
import { MonitorStore } from '../src/main/monitoring/monitor-store';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../src/main/core/core';
import { AlertEngine, type AlertRule } from '../src/main/monitoring/alerts';
import { AutoTuner, type Proposal, type Tunable, type TunerEnvironment, type TunerMetric } from '../src/main/monitoring/auto-tuner';
import { createControls } from '../src/main/monitoring/controls';
import { APP_CPU_MATERIAL_PERCENT, processCpuMeter } from '../src/main/monitoring/cpu-share';
import { EmergencyResponse } from '../src/main/monitoring/emergency';
import { LogHistogram } from '../src/main/monitoring/log-histogram';
import { Preloading } from '../src/main/providers/culture/cached-culture';
import { BatchSizeControl } from '../src/main/generation/batch-size';
import type { ResourceSource } from '../src/main/scheduler/resource-sampler';
import { MIN_GENERATIONS_TO_SCORE, scoreOf } from '../src/main/monitoring/performance-score';
import { MINUTE, MinuteAccumulator } from '../src/main/monitoring/rollups';
import { WorkshopStore } from '../src/main/workshops/workshop-store';
import type { NewAuditEntry } from '../src/main/monitoring/monitor-store';
import { briefInputSchema } from '../src/shared/brief';
import { formatMetric, formatSettingChange, settingName } from '../src/shared/monitor-units';
import { tempDir } from './helpers';
import { ProviderServer } from './support/provider-server';

const HOUR = 60 * MINUTE;

function monitorStore() {
  const app = WorkshopStore.open(tempDir());
  return { app, store: new MonitorStore(app.database) };
}

const hitRateRule = (overrides: Partial<AlertRule> = {}): AlertRule => ({
  id: 'cache_hit_rate',
  severity: 'medium',
  direction: 'below',
  threshold: 0.7,
  clearAt: 0.75,
  raiseAfterMs: 60_000,
  clearAfterMs: 60_000,
  describe: (v) => `hit rate ${v}`,
  ...overrides,
});

/** A hit rate wandering around 70%: mostly a little under, now and then a little over, never back to 75%. */
const noisy = (second: number) => 0.69 + 0.03 * Math.sin(second * 1.7);

/** A manual clock: tests move it; Date.now is never read. */
function manualClock(start = Date.UTC(2026, 10, 21, 9, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('alerts', () => {
  it('raises one alert, not many, for a noisy series around the threshold', () => {
    const { app, store } = monitorStore();
    try {
      const engine = new AlertEngine([hitRateRule()], store, async () => 'done');
      for (let s = 0; s < 1200; s++) engine.evaluate(s * 1000, { cache_hit_rate: noisy(s) });
      expect(store.alerts(0)).toHaveLength(1);
      expect(store.alerts(0)[0]).toMatchObject({ rule: 'cache_hit_rate', status: 'active' });
    } finally {
      app.close();
    }
  });

  it('flaps without hysteresis on the same series (the test above can fail)', () => {
    const { app, store } = monitorStore();
    try {
      const engine = new AlertEngine([hitRateRule({ clearAt: 0.7, raiseAfterMs: 0, clearAfterMs: 0 })], store, async () => 'done');
      for (let s = 0; s < 1200; s++) engine.evaluate(s * 1000, { cache_hit_rate: noisy(s) });
      expect(store.alerts(0).length).toBeGreaterThan(50);
    } finally {
      app.close();
    }
  });

  it('clears once the value stays past the clear level, and ignores seconds with nothing measured', () => {
    const { app, store } = monitorStore();
    try {
      const engine = new AlertEngine([hitRateRule()], store, async () => 'done');
      for (let s = 0; s <= 60; s++) engine.evaluate(s * 1000, { cache_hit_rate: 0.5 });
      expect(engine.active()).toHaveLength(1);
      for (let s = 61; s < 200; s++) engine.evaluate(s * 1000, { cache_hit_rate: null });
      expect(engine.active()).toHaveLength(1);
      for (let s = 200; s <= 260; s++) engine.evaluate(s * 1000, { cache_hit_rate: 0.9 });
      expect(engine.active()).toHaveLength(0);
      expect(store.alerts(0)[0]).toMatchObject({ status: 'resolved', resolvedAt: 260_000 });
    } finally {
      app.close();
    }
  });

  it('runs the auto-action of a raised alert on the real component and records its outcome', async () => {
    const dataDir = tempDir();
    const clock = manualClock();
    const core = createCore({ dataDir, resources: null, monitor: { now: clock.now, autoStart: false } });
    try {
      const before = core.scheduler.timeoutFactor;
      const store = new MonitorStore(core.store.database);
      const controls = createControls({ cache: core.cache, scheduler: core.scheduler, preloading: new Preloading({ enabled: false, perLookup: 0, maxLoadPerCore: 1 }), batchSize: new BatchSizeControl(5), settings: () => core.settings.get(), remoteProviders: new Set(['ollama']) });
      const engine = new AlertEngine(
        [{ ...hitRateRule(), id: 'provider_timeouts', direction: 'above', threshold: 0.1, clearAt: 0.03, action: 'adjust_timeout' }],
        store,
        (action) => controls.runAction(action, { failingProvider: undefined }),
      );
      for (let s = 0; s <= 61; s++) engine.evaluate(s * 1000, { provider_timeouts: 0.4 });
      await new Promise((resolve) => setImmediate(resolve));
      expect(core.scheduler.timeoutFactor).toBeCloseTo(before * 1.5);
      const [alert] = store.alerts(0);
      expect(alert!.actions).toEqual([{ action: 'adjust_timeout', at: 60_000, ok: true, outcome: `timeouts raised from ${before.toFixed(1)} to ${(before * 1.5).toFixed(1)} × p95 latency` }]);
    } finally {
      core.close();
    }
  });

  it('pauses the LLM engine that fails most of its calls, not the default one', async () => {
    const server = await ProviderServer.start();
    server.setScript(() => ({ status: 500 }));
    const clock = manualClock();
    const core = createCore({ dataDir: tempDir(), resources: null, monitor: { now: clock.now, autoStart: false }, scheduler: { retry: { initialDelayMs: 1, maxDelayMs: 2 } } });
    try {
      core.settings.update({ provider: 'offline', openai: { baseUrl: `${server.url}/v1`, model: 'm', stream: false }, monitor: { raiseAfterS: 0 } });
      // Enough calls for the rule to judge (10 in the last minute); the default engine stays the offline one.
      const result = await core.generate(briefInputSchema.parse({ description: 'Meal-kit delivery for busy parents in Lyon', count: 12, level: 'standard' }), { providerId: 'openai' });
      expect(result.fallback?.personas).toBe(12);
      clock.advance(1000);
      core.monitor.tick();
      await new Promise((resolve) => setImmediate(resolve));
      const alert = core.monitor.listAlerts(HOUR).find((a) => a.rule === 'provider_errors');
      expect(alert?.actions[0]).toMatchObject({ action: 'enable_offline_fallback', ok: true, outcome: expect.stringMatching(/^openai paused/) });
      expect(core.scheduler.breakerState('openai')).toBe('open');
    } finally {
      core.close();
      await server.close();
    }
  });

  it('warms the cache when the real hit rate stays low, through the running monitor', async () => {
    const clock = manualClock();
    const core = createCore({ dataDir: tempDir(), resources: null, preload: { enabled: false, perLookup: 0, maxLoadPerCore: 1 }, monitor: { now: clock.now, autoStart: false } });
    try {
      const cities = ['Lyon', 'Paris', 'Berlin', 'Madrid', 'Rome', 'Lisbon', 'Vienna', 'Prague', 'Dublin', 'Oslo', 'Munich', 'Milan'];
      for (const city of cities) await core.generate(briefInputSchema.parse({ description: `Meal-kit delivery for busy parents in ${city}`, count: 1, level: 'standard', seed: 7 }));
      for (let s = 0; s < 70; s++) {
        clock.advance(1000);
        core.monitor.tick();
      }
      await new Promise((resolve) => setImmediate(resolve));
      const alerts = core.monitor.listAlerts(HOUR);
      const alert = alerts.find((a) => a.rule === 'cache_hit_rate');
      expect(alert, JSON.stringify(alerts)).toBeDefined();
      expect(alert!.value).toBeLessThan(0.7);
      expect(alert!.actions).toHaveLength(1);
      expect(alert!.actions[0]).toMatchObject({ action: 'warm_cache', ok: true });
      expect(core.monitor.live().activeAlerts).toBe(1);
    } finally {
      core.close();
    }
  });
});

/** A simulated system: the hit rate grows with L1 (a good change); p95 grows past 8 calls at once (a bad one). */
function simulatedWorkload() {
  const clock = manualClock(0);
  const audit: NewAuditEntry[] = [];
  const values = { l1_bytes: 8, concurrency_max: 8 };
  const tunable = (id: 'l1_bytes' | 'concurrency_max', max: number): Tunable => ({ id, label: id, min: 1, max, get: () => values[id], set: (v) => (values[id] = v) });
  const metrics: Record<TunerMetric, () => number> = {
    hit_rate: () => Math.min(0.95, 0.5 + values.l1_bytes * 0.02),
    p95_ms: () => 1000 * Math.max(1, values.concurrency_max / 8) ** 2,
    throughput: () => 60 * Math.min(values.concurrency_max, 9),
    timeout_rate: () => 0,
    error_rate: () => 0.01,
    repair_rate: () => 0.1,
  };
  // Each metric over a window is the mean of what the system showed in it: a change shows only after it was made.
  const history: Array<{ at: number; values: Record<TunerMetric, number> }> = [];
  const sample = () => history.push({ at: clock.now(), values: Object.fromEntries(Object.entries(metrics).map(([k, f]) => [k, f()])) as Record<TunerMetric, number> });
  let proposals: Proposal[] = [];
  const env: TunerEnvironment = {
    now: clock.now,
    traffic: () => 100,
    metric: (id, ms) => {
      const inWindow = history.filter((h) => h.at > clock.now() - ms);
      return inWindow.length ? inWindow.reduce((sum, h) => sum + h.values[id], 0) / inWindow.length : null;
    },
    headroom: () => null,
    proposals: () => proposals,
    audit: (entry) => audit.push(entry),
  };
  const tuner = new AutoTuner([tunable('l1_bytes', 64), tunable('concurrency_max', 64)], env, { windowMs: 60_000, cooldownMs: 5_000 });
  const run = (seconds: number) => {
    for (let s = 0; s < seconds; s++) {
      clock.advance(1000);
      sample();
      tuner.tick();
    }
  };
  return { tuner, values, audit, run, setProposals: (p: Proposal[]) => (proposals = p) };
}

describe('auto-tuner', () => {
  it('keeps a change that improves its metric and rolls back one that regresses a guard', () => {
    const sim = simulatedWorkload();
    sim.run(60);
    sim.setProposals([{ tunable: 'l1_bytes', to: 16, metric: 'hit_rate', reason: 'L1 too small' }]);
    sim.run(1);
    expect(sim.tuner.state().phase).toBe('validating');
    sim.setProposals([]);
    sim.run(61);
    expect(sim.values.l1_bytes).toBe(16);
    expect(sim.audit.map((a) => a.step)).toEqual(['proposed', 'applied', 'kept']);
    expect(sim.audit[2]).toMatchObject({ subject: 'l1_bytes', before: 8, after: 16, metric: 'hit_rate', baseline: expect.closeTo(0.66, 2), measured: expect.closeTo(0.82, 2) });

    sim.run(10);
    sim.setProposals([{ tunable: 'concurrency_max', to: 24, metric: 'throughput', reason: 'queue at the ceiling' }]);
    sim.run(1);
    sim.setProposals([]);
    expect(sim.values.concurrency_max).toBe(24);
    sim.run(61);
    expect(sim.values.concurrency_max).toBe(8);
    const last = sim.audit.at(-1)!;
    expect(last).toMatchObject({ subject: 'concurrency_max', step: 'rolled_back', before: 8, after: 8 });
    expect(last.reason).toMatch(/p95 response time got worse beyond its tolerance \(1\.00 s → \d\.\d\d s\)/);
  });

  it('rolls back a change whose metric did not improve, and does not retry it soon', () => {
    const sim = simulatedWorkload();
    sim.run(60);
    // Concurrency 8 → 6 loses throughput: not an improvement.
    sim.setProposals([{ tunable: 'concurrency_max', to: 6, metric: 'throughput', reason: 'try fewer' }]);
    sim.run(62);
    expect(sim.values.concurrency_max).toBe(8);
    expect(sim.audit.at(-1)).toMatchObject({ step: 'rolled_back', reason: expect.stringMatching(/did not improve/) });
    const entries = sim.audit.length;
    sim.run(120);
    expect(sim.audit.length).toBe(entries);
  });

  it('does nothing without traffic or when switched off, and rolls back an unproven change when switched off', () => {
    const sim = simulatedWorkload();
    sim.run(60);
    sim.setProposals([{ tunable: 'l1_bytes', to: 32, metric: 'hit_rate', reason: 'L1 too small' }]);
    sim.run(1);
    expect(sim.values.l1_bytes).toBe(32);
    sim.tuner.setEnabled(false);
    expect(sim.values.l1_bytes).toBe(8);
    expect(sim.tuner.state().phase).toBe('off');
    sim.run(100);
    expect(sim.audit.at(-1)).toMatchObject({ step: 'rolled_back', reason: expect.stringMatching(/switched off/) });
  });
});

describe('cache recovery alert', () => {
  it('lists the replaced cache.db among the alerts, raised and resolved at once', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'cache.db'), 'this is not a database '.repeat(100));
    const core = createCore({ dataDir, resources: null, monitor: { autoStart: false } });
    try {
      const [alert] = core.monitor.listAlerts(HOUR);
      expect(alert).toMatchObject({ rule: 'cache_recovered', severity: 'high', status: 'resolved' });
      expect(alert!.message).toMatch(/cache/i);
    } finally {
      core.close();
    }
  });
});

/** A machine whose CPU sampler always reads `cpuPercent`. */
function machineAt(cpuPercent: number, now: () => number): ResourceSource {
  return { latest: () => ({ at: now(), cpuPercent, freeMemoryMb: 8000, totalMemoryMb: 16000, loopLagMs: 40 }), subscribe: () => () => {}, close: () => {} };
}

describe('emergency response', () => {
  it('sheds load when the CPU stays pegged for five samples, even with each tick a little late', () => {
    const clock = manualClock();
    const core = createCore({ dataDir: tempDir(), resources: machineAt(99, clock.now), monitor: { now: clock.now, autoStart: false, appCpu: () => 60 } });
    try {
      for (let i = 0; i < 4; i++) {
        clock.advance(1040);
        core.monitor.tick();
      }
      expect(core.monitor.emergency.active).toBe(false);
      clock.advance(1040);
      core.monitor.tick();
      expect(core.monitor.emergency.active).toBe(true);
      expect(core.monitor.auditLog(10).map((a) => a.subject)).toContain('concurrency_floor');
    } finally {
      core.close();
    }
  });

  /** A pegged machine for a minute, with the app's own CPU at `appCpu`: what the monitor made of it. */
  async function peggedMinute(appCpu: number) {
    const clock = manualClock();
    const core = createCore({ dataDir: tempDir(), resources: machineAt(99, clock.now), monitor: { now: clock.now, autoStart: false, appCpu: () => appCpu } });
    try {
      core.settings.update({ monitor: { raiseAfterS: 10 } });
      for (let s = 0; s < 60; s++) {
        clock.advance(1000);
        core.monitor.tick();
      }
      // A raised alert's auto-action finishes before the store closes.
      await new Promise((resolve) => setImmediate(resolve));
      return { emergency: core.monitor.emergency.active, shed: core.monitor.auditLog(10).filter((a) => a.step === 'shed').length, alerts: core.monitor.listAlerts(HOUR).map((a) => a.rule), live: core.monitor.live().resources };
    } finally {
      core.close();
    }
  }

  it('leaves a machine other programs keep busy alone: no emergency, no CPU alert, and says who is busy', async () => {
    const idle = await peggedMinute(APP_CPU_MATERIAL_PERCENT - 7);
    expect(idle).toMatchObject({ emergency: false, shed: 0, alerts: [] });
    expect(idle.live).toMatchObject({ cpuPercent: 99, appCpuPercent: 3, cpuBusyBy: 'other_programs' });
  });

  it("answers the same load when the app's own work is a material part of it (the test above can fail)", async () => {
    const busy = await peggedMinute(APP_CPU_MATERIAL_PERCENT + 30);
    expect(busy).toMatchObject({ emergency: true, shed: 4, alerts: ['cpu'] });
    expect(busy.live).toMatchObject({ cpuBusyBy: 'persona_studio' });
  });

  it('sheds every step at once under pressure and restores them one at a time, last first', () => {
    const core = createCore({ dataDir: tempDir(), resources: null, monitor: { autoStart: false } });
    try {
      const preload = new Preloading({ enabled: true, perLookup: 3, maxLoadPerCore: 1 });
      const controls = createControls({ cache: core.cache, scheduler: core.scheduler, preloading: preload, batchSize: new BatchSizeControl(5), settings: () => core.settings.get(), remoteProviders: new Set() });
      const audit: NewAuditEntry[] = [];
      const emergency = new EmergencyResponse(controls.shedding, (entry) => audit.push(entry), { calmMs: 10_000, restoreEveryMs: 5_000 });
      const l1 = core.cache.l1Budget;
      const max = core.scheduler.load().max;
      emergency.update('memory at 2000 MB', 0);
      expect(preload).toMatchObject({ paused: true });
      expect(core.cache.l1Budget).toBe(l1 / 4);
      expect(core.scheduler.load().max).toBe(1);
      expect(core.cache.backgroundPaused).toBe(true);
      expect(audit.map((a) => [a.subject, a.step])).toEqual([
        ['pause_preloading', 'shed'],
        ['shrink_l1', 'shed'],
        ['concurrency_floor', 'shed'],
        ['defer_background_work', 'shed'],
      ]);
      for (let t = 1000; t <= 40_000; t += 1000) emergency.update(null, t);
      expect(audit.slice(4).map((a) => [a.subject, a.step, a.at])).toEqual([
        ['defer_background_work', 'restored', 11_000],
        ['concurrency_floor', 'restored', 16_000],
        ['shrink_l1', 'restored', 21_000],
        ['pause_preloading', 'restored', 26_000],
      ]);
      expect(core.cache.l1Budget).toBe(l1);
      expect(core.scheduler.load().max).toBe(max);
      expect(preload.paused).toBe(false);
      expect(core.cache.backgroundPaused).toBe(false);
    } finally {
      core.close();
    }
  });
});

describe('metrics history', () => {
  it('keeps per-minute rollups across a restart, including the minute in progress', async () => {
    const dataDir = tempDir();
    const clock = manualClock();
    const brief = briefInputSchema.parse({ description: 'Meal-kit delivery for busy parents in Lyon', count: 2, level: 'standard', seed: 3 });
    let core = createCore({ dataDir, resources: null, monitor: { now: clock.now, autoStart: false } });
    await core.generate(brief);
    clock.advance(MINUTE);
    core.monitor.tick();
    await core.generate({ ...brief, seed: 4 });
    core.monitor.tick();
    core.close();

    core = createCore({ dataDir, resources: null, monitor: { now: clock.now, autoStart: false } });
    try {
      const { points } = core.monitor.history(HOUR, '1m');
      expect(points.map((p) => p.generations)).toEqual([1, 1]);
      expect(points[0]!.p95Ms).toBeGreaterThan(0);
      await core.generate({ ...brief, seed: 5 });
      core.monitor.tick();
      const merged = core.monitor.history(HOUR, '1h').points;
      expect(merged.reduce((n, p) => n + p.generations, 0)).toBe(3);
    } finally {
      core.close();
    }
  });

  it('counts a minute that ended before anything read the history once, not twice', async () => {
    const clock = manualClock();
    const core = createCore({ dataDir: tempDir(), resources: null, monitor: { now: clock.now, autoStart: false } });
    try {
      await core.generate(briefInputSchema.parse({ description: 'Meal-kit delivery for busy parents in Lyon', count: 1, level: 'standard', seed: 8 }));
      core.monitor.tick();
      clock.advance(MINUTE);
      core.monitor.tick();
      expect(core.monitor.history(HOUR, '1m').points.reduce((n, p) => n + p.generations, 0)).toBe(1);
    } finally {
      core.close();
    }
  });

  it('adds up what two processes measured in the same minute', async () => {
    const dataDir = tempDir();
    const clock = manualClock();
    const app = createCore({ dataDir, resources: null, monitor: { now: clock.now, autoStart: false } });
    const cli = createCore({ dataDir, resources: null, monitor: { now: clock.now, autoStart: false } });
    try {
      await app.generate(briefInputSchema.parse({ description: 'Meal-kit delivery for busy parents in Lyon', count: 1, level: 'standard', seed: 1 }));
      await cli.generate(briefInputSchema.parse({ description: 'Meal-kit delivery for busy parents in Lyon', count: 1, level: 'standard', seed: 2 }));
      cli.close();
      expect(app.monitor.history(HOUR, '1m').points.reduce((n, p) => n + p.generations, 0)).toBe(2);
      clock.advance(MINUTE);
      app.monitor.tick();
    } finally {
      app.close();
    }
    const reopened = createCore({ dataDir, resources: null, monitor: { now: clock.now, autoStart: false } });
    try {
      expect(reopened.monitor.history(HOUR, '1m').points.reduce((n, p) => n + p.generations, 0)).toBe(2);
    } finally {
      reopened.close();
    }
  });

  it('prunes history older than the retention period and keeps the rest', async () => {
    const clock = manualClock();
    const core = createCore({ dataDir: tempDir(), resources: null, monitor: { now: clock.now, autoStart: false } });
    try {
      core.settings.update({ monitor: { retentionDays: 2 } });
      const store = new MonitorStore(core.store.database);
      const day = 24 * HOUR;
      const minutes = [5 * day, 3 * day, 2 * day + MINUTE, day, HOUR].map((ago) => Math.floor((clock.now() - ago) / MINUTE) * MINUTE);
      for (const minute of minutes) store.putRollup(new MinuteAccumulator(minute).toRollup());
      // More than one batch, so pruning yields between batches.
      for (let i = 0; i < 1200; i++) store.putRollup(new MinuteAccumulator(minutes[0]! - i * MINUTE - MINUTE).toRollup());
      expect(await core.monitor.prune()).toBe(1203);
      expect(store.rollups(0, clock.now()).map((r) => r.minute)).toEqual(minutes.slice(3));
    } finally {
      core.close();
    }
  });

  it('skips a stored rollup that no longer parses instead of failing the history', () => {
    const { app, store } = monitorStore();
    try {
      store.putRollup(new MinuteAccumulator(MINUTE).toRollup());
      store.putRollup({ ...new MinuteAccumulator(2 * MINUTE).toRollup(), counters: { generations: -1 } as never });
      expect(store.rollups(0, 10 * MINUTE).map((r) => r.minute)).toEqual([MINUTE]);
      expect(store.skippedRows).toBe(1);
    } finally {
      app.close();
    }
  });

  it('merges histograms exactly and reads percentiles within 5%', () => {
    const a = new LogHistogram();
    const b = new LogHistogram();
    const all: number[] = [];
    for (let i = 1; i <= 2000; i++) {
      const value = (i * 7919) % 30_000;
      (i % 2 ? a : b).record(value);
      all.push(value);
    }
    const merged = LogHistogram.from(a.toStored());
    merged.merge(LogHistogram.from(b.toStored()));
    all.sort((x, y) => x - y);
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = all[Math.ceil(q * all.length) - 1]!;
      expect(Math.abs(merged.quantile(q)! - exact) / exact).toBeLessThan(0.05);
    }
    expect(merged.count).toBe(2000);
    expect(new LogHistogram().quantile(0.5)).toBeNull();
  });
});

describe('live stream', () => {
  it('sends a change once, and never more than 4 updates a second however often things change', async () => {
    const core = createCore({ dataDir: tempDir(), resources: null, monitor: { autoStart: false } });
    try {
      const received: number[] = [];
      const unsubscribe = core.monitor.onLive(() => received.push(performance.now()));
      await core.generate(briefInputSchema.parse({ description: 'Meal-kit delivery for busy parents in Lyon', count: 1, level: 'standard' }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received.length).toBe(1);
      received.length = 0;
      const started = performance.now();
      while (performance.now() - started < 1000) {
        core.monitor.tick();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      unsubscribe();
      expect(received.length).toBeGreaterThanOrEqual(3);
      expect(received.length).toBeLessThanOrEqual(5);
      for (let i = 1; i < received.length; i++) expect(received[i]! - received[i - 1]!).toBeGreaterThanOrEqual(240);
    } finally {
      core.close();
    }
  });
});

describe('own CPU', () => {
  it('measures this process in percent of the machine from process.cpuUsage()', () => {
    const meter = processCpuMeter();
    const started = performance.now();
    while (performance.now() - started < 300) Math.sqrt(Math.random());
    const busy = meter();
    expect(busy).not.toBeNull();
    // One busy thread is all of one core: 100 / cores, less whatever else the machine took from it.
    expect(busy!).toBeGreaterThan(100 / os.availableParallelism() / 3);
    expect(busy!).toBeLessThanOrEqual(100);
  });
});

describe('tuner and emergency steps in human units', () => {
  it('words each setting in its unit, with one formatter', () => {
    expect(formatSettingChange('shrink_l1', 33_554_432, 8_388_608)).toBe('32 MB → 8 MB');
    expect(formatSettingChange('l1_bytes', 33_554_432, 50_331_648)).toBe('32 MB → 48 MB');
    expect(formatSettingChange('concurrency_floor', 4, 2)).toBe('4 → 2 calls at once');
    expect(formatSettingChange('concurrency_max', 8, 12)).toBe('8 → 12 calls at once');
    expect(formatSettingChange('pause_preloading', 1, 0)).toBe('on → off');
    expect(formatSettingChange('defer_background_work', 0, 1)).toBe('running → held');
    expect(formatSettingChange('ttl_min_ms', 60_000, 120_000)).toBe('1 min → 2 min');
    expect(formatSettingChange('timeout_factor', 2, 3)).toBe('2 → 3 × p95 latency');
    expect(formatSettingChange('batch_size', 10, 9)).toBe('10 → 9 personas per call');
    expect(settingName('shrink_l1')).toBe('Memory cache size');
    expect(settingName('pause_preloading')).toBe('Preloading');
    expect(formatMetric('hit_rate', 0.6612)).toBe('66.1%');
    expect(formatMetric('p95_ms', 3400)).toBe('3.40 s');
    expect(formatMetric('throughput', 12)).toBe('12 calls/min');
  });

  it("words the emergency response's real steps: the memory cache in MB, concurrency in calls at once", () => {
    const core = createCore({ dataDir: tempDir(), resources: null, monitor: { autoStart: false } });
    try {
      core.settings.update({ cache: { l1MaxMb: 32 }, limits: { maxConcurrency: 4 } });
      const controls = createControls({ cache: core.cache, scheduler: core.scheduler, preloading: new Preloading({ enabled: true, perLookup: 3, maxLoadPerCore: 1 }), batchSize: new BatchSizeControl(5), settings: () => core.settings.get(), remoteProviders: new Set() });
      const audit: NewAuditEntry[] = [];
      new EmergencyResponse(controls.shedding, (entry) => audit.push(entry)).update('memory at 2000 MB', 0);
      expect(audit.map((a) => `${settingName(a.subject)}: ${formatSettingChange(a.subject, a.before, a.after)}`)).toEqual([
        'Preloading: on → off',
        'Memory cache size: 32 MB → 8 MB',
        'Most calls at once: 4 → 1 calls at once',
        'Background cache refreshes: running → held',
      ]);
    } finally {
      core.close();
    }
  });
});

describe('performance score', () => {
  const settings = { p95Ms: 30_000, cacheHitRate: 0.7, validationSuccess: 0.95, cpuPercent: 70, memoryBudgetMb: 1536 } as Parameters<typeof scoreOf>[1];
  const inputs = { hitRate: 0.9, p95Ms: 2000, errorRate: 0, validationSuccess: 1, cpuPercent: 20, rssMb: 300 };

  it('gives no score before the window holds enough generations, and says how many it holds', () => {
    expect(scoreOf({ ...inputs, generations: MIN_GENERATIONS_TO_SCORE - 1 }, settings)).toEqual({
      overall: null,
      components: { cache: null, providers: null, validation: null, resources: null },
      generations: { counted: MIN_GENERATIONS_TO_SCORE - 1, required: MIN_GENERATIONS_TO_SCORE },
    });
    expect(scoreOf({ ...inputs, generations: MIN_GENERATIONS_TO_SCORE }, settings).overall).toBe(100);
  });

  it('reads no score from a fresh install after one generation, however busy the machine', async () => {
    const clock = manualClock();
    const core = createCore({ dataDir: tempDir(), resources: machineAt(99, clock.now), monitor: { now: clock.now, autoStart: false, appCpu: () => 2 } });
    try {
      await core.generate(briefInputSchema.parse({ description: 'Meal-kit delivery for busy parents in Lyon', count: 1, level: 'standard' }));
      clock.advance(1000);
      core.monitor.tick();
      expect(core.monitor.live().score).toMatchObject({ overall: null, generations: { counted: 1, required: MIN_GENERATIONS_TO_SCORE } });
      expect(core.monitor.history(HOUR, '1m').score).toMatchObject({ overall: null, trend: 'unknown', generations: { counted: 1 } });
    } finally {
      core.close();
    }
  });
});
