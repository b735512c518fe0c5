/**
 * Start optimization, scheduled optimizations, the kept tuning layer, suggestions applied and the user's audit, on a real
 * core over a temp data folder. Traffic is real cache traffic (gets on the core's TieredCache, cache.db beside app.db);
 * the monitor's and the cache's clocks are moved by hand, so windows and quiet hours are judged without waiting.
 */
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../src/main/core/core';
import { keyFor } from '../src/main/cache';
import { ManualClock } from '../src/main/cache/clock';
import { createDispatcher, type HandlerContext } from '../src/main/ipc/dispatcher';
import { createHandlers } from '../src/main/ipc/handlers';
import { inWindow } from '../src/main/monitoring/optimization';
import { tempDir } from './helpers';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const noEvents: HandlerContext = { emit: () => {} };

/**
 * A core whose monitor and cache run on hand-moved clocks, with a tuner window of a minute. The tuner's own steps are
 * off unless asked for: an optimization runs its trials either way, and the tests see only the optimization's.
 */
function openCore(dataDir: string, start = new Date(2026, 10, 21, 12, 0, 0).getTime(), tuner = false) {
  let now = start;
  const cacheClock = new ManualClock();
  const core = createCore({
    dataDir,
    resources: null,
    preload: { enabled: false, perLookup: 0, maxLoadPerCore: 1 },
    cacheClock,
    monitor: { now: () => now, autoStart: false, appCpu: () => null, tuner: { windowMs: MINUTE, minTraffic: 10, cooldownMs: 0 } },
  });
  if (!tuner) core.monitor.tuner.setEnabled(false);
  /** Moves the monitor's clock a second at a time, ticking as the one-second timer would. */
  const run = (seconds: number) => {
    for (let s = 0; s < seconds; s++) {
      now += 1000;
      core.monitor.tick();
    }
  };
  const jumpTo = (at: number) => void (now = at);
  /** An alert's auto-action (warming the cache when the hit rate is low) finishes after its tick: let it end first. */
  const close = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    core.close();
  };
  return { core, cacheClock, run, jumpTo, close };
}

const key = (name: string) => keyFor('culture', { source: 'test', name });

/** Gets of `names` on the core's cache; a miss loads the value again. */
async function gets(core: Core, names: string[]): Promise<void> {
  for (const name of names) await core.cache.get(key(name), async () => ({ name }));
}

const names = (prefix: string, n = 30) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/**
 * Entries that expire before they are asked for again: the cache then suggests a longer shortest lifetime, and the
 * tuner proposes doubling it (metric: hit rate). Ends with the misses inside the last tuner window.
 */
async function expiringEntries(t: ReturnType<typeof openCore>): Promise<void> {
  t.core.settings.update({ cache: { ttlMaxDays: 1 } });
  await gets(t.core, names('entry'));
  t.cacheClock.advance(2 * DAY);
  await gets(t.core, names('entry'));
  t.run(10);
}

describe('Start optimization', () => {
  it('keeps a change that improved its metric and rolls back one that did not, through the tuner’s trial', async () => {
    const t = openCore(tempDir());
    try {
      await expiringEntries(t);
      expect(t.core.cache.getOptimizationSuggestions().map((s) => s.id)).toContain('ttl_too_short');
      const first = t.core.monitor.steering.startOptimization();
      expect(first).toMatchObject({ status: 'running', requestedBy: 'user', trials: [{ tunable: 'ttl_min_ms', from: 10 * MINUTE, to: 20 * MINUTE, outcome: 'running' }] });
      expect(t.core.cache.ttl.minMs).toBe(20 * MINUTE);
      // After the change, the same lookups are asked for again and hit: the hit rate beats its baseline.
      await gets(t.core, names('entry'));
      t.run(65);
      const [kept] = t.core.monitor.steering.optimizationList(10);
      expect(kept).toMatchObject({ id: first.id, status: 'done', note: '1 kept, 0 rolled back, 0 not tried', trials: [{ outcome: 'kept', baseline: 0, measured: 1 }] });
      expect(t.core.cache.ttl.minMs).toBe(20 * MINUTE);

      // A second run: the baseline window is all hits, then only new lookups come (all misses): rolled back.
      await gets(t.core, names('entry'));
      t.run(10);
      const second = t.core.monitor.steering.startOptimization();
      expect(t.core.cache.ttl.minMs).toBe(40 * MINUTE);
      await gets(t.core, names('other'));
      t.run(65);
      expect(t.core.monitor.steering.optimizationList(1)[0]).toMatchObject({ id: second.id, status: 'done', trials: [{ outcome: 'rolled_back', baseline: 1, measured: 0 }] });
      expect(t.core.cache.ttl.minMs).toBe(20 * MINUTE);

      const audit = t.core.monitor.auditLog(50).reverse();
      const steps = audit.filter((a) => a.subject === 'ttl_min_ms').map((a) => [a.source, a.step]);
      expect(steps).toEqual([...['proposed', 'applied', 'kept', 'proposed', 'applied', 'rolled_back'].map((step) => ['tuner', step])]);
      expect(audit.filter((a) => a.step === 'started').map((a) => [a.source, a.subject])).toEqual([
        ['user', `optimization ${first.id}`],
        ['user', `optimization ${second.id}`],
      ]);
      expect(audit.find((a) => a.step === 'proposed')!.reason).toContain(`optimization ${first.id}`);
    } finally {
      await t.close();
    }
  });

  it('says there is nothing to try when there are no proposals', async () => {
    const t = openCore(tempDir());
    try {
      expect(t.core.monitor.steering.startOptimization()).toMatchObject({ status: 'skipped', trials: [], note: expect.stringContaining('nothing to try') });
    } finally {
      await t.close();
    }
  });

  it('runs a scheduled optimization only inside its window, and a cancelled one never', async () => {
    const t = openCore(tempDir(), new Date(2026, 10, 21, 12, 0, 0).getTime());
    try {
      const scheduled = t.core.monitor.steering.scheduleOptimization({ start: '13:00', end: '13:30' });
      const cancelled = t.core.monitor.steering.scheduleOptimization({ start: '13:00', end: '14:00' });
      expect(t.core.monitor.steering.cancelOptimization(cancelled.id)).toBe(true);
      expect(t.core.monitor.steering.cancelOptimization(cancelled.id)).toBe(false);
      // The clock jumps as if the app had idled: a tick closes the second in progress, as the one-second timer would have.
      t.jumpTo(new Date(2026, 10, 21, 12, 59, 29).getTime());
      t.run(1);
      await expiringEntries(t);
      t.run(15);
      // 12:59:55, proposals waiting: still scheduled, nothing changed.
      expect(t.core.monitor.steering.optimizationList(10).find((o) => o.id === scheduled.id)).toMatchObject({ status: 'scheduled', startedAt: null });
      expect(t.core.cache.ttl.minMs).toBe(10 * MINUTE);
      t.run(10);
      const list = t.core.monitor.steering.optimizationList(10);
      expect(list.find((o) => o.id === scheduled.id)).toMatchObject({ status: 'running', requestedBy: 'schedule', trials: [{ tunable: 'ttl_min_ms', outcome: 'running' }] });
      expect(new Date(list.find((o) => o.id === scheduled.id)!.startedAt!).getHours()).toBe(13);
      expect(list.find((o) => o.id === cancelled.id)).toMatchObject({ status: 'cancelled', startedAt: null, trials: [] });
      expect(t.core.cache.ttl.minMs).toBe(20 * MINUTE);
      // Cancelled while running: its change on trial is rolled back at once, and nothing more is tried.
      expect(t.core.monitor.steering.cancelOptimization(scheduled.id)).toBe(true);
      expect(t.core.cache.ttl.minMs).toBe(10 * MINUTE);
      expect(t.core.monitor.steering.optimizationList(10).find((o) => o.id === scheduled.id)).toMatchObject({ status: 'cancelled', trials: [{ outcome: 'rolled_back' }] });
      const steps = t.core.monitor.auditLog(50).filter((a) => a.source === 'user' && a.subject.startsWith('optimization')).map((a) => a.step);
      expect(steps.sort()).toEqual(['cancelled', 'cancelled', 'scheduled', 'scheduled']);
    } finally {
      await t.close();
    }
  });

  it('treats a window whose end comes before its start as crossing midnight, in local time', () => {
    const at = (h: number, m = 0) => new Date(2026, 10, 21, h, m).getTime();
    const night = { start: '22:00', end: '06:00' };
    expect([at(23, 30), at(2), at(5, 59)].map((t) => inWindow(night, t))).toEqual([true, true, true]);
    expect([at(6), at(12), at(21, 59)].map((t) => inWindow(night, t))).toEqual([false, false, false]);
  });
});

describe('kept tuning', () => {
  it('is there after the core is closed and opened again on the same data folder, and a reset restores the user’s setting', async () => {
    const dataDir = tempDir();
    const t = openCore(dataDir);
    try {
      await expiringEntries(t);
      t.core.monitor.steering.startOptimization();
      await gets(t.core, names('entry'));
      t.run(65);
      expect(t.core.cache.ttl.minMs).toBe(20 * MINUTE);
    } finally {
      await t.close();
    }
    const again = openCore(dataDir);
    try {
      expect(again.core.cache.ttl.minMs).toBe(20 * MINUTE);
      const [tuned] = again.core.monitor.steering.tunedValues();
      expect(tuned).toMatchObject({ tunable: 'ttl_min_ms', value: 20 * MINUTE, reason: expect.stringContaining('hit rate improved') });
      expect(again.core.monitor.steering.resetTuned('ttl_min_ms')).toEqual([]);
      expect(again.core.cache.ttl.minMs).toBe(10 * MINUTE);
      expect(again.core.monitor.auditLog(1)[0]).toMatchObject({ source: 'user', subject: 'ttl_min_ms', step: 'reset', before: 20 * MINUTE, after: 10 * MINUTE });
    } finally {
      await again.close();
    }
    const third = openCore(dataDir);
    try {
      expect(third.core.cache.ttl.minMs).toBe(10 * MINUTE);
      expect(third.core.monitor.steering.tunedValues()).toEqual([]);
    } finally {
      await third.close();
    }
  });
});

describe('the user’s audit', () => {
  it('records every change to performance settings and the cache, with before and after', async () => {
    const t = openCore(tempDir(), undefined, true);
    const dispatch = createDispatcher(createHandlers(t.core));
    const call = async (channel: string, request: unknown) => {
      const result = await dispatch(channel, request, noEvents);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.data;
    };
    try {
      await gets(t.core, names('entry', 3));
      await call('settings:update', { change: { limits: { maxConcurrency: 8 }, monitor: { p95Ms: 5000 }, cache: { l2MaxMb: 512, preload: false } } });
      await call('tuner:set-enabled', { enabled: false });
      const cleared = (await call('cache:clear', {})) as { entries: number; bytes: number };
      expect(cleared.entries).toBe(3);
      const audit = t.core.monitor.auditLog(20).reverse();
      expect(audit.map((a) => [a.source, a.subject, a.step, a.before, a.after])).toEqual([
        ['user', 'limits.maxConcurrency', 'changed', 16, 8],
        ['user', 'monitor.p95Ms', 'changed', 20_000, 5000],
        ['user', 'cache.l2MaxMb', 'changed', 256, 512],
        ['user', 'cache.preload', 'changed', 1, 0],
        ['user', 'monitor.tuner', 'changed', 1, 0],
        ['user', 'cache', 'cleared', cleared.bytes, 0],
      ]);
      expect(cleared.bytes).toBeGreaterThan(0);
      expect(t.core.cache.stats().l2.maxBytes).toBe(512 * 1_048_576);
    } finally {
      await t.close();
    }
  });

  it('applies a suggestion that names a setting through the user’s path, audited, and refuses one that is gone', async () => {
    const t = openCore(tempDir());
    const dispatch = createDispatcher(createHandlers(t.core));
    try {
      await expiringEntries(t);
      const suggestion = t.core.monitor.suggestions().find((s) => s.id === 'ttl_too_short');
      expect(suggestion).toMatchObject({ advice: expect.stringContaining('Shortest entry lifetime'), apply: 'Raise the shortest entry lifetime to 20 min' });
      const applied = await dispatch('suggestions:apply', { id: 'ttl_too_short' }, noEvents);
      expect(applied).toMatchObject({ ok: true, data: { applied: suggestion!.apply, settings: { cache: { ttlMinMinutes: 20 } } } });
      expect(t.core.cache.ttl.minMs).toBe(20 * MINUTE);
      expect(t.core.monitor.auditLog(1)[0]).toMatchObject({ source: 'user', subject: 'cache.ttlMinMinutes', step: 'changed', before: 10, after: 20, reason: expect.stringContaining('applied the suggestion') });
      const gone = await dispatch('suggestions:apply', { id: 'l2_too_small' }, noEvents);
      expect(gone).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id', message: expect.stringContaining('refresh the suggestions') } });
    } finally {
      await t.close();
    }
  });
});
