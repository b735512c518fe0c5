/**
 * Kept tuning as its own settings layer: a change the tuner (or an optimization) kept is saved in app.db and put back
 * over the user's settings at the next start, within the user's caps; a reset returns the user's own value, audited.
 */
import type { TunableId } from '../../shared/metrics';
import type { TunedValue } from '../../shared/insight';
import type { Tunable } from './auto-tuner';
import type { NewAuditEntry } from './monitor-store';
import type { OptimizationStore } from './optimization-store';

export class TunedLayer {
  private readonly tunables: Map<TunableId, Tunable>;
  /** Each tunable's value before the layer was put over it: where a reset returns one that no setting holds. */
  private readonly untuned = new Map<TunableId, number>();

  constructor(
    private readonly store: OptimizationStore,
    tunables: readonly Tunable[],
    private readonly audit: (entry: NewAuditEntry) => void,
    private readonly now: () => number,
  ) {
    this.tunables = new Map(tunables.map((t) => [t.id, t]));
    for (const t of tunables) this.untuned.set(t.id, t.get());
  }

  /** At start: each kept value put back, clamped to the tunable's bounds as they are now (the user may have lowered a cap). */
  restore(): void {
    for (const kept of this.store.kept()) {
      const tunable = this.tunables.get(kept.tunable);
      if (tunable) tunable.set(clamp(tunable, kept.value));
    }
  }

  /** A change was kept: remembered with when and why. */
  remember(tunable: TunableId, value: number, reason: string): void {
    if (this.tunables.has(tunable)) this.store.keep({ tunable, value, at: this.now(), reason });
  }

  /** The user changed the setting behind `tunable`: theirs wins, the tuned value is dropped (the settings change is audited already). */
  supersede(tunable: TunableId): void {
    this.store.forget(tunable);
  }

  list(): TunedValue[] {
    return this.store.kept().flatMap((kept) => {
      const tunable = this.tunables.get(kept.tunable);
      // As it applies now: within the user's caps of the moment.
      return tunable ? [{ ...kept, label: tunable.label, value: clamp(tunable, kept.value) }] : [];
    });
  }

  /** Returns one tunable (or all) to the user's own value, each reset in the audit with before and after. */
  reset(only?: TunableId): TunedValue[] {
    for (const kept of this.store.kept()) {
      if (only && kept.tunable !== only) continue;
      const tunable = this.tunables.get(kept.tunable);
      this.store.forget(kept.tunable);
      if (!tunable) continue;
      const before = tunable.get();
      tunable.set(clamp(tunable, tunable.userValue?.() ?? this.untuned.get(tunable.id) ?? before));
      const after = tunable.get();
      this.audit({ at: this.now(), source: 'user', subject: tunable.id, step: 'reset', before, after, metric: null, baseline: null, measured: null, reason: `tuned value reset to your setting (it was kept because ${kept.reason})` });
    }
    return this.list();
  }
}

function clamp(tunable: Tunable, value: number): number {
  return Math.min(tunable.max, Math.max(tunable.min, value));
}
