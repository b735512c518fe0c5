/**
 * A sparse log-bucket latency histogram (percentiles within ~4.4 %) that an hour can merge exactly from its minutes:
 * Node's HDR histogram neither serialises nor merges a stored one, and hdr-histogram-js would add a WASM module.
 */

/** As stored: buckets as [index, count, index, count, ...], the sum and the largest value. */
export interface StoredHistogram {
  b: number[];
  s: number;
  m: number;
}

export class LogHistogram {
  private readonly buckets = new Map<number, number>();
  count = 0;
  sum = 0;
  max = 0;

  static from(stored: StoredHistogram | undefined): LogHistogram {
    const histogram = new LogHistogram();
    if (!stored) return histogram;
    for (let i = 0; i + 1 < stored.b.length; i += 2) histogram.add(stored.b[i]!, stored.b[i + 1]!);
    histogram.sum = stored.s;
    histogram.max = stored.m;
    return histogram;
  }

  /** A value in milliseconds (or any positive unit); values under 1 share the first bucket. */
  record(value: number): void {
    if (!Number.isFinite(value) || value < 0) return;
    const index = value <= 1 ? 0 : Math.ceil(Math.log(value) / LOG_BASE);
    this.add(index, 1);
    this.sum += value;
    if (value > this.max) this.max = value;
  }

  merge(other: LogHistogram): void {
    for (const [index, n] of other.buckets) this.add(index, n);
    this.sum += other.sum;
    if (other.max > this.max) this.max = other.max;
  }

  /** The value at quantile q (0-1), as its bucket's upper bound capped by the largest seen; null when empty. */
  quantile(q: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (const index of [...this.buckets.keys()].sort((a, b) => a - b)) {
      seen += this.buckets.get(index)!;
      if (seen >= rank) return Math.min(this.max || Infinity, index === 0 ? 1 : Math.exp(index * LOG_BASE));
    }
    return this.max;
  }

  toStored(): StoredHistogram {
    return { b: [...this.buckets].flat(), s: this.sum, m: this.max };
  }

  private add(index: number, n: number): void {
    if (!Number.isInteger(index) || !(n > 0)) return;
    this.buckets.set(index, (this.buckets.get(index) ?? 0) + n);
    this.count += n;
  }
}

/** 16 buckets per doubling: a bucket's upper bound is within ~4.4 % of any value in it. */
const PER_DOUBLING = 16;
const LOG_BASE = Math.log(2) / PER_DOUBLING;
