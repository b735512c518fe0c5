/**
 * What the monitor may turn, built over the real components: the tuner's tunables, the emergency
 * response's shedding steps and the alerts' auto-actions, each saying in its outcome what it changed.
 */
import type { AutoActionId } from '../../shared/metrics';
import { settingName } from '../../shared/monitor-units';
import type { AppSettings } from '../../shared/settings';
import type { TieredCache } from '../cache';
import type { BatchSizeControl } from '../generation';
import { parseConstraints, type Preloading } from '../providers';
import type { Scheduler } from '../scheduler';
import type { Tunable } from './auto-tuner';
import type { SheddingStep } from './emergency';

export interface MonitorControls {
  tunables: Tunable[];
  shedding: SheddingStep[];
  runAction: (action: AutoActionId, context: ActionContext) => Promise<string>;
  /** The settings the controls answer to (suggestions name them; a reset of kept tuning returns to them). */
  settings: () => AppSettings;
}

/** What an auto-action may need to know about the moment it runs. */
export interface ActionContext {
  /** The provider that failed most of its calls in the last minute (at least 5), if any. */
  failingProvider: string | undefined;
}

export interface ControlTargets {
  cache: TieredCache;
  scheduler: Scheduler;
  /** Paused and resumed by the emergency response. */
  preloading: Preloading;
  /** Moved by the auto-tuner. */
  batchSize: BatchSizeControl;
  settings: () => AppSettings;
  /** Ids of providers that call out (not the offline engine). */
  remoteProviders: ReadonlySet<string>;
}

export function createControls(targets: ControlTargets): MonitorControls {
  const { cache, scheduler, preloading, batchSize } = targets;
  const now = () => performance.now();
  /** The memory cache budget the user set: neither the tuner nor a restore goes above it. */
  const l1BudgetBytes = () => Math.min(cache.l1CeilingBytes, targets.settings().cache.l1MaxMb * MB);
  const tunables: Tunable[] = [
    {
      id: 'l1_bytes',
      label: settingName('l1_bytes'),
      min: 4 * MB,
      get max() {
        return l1BudgetBytes();
      },
      get: () => cache.l1Budget,
      set: (v) => cache.setL1Budget(v),
      userValue: l1BudgetBytes,
    },
    {
      id: 'ttl_min_ms',
      label: settingName('ttl_min_ms'),
      min: MINUTE,
      max: 24 * 60 * MINUTE,
      get: () => cache.ttl.minMs,
      set: (v) => cache.setTtlBounds({ ...cache.ttl, minMs: Math.round(v) }),
      userValue: () => targets.settings().cache.ttlMinMinutes * MINUTE,
    },
    {
      id: 'concurrency_max',
      label: settingName('concurrency_max'),
      min: 1,
      // Never above the user's own cap.
      get max() {
        return targets.settings().limits.maxConcurrency;
      },
      get: () => scheduler.load().max,
      set: (v) => scheduler.limit.setMax(v, 'auto-tuner', now()),
      userValue: () => targets.settings().limits.maxConcurrency,
    },
    { id: 'timeout_factor', label: settingName('timeout_factor'), min: 1.5, max: 8, get: () => scheduler.timeoutFactor, set: (v) => scheduler.setTimeoutFactor(v) },
    { id: 'batch_size', label: settingName('batch_size'), min: 1, max: 10, get: () => batchSize.maxBatchSize, set: (v) => batchSize.setMaxBatchSize(v) },
  ];

  // What the shedding step found, put back when it is undone.
  let savedMax = 0;
  const shedding: SheddingStep[] = [
    { id: 'pause_preloading', shed: () => (preloading.pause(), { before: 1, after: 0 }), restore: () => (preloading.resume(), { before: 0, after: 1 }) },
    {
      id: 'shrink_l1',
      shed: () => {
        const before = cache.l1Budget;
        cache.setL1Budget(before / 4);
        return { before, after: cache.l1Budget };
      },
      // Back to the user's budget, which a save during the emergency may have changed.
      restore: () => {
        const before = cache.l1Budget;
        cache.setL1Budget(l1BudgetBytes());
        return { before, after: cache.l1Budget };
      },
    },
    {
      id: 'concurrency_floor',
      shed: () => {
        savedMax = scheduler.load().max;
        scheduler.limit.setMax(scheduler.limit.min, 'emergency: concurrency to its floor', now());
        return { before: savedMax, after: scheduler.load().max };
      },
      restore: () => {
        const before = scheduler.load().max;
        // Never above the user's cap, which may have been lowered meanwhile.
        scheduler.limit.setMax(Math.min(savedMax, targets.settings().limits.maxConcurrency), 'emergency over: ceiling restored', now());
        return { before, after: scheduler.load().max };
      },
    },
    // Low-priority work is the cache's: background refreshes and preloads wait until this is undone.
    { id: 'defer_background_work', shed: () => (cache.pauseBackground(true), { before: 0, after: 1 }), restore: () => (cache.pauseBackground(false), { before: 1, after: 0 }) },
  ];

  const actions: Record<AutoActionId, (context: ActionContext) => string> = {
    warm_cache: () => {
      const promoted = cache.warmL1('culture', parseConstraints);
      return promoted > 0 ? `${promoted} frequent cultural lookups copied from cache.db into memory` : 'nothing to warm: the lookups that missed are not in cache.db either';
    },
    adjust_timeout: () => {
      const before = scheduler.timeoutFactor;
      const after = Math.min(8, before * 1.5);
      if (after === before) throw new Error(`timeouts are already at their ceiling (${before} × p95)`);
      scheduler.setTimeoutFactor(after);
      return `timeouts raised from ${before.toFixed(1)} to ${after.toFixed(1)} × p95 latency`;
    },
    lower_concurrency: () => {
      const before = scheduler.load().max;
      const after = Math.max(scheduler.limit.min, Math.floor(scheduler.limit.value * 0.7));
      if (after >= before) throw new Error(`concurrency is already at ${before}`);
      scheduler.limit.setMax(after, 'alert: lower concurrency', now());
      return `most calls at once lowered from ${before} to ${after}`;
    },
    enable_offline_fallback: (context) => {
      const provider = context.failingProvider;
      if (!provider || !targets.remoteProviders.has(provider)) throw new Error(provider ? `${provider} is not an LLM engine; only an LLM engine can be replaced by the offline one` : 'no LLM engine failed most of its calls in the last minute');
      if (!scheduler.isolate(provider, OFFLINE_FALLBACK_MS)) return `${provider} is already paused`;
      return `${provider} paused for ${OFFLINE_FALLBACK_MS / MINUTE} min: generations use the offline engine, each persona marked as such`;
    },
  };

  return { tunables, shedding, runAction: async (action, context) => actions[action](context), settings: targets.settings };
}

const MB = 1_048_576;
const MINUTE = 60_000;
/** How long enable_offline_fallback holds a failing provider's breaker open. */
const OFFLINE_FALLBACK_MS = 5 * MINUTE;
