/**
 * The built-in engine's side of asking: interview answers, focus-group summaries and concept
 * verdicts composed only from the persona's profile and the brief, pure and deterministic for a seed.
 */
export { answerFromProfile } from './answer';
export { judgeConcept } from './concept';
export type { ConceptJudgement, Reason } from './concept';
export { summarizeConcept, SEGMENT_DIFFERENCE } from './concept-summary';
export { summarizeAnswers, stanceOf } from './focus-group';
export { contentStems, sentencesOf, wordsOf } from './words';
export type { GroupAnswer } from './focus-group';
export { classify, INTENTS, type Intent } from './intent';
export { COMPANY_LIMITS, INCOME_LIMITS, parsePrice } from './price';
export type { Price } from './price';
export { offerOf } from './profile';
export type { AskContext, ComposedAnswer } from './types';
