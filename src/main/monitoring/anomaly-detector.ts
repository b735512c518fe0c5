/**
 * The anomaly detector: judges each 5-minute bucket of a series against a baseline learned from its own history:
 * the same hour of earlier days once at least 3 days have data at that hour (busy mornings differ from quiet
 * evenings), the last 6 hours before that. Buckets with too few samples are not judged, so quiet nights never fire.
 */
import type { Anomaly } from '../../shared/insight';
import { bandOf, departure, type Band, type BandPolicy } from './anomaly-baseline';
import type { AnomalySubject, Bucket, SeriesSample } from './anomaly-series';

export type NewAnomaly = Omit<Anomaly, 'id'>;

export interface SubjectPolicy extends BandPolicy {
  /** Fewest samples in a bucket for it to be judged (and learned from). */
  minSamples: number;
}

export const SUBJECT_POLICIES: Record<AnomalySubject, SubjectPolicy> = {
  latency: { direction: 'above', scale: 'log', width: 4, floor: Math.log(1.4), binomial: false, minSamples: 5 },
  error_rate: { direction: 'above', scale: 'linear', width: 3, floor: 0.05, binomial: true, minSamples: 10 },
  cache_hit_rate: { direction: 'below', scale: 'linear', width: 3, floor: 0.08, binomial: true, minSamples: 20 },
};

/** One bucket's outcome: the anomalies found and, per subject judged, the worst departure (over 1: outside the band). */
export interface Judgement {
  at: number;
  anomalies: NewAnomaly[];
  scores: Partial<Record<AnomalySubject, { score: number; evidence: string | null }>>;
}

export class AnomalyDetector {
  private readonly series = new Map<string, SeriesState>();

  constructor(private readonly policies: Record<AnomalySubject, SubjectPolicy> = SUBJECT_POLICIES) {}

  /** Judges a bucket (buckets come oldest first), then learns from it. */
  observe(bucket: Bucket): Judgement {
    const judgement: Judgement = { at: bucket.at, anomalies: [], scores: {} };
    const { hour, day } = clockOf(bucket.at);
    for (const bucketSample of bucket.samples) {
      const policy = this.policies[bucketSample.subject];
      const state = this.stateOf(bucketSample);
      // A quiet engine's buckets are pooled with the next ones (up to 15 minutes) until they hold enough samples.
      const sample = pooled(state.pending, bucketSample, bucket.at, policy);
      state.pending = sample.n < policy.minSamples ? sample : null;
      if (state.pending) continue;
      const basis = baselineOf(state.points, bucket.at, hour, day);
      let flagged = false;
      if (basis) {
        const band = bandOf(basis.values, basis.ns, sample.n, policy);
        const score = departure(sample.value, band, policy.direction);
        flagged = score > 1;
        const evidence = flagged ? evidenceOf(sample, band, basis) : null;
        if (flagged) judgement.anomalies.push({ subject: sample.subject, provider: sample.provider, at: bucket.at, value: sample.value, ...band, hourOfDay: basis.hourly ? hour : null, evidence: evidence! });
        const worst = judgement.scores[sample.subject];
        if (!worst || score > worst.score) judgement.scores[sample.subject] = { score, evidence };
      }
      // An anomaly stays out of the recent baseline, unless it lasts so long that it is the new usual (a slower model);
      // hourly baselines take every day's value, their median across days outvotes one odd day.
      state.streak = flagged ? state.streak + 1 : 0;
      state.points.push({ at: bucket.at, value: sample.value, n: sample.n, hour, day, odd: flagged && state.streak <= NEW_NORMAL_BUCKETS });
      while (state.points.length > 0 && state.points[0]!.at < bucket.at - HISTORY_MS) state.points.shift();
    }
    return judgement;
  }

  private stateOf(sample: SeriesSample): SeriesState {
    const key = `${sample.subject}\u0000${sample.provider ?? ''}`;
    let state = this.series.get(key);
    if (!state) this.series.set(key, (state = { points: [], streak: 0, pending: null }));
    return state;
  }
}

interface Point {
  at: number;
  value: number;
  n: number;
  hour: number;
  day: number;
  /** Flagged: left out of the recent baseline. */
  odd: boolean;
}

interface SeriesState {
  points: Point[];
  /** Consecutive flagged buckets. */
  streak: number;
  /** Buckets too quiet to judge alone, waiting for the next. */
  pending: Pooled | null;
}

/** A sample over one bucket or several pooled ones, from the bucket starting at `since`. */
interface Pooled extends SeriesSample {
  since: number;
}

function pooled(pending: Pooled | null, sample: SeriesSample, at: number, policy: SubjectPolicy): Pooled {
  if (!pending || at - pending.since >= POOL_MS) return { ...sample, since: at };
  const n = pending.n + sample.n;
  // Rates pool exactly; medians approximately, as the samples' weighted geometric mean.
  const value =
    policy.scale === 'log' ? Math.exp((Math.log(Math.max(pending.value, 1)) * pending.n + Math.log(Math.max(sample.value, 1)) * sample.n) / n) : (pending.value * pending.n + sample.value * sample.n) / n;
  return { ...sample, value, n, since: pending.since };
}

interface Basis {
  values: number[];
  ns: number[];
  hourly: boolean;
  /** Days (hourly) or hours (recent) the baseline covers, for the evidence. */
  span: number;
}

/** The same hour on earlier days once there are enough of them, else the last hours; null while there is too little. */
function baselineOf(points: readonly Point[], at: number, hour: number, day: number): Basis | null {
  const sameHour = points.filter((p) => p.hour === hour && p.day < day);
  const days = new Set(sameHour.map((p) => p.day)).size;
  if (days >= MIN_DAYS && sameHour.length >= MIN_HOURLY) return { values: sameHour.map((p) => p.value), ns: sameHour.map((p) => p.n), hourly: true, span: days };
  const recent = points.filter((p) => p.at >= at - RECENT_MS && !p.odd);
  if (recent.length < MIN_RECENT) return null;
  return { values: recent.map((p) => p.value), ns: recent.map((p) => p.n), hourly: false, span: Math.max(1, Math.round((at - recent[0]!.at) / HOUR)) };
}

function evidenceOf(sample: Pooled, band: Band, basis: Basis): string {
  const over = basis.hourly ? `at this hour over ${basis.span} days` : `over the last ${basis.span} hour${basis.span === 1 ? '' : 's'}`;
  const when = `at ${clockText(sample.since)}`;
  if (sample.subject === 'latency') {
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    return `Median latency of ${sample.provider} ${s(sample.value)} ${when} (${sample.n} calls) vs usual ${s(band.baseline)} (band ${s(band.low)}-${s(band.high)}) ${over}`;
  }
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const range = `vs usual ${pct(band.baseline)} (band ${pct(band.low)}-${pct(band.high)}) ${over}`;
  if (sample.subject === 'error_rate') return `${pct(sample.value)} of ${sample.provider ? `${sample.provider}'s` : 'provider'} calls failed ${when} (${Math.round(sample.value * sample.n)} of ${sample.n}) ${range}`;
  return `The cache answered ${pct(sample.value)} of ${sample.n} lookups ${when} ${range}`;
}

/** Local hour and day: the user's busy hours are local ones. */
function clockOf(at: number): { hour: number; day: number } {
  const date = new Date(at);
  return { hour: date.getHours(), day: Math.floor((at - date.getTimezoneOffset() * MINUTE) / DAY) };
}

function clockText(at: number): string {
  const date = new Date(at);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Hourly baselines look back a week and a day. */
const HISTORY_MS = 8 * DAY;
const RECENT_MS = 24 * HOUR;
const MIN_DAYS = 3;
const MIN_HOURLY = 8;
const MIN_RECENT = 12;
/** Two hours outside the band in a row: the series has moved, and its baseline follows. */
const NEW_NORMAL_BUCKETS = 24;
const POOL_MS = 15 * MINUTE;
