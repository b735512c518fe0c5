/**
 * The validation module: repair of any answer into a valid persona document, the fidelity scorer, validation statistics.
 * Its whole public surface; docs/ARCHITECTURE.md says what it may import.
 */
export type { FillContext } from './build-persona';
export { findContradictions } from './contradictions';
export type { Contradiction } from './contradictions';
export { scoreSet } from './fidelity';
export type { FidelityContext } from './fidelity';
export { NothingRecoverableError, appendRepair, repairPersonaDocument, topCulturalPicks } from './repair-persona-document';
export type { RepairOptions, RepairResult } from './repair-persona-document';
export { validateTemplate } from './validate-template';
export { ValidationStats } from './validation-stats';
export { readTinyPersonSpecs, toTinyPersonSpec } from './tinytroupe';
export type { ReadTinyPersonOptions } from './tinytroupe';
export { TINYTROUPE_EXTENSION_KEY, tinyPersonSpecSchema, tinyPersonaSchema } from './tinytroupe-spec';
export type { TinyPersona, TinyPersonSpec } from './tinytroupe-spec';
