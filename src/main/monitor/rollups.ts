/**
 * Per-minute rollups: what app.db keeps for history. A minute holds its counters, mergeable
 * latency histograms (end to end, per phase, per provider) and each gauge's sum, count and max,
 * so an hour or a day is an exact merge of its minutes, percentiles included.
 */
import { z } from 'zod';
import type { HistoryPoint } from '../../shared/ipc/types';
import { TRACE_PHASES, type HistoryResolution, type TracePhase } from '../../shared/metrics';
import { LogHistogram } from './log-histogram';
import { addCounters, COUNTERS, GAUGES, ratio, zeroCounters, type Counters, type GaugeName, type SecondPoint } from './metric-series';

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
});
export type MinuteRollup = z.infer<typeof rollupSchema>;

/** The minute being measured. */
export class MinuteAccumulator {
  readonly counters = zeroCounters();
  readonly generation = new LogHistogram();
  readonly phases = new Map<TracePhase, LogHistogram>();
  readonly calls = new Map<string, LogHistogram>();
  private readonly gauges = new Map<GaugeName, { sum: number; n: number; max: number }>();

  constructor(readonly minute: number) {}

  /** The minute as a stored rollup left it (a restart within the minute), or empty. */
  static resume(minute: number, stored: MinuteRollup | undefined): MinuteAccumulator {
    const accumulator = new MinuteAccumulator(minute);
    if (!stored) return accumulator;
    addCounters(accumulator.counters, stored.counters);
    accumulator.generation.merge(LogHistogram.from(stored.generation));
    for (const [phase, h] of Object.entries(stored.phases) as Array<[TracePhase, MinuteRollup['generation']]>) accumulator.phases.set(phase, LogHistogram.from(h));
    for (const [provider, h] of Object.entries(stored.calls)) accumulator.calls.set(provider, LogHistogram.from(h));
    for (const [name, stats] of Object.entries(stored.gauges) as Array<[GaugeName, { sum: number; n: number; max: number }]>) accumulator.gauges.set(name, { ...stats });
    return accumulator;
  }

  addSecond(point: SecondPoint): void {
    addCounters(this.counters, point.counters);
    for (const name of GAUGES) {
      const value = point.gauges[name];
      if (value === null) continue;
      const entry = this.gauges.get(name) ?? { sum: 0, n: 0, max: -Infinity };
      entry.sum += value;
      entry.n++;
      entry.max = Math.max(entry.max, value);
      this.gauges.set(name, entry);
    }
  }

  addTrace(totalMs: number, phases: Partial<Record<TracePhase, number>>): void {
    this.generation.record(totalMs);
    for (const [phase, ms] of Object.entries(phases) as Array<[TracePhase, number]>) {
      let histogram = this.phases.get(phase);
      if (!histogram) this.phases.set(phase, (histogram = new LogHistogram()));
      histogram.record(ms);
    }
  }

  addCall(provider: string, ms: number): void {
    let histogram = this.calls.get(provider);
    if (!histogram) this.calls.set(provider, (histogram = new LogHistogram()));
    histogram.record(ms);
  }

  /** Nothing counted and no gauge sampled yet. */
  get empty(): boolean {
    return this.gauges.size === 0 && COUNTERS.every((name) => this.counters[name] === 0);
  }

  toRollup(): MinuteRollup {
    return {
      minute: this.minute,
      counters: { ...this.counters },
      generation: this.generation.toStored(),
      phases: Object.fromEntries([...this.phases].map(([phase, h]) => [phase, h.toStored()])),
      calls: Object.fromEntries([...this.calls].map(([provider, h]) => [provider, h.toStored()])),
      gauges: Object.fromEntries(this.gauges),
    };
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

function pointOf(at: number, minutes: readonly MinuteRollup[]): HistoryPoint {
  const counters = zeroCounters();
  const generation = new LogHistogram();
  const gauges = new Map<GaugeName, { sum: number; n: number; max: number }>();
  for (const minute of minutes) {
    addCounters(counters, minute.counters);
    generation.merge(LogHistogram.from(minute.generation));
    for (const [name, stats] of Object.entries(minute.gauges) as Array<[GaugeName, { sum: number; n: number; max: number }]>) {
      const entry = gauges.get(name) ?? { sum: 0, n: 0, max: -Infinity };
      entry.sum += stats.sum;
      entry.n += stats.n;
      entry.max = Math.max(entry.max, stats.max);
      gauges.set(name, entry);
    }
  }
  const mean = (name: GaugeName) => {
    const entry = gauges.get(name);
    return entry && entry.n > 0 ? entry.sum / entry.n : null;
  };
  const max = (name: GaugeName) => gauges.get(name)?.max ?? null;
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
    cacheHitRate: ratio(counters.cacheL1Hits + counters.cacheL2Hits, counters.cacheGets),
    validationSuccessRate: ratio(counters.validationSucceeded, counters.validationAnswers),
    repairRate: ratio(counters.repairedPersonas, counters.personas),
    fillRate: ratio(counters.filledPersonas, counters.personas),
    limitMean: mean('limit'),
    queuedMax: max('queued'),
    cpuMean: mean('cpuPercent'),
    cpuMax: max('cpuPercent'),
    rssMaxMb: max('rssMb'),
    loopLagMaxMs: max('loopLagMs'),
  };
}

/** One provider's call latency histogram over the given minutes. */
export function callLatencyOf(rollups: readonly MinuteRollup[], provider: string): LogHistogram {
  const merged = new LogHistogram();
  for (const rollup of rollups) if (rollup.calls[provider]) merged.merge(LogHistogram.from(rollup.calls[provider]));
  return merged;
}
