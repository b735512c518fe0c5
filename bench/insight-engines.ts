/**
 * Engine profiles and resource efficiency, part of `npm run bench -- insight` (issue 23).
 * - profiles_ms: warm median time of Monitor.engineProfiles over a day, its baseline read from the 7 days before, on a
 *   data folder holding 8 days of per-minute rollups with per-engine figures for two engines (what the Engines tab asks).
 * - personas_per_cpu_s: offline generations on a running monitor (its one-second timer and the real own-CPU meter),
 *   as Monitor.efficiency reports it, beside the same ratio from process.cpuUsage() around the runs: the two should
 *   agree (cpu_agreement near 1), since efficiency adds up the monitor's one-second samples of the app's CPU.
 * Runnable alone: npm run bench -- insight-engines.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore } from '../src/main/core/core';
import { MonitorStore } from '../src/main/monitoring/monitor-store';
import { MINUTE, MinuteAccumulator } from '../src/main/monitoring/rollups';
import { WorkshopStore } from '../src/main/workshops/workshop-store';
import { briefInputSchema } from '../src/shared/brief';
import { measure, round } from './_measure';

const DAY = 1440 * MINUTE;

export interface EngineInsightFigures {
  profilesMs: number;
  engines: number;
  personas: number;
  personasPerCpuSecond: number | null;
  /** Efficiency's CPU-seconds over process.cpuUsage()'s for the same runs; null when efficiency measured none. */
  cpuAgreement: number | null;
}

/** `days` of rollups, one a minute, with two engines' calls, runs, personas, validation and first tokens. */
function seedEngineHistory(dataDir: string, now: number, days = 8): void {
  const app = WorkshopStore.open(dataDir);
  try {
    const store = new MonitorStore(app.database);
    let x = 11;
    const random = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const end = Math.floor(now / MINUTE) * MINUTE;
    app.database.transaction(() => {
      for (let minute = end - days * DAY; minute < end; minute += MINUTE) {
        const acc = new MinuteAccumulator(minute);
        for (const [engine, ms] of [['ollama', 2000], ['offline', 40]] as const) {
          const e = acc.engines.of(engine);
          e.add('runs', 2);
          e.add('asked', 10);
          e.add('delivered', 10);
          e.add('answers', 4);
          e.add('succeeded', random() < 0.9 ? 4 : 3);
          e.add('validated', 10);
          e.add('repaired', Math.round(random() * 3));
          e.add('calls', 4);
          if (random() < 0.05) e.add('callErrors');
          // Remote calls' times are the scheduler's (the rollup's calls); the embedded engine's are its own runs.
          for (let i = 0; i < 4; i++) {
            if (engine === 'offline') e.latency.record(ms * (0.5 + random()));
            else acc.addCall(engine, ms * (0.5 + random()));
          }
          e.firstToken.record(ms * 0.2 * (0.5 + random()));
        }
        store.putRollup(acc.toRollup());
      }
    })();
  } finally {
    app.close();
  }
}

export async function measureEngineInsight(): Promise<EngineInsightFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-engines-'));
  try {
    const now = Date.now();
    seedEngineHistory(dataDir, now);
    const seeded = createCore({ dataDir, resources: null, monitor: { autoStart: false } });
    let engines = 0;
    let profilesMs: number;
    try {
      profilesMs = (await measure('engine profiles, 1 day + 7-day baseline', () => (engines = seeded.monitor.engineProfiles(DAY).length), { warmup: 2, repeat: 10 })).median;
    } finally {
      seeded.close();
    }
    const efficiency = await measureEfficiency(fs.mkdtempSync(path.join(dataDir, 'efficiency-')));
    return { profilesMs: round(profilesMs, 1), engines, ...efficiency };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Offline runs for a few seconds on a monitor whose timer samples the app's CPU each second, as in the app. */
async function measureEfficiency(dataDir: string): Promise<Pick<EngineInsightFigures, 'personas' | 'personasPerCpuSecond' | 'cpuAgreement'>> {
  const core = createCore({ dataDir, resources: null });
  try {
    // A tick first, so that the meter's first interval starts with the runs.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const started = Date.now();
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    for (let i = 0; performance.now() - wallBefore < 4000; i++) {
      await core.generate(briefInputSchema.parse({ description: 'Meal-kit delivery for busy parents in Lyon', count: 10, level: 'standard' }), { providerId: 'offline' });
      // The timer must run between runs: a run holds the event loop for most of its time.
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Let the timer take the last second's sample.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const used = process.cpuUsage(cpuBefore);
    const direct = (used.user + used.system) / 1e6;
    const measured = core.monitor.efficiency(Date.now() - started + MINUTE);
    console.log(`efficiency: ${measured.personas} personas, ${measured.appCpuSeconds.toFixed(2)} app CPU-s by the monitor, ${direct.toFixed(2)} by process.cpuUsage() → ${measured.personasPerCpuSecond?.toFixed(1) ?? 'n/a'} personas per CPU-second`);
    return {
      personas: measured.personas,
      personasPerCpuSecond: measured.personasPerCpuSecond === null ? null : round(measured.personasPerCpuSecond, 1),
      cpuAgreement: measured.appCpuSeconds > 0 && direct > 0 ? round(measured.appCpuSeconds / direct, 2) : null,
    };
  } finally {
    core.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await measureEngineInsight();
  console.log(`engines: profiles_ms=${r.profilesMs} engines=${r.engines} personas_per_cpu_s=${r.personasPerCpuSecond ?? 'null'} cpu_agreement=${r.cpuAgreement ?? 'null'}`);
}
