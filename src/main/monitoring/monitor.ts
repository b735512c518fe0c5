/**
 * The monitor: routes generations and provider calls into per-second points and per-minute rollups,
 * the personas' answers into answer times per engine, and once a second runs the alerts and the
 * emergency response (every few seconds a tuner step).
 */
import type { AutoActionId, HistoryResolution, MonitorSuggestion } from '../../shared/metrics';
import type { Alert, AuditEntry, HistoryPoint, LiveMetrics, PerformanceScore, Trace, TunerState } from '../../shared/ipc/types';
import type { MonitorSettings } from '../../shared/settings';
import type { TieredCache } from '../cache';
import type { FinishedRun, TraceSink } from '../generation';
import type { CallEvent, Scheduler } from '../scheduler';
import type { ValidationStats } from '../validation';
import { ALERT_WINDOW_MS, alertRules, alertValues } from './alert-rules';
import { AlertEngine } from './alerts';
import { AnswerTimesBook, type AnswerTiming, type EngineAnswerTimes } from './answer-times';
import { AutoTuner, type TunerPolicy } from './auto-tuner';
import type { MonitorControls } from './controls';
import { processCpuMeter } from './cpu-share';
import { EmergencyResponse, type EmergencyPolicy } from './emergency';
import { LiveFeed, type LiveListener } from './live-feed';
import { LIVE_WINDOW_S, liveView } from './live-view';
import { minuteOf, Minutes } from './minutes';
import { cacheSuggestions, monitorSuggestions } from './monitor-suggestions';
import type { MonitorStore, NewAuditEntry } from './monitor-store';
import { scoreOfRange } from './performance-score';
import { criticalPressure, PEGGED_SECONDS } from './pressure';
import { ProviderFailures } from './provider-failures';
import { Retention } from './retention';
import { historyOf, MINUTE, type MinuteRollup } from './rollups';
import { Sampler } from './sampler';
import { Seconds } from './seconds';
import { tunerEnvironment } from './tuner-environment';

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
}

export class Monitor implements TraceSink {
  readonly alerts: AlertEngine;
  readonly tuner: AutoTuner;
  readonly emergency: EmergencyResponse;
  private readonly now: () => number;
  private readonly seconds: Seconds;
  private readonly minutes: Minutes;
  private readonly sampler: Sampler;
  private readonly failures = new ProviderFailures();
  private readonly retention: Retention;
  private readonly feed: LiveFeed;
  private readonly traces: Trace[] = [];
  private readonly answers = new AnswerTimesBook();
  private ticks = 0;
  /** Computed when first shown and at each new minute. */
  private trend: PerformanceScore['trend'] | undefined;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unobserve: () => void;

  constructor(private readonly deps: MonitorDeps) {
    const now = (this.now = deps.now ?? Date.now);
    this.seconds = new Seconds(now());
    this.minutes = new Minutes(deps.store, now);
    this.sampler = new Sampler({ ...deps, appCpu: deps.appCpu ?? processCpuMeter() });
    this.retention = new Retention(deps.store, () => deps.settings().retentionDays, now);
    this.feed = new LiveFeed(() => this.live(), deps.liveIntervalMs ?? 250);
    this.unobserve = deps.scheduler.observe((event) => this.onCall(event));
    this.alerts = new AlertEngine(alertRules(deps.settings()), deps.store, (action) => this.runAction(action), () => this.feed.changed());
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
        audit: (entry) => this.audit(entry),
      }),
      deps.tuner,
      deps.settings().tuner,
    );
    this.emergency = new EmergencyResponse(deps.controls.shedding, (entry) => this.audit(entry), deps.emergency);
    if (deps.autoStart !== false) {
      this.timers.push(setInterval(() => this.tick(), SECOND).unref(), setTimeout(() => void this.prune(), 10 * SECOND).unref());
    }
  }

  /** New thresholds and the tuner switch, from a settings change. */
  applySettings(settings: MonitorSettings): void {
    this.alerts.setRules(alertRules(settings));
    if (settings.tuner !== this.tuner.enabled) this.tuner.setEnabled(settings.tuner);
    this.feed.changed();
  }

  /** A finished generation (the pipeline reports each). */
  record(run: FinishedRun): void {
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
    this.feed.changed();
  }

  /** A persona's answer (the asking module reports each): time to its first token and to its end, per engine. */
  recordAnswer(timing: AnswerTiming): void {
    this.answers.record(timing);
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
    const now = this.now();
    this.sampler.sampleInto(this.seconds.open);
    this.minutes.addSecond(this.seconds.open);
    this.seconds.next(now);
    if (this.minutes.rollOver(now)) this.newMinute(now);
    const settings = this.deps.settings();
    const lastMinute = this.seconds.window(now - MINUTE);
    this.alerts.evaluate(now, alertValues(this.seconds.window(now - ALERT_WINDOW_MS), lastMinute));
    const pressure = criticalPressure(lastMinute, this.seconds.lastSeconds(PEGGED_SECONDS), settings);
    // The emergency response owns the knobs while it sheds: no trial may run under it or be restored over it.
    if (pressure) this.tuner.abandon(`critical pressure (${pressure}); the emergency response sheds load`);
    this.emergency.update(pressure, now);
    if (++this.ticks % TUNER_EVERY_TICKS === 0 && !this.emergency.active) this.tuner.tick();
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
    return [...fromMonitor, ...cacheSuggestions(this.deps.cache.getOptimizationSuggestions(), this.emergency.active)];
  }

  /** An event worth an alert that has no threshold (the cache file was replaced): raised and resolved at once. */
  raiseEvent(rule: 'cache_recovered' | 'cache_unavailable', message: string): void {
    const now = this.now();
    const alert = this.deps.store.insertAlert({ rule, severity: 'high', message, value: 1, threshold: 1, raisedAt: now });
    this.deps.store.resolveAlert(alert.id, now);
    this.feed.changed();
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

  /** Writes the minute in progress (a restart within it carries on from there) and stops the timers. */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.feed.close();
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
    this.feed.changed();
  }

  private runAction(action: AutoActionId): Promise<string> {
    return this.deps.controls.runAction(action, { failingProvider: this.failures.failing(this.now()) });
  }

  private newMinute(now: number): void {
    this.trend = this.rangeScore(now - HOUR, now).trend;
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
    this.deps.store.insertAudit(entry);
    this.feed.changed();
  }
}

const SECOND = 1000;
const HOUR = 60 * MINUTE;
const TUNER_EVERY_TICKS = 5;
const TRACES_KEPT = 50;
