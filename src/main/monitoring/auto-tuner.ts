/**
 * The auto-tuner: one change at a time, while there is traffic and headroom, kept only when its target metric beat the
 * window before it and no guard metric regressed beyond its tolerance; every step goes to the audit log with its figures.
 */
import type { AuditEntry } from '../../shared/ipc/types';
import type { TunableId } from '../../shared/metrics';
import { formatMetric, formatSetting, formatSpan, metricName } from '../../shared/monitor-units';
import type { NewAuditEntry } from './monitor-store';

export interface Tunable {
  id: TunableId;
  label: string;
  min: number;
  max: number;
  get(): number;
  set(value: number): void;
  /** The value the user's settings give it, where a reset of kept tuning returns it; absent when no setting holds it. */
  userValue?(): number;
}

export const TUNER_METRICS = ['hit_rate', 'p95_ms', 'throughput', 'timeout_rate', 'error_rate', 'repair_rate'] as const;
export type TunerMetric = (typeof TUNER_METRICS)[number];

export interface Proposal {
  tunable: TunableId;
  to: number;
  metric: TunerMetric;
  reason: string;
}

export interface TunerEnvironment {
  now(): number;
  /** Requests seen (generations, provider calls, cache gets) over the window ending now. */
  traffic(windowMs: number): number;
  /** A metric over the window ending now; null when nothing measured it. */
  metric(id: TunerMetric, windowMs: number): number | null;
  /** Why there is no room for a change now (CPU, memory), or null when there is. */
  headroom(): string | null;
  /** Changes worth trying now, best first, with the evidence in their reason. */
  proposals(): Proposal[];
  audit(entry: NewAuditEntry): void;
}

export interface TunerPolicy {
  windowMs: number;
  /** Requests a window needs before anything is judged. */
  minTraffic: number;
  /** Pause between two trials. */
  cooldownMs: number;
  /** A rolled-back tunable is not tried again for this long. */
  retryAfterRollbackMs: number;
  /** Windows a trial may wait for traffic before it is rolled back unjudged. */
  maxWaitWindows: number;
}

export const DEFAULT_TUNER_POLICY: TunerPolicy = { windowMs: 5 * 60_000, minTraffic: 20, cooldownMs: 60_000, retryAfterRollbackMs: 30 * 60_000, maxWaitWindows: 3 };

export type TunerPhase = 'idle' | 'validating' | 'waiting_for_traffic' | 'no_headroom' | 'off';

/** How a trial ended, for whoever asked for it (an optimization). */
export interface TrialResult {
  outcome: 'kept' | 'rolled_back';
  from: number;
  to: number;
  baseline: number;
  measured: number | null;
  reason: string;
}

export class AutoTuner {
  private trial: Trial | null = null;
  private lastFinished = Number.NEGATIVE_INFINITY;
  private readonly blockedUntil = new Map<TunableId, number>();
  private phaseNow: TunerPhase = 'idle';
  private readonly tunables: Map<TunableId, Tunable>;
  private readonly policy: TunerPolicy;

  constructor(
    tunables: readonly Tunable[],
    private readonly env: TunerEnvironment,
    policy: Partial<TunerPolicy> = {},
    public enabled = true,
  ) {
    this.tunables = new Map(tunables.map((t) => [t.id, t]));
    this.policy = { ...DEFAULT_TUNER_POLICY, ...policy };
  }

  state() {
    const trial = this.trial;
    return {
      enabled: this.enabled,
      phase: this.enabled ? this.phaseNow : ('off' as const),
      trial: trial && { tunable: trial.tunable.id, before: trial.before, after: trial.after, metric: trial.metric, baseline: trial.baseline, appliedAt: trial.appliedAt },
      tunables: [...this.tunables.values()].map((t) => ({ id: t.id, label: t.label, value: t.get(), min: t.min, max: t.max })),
    };
  }

  /** Switching off rolls back a change still on trial: an unproven change does not stay. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled && this.trial) this.rollBack(this.trial, null, 'the tuner was switched off before the change was proven');
  }

  /** One step; the monitor calls it every few seconds. */
  tick(): void {
    const now = this.env.now();
    // A trial on while the tuner is off is an optimization's (switching off rolls back the tuner's own): it is judged all the same.
    if (this.trial) return this.judge(this.trial, now);
    if (!this.enabled) return;
    if (now - this.lastFinished < this.policy.cooldownMs) return void (this.phaseNow = 'idle');
    if (this.env.traffic(this.policy.windowMs) < this.policy.minTraffic) return void (this.phaseNow = 'waiting_for_traffic');
    const proposal = this.env.proposals().find((p) => (this.blockedUntil.get(p.tunable) ?? 0) <= now && this.tunables.has(p.tunable));
    if (!proposal) return void (this.phaseNow = 'idle');
    this.begin(proposal, now, undefined);
  }

  /** The changes worth trying now, best first: what an optimization runs. */
  proposals(): Proposal[] {
    return this.env.proposals();
  }

  /** A trial in progress, for an optimization waiting to start its next one. */
  get busy(): boolean {
    return this.trial !== null;
  }

  /**
   * Starts `proposal` as a trial now, for an optimization the user asked for: no cooldown and no wait for the
   * tuner's turn, but the same headroom check, judging and rollback. Returns why it was not started, or null.
   */
  tryNow(proposal: Proposal, onFinished: (result: TrialResult) => void): string | null {
    if (this.trial) return 'another change is on trial';
    return this.begin(proposal, this.env.now(), onFinished);
  }

  private begin(proposal: Proposal, now: number, onFinished: ((result: TrialResult) => void) | undefined): string | null {
    const tunable = this.tunables.get(proposal.tunable);
    if (!tunable) return `${proposal.tunable} cannot be changed here`;
    const before = tunable.get();
    const after = Math.min(tunable.max, Math.max(tunable.min, proposal.to));
    const baseline = this.env.metric(proposal.metric, this.policy.windowMs);
    this.phaseNow = 'idle';
    if (after === before) return `${tunable.label} is already at ${formatSetting(tunable.id, before)}, as far as its bounds allow`;
    if (baseline === null) return `the ${metricName(proposal.metric)} was not measured in the last ${formatSpan(this.policy.windowMs)}, so there is nothing to judge against`;
    const noRoom = this.env.headroom();
    if (noRoom) {
      this.phaseNow = 'no_headroom';
      this.record({ subject: tunable.id, step: 'skipped', before, after, metric: proposal.metric, baseline, measured: null, reason: `${proposal.reason}; not tried: ${noRoom}` });
      this.blockedUntil.set(tunable.id, now + this.policy.cooldownMs);
      return noRoom;
    }
    this.record({ subject: tunable.id, step: 'proposed', before, after, metric: proposal.metric, baseline, measured: null, reason: proposal.reason });
    tunable.set(after);
    const guards = Object.fromEntries(Object.keys(GUARDS).map((m) => [m, this.env.metric(m as TunerMetric, this.policy.windowMs)]));
    this.trial = { tunable, before, after, metric: proposal.metric, baseline, guards, appliedAt: now, onFinished };
    this.phaseNow = 'validating';
    this.record({ subject: tunable.id, step: 'applied', before, after, metric: proposal.metric, baseline, measured: null, reason: `measuring the ${metricName(proposal.metric)} for ${formatSpan(this.policy.windowMs)} against the baseline` });
    return null;
  }

  private judge(trial: Trial, now: number): void {
    const elapsed = now - trial.appliedAt;
    if (elapsed < this.policy.windowMs) return void (this.phaseNow = 'validating');
    // Judge the window since the change only; the metric would mix in the old setting otherwise.
    const window = Math.min(elapsed, this.policy.windowMs * this.policy.maxWaitWindows);
    if (this.env.traffic(window) < this.policy.minTraffic) {
      if (elapsed < this.policy.windowMs * this.policy.maxWaitWindows) return void (this.phaseNow = 'waiting_for_traffic');
      return this.rollBack(trial, null, `too little traffic in ${formatSpan(elapsed)} to judge the change`);
    }
    const measured = this.env.metric(trial.metric, window);
    const name = metricName(trial.metric);
    if (measured === null) return this.rollBack(trial, null, `the ${name} was not measured after the change`);
    const improved = HIGHER_IS_BETTER[trial.metric] ? measured > trial.baseline : measured < trial.baseline;
    const change = `${formatMetric(trial.metric, trial.baseline)} → ${formatMetric(trial.metric, measured)}`;
    if (!improved) return this.rollBack(trial, measured, `the ${name} did not improve (${change})`);
    const regression = this.regression(trial, window);
    if (regression) return this.rollBack(trial, measured, regression);
    this.finish(trial, 'kept', measured, `the ${name} improved (${change}) and nothing else got worse`);
  }

  /** The first guard metric that got worse than its tolerance allows, in words. */
  private regression(trial: Trial, window: number): string | null {
    for (const [metric, tolerance] of Object.entries(GUARDS) as Array<[TunerMetric, { relative: number; absolute: number }]>) {
      if (metric === trial.metric) continue;
      const before = trial.guards[metric];
      const after = this.env.metric(metric, window);
      if (before === null || before === undefined || after === null) continue;
      const slack = Math.abs(before) * tolerance.relative + tolerance.absolute;
      const worse = HIGHER_IS_BETTER[metric] ? before - after : after - before;
      if (worse > slack) return `the ${metricName(metric)} got worse beyond its tolerance (${formatMetric(metric, before)} → ${formatMetric(metric, after)})`;
    }
    return null;
  }

  /** Rolls back a change still on trial (the emergency response is about to take over its knobs). */
  abandon(reason: string): void {
    if (this.trial) this.rollBack(this.trial, null, reason);
  }

  private rollBack(trial: Trial, measured: number | null, reason: string): void {
    // Within the bounds as they are now: the user's cap may have been lowered during the trial.
    trial.tunable.set(Math.min(trial.tunable.max, Math.max(trial.tunable.min, trial.before)));
    this.blockedUntil.set(trial.tunable.id, this.env.now() + this.policy.retryAfterRollbackMs);
    this.finish(trial, 'rolled_back', measured, reason);
  }

  private finish(trial: Trial, step: 'kept' | 'rolled_back', measured: number | null, reason: string): void {
    this.record({ subject: trial.tunable.id, step, before: trial.before, after: step === 'kept' ? trial.after : trial.before, metric: trial.metric, baseline: trial.baseline, measured, reason });
    this.trial = null;
    this.lastFinished = this.env.now();
    this.phaseNow = 'idle';
    trial.onFinished?.({ outcome: step, from: trial.before, to: trial.after, baseline: trial.baseline, measured, reason });
  }

  private record(entry: Omit<AuditEntry, 'id' | 'at' | 'source'>): void {
    this.env.audit({ at: this.env.now(), source: 'tuner', ...entry });
  }
}

interface Trial {
  tunable: Tunable;
  before: number;
  after: number;
  metric: TunerMetric;
  baseline: number;
  guards: Partial<Record<TunerMetric, number | null>>;
  appliedAt: number;
  /** Told the outcome when an optimization started the trial. */
  onFinished: ((result: TrialResult) => void) | undefined;
}

/** Which way is better for each metric. */
const HIGHER_IS_BETTER: Record<TunerMetric, boolean> = { hit_rate: true, p95_ms: false, throughput: true, timeout_rate: false, error_rate: false, repair_rate: false };

/** How much worse a guard may get before a change is rolled back: relative share and absolute slack. */
const GUARDS: Partial<Record<TunerMetric, { relative: number; absolute: number }>> = {
  p95_ms: { relative: 0.1, absolute: 50 },
  error_rate: { relative: 0, absolute: 0.02 },
  hit_rate: { relative: 0, absolute: 0.02 },
};
