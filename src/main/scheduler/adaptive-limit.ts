/**
 * The concurrency limit, adapted from what calls and the machine show (AIMD on a latency gradient):
 *   - slow start: +1 per success while nothing has pushed back, so the limit doubles per round;
 *   - then +1 per round (+1/limit per success) while latency holds near its baseline and the
 *     limit is actually used;
 *   - ×0.9 when latency climbs past `tolerance` × baseline (the provider is queueing our calls);
 *   - ×0.7 when overload failures (timeout, 429, 503) are at least a quarter of the last round's
 *     outcomes, at most once per round: a provider that sheds a few calls at random is not full;
 *   - ×0.7 on each resource sample showing CPU above its cap, free memory below its cap, or an
 *     event loop lagging, so a busy laptop sheds work within a few samples.
 * Baseline = the 10th percentile of per-unit latency over the last 200 calls; current = the median
 * of the last `limit` calls (at least 8), so one slow call does not move the limit.
 */
import type { SchedulerStatus } from '../../shared/performance';
import type { LatencyTracker } from './latency-tracker';

export interface LimitPolicy {
  initial: number;
  min: number;
  max: number;
  /** Latency above baseline × tolerance counts as the provider queueing. */
  tolerance: number;
  adaptive: boolean;
}

export const DEFAULT_LIMITS: LimitPolicy = { initial: 8, min: 1, max: 64, tolerance: 1.5, adaptive: true };

/** Share of overload failures in a round that lowers the limit. */
const OVERLOAD_SHARE = 0.25;

export interface ResourcePressure {
  reason: string;
}

export type LimitChange = SchedulerStatus['recentLimitChanges'][number];

export class AdaptiveLimit {
  private current: number;
  private slowStart = true;
  private lastDecrease = Number.NEGATIVE_INFINITY;
  /** The last round's outcomes, newest last: true for an overload failure. */
  private readonly outcomes: boolean[] = [];
  private readonly history: LimitChange[] = [];

  constructor(
    private readonly policy: LimitPolicy,
    private readonly latency: LatencyTracker,
    private readonly onChange: (limit: number) => void = () => {},
  ) {
    this.current = policy.initial;
  }

  /** The whole number of calls that may run at once. */
  get value(): number {
    return Math.max(this.policy.min, Math.min(this.policy.max, Math.floor(this.current)));
  }

  get max(): number {
    return this.policy.max;
  }

  get min(): number {
    return this.policy.min;
  }

  /** Moves the ceiling (the tuner, the emergency response, the user's cap); the limit follows at once if above it. */
  setMax(max: number, reason: string, now: number): void {
    this.policy.max = Math.max(this.policy.min, Math.round(max));
    this.set(this.current, reason, now);
  }

  /** The last changes, newest last, for the dashboard and the benchmark. */
  changes(): readonly LimitChange[] {
    return this.history;
  }

  /** A call succeeded; `running` is how many were in flight when it ended. */
  onSuccess(provider: string, kind: string, running: number, now: number): void {
    if (!this.policy.adaptive) return;
    this.note(false);
    const baseline = this.latency.perUnit(provider, kind, 0.1, 8, 200);
    const recent = this.latency.perUnit(provider, kind, 0.5, 8, Math.max(8, this.value));
    if (baseline !== undefined && recent !== undefined && recent > baseline * this.policy.tolerance) {
      this.slowStart = false;
      // Once per round: the calls already in flight were started under the old limit.
      if (now - this.lastDecrease >= recent) this.decrease(0.9, `latency ${recent.toFixed(0)} ms per unit against a baseline of ${baseline.toFixed(0)}`, now);
      return;
    }
    // Growing an unused limit proves nothing: it rises only when calls fill it.
    if (running < this.value - 1) return;
    this.set(this.current + (this.slowStart ? 1 : 1 / this.current), this.slowStart ? 'slow start' : 'latency holds', now);
  }

  /** A call failed because the provider is overloaded (timeout, 429, 503); `roundMs` is a call's usual time. */
  onOverload(reason: string, now: number, roundMs: number): void {
    if (!this.policy.adaptive) return;
    this.note(true);
    const share = this.outcomes.filter(Boolean).length / this.outcomes.length;
    if (this.outcomes.length < 4 || share < OVERLOAD_SHARE || now - this.lastDecrease < roundMs) return;
    this.slowStart = false;
    this.decrease(0.7, `${Math.round(share * 100)}% of the last ${this.outcomes.length} calls overloaded (${reason})`, now);
  }

  private note(overload: boolean): void {
    this.outcomes.push(overload);
    while (this.outcomes.length > Math.max(8, this.value)) this.outcomes.shift();
  }

  /** A resource sample: under pressure the limit falls at once, each sample. */
  onResources(pressure: ResourcePressure | undefined, now: number): void {
    if (!this.policy.adaptive || !pressure) return;
    this.slowStart = false;
    this.decrease(0.7, pressure.reason, now);
  }

  private decrease(factor: number, reason: string, now: number): void {
    this.lastDecrease = now;
    this.set(Math.max(this.policy.min, this.current * factor), reason, now);
  }

  private set(next: number, reason: string, now: number): void {
    const previous = this.value;
    this.current = Math.max(this.policy.min, Math.min(this.policy.max, next));
    if (this.value === previous) return;
    this.history.push({ limit: this.value, previous, reason, at: now });
    if (this.history.length > 200) this.history.shift();
    this.onChange(this.value);
  }
}
