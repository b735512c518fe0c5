/**
 * What the user steers on the monitor: optimizations, the kept tuning layer, suggestions applied, the cache cleared
 * and performance settings changed, each user action written to the audit with before and after (source 'user').
 */
import type { MonitorSuggestion, TunableId } from '../../shared/metrics';
import type { Optimization, TunedValue } from '../../shared/insight';
import type { AppSettings, SettingsChange } from '../../shared/settings';
import type { TieredCache } from '../cache';
import { AppError } from '../platform';
import type { AutoTuner, Tunable } from './auto-tuner';
import type { NewAuditEntry } from './monitor-store';
import { Optimizations } from './optimization';
import type { OptimizationStore } from './optimization-store';
import { settingFixFor } from './suggestion-fixes';
import { TunedLayer } from './tuned-values';

export interface SteeringDeps {
  store: OptimizationStore;
  tuner: AutoTuner;
  tunables: readonly Tunable[];
  suggestions: () => MonitorSuggestion[];
  settings: () => AppSettings;
  cache: Pick<TieredCache, 'clear'>;
  now: () => number;
  audit: (entry: NewAuditEntry) => void;
}

/** The performance settings whose changes are audited, as "section.field"; true/false are written as 1/0. */
const AUDITED = {
  limits: ['maxConcurrency', 'maxCpuPercent', 'maxMemoryPercent'],
  monitor: ['p95Ms', 'cacheHitRate', 'validationSuccess', 'cpuPercent', 'memoryBudgetMb', 'raiseAfterS', 'tuner'],
  cache: ['l1MaxMb', 'l2MaxMb', 'ttlMinMinutes', 'ttlMaxDays', 'preload', 'preloadPerLookup'],
} as const;

/** A user setting that holds a tunable: changing it replaces the tuned value. */
const SETTING_OF: Partial<Record<string, TunableId>> = { 'cache.l1MaxMb': 'l1_bytes', 'cache.ttlMinMinutes': 'ttl_min_ms', 'limits.maxConcurrency': 'concurrency_max' };

export class Steering {
  private readonly optimizations: Optimizations;
  private readonly tuned: TunedLayer;
  /** Why the settings are being changed, while a suggestion is applied through the user's own path. */
  private changeReason: string | null = null;

  constructor(private readonly deps: SteeringDeps) {
    this.optimizations = new Optimizations({ store: deps.store, tuner: deps.tuner, proposals: () => deps.tuner.proposals(), tunables: deps.tunables, now: deps.now, audit: deps.audit });
    this.tuned = new TunedLayer(deps.store, deps.tunables, deps.audit, deps.now);
    this.tuned.restore();
  }

  startOptimization(): Optimization {
    return this.optimizations.start();
  }

  scheduleOptimization(window: NonNullable<Optimization['window']>): Optimization {
    return this.optimizations.schedule(window);
  }

  cancelOptimization(id: string): boolean {
    return this.optimizations.cancel(id);
  }

  optimizationList(limit: number): Optimization[] {
    return this.optimizations.list(limit);
  }

  tunedValues(): TunedValue[] {
    return this.tuned.list();
  }

  /** Back to the user's own setting; a change of that tunable still on trial is rolled back first. */
  resetTuned(tunable?: TunableId): TunedValue[] {
    const trial = this.deps.tuner.state().trial;
    if (trial && (!tunable || trial.tunable === tunable)) this.deps.tuner.abandon('the user reset the tuned value');
    return this.tuned.reset(tunable);
  }

  /** The tuner's step, every few seconds: scheduled optimizations and their next trial first, then the tuner (which judges any trial). */
  tick(): void {
    this.optimizations.tick();
    this.deps.tuner.tick();
  }

  /** Every audit entry passes here: a kept change becomes part of the tuned layer. */
  noteAudit(entry: NewAuditEntry): void {
    if (entry.source === 'tuner' && entry.step === 'kept' && entry.after !== null) this.tuned.remember(entry.subject as TunableId, entry.after, entry.reason);
  }

  /** Empties the cache, audited with what it held. */
  clearCache(): { entries: number; bytes: number } {
    const cleared = this.deps.cache.clear();
    const reason = `the user cleared the cache: ${cleared.entries} entr${cleared.entries === 1 ? 'y' : 'ies'} removed`;
    this.deps.audit({ at: this.deps.now(), source: 'user', subject: 'cache', step: 'cleared', before: cleared.bytes, after: 0, metric: 'bytes', baseline: null, measured: null, reason });
    return cleared;
  }

  /** The settings' change listener: each performance setting that changed, audited; a user setting over a tuned value replaces it. */
  settingsChanged(next: AppSettings, previous: AppSettings): void {
    for (const [section, fields] of Object.entries(AUDITED) as Array<[keyof typeof AUDITED, readonly string[]]>) {
      for (const field of fields) {
        const before = numberOf((previous[section] as Record<string, unknown>)[field]);
        const after = numberOf((next[section] as Record<string, unknown>)[field]);
        if (before === after) continue;
        const path = `${section}.${field}`;
        this.deps.audit({ at: this.deps.now(), source: 'user', subject: path, step: 'changed', before, after, metric: null, baseline: null, measured: null, reason: this.changeReason ?? 'changed in Settings' });
        const tunable = SETTING_OF[path];
        if (tunable) this.tuned.supersede(tunable);
      }
    }
  }

  /** Suggestions as shown, each with the Apply text when it names a setting. */
  withApply(suggestions: MonitorSuggestion[]): MonitorSuggestion[] {
    const settings = this.deps.settings();
    return suggestions.map((s) => ({ ...s, apply: settingFixFor(s.id, settings)?.apply ?? null }));
  }

  /** Applies a current suggestion through `update` (the user's own settings path), audited with the suggestion named; returns the Apply text. */
  applySuggestion(id: string, update: (change: SettingsChange) => void): string {
    const suggestion = this.deps.suggestions().find((s) => s.id === id);
    if (!suggestion) throw new AppError('not_found', `The suggestion "${id}" is no longer current (what it was based on has changed); refresh the suggestions and apply one of those shown.`, 'id');
    const fix = settingFixFor(id, this.deps.settings());
    if (!fix) throw new AppError('invalid_request', `The suggestion "${id}" names no setting that can still be changed; follow its advice by hand, or refresh the suggestions.`, 'id');
    this.changeReason = `applied the suggestion "${fix.apply}" (${suggestion.evidence})`;
    try {
      update(fix.change);
    } finally {
      this.changeReason = null;
    }
    return fix.apply;
  }
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'number' ? value : null;
}
