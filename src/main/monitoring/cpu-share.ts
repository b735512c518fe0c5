/**
 * Whose CPU load it is: the machine's counts against the app (CPU alert, emergency response, score) only while the app's
 * own share is material, since shedding the app's work cannot relieve a machine other programs keep busy.
 */
import os from 'node:os';

/** The app's own CPU, in percent of the whole machine, from which a busy machine is partly its doing. */
export const APP_CPU_MATERIAL_PERCENT = 10;

/** The app's own CPU since the last call: this process's user and system time over wall time and cores, 0-100 like the machine's. */
export function processCpuMeter(): () => number | null {
  const cores = os.availableParallelism();
  let last = { usage: process.cpuUsage(), at: performance.now() };
  let figure: number | null = null;
  return () => {
    const at = performance.now();
    const elapsedMs = at - last.at;
    if (elapsedMs < MIN_SAMPLE_MS) return figure;
    const usage = process.cpuUsage();
    const usedMs = (usage.user - last.usage.user + usage.system - last.usage.system) / 1000;
    last = { usage, at };
    figure = Math.min(100, Math.max(0, (usedMs / elapsedMs / cores) * 100));
    return figure;
  };
}

/** Whether the app's own CPU is a material part of the machine's; unmeasured (history from before) counts as such. */
export function appCpuIsMaterial(appCpu: number | null): boolean {
  return appCpu === null || appCpu >= APP_CPU_MATERIAL_PERCENT;
}

/** The CPU the app answers for: the machine's while the app's share is material, else only the app's own. */
export function attributedCpu(machineCpu: number | null, appCpu: number | null): number | null {
  if (machineCpu === null) return null;
  return appCpuIsMaterial(appCpu) ? machineCpu : appCpu;
}

/** Who keeps the machine past `busyAt` percent CPU, or null while it is under it (or nothing says yet). */
export function cpuBusyBy(machineCpu: number | null, appCpu: number | null, busyAt: number): 'other_programs' | 'persona_studio' | null {
  if (machineCpu === null || appCpu === null || machineCpu < busyAt) return null;
  return appCpuIsMaterial(appCpu) ? 'persona_studio' : 'other_programs';
}

/** Two readings closer than this say little (a close right after a tick): the last figure stands. */
const MIN_SAMPLE_MS = 200;
