/** Where a generation's time went, phase by phase: kept with the run and reported to the monitor. */
import type { TracePhase } from '../../shared/metrics';

export type PhaseTimes = Partial<Record<TracePhase, number>>;

export class PhaseTimeline {
  private readonly started = performance.now();
  private phaseStarted = this.started;
  private current: TracePhase | null = null;
  private readonly phases: PhaseTimes = {};

  /** Ends the current phase and starts `phase`. */
  enter(phase: TracePhase): void {
    this.close();
    this.current = phase;
  }

  /** Time spent repairing answers within the current phase, counted under 'repair' instead. */
  repaired(ms: number): void {
    this.phases.repair = (this.phases.repair ?? 0) + ms;
    this.phaseStarted += ms;
  }

  finish(): { totalMs: number; phases: PhaseTimes } {
    this.close();
    this.current = null;
    return { totalMs: performance.now() - this.started, phases: { ...this.phases } };
  }

  private close(): void {
    const now = performance.now();
    if (this.current) this.phases[this.current] = (this.phases[this.current] ?? 0) + (now - this.phaseStarted);
    this.phaseStarted = now;
  }
}
