/**
 * Every cached read's key, in one table: a feature that changes data invalidates another
 * feature's reads by these keys (a generation makes History's lists stale, a settings change the
 * cache figures). Keys are hierarchical: invalidating ['runs'] covers every list and detail.
 */
import type { RangeId } from '../dashboard/ranges';

/** History's runs: those of a workshop or those a search finds. */
export interface RunSearch {
  workshopId: string | null;
  text: string;
}

/** What a delete confirmation counts: a whole workshop or one run. */
export type DeletionTarget = { workshopId: string } | { runId: string };

export const queryKeys = {
  /** The core's version, engines and the current workshop (where new runs go). */
  appInfo: ['app', 'info'],
  workshops: {
    all: ['workshops'],
    /** Every workshop, archived ones included: screens hide those they should. */
    list: ['workshops', 'list'],
  },
  /** What a delete would remove, asked afresh each time a confirmation opens. */
  deletionPreview: (target: DeletionTarget) => ['deletion', 'preview', target],
  personas: {
    history: (personaId: string) => ['personas', 'history', personaId],
  },
  runs: {
    all: ['runs'],
    lists: ['runs', 'list'],
    list: (search: RunSearch | null) => ['runs', 'list', search],
    detail: (runId: string) => ['runs', 'detail', runId],
    /** The executive summary of a run's personas: under the run's keys, so forgetting the run forgets it. */
    summary: (runId: string) => ['runs', 'summary', runId],
  },
  briefReading: (brief: unknown) => ['brief', 'reading', brief],
  settings: ['settings'],
  cache: {
    all: ['cache'],
    stats: ['cache', 'stats'],
  },
  monitor: {
    live: ['monitor', 'live'],
    history: (range: RangeId) => ['monitor', 'history', range],
    traces: ['monitor', 'traces'],
    suggestions: ['monitor', 'suggestions'],
  },
  alerts: ['alerts'],
  tuner: {
    all: ['tuner'],
    timeline: ['tuner', 'timeline'],
    audit: (limit: number) => ['tuner', 'audit', limit],
  },
  /** Issue 23: engine profiles, efficiency and anomalies per range; optimizations and the tuned layer. */
  insight: {
    all: ['insight'],
    engines: (rangeMs: number) => ['insight', 'engines', rangeMs],
    efficiency: (rangeMs: number) => ['insight', 'efficiency', rangeMs],
    anomalies: ['insight', 'anomalies'],
    optimizations: ['insight', 'optimizations'],
    tuned: ['insight', 'tuned'],
  },
  scheduler: ['scheduler', 'status'],
  recovery: ['recovery'],
  /** What the personas of a run were asked: all under the run, so deleting the run drops them at once. */
  asking: {
    all: ['asking'],
    run: (runId: string) => ['asking', 'run', runId],
    interviews: (runId: string) => ['asking', 'run', runId, 'interviews'],
    interview: (runId: string, interviewId: string) => ['asking', 'run', runId, 'interview', interviewId],
    focusGroups: (runId: string) => ['asking', 'run', runId, 'focus-groups'],
    conceptTests: (runId: string) => ['asking', 'run', runId, 'concept-tests'],
    /** History's search through interviews of every run. */
    searches: ['asking', 'search'],
    search: (text: string) => ['asking', 'search', text],
  },
} as const;

export const mutationKeys = {
  regenerate: (runId: string, personaId: string) => ['personas', 'regenerate', runId, personaId],
  fillGap: (runId: string) => ['personas', 'fill-gap', runId],
  acknowledgeAlert: ['alerts', 'acknowledge'],
  setTunerEnabled: ['tuner', 'set-enabled'],
  applySuggestion: ['suggestions', 'apply'],
  optimization: ['optimization'],
  resetTuning: ['tuning', 'reset'],
  /** A question or concept test running for a run: one at a time per kind, and the forms ask whether one is. */
  interviewAsk: (runId: string) => ['asking', 'interview', runId],
  focusGroupAsk: (runId: string) => ['asking', 'focus-group', runId],
  conceptTest: (runId: string) => ['asking', 'concept', runId],
} as const;
