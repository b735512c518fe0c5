/**
 * Anomaly detection over a replayed week: per-minute rollups with daily cycles (busy office hours, quiet nights and
 * weekends), noise and 10 injected anomalies (latency spikes, error bursts, cache hit-rate drops), replayed through
 * the detector. The generator is seeded; the figures pool 5 seeded weeks, not one lucky week. Also timed: the monitor's
 * first look after a start (8 days read back from app.db and judged, a day per turn of the event loop).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnomalyDetector } from '../src/main/monitoring/anomaly-detector';
import type { NewAnomaly } from '../src/main/monitoring/anomaly-detector';
import { BUCKET_MS, bucketOf, bucketsOf, type AnomalySubject } from '../src/main/monitoring/anomaly-series';
import { AnomalyWatch } from '../src/main/monitoring/anomaly-watch';
import { MonitorStore } from '../src/main/monitoring/monitor-store';
import { MINUTE, MinuteAccumulator, type MinuteRollup } from '../src/main/monitoring/rollups';
import { WorkshopStore } from '../src/main/workshops/workshop-store';
import { median } from './_measure';

export interface Injected {
  subject: AnomalySubject;
  /** The engine of a latency spike or an error burst; null for the cache. */
  provider: string | null;
  from: number;
  to: number;
}

export interface History {
  start: number;
  days: number;
  rollups: MinuteRollup[];
  injected: Injected[];
}

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Share of the peak traffic by local hour: nights nearly silent, a lunch dip, a tail in the evening. */
const LOAD = [0.01, 0, 0, 0, 0, 0.01, 0.03, 0.15, 0.5, 0.9, 1, 1, 0.7, 0.8, 1, 1, 0.9, 0.7, 0.45, 0.25, 0.15, 0.1, 0.05, 0.02];
const ENGINES = [
  { id: 'ollama', callsPerMinute: 3, medianMs: 2000, busySlowdown: 0.5, sigma: 0.35, errorRate: 0.01 },
  { id: 'gemini', callsPerMinute: 4, medianMs: 900, busySlowdown: 0.2, sigma: 0.3, errorRate: 0.02 },
];
const KINDS: Array<Pick<Injected, 'subject' | 'provider'>> = [
  { subject: 'latency', provider: 'ollama' },
  { subject: 'error_rate', provider: 'gemini' },
  { subject: 'cache_hit_rate', provider: null },
  { subject: 'latency', provider: 'gemini' },
  { subject: 'error_rate', provider: 'ollama' },
];

/** A week (by default) of per-minute rollups from local midnight, with `anomalies` injected in busy hours after the first day. */
export function syntheticHistory(seed: number, { days = 7, anomalies = 10, start = new Date(2026, 10, 2).getTime() } = {}): History {
  const rng = random(seed);
  const injected = inject(rng, start, days, anomalies);
  const dayFactor = Array.from({ length: days }, (_, d) => (new Date(start + d * DAY + 12 * HOUR).getDay() % 6 === 0 ? 0.35 : 1) * (0.85 + 0.3 * rng()));
  const dayHitRate = Array.from({ length: days }, () => 0.74 + 0.08 * rng());
  const rollups: MinuteRollup[] = [];
  for (let minute = start; minute < start + days * DAY; minute += MINUTE) {
    const date = new Date(minute);
    const load = LOAD[date.getHours()]! * dayFactor[Math.floor((minute - start) / DAY)]!;
    const active = injected.filter((a) => minute >= a.from && minute < a.to);
    const effect = (subject: AnomalySubject, provider: string | null) => active.find((a) => a.subject === subject && (a.provider === null || a.provider === provider));
    const acc = new MinuteAccumulator(minute);
    for (const engine of ENGINES) {
      const calls = poisson(rng, engine.callsPerMinute * load);
      const spike = effect('latency', engine.id) ? 2.5 + 1.5 * seeded(seed, minute - (minute % DAY)) : 1;
      const errorRate = effect('error_rate', engine.id) ? 0.25 + 0.25 * seeded(seed, Math.floor(minute / DAY)) : engine.errorRate;
      for (let i = 0; i < calls; i++) {
        // A heavy tail: one call in a hundred is three times slower for no reason anyone could fix.
        const tail = rng() < 0.01 ? 3 : 1;
        acc.addCall(engine.id, engine.medianMs * (1 + engine.busySlowdown * load) * Math.exp(engine.sigma * normal(rng)) * tail * spike);
        acc.counters.calls++;
        acc.engines.of(engine.id).add('calls');
        if (rng() < errorRate) {
          acc.counters.callErrors++;
          acc.engines.of(engine.id).add('callErrors');
        }
      }
    }
    const gets = poisson(rng, 15 * load);
    // Caches start the morning cold: the first busy hours hit less often.
    const usual = dayHitRate[Math.floor((minute - start) / DAY)]! - (date.getHours() < 10 ? 0.1 : 0);
    const hitRate = effect('cache_hit_rate', null) ? usual - 0.3 - 0.15 * seeded(seed, minute - (minute % DAY)) : usual;
    for (let i = 0; i < gets; i++) {
      acc.counters.cacheGets++;
      if (rng() < hitRate) acc.counters[rng() < 0.6 ? 'cacheL1Hits' : 'cacheL2Hits']++;
    }
    if (!acc.empty || acc.calls.size > 0) rollups.push(acc.toRollup());
  }
  return { start, days, rollups, injected };
}

/** Replays a history's buckets through a fresh detector; every anomaly it found, oldest first. */
export function replay(history: History, detector = new AnomalyDetector()): NewAnomaly[] {
  return bucketsOf(history.rollups).flatMap((bucket) => detector.observe(bucket).anomalies);
}

/** Injected anomalies found (a flagged bucket of the same series overlapping it), and flagged episodes outside any. */
export function score(history: History, found: readonly NewAnomaly[]): { recall: number; falseAlarms: number } {
  const matches = (a: NewAnomaly, i: Injected) => a.subject === i.subject && (i.provider === null || a.provider === i.provider) && a.at + BUCKET_MS > i.from && a.at <= bucketOf(i.to);
  const detected = history.injected.filter((i) => found.some((a) => matches(a, i))).length;
  // Consecutive flagged buckets of one series (gaps up to 15 minutes) are one false alarm, as they would be one alert.
  const lastAt = new Map<string, number>();
  let falseAlarms = 0;
  for (const a of found) {
    if (history.injected.some((i) => matches(a, i))) continue;
    const key = `${a.subject}/${a.provider}`;
    const previous = lastAt.get(key);
    if (previous === undefined || a.at - previous > 3 * BUCKET_MS) falseAlarms++;
    lastAt.set(key, a.at);
  }
  return { recall: history.injected.length ? detected / history.injected.length : 0, falseAlarms };
}

export const SEEDS = [1, 2, 3, 4, 5];

/**
 * Recall and false alarms per simulated day over 5 seeded weeks pooled (50 injected anomalies over 35 days), with
 * the worst single week beside them: one week holds too few anomalies for a recall figure to mean much alone.
 */
export async function measureAnomalyDetection(): Promise<{
  recall: number;
  falseAlarmsPerDay: number;
  days: number;
  injected: number;
  worstWeekRecall: number;
  worstWeekFalseAlarmsPerDay: number;
  firstLookMs: number;
}> {
  let [found, falseAlarms, days, injected, worstWeekRecall, worstWeekFalseAlarmsPerDay] = [0, 0, 0, 0, 1, 0];
  for (const seed of SEEDS) {
    const history = syntheticHistory(seed);
    const result = score(history, replay(history));
    found += result.recall * history.injected.length;
    falseAlarms += result.falseAlarms;
    days += history.days;
    injected += history.injected.length;
    worstWeekRecall = Math.min(worstWeekRecall, result.recall);
    worstWeekFalseAlarmsPerDay = Math.max(worstWeekFalseAlarmsPerDay, result.falseAlarms / history.days);
  }
  return { recall: Math.round(found) / injected, falseAlarmsPerDay: falseAlarms / days, days, injected, worstWeekRecall, worstWeekFalseAlarmsPerDay, firstLookMs: await firstLookMs() };
}

/** The monitor's first look after a start: 8 days of rollups read back from a real app.db and judged (median of 3, ms). */
async function firstLookMs(): Promise<number> {
  const history = syntheticHistory(1, { days: 8 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-studio-anomaly-'));
  const app = WorkshopStore.open(dir);
  try {
    const store = new MonitorStore(app.database);
    app.database.transaction(() => history.rollups.forEach((rollup) => store.putRollup(rollup)))();
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const watch = new AnomalyWatch(store.anomalies, (from, to) => store.rollups(from, to), () => history.start + history.days * DAY);
      const start = performance.now();
      watch.update();
      await watch.whenLearned();
      times.push(performance.now() - start);
    }
    return median(times);
  } finally {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Anomalies at random busy hours on days 2 to the last, none within two hours of another. */
function inject(rng: () => number, start: number, days: number, count: number): Injected[] {
  const injected: Injected[] = [];
  while (injected.length < count) {
    const day = 1 + Math.floor(rng() * (days - 1));
    const from = start + day * DAY + (9 + Math.floor(rng() * 8)) * HOUR + Math.floor(rng() * 60) * MINUTE;
    const to = from + (15 + Math.floor(rng() * 26)) * MINUTE;
    if (new Date(from + 12 * HOUR).getDay() % 6 === 0 && rng() < 0.5) continue;
    if (injected.some((i) => Math.abs(i.from - from) < 2 * HOUR)) continue;
    injected.push({ ...KINDS[injected.length % KINDS.length]!, from, to });
  }
  return injected.sort((a, b) => a.from - b.from);
}

/** mulberry32: a small seeded generator, so a week replays the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fixed 0-1 figure per (seed, key): an anomaly's strength stays the same through its episode. */
function seeded(seed: number, key: number): number {
  return random(seed * 7919 + (key % 100_003))();
}

function normal(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

function poisson(rng: () => number, mean: number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng(); p > limit; p *= rng()) k++;
  return k;
}
