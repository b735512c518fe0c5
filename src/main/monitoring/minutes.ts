/** Per-minute rollups: this process's part of the minute in progress, the last day in memory, older minutes in app.db. */
import type { TracePhase } from '../../shared/metrics';
import type { EngineMinute } from './engine-minutes';
import type { MonitorStore } from './monitor-store';
import type { SecondPoint } from './metric-series';
import { MINUTE, MinuteAccumulator, type MinuteRollup } from './rollups';

/** The start of the minute `at` falls in. */
export function minuteOf(at: number): number {
  return Math.floor(at / MINUTE) * MINUTE;
}

export class Minutes {
  /** This process's part of the minute; app.db adds it to what others wrote for the same minute. */
  private current: MinuteAccumulator;
  /** The last 24 hours, oldest first; read from app.db on first use (a CLI export never needs them). */
  private recentLoaded: MinuteRollup[] | undefined;

  constructor(
    private readonly store: MonitorStore,
    private readonly now: () => number,
  ) {
    this.current = new MinuteAccumulator(minuteOf(now()));
  }

  /** Nothing counted or sampled in this process's part of the minute. */
  get empty(): boolean {
    return this.current.empty;
  }

  addSecond(point: SecondPoint): void {
    this.current.addSecond(point);
  }

  addTrace(totalMs: number, phases: Partial<Record<TracePhase, number>>): void {
    this.current.addTrace(totalMs, phases);
  }

  addCall(provider: string, ms: number): void {
    this.current.addCall(provider, ms);
  }

  /** One engine's figures in this process's part of the minute, to count into. */
  engine(provider: string): EngineMinute {
    return this.current.engines.of(provider);
  }

  /** Once `now` is in a new minute: stores the one that ended and starts the next; says whether it did. */
  rollOver(now: number): boolean {
    if (minuteOf(now) === this.current.minute) return false;
    const merged = this.store.putRollup(this.current.toRollup());
    // Not loaded yet: the first read takes the merged minute from app.db, so it must not be added twice.
    if (this.recentLoaded) {
      this.recentLoaded.push(merged);
      while (this.recentLoaded.length > 0 && this.recentLoaded[0]!.minute < now - DAY) this.recentLoaded.shift();
    }
    this.current = new MinuteAccumulator(minuteOf(now));
    return true;
  }

  /** Writes the minute so far: a restart within it carries on from there. */
  flush(): void {
    this.store.putRollup(this.current.toRollup());
  }

  /** Rollups in [from, to): the day in memory, older minutes from app.db, and the minute in progress with `open` in it. */
  between(from: number, to: number, open: SecondPoint): MinuteRollup[] {
    const recent = this.recent();
    const inMemory = recent.filter((r) => r.minute >= from && r.minute < to);
    const oldest = recent[0]?.minute ?? this.current.minute;
    const older = from < oldest ? this.store.rollups(from, Math.min(to, oldest)) : [];
    // The minute in progress: what other processes (or a session before a restart) wrote for it, plus ours.
    const minute = this.current.minute;
    const ours = MinuteAccumulator.of(minute, [this.current.toRollup()]);
    ours.addSecond(open);
    const current = minute >= from && minute <= to ? [...this.store.rollups(minute, minute + 1), ...(ours.empty ? [] : [ours.toRollup()])] : [];
    return [...older, ...inMemory, ...(current.length ? [MinuteAccumulator.of(minute, current).toRollup()] : [])];
  }

  private recent(): MinuteRollup[] {
    const now = this.now();
    return (this.recentLoaded ??= this.store.rollups(now - DAY, minuteOf(now)));
  }
}

const DAY = 24 * 60 * MINUTE;
