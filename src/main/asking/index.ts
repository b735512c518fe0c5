/**
 * The asking module: interviews, focus groups and concept tests of a run's personas, answered by
 * the built-in engine (drawn from the profile) or streamed from an LLM, stored in app.db (its tables
 * are made by the one migration list of app.db, in workshops/migrations.ts).
 * Its whole public surface; docs/ARCHITECTURE.md says what it may import.
 */
export { Asking } from './asking';
export type { AskingDeps, RunConversations } from './asking';
export type { AnswerTiming, AnswerTimings } from './answer-engine';
export type { AskInInterview, Interviews, OnToken } from './interviews';
export type { PanelRequest, Panels } from './panels';
export type { Concept } from './concept-verdicts';
// For the set summary (src/main/summarizing): the focus group's words, stems and sentences, and one model call through the scheduler.
export { contentStems, sentencesOf, wordsOf } from './offline';
export { streamFrom } from './answer-engine';
