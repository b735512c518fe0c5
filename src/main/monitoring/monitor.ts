/**
 * The monitor: traces of generations, provider call outcomes from the scheduler, and once a second
 * the cache's, validation's and scheduler's figures, kept as per-second points (the last 15
 * minutes, for the live view, alerts and the tuner) and per-minute rollups (the last 24 hours in
 * memory, the rest in app.db for the retention period). Each second it also evaluates the alerts
 * and the emergency response; every few seconds the auto-tuner takes a step.
 */
import type { Alert, AuditEntry, HistoryPoint, LiveMetrics, PerformanceScore, Suggestion, Trace, TunerState } from '../../shared/ipc/types';
import type { AutoActionId, HistoryResolution } from '../../shared/metrics';
import type { FinishedRun, TraceSink } from '../generation';
import type { TieredCache } from '../cache';
import type { CallEvent, Scheduler } from '../scheduler';
import type { MonitorStore, NewAuditEntry } from './monitor-store';
import type { MonitorSettings } from '../../shared/settings';
import type { ValidationStats } from '../validation';
import { ALERT_WINDOW_MS, alertRules, alertValues } from './alert-rules';
import { AlertEngine } from './alerts';
import { appCpuIsMaterial, attributedCpu, cpuBusyBy, processCpuMeter } from './cpu-share';
import { AutoTuner, type Tunable, type TunerEnvironment, type TunerMetric, type TunerPolicy } from './auto-tuner';
import { EmergencyResponse, type EmergencyPolicy, type SheddingStep } from './emergency';
import { COUNTERS, quantileOf, ratesOf, SecondRing, zeroCounters, type Gauges, type SecondPoint, type WindowSummary } from './metric-series';
import { monitorSuggestions } from './monitor-suggestions';
import { scoreOf, scoreOfHistory, trendOf, type ScoreInputs } from './performance-score';
import { historyOf, MINUTE, MinuteAccumulator, type MinuteRollup } from './rollups';
import { tuningProposals } from './tuning-proposals';

/** What an auto-action may need to know about the moment it runs. */
export interface ActionContext {
  /** The provider that failed most of its calls in the last minute (at least 5), if any. */
  failingProvider: string | undefined;
}

export interface MonitorControls {
  tunables: Tunable[];
  shedding: SheddingStep[];
  runAction: (action: AutoActionId, context: ActionContext) => Promise<string>;
}

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

const SECOND = 1000;
const RING_SECONDS = 15 * 60;
const DAY = 24 * 60 * MINUTE;
const LIVE_WINDOW_MS = 60 * SECOND;
const TUNER_EVERY_TICKS = 5;
const TRACES_KEPT = 50;
const MB = 1_048_576;

export class Monitor implements TraceSink {
  readonly alerts: AlertEngine;
  readonly tuner: AutoTuner;
  readonly emergency: EmergencyResponse;
  private readonly now: () => number;
  private readonly appCpu: () => number | null;
  /** The app's CPU over the last sampled second (reading the meter again would restart its interval). */
  private appCpuPercent: number | null = null;
  private readonly ring = new SecondRing(RING_SECONDS);
  private open: SecondPoint;
  private minute: MinuteAccumulator;
  /** The last 24 hours of rollups, oldest first; read from app.db on first use (a CLI export never needs them). */
  private recentLoaded: MinuteRollup[] | undefined;
  private readonly traces: Trace[] = [];
  /** Provider calls of the last minute, to name the one failing (the errors alert counts all together). */
  private readonly callsBySecond: Array<{ second: number; byProvider: Map<string, { calls: number; failed: number }> }> = [];
  private lastCache: { gets: number; l1Hits: number; l2Hits: number };
  private lastValidation: { answers: number; succeeded: number; personas: number; repaired: number; filled: number };
  private readonly listeners = new Set<{ listener: (live: LiveMetrics) => void; receiving: () => boolean }>();
  private liveTimer: NodeJS.Timeout | undefined;
  private lastLive = Number.NEGATIVE_INFINITY;
  private readonly liveIntervalMs: number;
  private ticks = 0;
  /** Computed when first shown and at each new minute. */
  private trend: PerformanceScore['trend'] | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;
  private pruning = false;
  private readonly unobserve: () => void;

  constructor(private readonly deps: MonitorDeps) {
    this.now = deps.now ?? Date.now;
    this.liveIntervalMs = deps.liveIntervalMs ?? 250;
    this.appCpu = deps.appCpu ?? processCpuMeter();
    const now = this.now();
    this.open = emptySecond(now);
    // This process's part of the minute; app.db adds it to what others wrote for the same minute.
    this.minute = new MinuteAccumulator(minuteOf(now));
    this.lastCache = deps.cache.hitCounts();
    this.lastValidation = deps.validationStats.counts();
    this.unobserve = deps.scheduler.observe((event) => this.onCall(event));
    this.alerts = new AlertEngine(alertRules(deps.settings()), deps.store, (action) => deps.controls.runAction(action, { failingProvider: this.failingProvider() }), () => this.changed());
    this.tuner = new AutoTuner(deps.controls.tunables, this.tunerEnvironment(), deps.tuner, deps.settings().tuner);
    this.emergency = new EmergencyResponse(deps.controls.shedding, (entry) => this.audit(entry), deps.emergency);
    if (deps.autoStart !== false) {
      this.timer = setInterval(() => this.tick(), SECOND).unref();
      this.pruneTimer = setTimeout(() => void this.prune(), 10 * SECOND).unref();
    }
  }

  /** New thresholds and the tuner switch, from a settings change. */
  applySettings(settings: MonitorSettings): void {
    this.alerts.setRules(alertRules(settings));
    if (settings.tuner !== this.tuner.enabled) this.tuner.setEnabled(settings.tuner);
    this.changed();
  }

  /** A finished generation (the pipeline reports each). */
  record(run: FinishedRun): void {
    this.recordTrace({ at: this.now(), ...run });
  }

  /**
   * Calls `listener` with the live view at most 4 times a second while something changes and
   * `receiving()` says someone is there to see it (no page open in browser mode: nothing computed).
   */
  onLive(listener: (live: LiveMetrics) => void, receiving: () => boolean = () => true): () => void {
    const entry = { listener, receiving };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  /** One second's bookkeeping; the timer calls it, tests call it with a moved clock. */
  tick(): void {
    const now = this.now();
    this.sampleInto(this.open);
    this.ring.push(this.open);
    this.minute.addSecond(this.open);
    this.open = emptySecond(now);
    if (minuteOf(now) !== this.minute.minute) this.rollOver(now);
    const settings = this.deps.settings();
    const fiveMinutes = this.ring.window(now - ALERT_WINDOW_MS);
    const lastMinute = this.ring.window(now - MINUTE);
    this.alerts.evaluate(now, alertValues(fiveMinutes, lastMinute));
    const pressure = criticalPressure(lastMinute, this.ring.lastSeconds(5), settings);
    // The emergency response owns the knobs while it sheds: no trial may run under it or be restored over it.
    if (pressure) this.tuner.abandon(`critical pressure (${pressure}); the emergency response sheds load`);
    this.emergency.update(pressure, now);
    if (++this.ticks % TUNER_EVERY_TICKS === 0 && !this.emergency.active) this.tuner.tick();
    this.changed();
  }

  live(): LiveMetrics {
    const now = this.now();
    const window = this.ring.window(now - LIVE_WINDOW_MS, this.open);
    const fiveMinutes = this.ring.window(now - ALERT_WINDOW_MS, this.open);
    const load = this.deps.scheduler.load();
    const c = window.counters;
    const rates = ratesOf(window);
    const gauges = this.gauges();
    const settings = this.deps.settings();
    return {
      at: now,
      windowS: LIVE_WINDOW_MS / SECOND,
      generations: c.generations,
      generationErrors: c.generationErrors,
      latency: { p50Ms: quantileOf(window.latencies, 0.5), p95Ms: rates.p95Ms, p99Ms: quantileOf(window.latencies, 0.99) },
      calls: c.calls,
      errorRate: rates.errorRate,
      timeoutRate: rates.timeoutRate,
      cache: { gets: c.cacheGets, hitRate: rates.hitRate, l1HitRate: rates.l1HitRate, l2HitRate: rates.l2HitRate },
      validation: { answers: c.validationAnswers, successRate: rates.validationSuccess, repairRate: rates.repairRate, fillRate: rates.fillRate },
      scheduler: { limit: load.limit, maxLimit: load.max, running: load.running, queued: load.queued },
      resources: {
        cpuPercent: gauges.cpuPercent,
        appCpuPercent: gauges.appCpuPercent,
        cpuBusyBy: cpuBusyBy(gauges.cpuPercent, gauges.appCpuPercent, settings.cpuPercent),
        memoryPercent: gauges.memoryPercent,
        rssMb: gauges.rssMb ?? 0,
        loopLagMs: gauges.loopLagMs,
      },
      activeAlerts: this.alerts.active().length,
      emergency: this.emergency.active,
      score: { ...scoreOf(scoreInputs(fiveMinutes), settings), trend: (this.trend ??= this.rangeScore(now - 60 * MINUTE, now).trend) },
      lastTrace: this.traces.at(-1) ?? null,
    };
  }

  /** Per-minute history merged to `resolution` over the last `rangeMs`, with the range's score and trend. */
  history(rangeMs: number, resolution: HistoryResolution): { resolution: HistoryResolution; points: HistoryPoint[]; score: PerformanceScore } {
    const now = this.now();
    return { resolution, points: historyOf(this.rollupsSince(now - rangeMs, now), resolution), score: this.rangeScore(now - rangeMs, now) };
  }

  recentTraces(): Trace[] {
    return [...this.traces].reverse();
  }

  suggestions(): Suggestion[] {
    const now = this.now();
    // While the emergency response holds L1 shrunk its evictions are expected: no advice to raise a budget the user did not lower.
    const fromCache = this.deps.cache
      .getOptimizationSuggestions()
      .filter((s) => !(this.emergency.active && s.id === 'l1_too_small'))
      .map((s) => ({ source: 'cache' as const, id: s.id, advice: s.advice, evidence: s.evidence }));
    const fromMonitor = monitorSuggestions({
      now,
      rollups: [...this.rollupsSince(now - 2 * 60 * MINUTE, now)],
      timeoutMs: (provider) => this.deps.scheduler.timeoutMs(provider, 'generate'),
      validationTarget: this.deps.settings().validationSuccess,
    });
    return [...fromMonitor, ...fromCache];
  }

  /** An event worth an alert that has no threshold (the cache file was replaced): raised and resolved at once. */
  raiseEvent(rule: 'cache_recovered' | 'cache_unavailable', message: string): void {
    const now = this.now();
    const alert = this.deps.store.insertAlert({ rule, severity: 'high', message, value: 1, threshold: 1, raisedAt: now });
    this.deps.store.resolveAlert(alert.id, now);
    this.changed();
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
    if (this.timer) clearInterval(this.timer);
    if (this.pruneTimer) clearTimeout(this.pruneTimer);
    if (this.liveTimer) clearTimeout(this.liveTimer);
    this.unobserve();
    this.sampleInto(this.open);
    // A core that only read (the metrics and export commands) adds nothing to the minute.
    if (this.ticks === 0 && this.minute.empty && COUNTERS.every((name) => this.open.counters[name] === 0)) return;
    this.minute.addSecond(this.open);
    this.open = emptySecond(this.now());
    this.deps.store.putRollup(this.minute.toRollup());
  }

  /** Drops history older than the retention period, a batch at a time between other work. */
  async prune(): Promise<number> {
    if (this.pruning) return 0;
    this.pruning = true;
    const before = this.now() - this.deps.settings().retentionDays * DAY;
    let removed = 0;
    try {
      for (let batch = this.deps.store.pruneBatch(before); batch > 0; batch = this.deps.store.pruneBatch(before)) {
        removed += batch;
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.pruning = false;
    }
    return removed;
  }

  private recordTrace(trace: Trace): void {
    this.traces.push(trace);
    if (this.traces.length > TRACES_KEPT) this.traces.shift();
    // A cancelled run says nothing about speed or errors: it is kept as a trace only.
    if (trace.outcome === 'cancelled') return this.changed();
    this.open.counters.generations++;
    if (trace.outcome === 'failed') this.open.counters.generationErrors++;
    // A run served from the cache is counted, but kept out of response times: many of them would hide slow generations.
    else if (!trace.fromCache) {
      this.open.generationMs.push(trace.totalMs);
      this.minute.addTrace(trace.totalMs, trace.phases);
    }
    this.changed();
  }

  private onCall(event: CallEvent): void {
    this.countProviderCall(event.provider, event.error !== undefined);
    const counters = this.open.counters;
    counters.calls++;
    if (event.error) counters.callErrors++;
    if (event.error === 'timeout') counters.timeouts++;
    this.minute.addCall(event.provider, event.ms);
    this.changed();
  }

  /** Fills a second's counters from the cache and validation since the last sample, and its gauges. */
  private sampleInto(point: SecondPoint): SecondPoint {
    const cache = this.deps.cache.hitCounts();
    point.counters.cacheGets += cache.gets - this.lastCache.gets;
    point.counters.cacheL1Hits += cache.l1Hits - this.lastCache.l1Hits;
    point.counters.cacheL2Hits += cache.l2Hits - this.lastCache.l2Hits;
    this.lastCache = cache;
    const validation = this.deps.validationStats.counts();
    point.counters.validationAnswers += validation.answers - this.lastValidation.answers;
    point.counters.validationSucceeded += validation.succeeded - this.lastValidation.succeeded;
    point.counters.personas += validation.personas - this.lastValidation.personas;
    point.counters.repairedPersonas += validation.repaired - this.lastValidation.repaired;
    point.counters.filledPersonas += validation.filled - this.lastValidation.filled;
    this.lastValidation = validation;
    this.appCpuPercent = this.appCpu();
    point.gauges = this.gauges();
    return point;
  }

  private gauges(): Gauges {
    const load = this.deps.scheduler.load();
    const resources = load.resources;
    return {
      limit: load.limit,
      queued: load.queued,
      cpuPercent: resources ? resources.cpuPercent : null,
      appCpuPercent: this.appCpuPercent,
      memoryPercent: resources && resources.totalMemoryMb > 0 ? (1 - resources.freeMemoryMb / resources.totalMemoryMb) * 100 : null,
      rssMb: process.memoryUsage.rss() / MB,
      loopLagMs: resources ? resources.loopLagMs : null,
    };
  }

  private rollOver(now: number): void {
    const merged = this.deps.store.putRollup(this.minute.toRollup());
    const recent = this.recent();
    recent.push(merged);
    while (recent.length > 0 && recent[0]!.minute < now - DAY) recent.shift();
    this.minute = new MinuteAccumulator(minuteOf(now));
    this.trend = this.rangeScore(now - 60 * MINUTE, now).trend;
    if (minuteOf(now) % (60 * MINUTE) === 0) void this.prune();
  }

  /** Per provider and second, so that a busy minute costs a few dozen counters, not an entry per call. */
  private countProviderCall(provider: string, failed: boolean): void {
    const second = Math.floor(this.now() / SECOND);
    let bucket = this.callsBySecond.at(-1);
    if (bucket?.second !== second) {
      this.callsBySecond.push((bucket = { second, byProvider: new Map() }));
      while (this.callsBySecond[0]!.second <= second - MINUTE / SECOND) this.callsBySecond.shift();
    }
    const counts = bucket.byProvider.get(provider) ?? { calls: 0, failed: 0 };
    counts.calls++;
    if (failed) counts.failed++;
    bucket.byProvider.set(provider, counts);
  }

  private failingProvider(): string | undefined {
    const since = Math.floor((this.now() - MINUTE) / SECOND);
    const byProvider = new Map<string, { calls: number; failed: number }>();
    for (const bucket of this.callsBySecond) {
      if (bucket.second <= since) continue;
      for (const [provider, counts] of bucket.byProvider) {
        const entry = byProvider.get(provider) ?? { calls: 0, failed: 0 };
        entry.calls += counts.calls;
        entry.failed += counts.failed;
        byProvider.set(provider, entry);
      }
    }
    const [worst] = [...byProvider].filter(([, e]) => e.calls >= 5 && e.failed / e.calls > 0.5).sort((a, b) => b[1].failed / b[1].calls - a[1].failed / a[1].calls);
    return worst?.[0];
  }

  /** Rollups in [from, to): the day in memory, older minutes from app.db. */
  private rollupsSince(from: number, to: number): MinuteRollup[] {
    const recent = this.recent();
    const inMemory = recent.filter((r) => r.minute >= from && r.minute < to);
    const oldest = recent[0]?.minute ?? this.minute.minute;
    const older = from < oldest ? this.deps.store.rollups(from, Math.min(to, oldest)) : [];
    // The minute in progress: what other processes (or a session before a restart) wrote for it, plus ours.
    const minute = this.minute.minute;
    const ours = MinuteAccumulator.of(minute, [this.minute.toRollup()]);
    ours.addSecond(this.open);
    const current = minute >= from && minute <= to ? [...this.deps.store.rollups(minute, minute + 1), ...(ours.empty ? [] : [ours.toRollup()])] : [];
    return [...older, ...inMemory, ...(current.length ? [MinuteAccumulator.of(minute, current).toRollup()] : [])];
  }

  /** A range's score (its components from the same minutes) and its trend: the later half against the earlier. */
  private rangeScore(from: number, to: number): PerformanceScore {
    const settings = this.deps.settings();
    const rollups = this.rollupsSince(from, to);
    const middle = from + (to - from) / 2;
    const half = (early: boolean) => historyOf(rollups.filter((r) => (r.minute < middle) === early), '1h');
    return { ...scoreOfHistory(historyOf(rollups, '1h'), settings), trend: trendOf(scoreOfHistory(half(true), settings).overall, scoreOfHistory(half(false), settings).overall) };
  }

  private recent(): MinuteRollup[] {
    const now = this.now();
    return (this.recentLoaded ??= this.deps.store.rollups(now - DAY, minuteOf(now)));
  }


  /** Something changed: a live event goes out within the interval, never more often. */
  private changed(): void {
    if (this.liveTimer || ![...this.listeners].some((l) => l.receiving())) return;
    const wait = Math.max(0, this.lastLive + this.liveIntervalMs - performance.now());
    this.liveTimer = setTimeout(() => {
      this.liveTimer = undefined;
      this.lastLive = performance.now();
      const receivers = [...this.listeners].filter((l) => l.receiving());
      if (receivers.length === 0) return;
      const live = this.live();
      for (const { listener } of receivers) listener(live);
    }, wait);
    this.liveTimer.unref();
  }

  private audit(entry: NewAuditEntry): void {
    this.deps.store.insertAudit(entry);
    this.changed();
  }

  private tunerEnvironment(): TunerEnvironment {
    const windowOf = (ms: number) => this.ring.window(this.now() - ms);
    return {
      now: () => this.now(),
      traffic: (ms) => {
        const c = windowOf(ms).counters;
        return c.generations + c.calls + c.cacheGets;
      },
      metric: (id, ms) => tunerMetric(id, windowOf(ms)),
      headroom: () => {
        const latest = this.ring.latest()?.gauges;
        const settings = this.deps.settings();
        if (this.emergency.active) return 'the emergency response is shedding load';
        // A busy machine disturbs what a trial measures, whoever keeps it busy.
        if (latest?.cpuPercent != null && latest.cpuPercent >= settings.cpuPercent) return `the machine's CPU is at ${Math.round(latest.cpuPercent)}%`;
        if (latest?.rssMb != null && latest.rssMb >= settings.memoryBudgetMb * 0.9) return `memory at ${Math.round(latest.rssMb)} MB of a ${settings.memoryBudgetMb} MB budget`;
        return null;
      },
      proposals: () =>
        tuningProposals({
          window: windowOf(ALERT_WINDOW_MS),
          cacheSuggestions: this.deps.cache.getOptimizationSuggestions(),
          value: (id) => this.deps.controls.tunables.find((t) => t.id === id)?.get(),
          concurrencyMax: this.deps.scheduler.load().max,
        }),
      audit: (entry) => this.audit(entry),
    };
  }
}

function emptySecond(at: number): SecondPoint {
  return { at, counters: zeroCounters(), gauges: { limit: null, queued: null, cpuPercent: null, appCpuPercent: null, memoryPercent: null, rssMb: null, loopLagMs: null }, generationMs: [] };
}

function minuteOf(at: number): number {
  return Math.floor(at / MINUTE) * MINUTE;
}


function scoreInputs(window: WindowSummary): ScoreInputs {
  const rates = ratesOf(window, true);
  return {
    generations: window.counters.generations,
    hitRate: rates.hitRate,
    p95Ms: rates.p95Ms,
    errorRate: rates.errorRate,
    validationSuccess: rates.validationSuccess,
    cpuPercent: attributedCpu(window.gaugeMean.cpuPercent, window.gaugeMean.appCpuPercent),
    rssMb: window.latest?.rssMb ?? null,
  };
}

function tunerMetric(id: TunerMetric, window: WindowSummary): number | null {
  const rates = ratesOf(window, true);
  const c = window.counters;
  switch (id) {
    case 'hit_rate':
      return rates.hitRate;
    case 'p95_ms':
      return rates.p95Ms;
    case 'throughput':
      return window.seconds > 0 ? ((c.calls - c.callErrors) / window.seconds) * 60 : null;
    case 'timeout_rate':
      return rates.timeoutRate;
    case 'error_rate':
      return rates.errorRate;
    case 'repair_rate':
      return rates.repairRate;
  }
}

/**
 * What is critical now, in words, or null: memory well over budget, or the machine's CPU pegged for
 * five seconds with the app's own work a material part of it (shedding the app's work cannot
 * relieve a machine that other programs keep busy).
 */
function criticalPressure(lastMinute: WindowSummary, lastSeconds: WindowSummary, settings: MonitorSettings): string | null {
  const latest = lastMinute.latest;
  if (latest?.rssMb != null && latest.rssMb > settings.memoryBudgetMb * 1.25) return `memory at ${Math.round(latest.rssMb)} MB, 25% over its ${settings.memoryBudgetMb} MB budget`;
  if (latest?.memoryPercent != null && latest.memoryPercent > 97) return `the machine's memory is ${Math.round(latest.memoryPercent)}% used`;
  if (lastSeconds.seconds < 5) return null;
  const machineFloor = lastSeconds.gaugeMin.cpuPercent ?? 0;
  const app = lastSeconds.gaugeMean.appCpuPercent;
  if (machineFloor > 95 && appCpuIsMaterial(app)) return `the machine's CPU above 95% for 5 s${app === null ? '' : `, ${Math.round(app)}% of it Persona Studio's own work`}`;
  return null;
}
