/**
 * Robust baselines for the anomaly detector: the median and the median absolute deviation (MAD) of earlier
 * buckets, so that a few odd buckets in the history neither move the usual value nor widen the band much.
 */

/** How far from the usual value a bucket may go, and which side of it is bad. */
export interface BandPolicy {
  /** 'above': latency and error rate are bad high; 'below': the cache's hit rate is bad low. */
  direction: 'above' | 'below';
  /** Latency is judged on a log scale: a spike is a ratio (3× slower), not a number of milliseconds. */
  scale: 'log' | 'linear';
  /** Half-width of the band in robust standard deviations (1.4826 × MAD). */
  width: number;
  /** The narrowest half-width (in the series' scale): a very steady history must not flag a 5 % wobble. */
  floor: number;
  /** Rates from few samples are noisy: the band widens by their binomial standard error. */
  binomial: boolean;
}

export interface Band {
  baseline: number;
  low: number;
  high: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The band around earlier values (each from `historyN` samples) for a bucket of `n` samples; history must not be empty. */
export function bandOf(history: readonly number[], historyN: readonly number[], n: number, policy: BandPolicy): Band {
  const log = policy.scale === 'log';
  const scaled = log ? history.map((v) => Math.log(Math.max(v, 1))) : history;
  const center = median(scaled);
  const spread = MAD_TO_SD * median(scaled.map((v) => Math.abs(v - center)));
  if (policy.binomial) {
    // A rate's history spreads by chance (few lookups in an evening bucket) and by real change (a cold morning cache):
    // only the real change is kept, and the chance of this bucket's own sample count is added back.
    const chance = (size: number) => (Math.min(Math.max(center, 0.02), 0.98) * (1 - Math.min(Math.max(center, 0.02), 0.98))) / Math.max(size, 1);
    const real = Math.sqrt(Math.max(0, spread ** 2 - chance(median(historyN))));
    const half = Math.max(policy.width * Math.sqrt(real ** 2 + chance(n)), policy.floor);
    return rateBand(center, real, half, n, policy.direction);
  }
  const half = Math.max(policy.width * spread, policy.floor);
  const back = (v: number) => (log ? Math.exp(v) : Math.min(1, Math.max(0, v)));
  return { baseline: back(center), low: back(center - half), high: back(center + half) };
}

/**
 * A rate's band is also at least as wide as chance allows: with the usual rate (at its plausible worst), a bucket of
 * `n` samples would reach the band's edge less than once in 10,000 buckets. Even 0 % errors can show 2 in 20 by chance.
 */
function rateBand(center: number, spread: number, half: number, n: number, direction: BandPolicy['direction']): Band {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  if (direction === 'above') {
    const k = criticalCount(Math.min(0.995, Math.max(center + 2 * spread, 0.005)), n);
    return { baseline: center, low: clamp(center - half), high: clamp(Math.max(center + half, k / n)) };
  }
  const k = criticalCount(Math.min(0.995, Math.max(1 - (center - 2 * spread), 0.005)), n);
  return { baseline: center, low: clamp(Math.min(center - half, 1 - k / n)), high: clamp(center + half) };
}

/** The smallest count k whose chance of being reached or passed in n draws at rate p is under ALPHA. */
function criticalCount(p: number, n: number): number {
  let term = Math.pow(1 - p, n); // P(X = 0)
  let below = 0;
  for (let k = 0; k <= n; k++) {
    if (1 - below < ALPHA) return k;
    below += term;
    term *= ((n - k) / (k + 1)) * (p / (1 - p));
  }
  return n + 1;
}

const ALPHA = 1e-4;

/**
 * How far a value is outside its band on the bad side, in band half-widths: over 1 is outside, 1 or less within.
 * The alerts' hysteresis runs on this score, so one rule serves every engine and every usual value.
 */
export function departure(value: number, band: Band, direction: BandPolicy['direction']): number {
  if (direction === 'above') return band.high > band.baseline ? (value - band.baseline) / (band.high - band.baseline) : value > band.high ? Infinity : 0;
  return band.baseline > band.low ? (band.baseline - value) / (band.baseline - band.low) : value < band.low ? Infinity : 0;
}

/** 1.4826 × MAD estimates the standard deviation of normally distributed values. */
const MAD_TO_SD = 1.4826;
