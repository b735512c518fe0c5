/**
 * Whose CPU load it is. The machine's CPU counts against the app (the CPU alert, the emergency
 * response, the score) only while the app's own share of the machine is material: a machine kept
 * busy by other programs is shown as such and not answered by shedding the app's work.
 */
import os from 'node:os';

/** The app's own CPU, in percent of the whole machine, from which a busy machine is partly its doing. */
export const APP_CPU_MATERIAL_PERCENT = 10;

/** Two readings closer than this say little (a close right after a tick): the last figure stands. */
const MIN_SAMPLE_MS = 200;

/**
 * The app's own CPU since the last call: process.cpuUsage() (user and system time of this process)
 * over the wall time between calls and the machine's cores, so 0-100 like the machine's figure.
 */
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
