/**
 * The monitor's measurements over time: one point per second (counters that happened in it,
 * gauges sampled at its end, the generation latencies that ended in it) in a ring for the live
 * views, alerts and the tuner; and summaries of any recent window of them.
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

export const GAUGES = ['limit', 'queued', 'cpuPercent', 'memoryPercent', 'rssMb', 'loopLagMs'] as const;
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

  latest(): SecondPoint | undefined {
    return this.points.at(-1);
  }

  get size(): number {
    return this.points.length;
  }
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

/** The q-quantile of sorted values (nearest rank); null when there are none. */
export function quantileOf(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
