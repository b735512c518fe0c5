/** What the monitor is built over: the store, the components it watches and turns, and the test hooks. */
import type { MonitorSettings } from '../../shared/settings';
import type { TieredCache } from '../cache';
import type { Scheduler } from '../scheduler';
import type { ValidationStats } from '../validation';
import type { TunerPolicy } from './auto-tuner';
import type { MonitorControls } from './controls';
import type { EmergencyPolicy } from './emergency';
import type { EngineInfo } from './engine-profiles';
import type { MonitorStore } from './monitor-store';

export interface MonitorDeps {
  store: MonitorStore;
  scheduler: Scheduler;
  cache: TieredCache;
  validationStats: ValidationStats;
  settings: () => MonitorSettings;
  controls: MonitorControls;
  /** Wall-clock time; tests move it by hand. */
  now?: () => number;
  /** Starts the one-second timer; tests call tick() themselves. Default true. */
  autoStart?: boolean;
  /** Shortest gap between two live events. Default 250 ms (4 a second). */
  liveIntervalMs?: number;
  tuner?: Partial<TunerPolicy>;
  emergency?: Partial<EmergencyPolicy>;
  /** This app's own CPU since the last call, 0-100 of the machine; default process.cpuUsage() (processCpuMeter). */
  appCpu?: () => number | null;
  /** The engines settings configure (each listed in the profiles even when idle); default none. */
  engines?: () => readonly EngineInfo[];
}
