/** When the emergency response must shed load: critical memory, or a pegged CPU that is partly the app's own doing. */
import type { MonitorSettings } from '../../shared/settings';
import { appCpuIsMaterial } from './cpu-share';
import type { WindowSummary } from './metric-series';

/** How many of the last seconds the CPU must stay pegged. */
export const PEGGED_SECONDS = 5;

/**
 * What is critical now, in words, or null. A machine that other programs keep busy is left alone:
 * shedding the app's work could not relieve it.
 */
export function criticalPressure(lastMinute: WindowSummary, lastSeconds: WindowSummary, settings: MonitorSettings): string | null {
  const latest = lastMinute.latest;
  if (latest?.rssMb != null && latest.rssMb > settings.memoryBudgetMb * 1.25) return `memory at ${Math.round(latest.rssMb)} MB, 25% over its ${settings.memoryBudgetMb} MB budget`;
  if (latest?.memoryPercent != null && latest.memoryPercent > 97) return `the machine's memory is ${Math.round(latest.memoryPercent)}% used`;
  if (lastSeconds.seconds < PEGGED_SECONDS) return null;
  const machineFloor = lastSeconds.gaugeMin.cpuPercent ?? 0;
  const app = lastSeconds.gaugeMean.appCpuPercent;
  if (machineFloor > 95 && appCpuIsMaterial(app)) return `the machine's CPU above 95% for ${PEGGED_SECONDS} s${app === null ? '' : `, ${Math.round(app)}% of it Persona Studio's own work`}`;
  return null;
}
