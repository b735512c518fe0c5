/**
 * Engine profiles and resource efficiency, from real calls: an OpenAI-compatible stand-in on 127.0.0.1 that answers,
 * hangs or fails as scripted, and the offline engine, through a real core on a temp data folder.
 */
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../src/main/core/core';
import { engineProfiles } from '../src/main/monitoring/engine-profiles';
import { MinuteAccumulator, MINUTE, rollupSchema } from '../src/main/monitoring/rollups';
import { SETTINGS_DEFAULTS } from '../src/shared/settings';
import { briefInputSchema } from '../src/shared/brief';
import { efficiencySchema, engineProfileSchema, type EngineFigureId, type EngineProfile } from '../src/shared/insight';
import { tempDir } from './helpers';
import { ProviderServer, type Scripted } from './support/provider-server';

const DAY = 24 * 60 * MINUTE;
const cores: Core[] = [];
const servers: ProviderServer[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) core.close();
  for (const server of servers.splice(0)) await server.close();
});

function manualClock(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

function core(clock: ReturnType<typeof manualClock>, dataDir = tempDir(), appCpu: () => number | null = () => null) {
  const made = createCore({
    dataDir,
    resources: null,
    env: {},
    monitor: { now: clock.now, autoStart: false, appCpu },
    // Short retries and timeouts so that a hang times out quickly; a breaker that opens only on the last phase's many failures.
    scheduler: { retry: { initialDelayMs: 1, maxDelayMs: 2 }, timeouts: { initialPerUnitMs: { generate: 200, ask: 200 }, minMs: 50, maxMs: 400 }, breaker: { failures: 20, halfOpenAfterMs: 600_000 } },
  });
  cores.push(made);
  return made;
}

const brief = (count: number) => briefInputSchema.parse({ description: 'Meal-kit delivery for busy parents in Lyon', count, level: 'standard' });
const figure = (profile: EngineProfile | undefined, id: EngineFigureId) => profile?.figures.find((f) => f.id === id);
const chatRequests = (server: ProviderServer) => server.requests.filter((r) => r.route === 'chat').length;

describe('engine profiles', () => {
  it('profiles the remote and the offline engine from what the server did', async () => {
    let scripted: Scripted = {};
    const server = await ProviderServer.start({ script: () => scripted });
    servers.push(server);
    const clock = manualClock();
    const app = core(clock);
    app.settings.update({ provider: 'offline', openai: { baseUrl: `${server.url}/v1`, model: 'local-model', stream: true } });

    // Nothing measured yet: every engine listed, every figure null, no score.
    const idle = app.monitor.engineProfiles(DAY);
    expect(idle.map((p) => p.provider).sort()).toEqual(['gemini', 'offline', 'ollama', 'openai']);
    for (const profile of idle) {
      expect(profile).toMatchObject({ calls: 0, generations: 0, score: null });
      for (const f of profile.figures) expect(f).toMatchObject({ value: null, baseline: null, score: null, trend: 'unknown' });
    }
    expect(idle.find((p) => p.provider === 'openai')?.model).toBe('local-model');

    // Phase 1: the engine answers; a persona of the run is asked a question (a streamed answer: time to first token).
    const good = await app.generate(brief(3), { providerId: 'openai' });
    expect(good.fallback).toBeUndefined();
    // The generation's own streamed calls give the time to first token, before any question is asked.
    expect(figure(app.monitor.engineProfiles(DAY).find((p) => p.provider === 'openai'), 'first_token_ms')?.value).toBeGreaterThan(0);
    await app.asking.interviews.ask({ runId: good.run.id, personaId: good.document.personas[0]!.id!, question: 'What would stop you from ordering?', providerId: 'openai' });
    const answered = chatRequests(server);
    // Phase 2: it hangs: each attempt times out and the offline engine writes the personas.
    scripted = { hang: true };
    const hung = await app.generate(brief(1), { providerId: 'openai' });
    const timedOut = chatRequests(server) - answered;
    // Phase 3: it fails with 500 until its breaker opens.
    scripted = { status: 500 };
    const failed = await app.generate(brief(12), { providerId: 'openai' });
    const erred = chatRequests(server) - answered - timedOut;
    // The offline engine's own run and answer.
    const offlineRun = await app.generate(brief(2), { providerId: 'offline' });
    await app.asking.interviews.ask({ runId: offlineRun.run.id, personaId: offlineRun.document.personas[0]!.id!, question: 'How do you plan dinners?', providerId: 'offline' });

    expect(timedOut).toBeGreaterThan(0);
    expect(erred).toBeGreaterThan(0);
    expect(hung.fallback?.personas).toBe(1);
    expect(failed.fallback?.personas).toBe(12);

    // What the 'performance:engines' channel sends: its contract's shape.
    const profiles = engineProfileSchema.array().parse(app.monitor.engineProfiles(DAY));
    const openai = profiles.find((p) => p.provider === 'openai');
    expect(openai).toMatchObject({ label: expect.any(String), model: 'local-model', generations: 3, calls: chatRequests(server) });
    expect(figure(openai, 'timeout_rate')?.value).toBeCloseTo(timedOut / chatRequests(server), 10);
    expect(figure(openai, 'error_rate')?.value).toBeCloseTo((timedOut + erred) / chatRequests(server), 10);
    // 13 of the 16 personas asked of it were written by the offline engine instead.
    expect(figure(openai, 'fallback_rate')?.value).toBeCloseTo(13 / 16, 10);
    expect(figure(openai, 'latency_p50_ms')?.value).toBeGreaterThan(0);
    expect(figure(openai, 'latency_p95_ms')?.value).toBeGreaterThanOrEqual(figure(openai, 'latency_p50_ms')!.value!);
    expect(figure(openai, 'first_token_ms')?.value).toBeGreaterThan(0);
    expect(figure(openai, 'validation_success')?.value).toBe(1);
    expect(openai?.breaker).toBe(app.scheduler.breakerState('openai'));
    expect(openai?.breaker).toBe('open');
    // Measured figures are scored against their targets; without earlier days there is no baseline.
    expect(figure(openai, 'fallback_rate')).toMatchObject({ target: 0, score: 0, baseline: null });
    expect(openai?.score).not.toBeNull();

    const offline = profiles.find((p) => p.provider === 'offline');
    expect(offline).toMatchObject({ breaker: 'closed', generations: 1, calls: 1 });
    expect(figure(offline, 'error_rate')?.value).toBe(0);
    expect(figure(offline, 'timeout_rate')?.value).toBe(0);
    expect(figure(offline, 'fallback_rate')?.value).toBe(0);
    expect(figure(offline, 'validation_success')?.value).toBe(1);
    expect(figure(offline, 'latency_p50_ms')?.value).toBeGreaterThan(0);
    expect(figure(offline, 'first_token_ms')?.value).not.toBeNull();

    // Engines that did nothing stay null, never an invented 0 or 100.
    const gemini = profiles.find((p) => p.provider === 'gemini');
    expect(gemini).toMatchObject({ calls: 0, generations: 0, score: null, breaker: 'closed' });
    expect(gemini?.figures.every((f) => f.value === null && f.score === null)).toBe(true);
  });

  it('keeps per-engine figures across a restart, and compares a range with the days before it', async () => {
    const clock = manualClock();
    const dataDir = tempDir();
    let app = core(clock, dataDir);
    await app.generate(brief(2), { providerId: 'offline' });
    clock.advance(MINUTE);
    app.monitor.tick();
    cores.splice(cores.indexOf(app), 1);
    app.close();

    // Two days later, on the same data folder: the last day saw nothing, the day before is the baseline.
    clock.advance(2 * DAY);
    app = core(clock, dataDir);
    const before = app.monitor.engineProfiles(DAY).find((p) => p.provider === 'offline');
    expect(before).toMatchObject({ generations: 0, calls: 0, score: null });
    expect(figure(before, 'latency_p50_ms')).toMatchObject({ value: null, score: null });
    expect(figure(before, 'latency_p50_ms')?.baseline).toBeGreaterThan(0);
    expect(figure(before, 'validation_success')?.baseline).toBe(1);
    // Over three days the run is in the range itself.
    expect(app.monitor.engineProfiles(3 * DAY).find((p) => p.provider === 'offline')).toMatchObject({ generations: 1, calls: 1 });
  });

  it('says whether each figure improved or degraded from the first half of the range to the second', () => {
    const settings = SETTINGS_DEFAULTS.monitor;
    const minute = (at: number, errors: number, ms: number) => {
      const acc = new MinuteAccumulator(at);
      const e = acc.engines.of('ollama');
      e.add('calls', 10);
      e.add('callErrors', errors);
      for (let i = 0; i < 10; i++) acc.addCall('ollama', ms);
      return acc.toRollup();
    };
    // Errors fall from half the calls to none while calls slow from 1 s to 30 s.
    const rollups = [minute(0, 5, 1000), minute(MINUTE, 5, 1000), minute(2 * MINUTE, 0, 30_000), minute(3 * MINUTE, 0, 30_000)];
    const [ollama] = engineProfiles({ from: 0, to: 4 * MINUTE, rollups, earlier: [], engines: [{ id: 'ollama', label: 'Ollama', model: 'llama3.1:8b', kind: 'local' }], breaker: () => 'half_open', settings });
    expect(ollama).toMatchObject({ provider: 'ollama', breaker: 'half_open', calls: 40 });
    expect(figure(ollama, 'error_rate')).toMatchObject({ value: 0.25, trend: 'improving' });
    expect(figure(ollama, 'latency_p95_ms')?.trend).toBe('degrading');
    expect(figure(ollama, 'validation_success')).toMatchObject({ value: null, trend: 'unknown' });
  });

  it('reads rollups stored before per-engine figures as no per-engine data', () => {
    const old = { minute: 0, counters: MinuteAccumulator.of(0, []).toRollup().counters, generation: { b: [], s: 0, m: 0 }, phases: {}, calls: { openai: { b: [100, 3], s: 900, m: 400 } }, gauges: {} };
    const parsed = rollupSchema.parse(old);
    const merged = MinuteAccumulator.of(0, [parsed]);
    expect(merged.engines.empty).toBe(true);
    expect(merged.toRollup()).not.toHaveProperty('engines');
  });
});

describe('resource efficiency', () => {
  it('is personas written per CPU-second the app used, null before any CPU time was measured', async () => {
    const clock = manualClock();
    let appCpu: number | null = null;
    const app = core(clock, tempDir(), () => appCpu);
    expect(app.monitor.efficiency(DAY)).toEqual({ personas: 0, appCpuSeconds: 0, personasPerCpuSecond: null });
    await app.generate(brief(3), { providerId: 'offline' });
    // Unmeasured seconds stay unmeasured: personas, but no CPU time to divide by.
    app.monitor.tick();
    expect(app.monitor.efficiency(DAY)).toMatchObject({ personas: 3, personasPerCpuSecond: null });
    appCpu = 20;
    for (let i = 0; i < 4; i++) {
      clock.advance(1000);
      app.monitor.tick();
    }
    // Four one-second samples of 20 % of every core.
    const efficiency = efficiencySchema.parse(app.monitor.efficiency(DAY));
    expect(efficiency.appCpuSeconds).toBeCloseTo(4 * 0.2 * os.availableParallelism(), 10);
    expect(efficiency.personas).toBe(3);
    expect(efficiency.personasPerCpuSecond).toBeCloseTo(3 / efficiency.appCpuSeconds, 10);
  });
});
