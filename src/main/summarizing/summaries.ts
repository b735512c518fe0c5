/**
 * `core.summaries`: a run's executive summary, composed from its set, stored in app.db by run and
 * the digest of the set, and served from there while the set is unchanged. For a run an LLM
 * generated, that engine writes the prose over the grouped facts; when it cannot, the composed
 * prose stands in and says why (and the model is tried again after a while, not at every read).
 */
import { createHash } from 'node:crypto';
import type { Brief } from '../../shared/persona';
import type { SetSummary } from '../../shared/summary';
import { AppError } from '../platform';
import type { ChatProvider } from '../providers';
import type { Scheduler } from '../scheduler';
import type { WorkshopStore } from '../workshops';
import { composeSummary } from './compose';
import { checkedNumbers, proseFromModel, proseRequest } from './model-prose';
import { SummaryRows } from './summary-rows';
import type { SetPersona } from './themes';

export interface SummariesDeps {
  store: WorkshopStore;
  /** The LLM engines by id (ollama, openai, gemini): the one that generated a run writes its prose. */
  providers: ReadonlyMap<string, ChatProvider>;
  scheduler: Scheduler;
  /** The brief's offer in a few words, as the brief analysis reads it; default "the offer". */
  offerOf?: (brief: Brief) => string;
  /** The longest a model may take over the prose before the composed prose stands in. */
  modelTimeoutMs?: number;
  now?: () => Date;
}

/** Bumped when the composition changes, so stored summaries are made again. */
const COMPOSER_VERSION = 5;
const DEFAULT_MODEL_TIMEOUT_MS = 120_000;
/** A summary whose model failed is served as it is for this long, then the model is asked again. */
const RETRY_MODEL_AFTER_MS = 10 * 60_000;

export class Summaries {
  private readonly rows: SummaryRows;
  /** One composition per run and set at a time: two windows asking at once share one model call. */
  private readonly inFlight = new Map<string, Promise<SetSummary>>();

  constructor(private readonly deps: SummariesDeps) {
    this.rows = new SummaryRows(deps.store.database);
  }

  async ofRun(runId: string, signal?: AbortSignal): Promise<SetSummary> {
    const run = this.deps.store.getRun(runId);
    if (!run) throw new AppError('not_found', `No run has the id ${runId}; it may have been deleted.`, 'runId');
    const personas = (run.document?.personas ?? []).filter((p): p is SetPersona => typeof p.id === 'string');
    if (personas.length === 0) throw new AppError('invalid_request', `The run "${run.title}" has no personas to summarise${run.status === 'completed' ? '' : ` (it ${run.status === 'failed' ? 'failed' : 'was cancelled'})`}.`, 'runId');
    const provider = this.deps.providers.get(run.provider);
    const setHash = digest({ v: COMPOSER_VERSION, personas, brief: run.brief.description, engine: provider ? run.provider : 'grouped' });
    const stored = this.rows.get(runId, setHash);
    if (stored && !this.retryDue(stored.summary, stored.storedAt)) return stored.summary;
    const key = `${runId}\u0000${setHash}`;
    let work = this.inFlight.get(key);
    if (!work) {
      // The job belongs to no one caller: one who cancels stops waiting, the others (and the stored result) still get it.
      work = this.compose(runId, personas, run.brief, provider, setHash).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, work);
    }
    return untilCancelled(work, signal);
  }

  private retryDue(summary: SetSummary, storedAt: string): boolean {
    return summary.fallbackReason !== null && this.now().getTime() - Date.parse(storedAt) > RETRY_MODEL_AFTER_MS;
  }

  private async compose(runId: string, personas: SetPersona[], brief: Brief, provider: ChatProvider | undefined, setHash: string): Promise<SetSummary> {
    const offer = this.offer(brief);
    const { summary, groups } = composeSummary({ runId, personas, offer, now: this.now() });
    let result = summary;
    if (provider) {
      const timeoutMs = this.deps.modelTimeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS;
      const timeout = AbortSignal.timeout(timeoutMs);
      const request = proseRequest(summary, groups, personas, brief);
      const written = checkedNumbers(await proseFromModel(provider, request, this.deps.scheduler, timeout), request);
      if ('prose' in written) result = { ...summary, method: 'model', writtenBy: `${provider.id} · ${written.model}`, prose: written.prose };
      else {
        // streamFrom words a failure as "<engine> could not answer: …"; the reason below names the engine once.
        const why = timeout.aborted ? `it took longer than ${Math.round(timeoutMs / 1000)} s` : written.problem.replace(`${provider.label} could not answer: `, '');
        result = { ...summary, fallbackReason: `${provider.label} (${provider.chatModel()}) could not write the summary: ${why}. The summary below is composed from the set's own fields.` };
      }
    }
    this.rows.put(runId, setHash, result, this.now());
    return result;
  }

  private offer(brief: Brief): string {
    try {
      return this.deps.offerOf?.(brief) ?? 'the offer';
    } catch {
      // A brief the analysis cannot read still gets its summary, with the offer unnamed.
      return 'the offer';
    }
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 32);
}

/** The job's result, or a cancelled AppError as soon as this caller's signal fires (the job goes on for the others). */
function untilCancelled<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  const cancelled = () => new AppError('cancelled', 'The summary was cancelled; it is still written for the Workshop and kept.');
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
