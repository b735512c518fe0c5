/**
 * The monitor's anomaly watch: at each new minute, judges the 5-minute buckets that ended since it last looked
 * (the first time, it replays the last 8 days to learn their baselines), stores what it finds, and keeps each
 * subject's latest departure for the anomaly alert rules, whose hysteresis raises one alert per episode.
 */
import type { AlertRuleId } from '../../shared/metrics';
import { AnomalyDetector, type Judgement } from './anomaly-detector';
import { BUCKET_MS, bucketOf, bucketsOf, type AnomalySubject } from './anomaly-series';
import type { AnomalyStore } from './anomaly-store';
import type { AlertRule } from './alerts';
import type { MinuteRollup } from './rollups';

export class AnomalyWatch {
  private readonly detector = new AnomalyDetector();
  /** The end of the last bucket judged; null until the first look. */
  private judgedUntil: number | null = null;
  private latest: Judgement['scores'] = {};
  private learning: Promise<void> | null = null;

  constructor(
    private readonly store: AnomalyStore,
    private readonly rollups: (from: number, to: number) => MinuteRollup[],
    private readonly now: () => number,
    /** Aborted when the monitor closes: a first look still under way stops at its next day. */
    private readonly signal: AbortSignal = new AbortController().signal,
  ) {}

  /** Judges every bucket that ended since the last call; the first call starts learning the last 8 days instead. */
  update(): void {
    if (this.judgedUntil === null) {
      // Retried at the next minute if app.db could not be read (closed under it, for one).
      this.learning ??= this.learn().catch(() => void (this.learning = null));
      return;
    }
    const end = bucketOf(this.now());
    if (end <= this.judgedUntil) return;
    this.judge(this.judgedUntil, end);
    this.judgedUntil = end;
  }

  /** Settles once the first look is done (at once when none is under way). */
  whenLearned(): Promise<void> {
    return this.learning ?? Promise.resolve();
  }

  /** The first look: a day at a time with a turn of the event loop between, so a week of history never freezes the app. */
  private async learn(): Promise<void> {
    const end = bucketOf(this.now());
    for (let from = end - LEARN_MS; from < end; from += DAY) {
      if (this.signal.aborted) return;
      this.judge(from, Math.min(from + DAY, end));
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.judgedUntil = end;
  }

  private judge(from: number, end: number): void {
    // Only the bucket that just ended has a say in the alerts: values from hours ago raise nothing.
    let last: Judgement | undefined;
    for (const bucket of bucketsOf(this.rollups(from, end))) {
      last = this.detector.observe(bucket);
      for (const anomaly of last.anomalies) this.store.insert(anomaly);
    }
    this.latest = last && last.at === bucketOf(this.now()) - BUCKET_MS ? last.scores : {};
  }

  /** Each anomaly rule's value: the worst departure of the last bucket, in band half-widths; null when nothing was judged. */
  alertValues(): Partial<Record<AlertRuleId, number | null>> {
    return Object.fromEntries(RULES.map(({ id, subject }) => [id, this.latest[subject]?.score ?? null]));
  }

  /** The anomaly rules: raised by the first bucket outside its band, resolved after 15 minutes back within it. */
  rules(): AlertRule[] {
    return RULES.map(({ id, subject, severity, what }) => ({
      id,
      severity,
      direction: 'above',
      threshold: 1,
      clearAt: 1,
      raiseAfterMs: 0,
      clearAfterMs: 15 * 60_000,
      describe: () => `Unusual ${what}: ${this.latest[subject]?.evidence ?? 'outside its usual band'}.`,
    }));
  }
}

const RULES: Array<{ id: AlertRuleId; subject: AnomalySubject; severity: AlertRule['severity']; what: string }> = [
  { id: 'latency_anomaly', subject: 'latency', severity: 'medium', what: 'latency' },
  { id: 'error_rate_anomaly', subject: 'error_rate', severity: 'high', what: 'error rate' },
  { id: 'cache_hit_anomaly', subject: 'cache_hit_rate', severity: 'medium', what: 'cache hit rate' },
];

/** The first look replays this much history: the hourly baselines need a week, and a day of margin. */
const DAY = 24 * 60 * 60_000;
const LEARN_MS = 8 * DAY;
