/**
 * Alerts with hysteresis, so that a noisy series around a threshold raises one alert, not many: a rule raises after its
 * value stayed past the threshold for its delay, and clears after it stayed past a separate clear level for its own.
 */
import type { Alert } from '../../shared/ipc/types';
import type { AlertRuleId, AutoActionId, Severity } from '../../shared/metrics';
import type { MonitorStore } from './monitor-store';

export interface AlertRule {
  id: AlertRuleId;
  severity: Severity;
  /** 'above': bad when the value exceeds the threshold; 'below': bad when it falls under it. */
  direction: 'above' | 'below';
  threshold: number;
  /** The level the value must get back past to clear (beyond the threshold, on the good side). */
  clearAt: number;
  raiseAfterMs: number;
  clearAfterMs: number;
  action?: AutoActionId;
  /** What the alert says, from the value that raised it. */
  describe: (value: number) => string;
}

/** Runs an auto-action; resolves to what it did, in words, or throws to say why it could not. */
export type ActionRunner = (action: AutoActionId) => Promise<string>;

/** Raising an alert runs its rule's auto-action once and records the outcome with the alert. */
export class AlertEngine {
  private readonly states = new Map<AlertRuleId, RuleState>();
  private rules: readonly AlertRule[];

  constructor(
    rules: readonly AlertRule[],
    private readonly store: MonitorStore,
    private readonly runAction: ActionRunner,
    private readonly onChange: () => void = () => {},
    /** Aborted when the monitor closes: the outcome of an action still under way is then not recorded. */
    private readonly signal: AbortSignal = new AbortController().signal,
  ) {
    this.rules = rules;
    // Alerts left active by the last session stay active until their rule sees good values again.
    for (const alert of store.activeAlerts()) this.state(alert.rule).active = alert;
  }

  setRules(rules: readonly AlertRule[]): void {
    this.rules = rules;
  }

  /** One evaluation; a value of null (nothing measured) neither raises nor clears. */
  evaluate(now: number, values: Partial<Record<AlertRuleId, number | null>>): void {
    for (const rule of this.rules) {
      const value = values[rule.id];
      if (value === null || value === undefined) continue;
      const state = this.state(rule.id);
      const bad = rule.direction === 'above' ? value > rule.threshold : value < rule.threshold;
      const good = rule.direction === 'above' ? value <= rule.clearAt : value >= rule.clearAt;
      // A bad spell ends only on a good value: a blip just past the threshold does not restart the count.
      if (bad) state.badSince ??= now;
      else if (good) state.badSince = null;
      state.goodSince = good ? (state.goodSince ?? now) : null;
      if (!state.active && state.badSince !== null && now - state.badSince >= rule.raiseAfterMs) this.raise(rule, state, value, now);
      else if (state.active && state.goodSince !== null && now - state.goodSince >= rule.clearAfterMs) this.resolve(state, now);
    }
  }

  active(): Alert[] {
    return [...this.states.values()].flatMap((state) => (state.active ? [state.active] : []));
  }

  private raise(rule: AlertRule, state: RuleState, value: number, now: number): void {
    const alert = this.store.insertAlert({ rule: rule.id, severity: rule.severity, message: rule.describe(value), value, threshold: rule.threshold, raisedAt: now });
    state.active = alert;
    this.onChange();
    if (rule.action) void this.act(alert, rule.action, now);
  }

  private async act(alert: Alert, action: AutoActionId, now: number): Promise<void> {
    let record: Alert['actions'][number];
    try {
      record = { action, at: now, ok: true, outcome: await this.runAction(action) };
    } catch (error) {
      record = { action, at: now, ok: false, outcome: error instanceof Error ? error.message : String(error) };
    }
    // The action resumes here after its await: app.db may have closed meanwhile.
    if (this.signal.aborted) return;
    alert.actions.push(record);
    this.store.setAlertActions(alert.id, alert.actions);
    this.onChange();
  }

  private resolve(state: RuleState, now: number): void {
    this.store.resolveAlert(state.active!.id, now);
    state.active = null;
    this.onChange();
  }

  private state(rule: AlertRuleId): RuleState {
    let state = this.states.get(rule);
    if (!state) this.states.set(rule, (state = { badSince: null, goodSince: null, active: null }));
    return state;
  }
}

interface RuleState {
  badSince: number | null;
  goodSince: number | null;
  active: Alert | null;
}
