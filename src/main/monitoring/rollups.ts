/**
 * Per-minute rollups, what app.db keeps for history: counters, mergeable latency histograms and each gauge's sum, count
 * and max, so that an hour or a day is an exact merge of its minutes, percentiles included.
 */
import { z } from 'zod';
import type { HistoryPoint } from '../../shared/ipc/types';
import { TRACE_PHASES, type HistoryResolution, type TracePhase } from '../../shared/metrics';
import { EngineMinutes, engineMinuteSchema } from './engine-minutes';
import { LogHistogram } from './log-histogram';
import { addCounters, COUNTERS, GAUGES, ratesOf, zeroCounters, type Counters, type GaugeName, type SecondPoint } from './metric-series';

export const MINUTE = 60_000;
export const RESOLUTION_MS: Record<HistoryResolution, number> = { '1m': MINUTE, '5m': 5 * MINUTE, '1h': 60 * MINUTE };

const storedHistogram = z.object({ b: z.array(z.number()), s: z.number(), m: z.number() });
const gaugeStats = z.object({ sum: z.number(), n: z.int().min(0), max: z.number() });

/** A rollup as app.db stores it (a file: checked when read back). */
export const rollupSchema = z.object({
  minute: z.number(),
  counters: z.object(Object.fromEntries(COUNTERS.map((name) => [name, z.number().min(0)])) as Record<keyof Counters, z.ZodNumber>),
  generation: storedHistogram,
  phases: z.partialRecord(z.enum(TRACE_PHASES), storedHistogram),
  calls: z.record(z.string(), storedHistogram),
  gauges: z.partialRecord(z.enum(GAUGES), gaugeStats),
  /** Per-engine figures (engine-minutes.ts); absent in rollups written before them. */
  engines: z.record(z.string(), engineMinuteSchema).optional(),
});
export type MinuteRollup = z.infer<typeof rollupSchema>;

/** A minute being measured, or minutes merged (other sessions' rollups of the same minute, or a history bucket). */
export class MinuteAccumulator {
  readonly counters = zeroCounters();
  readonly generation = new LogHistogram();
  readonly phases = new Map<TracePhase, LogHistogram>();
  readonly calls = new Map<string, LogHistogram>();
  readonly engines = new EngineMinutes();
  private readonly gauges = new Map<GaugeName, GaugeStats>();

  constructor(readonly minute: number) {}

  /** Stored rollups merged under `minute`: exact, percentiles included. */
  static of(minute: number, rollups: readonly MinuteRollup[]): MinuteAccumulator {
    const accumulator = new MinuteAccumulator(minute);
    for (const rollup of rollups) accumulator.absorb(rollup);
    return accumulator;
  }

  /** Adds a stored rollup's figures. */
  absorb(stored: MinuteRollup): void {
    addCounters(this.counters, stored.counters);
    this.generation.merge(LogHistogram.from(stored.generation));
    for (const [phase, h] of Object.entries(stored.phases) as Array<[TracePhase, MinuteRollup['generation']]>) histogramIn(this.phases, phase).merge(LogHistogram.from(h));
    for (const [provider, h] of Object.entries(stored.calls)) histogramIn(this.calls, provider).merge(LogHistogram.from(h));
    for (const [name, stats] of Object.entries(stored.gauges) as Array<[GaugeName, GaugeStats]>) this.addGauge(name, stats.sum, stats.n, stats.max);
    this.engines.absorb(stored.engines);
  }

  addSecond(point: SecondPoint): void {
    addCounters(this.counters, point.counters);
    for (const name of GAUGES) {
      const value = point.gauges[name];
      if (value !== null) this.addGauge(name, value, 1, value);
    }
  }

  addTrace(totalMs: number, phases: Partial<Record<TracePhase, number>>): void {
    this.generation.record(totalMs);
    for (const [phase, ms] of Object.entries(phases) as Array<[TracePhase, number]>) histogramIn(this.phases, phase).record(ms);
  }

  addCall(provider: string, ms: number): void {
    histogramIn(this.calls, provider).record(ms);
  }

  gaugeMean(name: GaugeName): number | null {
    const entry = this.gauges.get(name);
    return entry && entry.n > 0 ? entry.sum / entry.n : null;
  }

  /** A gauge's sum and number of one-second samples, for totals over time (CPU-seconds); undefined when never sampled. */
  gaugeTotal(name: GaugeName): { sum: number; n: number } | undefined {
    const entry = this.gauges.get(name);
    return entry && { sum: entry.sum, n: entry.n };
  }

  gaugeMax(name: GaugeName): number | null {
    return this.gauges.get(name)?.max ?? null;
  }

  /** Nothing counted and no gauge sampled yet. */
  get empty(): boolean {
    return this.gauges.size === 0 && this.engines.empty && COUNTERS.every((name) => this.counters[name] === 0);
  }

  toRollup(): MinuteRollup {
    return {
      minute: this.minute,
      counters: { ...this.counters },
      generation: this.generation.toStored(),
      phases: Object.fromEntries([...this.phases].map(([phase, h]) => [phase, h.toStored()])),
      calls: Object.fromEntries([...this.calls].map(([provider, h]) => [provider, h.toStored()])),
      gauges: Object.fromEntries(this.gauges),
      ...(this.engines.empty ? {} : { engines: this.engines.toStored() }),
    };
  }

  private addGauge(name: GaugeName, sum: number, n: number, max: number): void {
    const entry = this.gauges.get(name) ?? { sum: 0, n: 0, max: -Infinity };
    entry.sum += sum;
    entry.n += n;
    entry.max = Math.max(entry.max, max);
    this.gauges.set(name, entry);
  }
}

/** Rollups merged into buckets of `resolution`, oldest first; a bucket with no minute is left out. */
export function historyOf(rollups: readonly MinuteRollup[], resolution: HistoryResolution): HistoryPoint[] {
  const size = RESOLUTION_MS[resolution];
  const buckets = new Map<number, MinuteRollup[]>();
  for (const rollup of rollups) {
    const at = Math.floor(rollup.minute / size) * size;
    const bucket = buckets.get(at);
    if (bucket) bucket.push(rollup);
    else buckets.set(at, [rollup]);
  }
  return [...buckets.entries()].sort((a, b) => a[0] - b[0]).map(([at, minutes]) => pointOf(at, minutes));
}

/** One provider's call latency histogram over the given minutes. */
export function callLatencyOf(rollups: readonly MinuteRollup[], provider: string): LogHistogram {
  return MinuteAccumulator.of(0, rollups).calls.get(provider) ?? new LogHistogram();
}

type GaugeStats = { sum: number; n: number; max: number };

function histogramIn<K>(map: Map<K, LogHistogram>, key: K): LogHistogram {
  let histogram = map.get(key);
  if (!histogram) map.set(key, (histogram = new LogHistogram()));
  return histogram;
}

function pointOf(at: number, minutes: readonly MinuteRollup[]): HistoryPoint {
  const merged = MinuteAccumulator.of(at, minutes);
  const { counters, generation } = merged;
  const rates = ratesOf({ counters, latencies: [] });
  return {
    at,
    minutes: minutes.length,
    generations: counters.generations,
    generationErrors: counters.generationErrors,
    p50Ms: generation.quantile(0.5),
    p95Ms: generation.quantile(0.95),
    p99Ms: generation.quantile(0.99),
    calls: counters.calls,
    callErrors: counters.callErrors,
    timeouts: counters.timeouts,
    cacheGets: counters.cacheGets,
    cacheHitRate: rates.hitRate,
    validationSuccessRate: rates.validationSuccess,
    repairRate: rates.repairRate,
    fillRate: rates.fillRate,
    limitMean: merged.gaugeMean('limit'),
    queuedMax: merged.gaugeMax('queued'),
    cpuMean: merged.gaugeMean('cpuPercent'),
    cpuMax: merged.gaugeMax('cpuPercent'),
    appCpuMean: merged.gaugeMean('appCpuPercent'),
    rssMaxMb: merged.gaugeMax('rssMb'),
    loopLagMaxMs: merged.gaugeMax('loopLagMs'),
  };
}
