/** What a generation leaves behind, and where it goes: the workshops module's store implements RunStore. */
import type { TracePhase } from '../../shared/metrics';
import type { Brief, Level, Persona, ValidationReport } from '../../shared/persona';
import type { RunSummary, WorkshopSummary } from '../../shared/workshop';

export interface NewRun {
  workshopId: string;
  brief: Brief;
  status: RunSummary['status'];
  provider: string;
  level: Level;
  count: number;
  seed: number | null;
  startedAt: string;
  durationMs: number;
  qualityScore: number | null;
  report: ValidationReport | null;
  error: string | null;
  /** Each persona must carry its id; they are stored in this order. */
  personas: readonly Persona[];
  /** Milliseconds per phase of the generation, for the report's appendix. */
  phases?: Partial<Record<TracePhase, number>>;
}

export interface RunStore {
  /** The workshop runs go to when the caller names none. */
  defaultWorkshopId(): string;
  getWorkshop(id: string): WorkshopSummary | undefined;
  /** Writes the run and its personas in one transaction. */
  saveRun(run: NewRun): RunSummary;
}
