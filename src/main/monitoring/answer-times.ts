/**
 * How long the personas take to answer, per engine: time to the first token (what the user waits
 * for before text moves) and to the whole answer, over the last answers of each engine. Answers
 * served from the cache are counted apart and kept out of the times, like cached generations.
 */
/** One answer as the asking module reports it (structurally its AnswerTiming). */
export interface AnswerTiming {
  engine: string;
  firstTokenMs: number | null;
  totalMs: number;
  cut: boolean;
  fromCache: boolean;
}

/** Per engine: answers seen (cut ones and cache hits among them) and the medians and p95s of the timed ones; null before any. */
export interface EngineAnswerTimes {
  engine: string;
  answers: number;
  cut: number;
  fromCache: number;
  firstTokenP50Ms: number | null;
  firstTokenP95Ms: number | null;
  totalP50Ms: number | null;
  totalP95Ms: number | null;
}

const KEPT = 200;

interface EngineRecord {
  answers: number;
  cut: number;
  fromCache: number;
  firstTokenMs: number[];
  totalMs: number[];
}

export class AnswerTimesBook {
  private readonly engines = new Map<string, EngineRecord>();

  record(timing: AnswerTiming): void {
    let record = this.engines.get(timing.engine);
    if (!record) this.engines.set(timing.engine, (record = { answers: 0, cut: 0, fromCache: 0, firstTokenMs: [], totalMs: [] }));
    record.answers++;
    if (timing.cut) record.cut++;
    if (timing.fromCache) return void record.fromCache++;
    if (timing.firstTokenMs !== null) keep(record.firstTokenMs, timing.firstTokenMs);
    keep(record.totalMs, timing.totalMs);
  }

  summary(): EngineAnswerTimes[] {
    return [...this.engines].map(([engine, r]) => ({
      engine,
      answers: r.answers,
      cut: r.cut,
      fromCache: r.fromCache,
      firstTokenP50Ms: percentile(r.firstTokenMs, 0.5),
      firstTokenP95Ms: percentile(r.firstTokenMs, 0.95),
      totalP50Ms: percentile(r.totalMs, 0.5),
      totalP95Ms: percentile(r.totalMs, 0.95),
    }));
  }
}

function keep(values: number[], value: number): void {
  values.push(value);
  if (values.length > KEPT) values.shift();
}

function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
