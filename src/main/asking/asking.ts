/**
 * Asking the personas of a run: interviews, focus groups and concept tests, answered by the built-in
 * engine (from the persona's own profile and the brief) or by an LLM (streamed, through the
 * scheduler, cached). The one door the transports (IPC, CLI) and the reports go through.
 */
import type { ConceptTest, FocusGroup, Interview } from '../../shared/conversations';
import type { TieredCache } from '../cache';
import type { ChatProvider } from '../providers';
import type { Scheduler } from '../scheduler';
import type { WorkshopStore } from '../workshops';
import type { AnswerTimings, EngineDeps } from './answer-engine';
import { Interviews } from './interviews';
import { Panels } from './panels';

export interface AskingDeps {
  store: WorkshopStore;
  /** The LLM engines by id (ollama, openai, gemini); `offline` is the built-in engine, always there. */
  providers: ReadonlyMap<string, ChatProvider>;
  /** The engine a question uses when it names none (settings' choice, read at each question). */
  defaultProviderId: () => string;
  scheduler: Scheduler;
  cache: TieredCache;
  /** Times each answer (the monitor). */
  timings?: AnswerTimings;
  /** The app's version, part of every answer's cache key. */
  version?: string;
}

/** What a run's report shows of what was asked. */
export interface RunConversations {
  interviews: Interview[];
  focusGroups: FocusGroup[];
  conceptTests: ConceptTest[];
}

export class Asking {
  readonly interviews: Interviews;
  /** Focus groups and concept tests. */
  readonly panels: Panels;

  constructor(deps: AskingDeps) {
    const engine: EngineDeps = { scheduler: deps.scheduler, cache: deps.cache, timings: deps.timings, version: deps.version ?? 'dev' };
    const shared = { store: deps.store, cache: deps.cache, providers: deps.providers, defaultProviderId: deps.defaultProviderId, engine };
    this.interviews = new Interviews(shared);
    this.panels = new Panels(shared);
  }

  /** Every interview, focus group and concept test of a run, for its report and exports; empty lists for a run without any. */
  ofRun(runId: string): RunConversations {
    return { interviews: this.interviews.ofRun(runId), focusGroups: this.panels.listGroups(runId), conceptTests: this.panels.listTests(runId) };
  }
}
