/**
 * Interviews: a conversation with one persona of a run. Asking starts one (titled from the first
 * question) or continues one; the answer streams to `onToken`; the turn is saved only once the
 * answer is in (whole, or cut with what arrived), with the interview in one transaction, so a bad
 * request, a cancel before the first token or a failure leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import type { Interview, InterviewSummary, InterviewTurn } from '../../shared/conversations';
import { AppError } from '../platform';
import type { TieredCache } from '../cache';
import type { ChatProvider } from '../providers';
import type { WorkshopStore } from '../workshops';
import { answerOne, type EngineDeps } from './answer-engine';
import { InterviewRows } from './interview-rows';
import { checkedQuestion, emptyWal, engineFor, notInRun, nothingSaved, runContext, titleFrom } from './run-context';

/** A piece of an answer as it is written, for the persona who is answering. */
export type OnToken = (token: { personaId: string; text: string }) => void;

export interface AskInInterview {
  runId: string;
  personaId: string;
  /** Absent, a new interview starts; present, it goes on. */
  interviewId?: string | undefined;
  question: string;
  providerId?: string | undefined;
  signal?: AbortSignal | undefined;
  onToken?: OnToken | undefined;
}

export interface InterviewsDeps {
  store: WorkshopStore;
  cache: TieredCache;
  providers: ReadonlyMap<string, ChatProvider>;
  defaultProviderId: () => string;
  engine: EngineDeps;
}

export class Interviews {
  private readonly rows: InterviewRows;

  constructor(private readonly deps: InterviewsDeps) {
    this.rows = new InterviewRows(deps.store.database);
  }

  list(runId: string): InterviewSummary[] {
    if (!this.deps.store.getRunSummary(runId)) throw new AppError('not_found', `No run has the id ${runId}.`, 'runId');
    return this.rows.list(runId);
  }

  get(interviewId: string): Interview {
    return { ...this.summary(interviewId), history: this.rows.turns(interviewId) };
  }

  async ask(request: AskInInterview): Promise<{ interview: InterviewSummary; turn: InterviewTurn }> {
    const question = checkedQuestion(request.question);
    const run = runContext(this.deps.store, request.runId);
    const persona = run.personas.find((p) => p.id === request.personaId);
    if (!persona) throw notInRun(this.deps.store, request.runId, request.personaId, 'personaId');
    const engine = engineFor(this.deps.providers, request.providerId ?? this.deps.defaultProviderId());
    const earlier = request.interviewId ? this.continuing(request.interviewId, request.runId, request.personaId) : [];
    const askedAt = new Date().toISOString();
    const { answer, cacheKey } = await answerOne(
      engine,
      {
        persona,
        brief: run.brief,
        runSeed: run.runSeed,
        question,
        history: earlier.map((turn) => ({ question: turn.question, answer: turn.answer.text })),
        signal: request.signal ?? new AbortController().signal,
        onToken: (text) => request.onToken?.({ personaId: persona.id, text }),
      },
      this.deps.engine,
    ).catch((error: unknown) => {
      throw nothingSaved(error);
    });
    const turn: InterviewTurn = { id: randomUUID(), question, askedAt, answer };
    const interviewId = request.interviewId ?? randomUUID();
    try {
      if (request.interviewId) this.rows.continue(interviewId, { ...turn, cacheKey }, new Date());
      else this.rows.start({ id: interviewId, runId: run.runId, personaId: persona.id, title: titleFrom(question) }, { ...turn, cacheKey }, new Date());
    } catch (error) {
      // The run, the persona or the interview went while the answer was being written.
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new AppError('not_found', 'The run, the persona or the interview was deleted while the answer was being written; nothing was saved.', request.interviewId ? 'interviewId' : 'personaId');
      throw error;
    }
    return { interview: this.summary(interviewId), turn };
  }

  rename(interviewId: string, title: string): InterviewSummary {
    const trimmed = title.trim();
    if (trimmed === '' || trimmed.length > 200) throw new AppError('invalid_request', 'The title must be 1 to 200 characters.', 'title');
    if (!this.rows.rename(interviewId, trimmed, new Date())) throw notFound(interviewId);
    return this.summary(interviewId);
  }

  /** Deletes an interview for good: its answers' cache entries, its rows, and the pages they were in. */
  delete(interviewId: string): { deleted: boolean } {
    this.summary(interviewId);
    this.deps.cache.purge(this.rows.cacheKeys(interviewId));
    this.rows.delete(interviewId);
    emptyWal(this.deps.store);
    return { deleted: true };
  }

  /** Interviews of every run whose title, questions or answers hold `query`. */
  search(query: string, limit = 50): InterviewSummary[] {
    const trimmed = query.trim();
    return trimmed === '' ? [] : this.rows.search(trimmed, limit);
  }

  /** Every interview of a run with its turns, the one last continued first (for reports). */
  ofRun(runId: string): Interview[] {
    return this.rows.list(runId).map((summary) => ({ ...summary, history: this.rows.turns(summary.id) }));
  }

  private continuing(interviewId: string, runId: string, personaId: string): InterviewTurn[] {
    const summary = this.summary(interviewId);
    if (summary.runId !== runId || summary.personaId !== personaId) {
      throw new AppError('invalid_request', `The interview "${summary.title}" is with ${summary.personaName} of run ${summary.runId}; continue it with that persona and run, or start a new interview.`, 'interviewId');
    }
    return this.rows.turns(interviewId);
  }

  private summary(interviewId: string): InterviewSummary {
    const summary = this.rows.summary(interviewId);
    if (!summary) throw notFound(interviewId);
    return summary;
  }
}

function notFound(interviewId: string): AppError {
  return new AppError('not_found', `No interview has the id ${interviewId}.`, 'interviewId');
}
