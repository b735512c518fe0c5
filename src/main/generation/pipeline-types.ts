/** The pipeline's surface: what a run is asked, what it returns, how it fails, what it needs. */
import type { PersonaDocument, ReportIssue } from '../../shared/persona';
import type { ProgressPhase, RunSummary } from '../../shared/workshop';
import type { TieredCache } from '../cache';
import { AppError } from '../platform';
import type { CultureSource, LlmProvider } from '../providers';
import type { Priority, Scheduler } from '../scheduler';
import type { ValidationStats } from '../validation';
import type { TasteDataset } from '../world';
import type { BatchSizeControl } from './batch-size';
import type { Fallback } from './batched-generation';
import type { GenerationTimings } from './eta-history';
import type { PhaseTimes } from './phase-timeline';
import type { RunStore } from './run-record';

export interface GenerationOptions {
  workshopId?: string;
  providerId?: string;
  signal?: AbortSignal;
  /** etaMs: time left as estimated from the engine's past runs and this run's pace; null until there is a basis. */
  onProgress?: (phase: ProgressPhase, done: number, total: number, etaMs: number | null) => void;
  /** high for the user's current generation (the default), medium for regenerations. */
  priority?: Priority;
  /** false for a persona made to add to or replace in an existing run: it is not a run of its own. */
  persist?: boolean;
  /** Names the new personas must not take (those already in the run). */
  exclude?: readonly string[];
}

export interface GenerationResult {
  run: RunSummary;
  document: PersonaDocument;
  /** The personas came from the cache: the same brief and seed were generated before. */
  fromCache: boolean;
  /** Some personas were written by the offline engine because the provider failed; each is marked in meta.source. */
  fallback?: Fallback;
}

export type GenerationErrorCode = 'cancelled' | 'not_found' | 'generation_failed';

export class GenerationError extends AppError {
  override name = 'GenerationError';
  constructor(
    override readonly code: GenerationErrorCode,
    message: string,
    readonly issues: ReportIssue[] = [],
    field?: string,
  ) {
    super(code, message, field);
  }
}

/** A finished generation, as the monitor records it. */
export interface FinishedRun {
  provider: string;
  outcome: RunSummary['status'];
  fromCache: boolean;
  totalMs: number;
  phases: PhaseTimes;
  /** Personas asked of the engine (0 for a run from the cache), delivered, and written by the offline engine instead. */
  asked?: number;
  delivered?: number;
  fallbackPersonas?: number;
  /** The run's answers through validation, for the engine's own success, repair and fill rates. */
  validation?: RunValidation;
  /** Times to the first token of the run's streamed calls. */
  firstTokenMs?: number[];
}

/** Answers validated in one run: those that gave a document, and the personas among them repaired or filled. */
export interface RunValidation {
  answers: number;
  succeeded: number;
  personas: number;
  repaired: number;
  filled: number;
}

export interface TraceSink {
  record(run: FinishedRun): void;
}

export interface PipelineDeps {
  store: RunStore;
  providers: ReadonlyMap<string, LlmProvider>;
  /** The provider a run uses when it names none (from settings, so a change applies to the next run). */
  defaultProviderId: () => string;
  culture: CultureSource;
  dataset: () => TasteDataset;
  validationStats: ValidationStats;
  /** Whole generations by canonical brief and seed; absent, every run generates. */
  cache?: TieredCache;
  /** The app's version, part of every generation key: a new engine or dataset never serves old personas. */
  version?: string;
  /** Runs every call to a remote provider; the offline engine is the fallback. */
  scheduler: Scheduler;
  offline: LlmProvider;
  traces?: TraceSink;
  /** The auto-tuner's cap on personas per call, read as each run asks; absent, only the provider's own limit. */
  batchSize?: BatchSizeControl;
  /** Past runs' timings per engine and model, for the time left each progress event carries; absent, etaMs is null. */
  timings?: GenerationTimings;
}
