/**
 * The monitor: routes generations and provider calls into per-second points and per-minute rollups,
 * the personas' answers into answer times per engine, and once a second runs the alerts and the
 * emergency response (every few seconds a tuner step).
 */
import type { AutoActionId, HistoryResolution, MonitorSuggestion } from '../../shared/metrics';
import type { Alert, AuditEntry, HistoryPoint, LiveMetrics, PerformanceScore, Trace, TunerState } from '../../shared/ipc/types';
import type { MonitorSettings } from '../../shared/settings';
import type { Anomaly, EngineProfile } from '../../shared/insight';
import type { FinishedRun, TraceSink } from '../generation';
import type { CallEvent } from '../scheduler';
import { ALERT_WINDOW_MS, alertRules, alertValues } from './alert-rules';
import { AlertEngine } from './alerts';
import { AnomalyWatch } from './anomaly-watch';
import { AnswerTimesBook, type AnswerTiming, type EngineAnswerTimes } from './answer-times';
import { AutoTuner } from './auto-tuner';
import { processCpuMeter } from './cpu-share';
import { countCall, countRun, isEngineCall } from './engine-minutes';
import { BaselineDays, efficiencyOf, engineProfiles, type Efficiency, type EngineInfo } from './engine-profiles';
import { EmergencyResponse } from './emergency';
import { LiveFeed, type LiveListener } from './live-feed';
import { LIVE_WINDOW_S, liveView } from './live-view';
import { minuteOf, Minutes } from './minutes';
import { cacheSuggestions, monitorSuggestions } from './monitor-suggestions';
import type { NewAuditEntry } from './monitor-store';
import { scoreOfRange } from './performance-score';
import { criticalPressure, PEGGED_SECONDS } from './pressure';
import { ProviderFailures } from './provider-failures';
import { Retention } from './retention';
import { historyOf, MINUTE, type MinuteRollup } from './rollups';
import { Sampler } from './sampler';
import { Seconds } from './seconds';
import { tunerEnvironment } from './tuner-environment';
import { Steering } from './steering';
import type { MonitorDeps } from './monitor-deps';

export type { MonitorDeps } from './monitor-deps';


export class Monitor implements TraceSink {
  readonly alerts: AlertEngine;
  readonly tuner: AutoTuner;
  readonly emergency: EmergencyResponse;
  private readonly anomalyWatch: AnomalyWatch;
  readonly steering: Steering;
  private readonly now: () => number;
  private readonly seconds: Seconds;
  private readonly minutes: Minutes;
  private readonly sampler: Sampler;
  private readonly failures = new ProviderFailures();
  private readonly retention: Retention;
  private readonly feed: LiveFeed;
  private readonly traces: Trace[] = [];
  private readonly answers = new AnswerTimesBook();
  private readonly baselineDays = new BaselineDays();
  private ticks = 0;
  /** Computed when first shown and at each new minute. */
  private trend: PerformanceScore['trend'] | undefined;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unobserve: () => void;
  /**
   * Aborted when close() begins. Work that resumes later (an alert's action, a prune between batches, the anomaly
   * watch's first look, a live event) stops at its next step, and what others call in later (a generation that
   * finishes, a cache event, an audit) is ignored: app.db and the cache are closed right after the monitor.
   */
  private readonly lifetime = new AbortController();

  constructor(private readonly deps: MonitorDeps) {
    const now = (this.now = deps.now ?? Date.now);
    this.seconds = new Seconds(now());
    this.minutes = new Minutes(deps.store, now);
    this.sampler = new Sampler({ ...deps, appCpu: deps.appCpu ?? processCpuMeter() });
    const { signal } = this.lifetime;
    this.retention = new Retention(deps.store, () => deps.settings().retentionDays, now, signal);
    this.feed = new LiveFeed(() => this.live(), deps.liveIntervalMs ?? 250, signal);
    this.unobserve = deps.scheduler.observe((event) => this.onCall(event));
    this.anomalyWatch = new AnomalyWatch(deps.store.anomalies, (from, to) => this.rollups(from, to), now, signal);
    this.alerts = new AlertEngine([...alertRules(deps.settings()), ...this.anomalyWatch.rules()], deps.store, (action) => this.runAction(action), () => this.feed.changed(), signal);
    this.tuner = new AutoTuner(
      deps.controls.tunables,
      tunerEnvironment({
        now,
        seconds: this.seconds,
        settings: () => deps.settings(),
        emergencyActive: () => this.emergency.active,
        cacheSuggestions: () => deps.cache.getOptimizationSuggestions(),
        tunables: deps.controls.tunables,
        concurrencyMax: () => deps.scheduler.load().max,
        audit: (entry) => {
          if (this.closed) return;
          this.audit(entry);
          this.steering.noteAudit(entry);
        },
      }),
      deps.tuner,
      deps.settings().tuner,
    );
    this.emergency = new EmergencyResponse(deps.controls.shedding, (entry) => this.audit(entry), deps.emergency);
    this.steering = new Steering({ store: deps.store.optimizations, tuner: this.tuner, tunables: deps.controls.tunables, suggestions: () => this.suggestions(), settings: deps.controls.settings, cache: deps.cache, now, audit: (entry) => this.audit(entry) });
    if (deps.autoStart !== false) {
      this.timers.push(setInterval(() => this.tick(), SECOND).unref(), setTimeout(() => void this.prune(), 10 * SECOND).unref());
    }
  }

  /** New thresholds and the tuner switch, from a settings change. */
  applySettings(settings: MonitorSettings): void {
    if (this.closed) return;
    this.alerts.setRules([...alertRules(settings), ...this.anomalyWatch.rules()]);
    if (settings.tuner !== this.tuner.enabled) this.tuner.setEnabled(settings.tuner);
    this.feed.changed();
  }

  /** A finished generation (the pipeline reports each). */
  record(run: FinishedRun): void {
    if (this.closed) return;
    const trace: Trace = { at: this.now(), ...run };
    this.traces.push(trace);
    if (this.traces.length > TRACES_KEPT) this.traces.shift();
    // A cancelled run says nothing about speed or errors: it is kept as a trace only.
    if (trace.outcome !== 'cancelled') {
      // A run served from the cache is counted, but kept out of response times: many of them would hide slow generations.
      const timed = trace.outcome !== 'failed' && !trace.fromCache;
      this.seconds.countGeneration(trace.outcome === 'failed', timed ? trace.totalMs : null);
      if (timed) this.minutes.addTrace(trace.totalMs, trace.phases);
    }
    countRun(this.minutes.engine(trace.provider), trace, this.engineInfo().some((e) => e.id === trace.provider && e.kind === 'embedded'));
    this.feed.changed();
  }

  /** A persona's answer (the asking module reports each): time to its first token and to its end, per engine. */
  recordAnswer(timing: AnswerTiming): void {
    if (this.closed) return;
    this.answers.record(timing);
    if (!timing.fromCache && timing.firstTokenMs !== null) this.minutes.engine(timing.engine).firstToken.record(timing.firstTokenMs);
  }

  /** Answer times per engine over the last answers of each. */
  answerTimes(): EngineAnswerTimes[] {
    return this.answers.summary();
  }

  /** Calls `listener` with the live view at most 4 times a second while something changes and `receiving()` says someone sees it. */
  onLive(listener: LiveListener, receiving?: () => boolean): () => void {
    return this.feed.subscribe(listener, receiving);
  }

  /** One second's bookkeeping; the timer calls it, tests call it with a moved clock. */
  tick(): void {
    if (this.closed) return;
    const now = this.now();
    this.sampler.sampleInto(this.seconds.open);
    this.minutes.addSecond(this.seconds.open);
    this.seconds.next(now);
    if (this.minutes.rollOver(now)) this.newMinute(now);
    const settings = this.deps.settings();
    const lastMinute = this.seconds.window(now - MINUTE);
    this.alerts.evaluate(now, { ...alertValues(this.seconds.window(now - ALERT_WINDOW_MS), lastMinute), ...this.anomalyWatch.alertValues() });
    const pressure = criticalPressure(lastMinute, this.seconds.lastSeconds(PEGGED_SECONDS), settings);
    // The emergency response owns the knobs while it sheds: no trial may run under it or be restored over it.
    if (pressure) this.tuner.abandon(`critical pressure (${pressure}); the emergency response sheds load`);
    this.emergency.update(pressure, now);
    if (++this.ticks % TUNER_EVERY_TICKS === 0 && !this.emergency.active) this.steering.tick();
    this.feed.changed();
  }

  live(): LiveMetrics {
    const now = this.now();
    return liveView({
      now,
      lastMinute: this.seconds.window(now - LIVE_WINDOW_S * SECOND, true),
      fiveMinutes: this.seconds.window(now - ALERT_WINDOW_MS, true),
      load: this.deps.scheduler.load(),
      gauges: this.sampler.gauges(),
      settings: this.deps.settings(),
      activeAlerts: this.alerts.active().length,
      emergency: this.emergency.active,
      trend: (this.trend ??= this.rangeScore(now - HOUR, now).trend),
      lastTrace: this.traces.at(-1) ?? null,
    });
  }

  /** Per-minute history merged to `resolution` over the last `rangeMs`, with the range's score and trend. */
  history(rangeMs: number, resolution: HistoryResolution): { resolution: HistoryResolution; points: HistoryPoint[]; score: PerformanceScore } {
    const now = this.now();
    return { resolution, points: historyOf(this.rollups(now - rangeMs, now), resolution), score: this.rangeScore(now - rangeMs, now) };
  }

  /** A profile per engine over the last `rangeMs`, against its baseline of the days before and its targets. */
  engineProfiles(rangeMs: number): EngineProfile[] {
    const [to, { scheduler }] = [this.now(), this.deps];
    const from = to - rangeMs;
    return engineProfiles({ from, to, rollups: this.rollups(from, to), earlier: this.baselineDays.before(from, (a, b) => this.rollups(a, b)), engines: this.engineInfo(), breaker: (id) => scheduler.breakerState(id), endpoints: (id) => scheduler.endpoints(id), settings: this.deps.settings() });
  }

  /** Personas written per CPU-second the app used over the last `rangeMs`; null per second when no CPU time was measured. */
  efficiency(rangeMs: number): Efficiency {
    return efficiencyOf(this.rollups(this.now() - rangeMs, this.now()));
  }

  recentTraces(): Trace[] {
    return [...this.traces].reverse();
  }

  suggestions(): MonitorSuggestion[] {
    const now = this.now();
    const fromMonitor = monitorSuggestions({
      now,
      rollups: this.rollups(now - 2 * HOUR, now),
      timeoutMs: (provider) => this.deps.scheduler.timeoutMs(provider, 'generate'),
      validationTarget: this.deps.settings().validationSuccess,
    });
    return this.steering.withApply([...fromMonitor, ...cacheSuggestions(this.deps.cache.getOptimizationSuggestions(), this.emergency.active)]);
  }

  /** An event worth an alert that has no threshold (the cache file was replaced): raised and resolved at once. */
  raiseEvent(rule: 'cache_recovered' | 'cache_unavailable', message: string): void {
    if (this.closed) return;
    const now = this.now();
    const alert = this.deps.store.insertAlert({ rule, severity: 'high', message, value: 1, threshold: 1, raisedAt: now });
    this.deps.store.resolveAlert(alert.id, now);
    this.feed.changed();
  }

  /** Departures from the learned baselines in the last `rangeMs`, newest first. */
  anomalies(rangeMs: number): Anomaly[] {
    return this.deps.store.anomalies.since(this.now() - rangeMs);
  }

  listAlerts(rangeMs: number): Alert[] {
    return this.deps.store.alerts(this.now() - rangeMs);
  }

  acknowledge(id: number): boolean {
    const done = this.deps.store.acknowledgeAlert(id);
    const active = this.alerts.active().find((a) => a.id === id);
    if (done && active) active.acknowledged = true;
    return done;
  }

  tunerState(): TunerState {
    return this.tuner.state();
  }

  auditLog(limit: number): AuditEntry[] {
    return this.deps.store.audit(0, limit);
  }

  /** A user's action that came from outside the app's screens (the local API), kept in the audit beside the rest. */
  auditUserAction(subject: string, step: AuditEntry['step'], reason: string): void {
    this.audit({ at: this.now(), source: 'user', subject, step, before: null, after: null, metric: null, baseline: null, measured: null, reason });
  }

  /** Whether close() has begun: from then on the monitor starts nothing and ignores what it is told. */
  get closed(): boolean {
    return this.lifetime.signal.aborted;
  }

  /** Writes the minute in progress (a restart within it carries on from there), stops the timers and cancels work under way. */
  close(): void {
    if (this.closed) return;
    this.lifetime.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.unobserve();
    this.sampler.sampleInto(this.seconds.open);
    // A core that only read (the metrics and export commands) adds nothing to the minute.
    if (this.ticks === 0 && this.minutes.empty && this.seconds.quiet) return;
    this.minutes.addSecond(this.seconds.open);
    this.seconds.next(this.now());
    this.minutes.flush();
  }

  /** Drops history older than the retention period, a batch at a time between other work. */
  prune(): Promise<number> {
    return this.retention.prune();
  }

  private onCall(event: CallEvent): void {
    this.failures.count(event.provider, event.error !== undefined, this.now());
    this.seconds.countCall(event);
    this.minutes.addCall(event.provider, event.ms);
    if (isEngineCall(event)) countCall(this.minutes.engine(event.provider), event);
    this.feed.changed();
  }

  private engineInfo = (): readonly EngineInfo[] => this.deps.engines?.() ?? [];

  private runAction(action: AutoActionId): Promise<string> {
    return this.deps.controls.runAction(action, { failingProvider: this.failures.failing(this.now()) });
  }

  private newMinute(now: number): void {
    this.trend = this.rangeScore(now - HOUR, now).trend;
    this.anomalyWatch.update();
    if (minuteOf(now) % HOUR === 0) void this.prune();
  }

  /** Rollups in [from, to), the minute in progress included. */
  private rollups(from: number, to: number): MinuteRollup[] {
    return this.minutes.between(from, to, this.seconds.open);
  }

  private rangeScore(from: number, to: number): PerformanceScore {
    return scoreOfRange(this.rollups(from, to), from, to, this.deps.settings());
  }

  private audit(entry: NewAuditEntry): void {
    if (this.closed) return;
    this.deps.store.insertAudit(entry);
    this.feed.changed();
  }
}

const SECOND = 1000;
const HOUR = 60 * MINUTE;
const TUNER_EVERY_TICKS = 5;
const TRACES_KEPT = 50;
