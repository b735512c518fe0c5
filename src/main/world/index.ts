/**
 * The world module: what the app knows offline (places, names, life stages, domains, the cultural dataset) and how a brief is read against it.
 * Its whole public surface; docs/ARCHITECTURE.md says what it may import.
 */
export { ageMismatches } from './age-cues';
export { AREAS } from './areas';
export { GENERIC_DOMAIN, incomeWithin, kindsOf } from './audience';
export type { Domain, LifeStage } from './audience';
export { analyzeBrief } from './brief-analysis';
export type { BriefAnalysis, WeightedCity } from './brief-analysis';
export type { CulturalCandidate, CulturalConstraints } from './cultural-constraints';
export { loadDataset } from './dataset';
export { definite, indefinite, nounPhrase, pluralVerb, shortName, type NounPhrase } from './noun-phrase';
export type { B2bFunction, Occupation, TasteDataset } from './dataset';
export { distanceKm } from './geo-distance';
export { SeededRandom, randomSeed } from './random';
export { capitalize, containsWordPrefix, fillTemplate, indefiniteArticle, lowerFirst, normalizeForMatch } from './text';
export { understandingLine, understandingOf } from './understanding';
export type { NameTradition, World } from './world';
