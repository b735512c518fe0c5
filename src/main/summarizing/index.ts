/**
 * The summarizing module: the executive summary of a run's persona set (segments, shared needs and
 * pain points with counts and quotes, differences, implications, and prose over them, composed or
 * written by the run's LLM), stored in app.db (its table is made by app.db's one migration list, in
 * workshops/migrations.ts). Its whole public surface; docs/ARCHITECTURE.md says what it may import.
 */
export { Summaries } from './summaries';
export type { SummariesDeps } from './summaries';
export { composeSummary } from './compose';
export { lexiconMatches, minimumMembers } from './themes';
export type { SetPersona } from './themes';
export { statedLifeStage, NOT_STATED } from './life-stage';
export { THEME_LEXICON } from './theme-lexicon';
export { offerMask } from './offer-words';
export { readProse } from './model-prose';
