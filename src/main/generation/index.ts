export { fidelityContextFor } from './fidelity-context';
export { GenerationError, GenerationPipeline } from './pipeline';
export type { FinishedRun, GenerationOptions, GenerationResult, GenerationTuning, TraceSink } from './pipeline';
export { countryOfCity, repairContextFor } from './repair-context';
export type { RepairContext } from './repair-context';
export type { NewRun } from './run-record';
export { repairAnswer } from './repair-answer';
export type { RepairAnswerOptions } from './repair-answer';
