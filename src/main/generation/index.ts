/**
 * The generation module: the pipeline: analyse, culture, generate in batches, validate, rewrite weak personas, record the run.
 * Its whole public surface; docs/ARCHITECTURE.md says what it may import.
 */
export { fidelityContextFor } from './fidelity-context';
export { GenerationPipeline } from './pipeline';
export { GenerationError } from './pipeline-types';
export type { FinishedRun, GenerationOptions, GenerationResult, PipelineDeps, RunValidation, TraceSink } from './pipeline-types';
export { BatchSizeControl } from './batch-size';
export { GenerationTimings } from './eta-history';
export type { TimingPrior } from './eta-history';
export { countryOfCity, repairContextFor } from './repair-context';
export type { RepairContext } from './repair-context';
export { titleFromBrief } from './run-record';
export type { NewRun } from './run-record';
export { repairAnswer } from './repair-answer';
export type { RepairAnswerOptions } from './repair-answer';
