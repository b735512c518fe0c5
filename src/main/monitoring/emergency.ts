/**
 * Emergency response: under critical pressure every shedding step runs at once; once pressure has been gone a while they
 * are undone one at a time, last first, so that a relapse is caught before everything is back.
 */
import type { SheddingStepId } from '../../shared/monitor-units';
import type { NewAuditEntry } from './monitor-store';

export interface SheddingStep {
  id: SheddingStepId;
  /** Sheds load; returns the setting's value before and after. */
  shed(): { before: number; after: number };
  /** Puts back what shed() changed. */
  restore(): { before: number; after: number };
}

export interface EmergencyPolicy {
  /** Pressure must have been gone this long before the first step is undone. */
  calmMs: number;
  /** Time between two restored steps. */
  restoreEveryMs: number;
}

export const DEFAULT_EMERGENCY_POLICY: EmergencyPolicy = { calmMs: 15_000, restoreEveryMs: 10_000 };

export class EmergencyResponse {
  /** Steps currently shed, in the order they were shed. */
  private readonly shedSteps: SheddingStep[] = [];
  private calmSince: number | null = null;
  private lastRestore = Number.NEGATIVE_INFINITY;
  private readonly policy: EmergencyPolicy;

  constructor(
    private readonly steps: readonly SheddingStep[],
    private readonly audit: (entry: NewAuditEntry) => void,
    policy: Partial<EmergencyPolicy> = {},
  ) {
    this.policy = { ...DEFAULT_EMERGENCY_POLICY, ...policy };
  }

  get active(): boolean {
    return this.shedSteps.length > 0;
  }

  /** `pressure` says what is critical now, or null when nothing is. */
  update(pressure: string | null, now: number): void {
    if (pressure) {
      this.calmSince = null;
      for (const step of this.steps) {
        if (this.shedSteps.includes(step)) continue;
        const { before, after } = step.shed();
        this.shedSteps.push(step);
        this.record(step, 'shed', before, after, pressure, now);
      }
      return;
    }
    if (!this.active) return;
    this.calmSince ??= now;
    if (now - this.calmSince < this.policy.calmMs || now - this.lastRestore < this.policy.restoreEveryMs) return;
    const step = this.shedSteps.pop()!;
    const { before, after } = step.restore();
    this.lastRestore = now;
    this.record(step, 'restored', before, after, `pressure gone for ${Math.round((now - this.calmSince) / 1000)} s`, now);
  }

  private record(step: SheddingStep, kind: 'shed' | 'restored', before: number, after: number, reason: string, now: number): void {
    this.audit({ at: now, source: 'emergency', subject: step.id, step: kind, before, after, metric: null, baseline: null, measured: null, reason });
  }
}
