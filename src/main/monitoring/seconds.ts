/** Per-second points: the second in progress and the last 15 minutes, which the live view, alerts and tuner read. */
import type { CallEvent } from '../scheduler';
import { COUNTERS, SecondRing, zeroCounters, type SecondPoint, type WindowSummary } from './metric-series';

export class Seconds {
  private readonly ring = new SecondRing(RING_SECONDS);
  private point: SecondPoint;

  constructor(now: number) {
    this.point = emptySecond(now);
  }

  /** The second in progress: events count into it as they happen, the sampler fills the rest when it ends. */
  get open(): SecondPoint {
    return this.point;
  }

  /** Nothing counted in the second in progress. */
  get quiet(): boolean {
    return COUNTERS.every((name) => this.point.counters[name] === 0);
  }

  /** A finished generation; `timedMs` is its time when it counts toward response times. */
  countGeneration(failed: boolean, timedMs: number | null): void {
    this.point.counters.generations++;
    if (failed) this.point.counters.generationErrors++;
    if (timedMs !== null) this.point.generationMs.push(timedMs);
  }

  countCall(event: CallEvent): void {
    const counters = this.point.counters;
    counters.calls++;
    if (event.error) counters.callErrors++;
    if (event.error === 'timeout') counters.timeouts++;
  }

  /** Keeps the second in progress and opens the one starting at `now`. */
  next(now: number): void {
    this.ring.push(this.point);
    this.point = emptySecond(now);
  }

  /** The kept seconds at or after `since`, and the second in progress when `withOpen`. */
  window(since: number, withOpen = false): WindowSummary {
    return this.ring.window(since, withOpen ? this.point : undefined);
  }

  /** The last `n` kept seconds, by count: a late timer must not shrink the window. */
  lastSeconds(n: number): WindowSummary {
    return this.ring.lastSeconds(n);
  }

  latest(): SecondPoint | undefined {
    return this.ring.latest();
  }
}

const RING_SECONDS = 15 * 60;

function emptySecond(at: number): SecondPoint {
  return { at, counters: zeroCounters(), gauges: { limit: null, queued: null, cpuPercent: null, appCpuPercent: null, memoryPercent: null, rssMb: null, loopLagMs: null }, generationMs: [] };
}
