/**
 * Observed latencies per provider and request kind, kept per unit of work (a call for 5 personas
 * takes longer than one for 1), from which dynamic timeouts and the concurrency limit's baseline
 * are read. A fixed ring of recent samples per series: percentiles over the last few hundred calls.
 */
import type { LatencySummary } from '../../shared/performance';

const RING = 256;

class Series {
  readonly values = new Float64Array(RING);
  count = 0;

  add(value: number): void {
    this.values[this.count++ % RING] = value;
  }

  percentile(p: number, last = RING): number | undefined {
    const n = Math.min(this.count, RING, last);
    if (n === 0) return undefined;
    const recent: number[] = [];
    for (let i = 1; i <= n; i++) recent.push(this.values[(this.count - i) % RING]!);
    recent.sort((a, b) => a - b);
    return recent[Math.min(n - 1, Math.floor(p * n))];
  }
}

export class LatencyTracker {
  private readonly series = new Map<string, Series>();

  /** A successful call: its wall time and how many units (personas, lookups) it carried. */
  record(provider: string, kind: string, units: number, ms: number): void {
    const id = `${provider}\u0000${kind}`;
    let series = this.series.get(id);
    if (!series) this.series.set(id, (series = new Series()));
    series.add(ms / costUnits(units));
  }

  /** Percentile of per-unit latency over the last `last` calls; undefined before `minSamples`. */
  perUnit(provider: string, kind: string, p: number, minSamples = 5, last = RING): number | undefined {
    const series = this.series.get(`${provider}\u0000${kind}`);
    if (!series || series.count < minSamples) return undefined;
    return series.percentile(p, last);
  }

  summary(provider: string, kind: string): LatencySummary | undefined {
    const series = this.series.get(`${provider}\u0000${kind}`);
    if (!series || series.count === 0) return undefined;
    return { samples: series.count, p50Ms: series.percentile(0.5)!, p95Ms: series.percentile(0.95)! };
  }
}

/**
 * A call's cost in units: a fixed part plus one per unit (an LLM answers a 1-persona call in
 * about half the time of a 3-persona one, not a third), so per-unit latencies compare across sizes.
 */
export function costUnits(units: number): number {
  return 1 + Math.max(1, units);
}
