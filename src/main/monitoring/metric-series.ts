/**
 * Per-second points (counters of what happened in the second, gauges sampled at its end, generation times that
 * ended in it), a ring of them, and the sums, rates and percentiles of any window of them.
 */

export const COUNTERS = [
  'generations',
  'generationErrors',
  'calls',
  'callErrors',
  'timeouts',
  'cacheGets',
  'cacheL1Hits',
  'cacheL2Hits',
  'validationAnswers',
  'validationSucceeded',
  'personas',
  'repairedPersonas',
  'filledPersonas',
] as const;
export type CounterName = (typeof COUNTERS)[number];
export type Counters = Record<CounterName, number>;

/** `cpuPercent` is the whole machine's, `appCpuPercent` this app's own share of it. */
export const GAUGES = ['limit', 'queued', 'cpuPercent', 'appCpuPercent', 'memoryPercent', 'rssMb', 'loopLagMs'] as const;
export type GaugeName = (typeof GAUGES)[number];
/** A gauge is null when nothing measures it (no resource sampler, for instance). */
export type Gauges = Record<GaugeName, number | null>;

export interface SecondPoint {
  at: number;
  counters: Counters;
  gauges: Gauges;
  /** End-to-end generation times that ended in this second. */
  generationMs: number[];
}

export function zeroCounters(): Counters {
  return Object.fromEntries(COUNTERS.map((name) => [name, 0])) as Counters;
}

export function addCounters(into: Counters, from: Counters): void {
  for (const name of COUNTERS) into[name] += from[name];
}

/** A window of seconds, summed and summarised. */
export interface WindowSummary {
  seconds: number;
  counters: Counters;
  latencies: number[];
  gaugeMean: Gauges;
  gaugeMin: Gauges;
  gaugeMax: Gauges;
  latest: Gauges | null;
}

export class SecondRing {
  private readonly points: SecondPoint[] = [];

  constructor(private readonly capacity: number) {}

  push(point: SecondPoint): void {
    this.points.push(point);
    if (this.points.length > this.capacity) this.points.shift();
  }

  /** The points at or after `since`, plus `open` (the second in progress) when given. */
  window(since: number, open?: SecondPoint): WindowSummary {
    const points = this.points.filter((p) => p.at >= since);
    if (open) points.push(open);
    return summarise(points);
  }

  /** The last `n` seconds recorded, by count: a late timer must not shrink the window. */
  lastSeconds(n: number): WindowSummary {
    return summarise(this.points.slice(-n));
  }

  latest(): SecondPoint | undefined {
    return this.points.at(-1);
  }
}

/** The q-quantile of sorted values (nearest rank); null when there are none. */
export function quantileOf(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The fewest samples a rate or percentile is judged on (alerts, score, tuner): fewer say nothing yet. */
export const MIN_SAMPLES = { gets: 20, calls: 10, answers: 5, personas: 5, latencies: 3 } as const;

export interface Rates {
  hitRate: number | null;
  l1HitRate: number | null;
  l2HitRate: number | null;
  errorRate: number | null;
  timeoutRate: number | null;
  validationSuccess: number | null;
  repairRate: number | null;
  fillRate: number | null;
  p95Ms: number | null;
}

/** A window's rates and p95, null when nothing measured them; `judged` (for what acts on a figure, not only shows it) also under MIN_SAMPLES. */
export function ratesOf(window: Pick<WindowSummary, 'counters' | 'latencies'>, judged = false): Rates {
  const c = window.counters;
  const enough = (n: number, min: number) => !judged || n >= min;
  const gets = enough(c.cacheGets, MIN_SAMPLES.gets);
  const calls = enough(c.calls, MIN_SAMPLES.calls);
  const personas = enough(c.personas, MIN_SAMPLES.personas);
  return {
    hitRate: gets ? ratio(c.cacheL1Hits + c.cacheL2Hits, c.cacheGets) : null,
    l1HitRate: gets ? ratio(c.cacheL1Hits, c.cacheGets) : null,
    l2HitRate: gets ? ratio(c.cacheL2Hits, c.cacheGets) : null,
    errorRate: calls ? ratio(c.callErrors, c.calls) : null,
    timeoutRate: calls ? ratio(c.timeouts, c.calls) : null,
    validationSuccess: enough(c.validationAnswers, MIN_SAMPLES.answers) ? ratio(c.validationSucceeded, c.validationAnswers) : null,
    repairRate: personas ? ratio(c.repairedPersonas, c.personas) : null,
    fillRate: personas ? ratio(c.filledPersonas, c.personas) : null,
    p95Ms: enough(window.latencies.length, MIN_SAMPLES.latencies) ? quantileOf(window.latencies, 0.95) : null,
  };
}

function summarise(points: readonly SecondPoint[]): WindowSummary {
  const counters = zeroCounters();
  const latencies: number[] = [];
  const sums = new Map<GaugeName, { sum: number; n: number; min: number; max: number }>();
  for (const point of points) {
    addCounters(counters, point.counters);
    for (const ms of point.generationMs) latencies.push(ms);
    for (const name of GAUGES) {
      const value = point.gauges[name];
      if (value === null) continue;
      const entry = sums.get(name) ?? { sum: 0, n: 0, min: Infinity, max: -Infinity };
      entry.sum += value;
      entry.n++;
      entry.min = Math.min(entry.min, value);
      entry.max = Math.max(entry.max, value);
      sums.set(name, entry);
    }
  }
  latencies.sort((a, b) => a - b);
  const gauge = (pick: (entry: { sum: number; n: number; min: number; max: number }) => number) =>
    Object.fromEntries(GAUGES.map((name) => [name, sums.has(name) ? pick(sums.get(name)!) : null])) as Gauges;
  return { seconds: points.length, counters, latencies, gaugeMean: gauge((e) => e.sum / e.n), gaugeMin: gauge((e) => e.min), gaugeMax: gauge((e) => e.max), latest: points.at(-1)?.gauges ?? null };
}
