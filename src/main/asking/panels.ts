/**
 * Focus groups (one question to several personas of a run) and concept tests (each persona's
 * verdict on a concept). Everything is checked before the first persona is asked; the group or the
 * test is saved in one transaction once every answer is in. With the built-in engine the personas
 * answer in turn, each knowing what the ones before said (so none repeats another); an LLM is asked
 * for all of them at once, the scheduler deciding how many run together. A focus group keeps what
 * arrived when some answers fail or are cancelled midway (marked cut); a concept test is whole or
 * not saved. Summaries (themes, agreement, the distribution, segments) are made when read, from the
 * answers that remain, so a deleted persona's words leave the summary with it.
 */
import { randomUUID } from 'node:crypto';
import type { Answer, ConceptTest, FocusGroup } from '../../shared/conversations';
import { AppError } from '../platform';
import type { TieredCache } from '../cache';
import type { ChatProvider } from '../providers';
import type { WorkshopStore } from '../workshops';
import { answerOne, NoAnswer, type Answered, type EngineDeps } from './answer-engine';
import { judgeOne, type Concept, type Judged } from './concept-verdicts';
import type { OnToken } from './interviews';
import { summarizeAnswers, summarizeConcept } from './offline';
import { PanelRows, type GroupRow, type TestRow } from './panel-rows';
import { checkedConcept, checkedQuestion, chosenPersonas, emptyWal, engineFor, nothingSaved, runContext, type RunPersona } from './run-context';

export interface PanelRequest {
  runId: string;
  /** Some of the run's personas; absent, all of them. */
  personaIds?: readonly string[] | undefined;
  providerId?: string | undefined;
  signal?: AbortSignal | undefined;
  onToken?: OnToken | undefined;
}

export interface PanelsDeps {
  store: WorkshopStore;
  cache: TieredCache;
  providers: ReadonlyMap<string, ChatProvider>;
  defaultProviderId: () => string;
  engine: EngineDeps;
}

export class Panels {
  private readonly rows: PanelRows;

  constructor(private readonly deps: PanelsDeps) {
    this.rows = new PanelRows(deps.store.database);
  }

  // Focus groups

  async askGroup(request: PanelRequest & { question: string }): Promise<FocusGroup> {
    const question = checkedQuestion(request.question);
    const { run, personas, engine, signal } = this.prepare(request);
    const askedAt = new Date().toISOString();
    const ask = (persona: RunPersona, othersAnswers?: readonly string[]) =>
      answerOne(engine, { persona, brief: run.brief, runSeed: run.runSeed, question, history: [], ...(othersAnswers ? { othersAnswers } : {}), signal, onToken: (text) => request.onToken?.({ personaId: persona.id, text }) }, this.deps.engine);
    let outcomes: Array<PromiseSettledResult<Answered>>;
    if (engine.kind === 'offline') {
      outcomes = [];
      const said: string[] = [];
      for (const persona of personas) {
        const outcome = await ask(persona, [...said]).then((value) => ({ status: 'fulfilled' as const, value }), (reason: unknown) => ({ status: 'rejected' as const, reason }));
        if (outcome.status === 'fulfilled') said.push(outcome.value.answer.text);
        outcomes.push(outcome);
      }
    } else {
      outcomes = await Promise.allSettled(personas.map((persona) => ask(persona)));
    }
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    const other = failures.find((reason) => !(reason instanceof NoAnswer));
    if (other) throw other;
    // Nobody said anything: as for one question, nothing is saved.
    if (failures.length === outcomes.length) throw nothingSaved(failures[0]);
    const answers = outcomes.map((outcome, i) => ({ personaId: personas[i]!.id, ...(outcome.status === 'fulfilled' ? outcome.value : { answer: unanswered(outcome.reason as NoAnswer, engine.kind === 'offline' ? 'offline' : engine.provider.id), cacheKey: null }) }));
    const id = randomUUID();
    this.saving(() => this.rows.saveGroup({ id, runId: run.runId, question, askedAt }, answers));
    return this.focusGroup(this.rows.group(id)!);
  }

  listGroups(runId: string): FocusGroup[] {
    this.run(runId);
    return this.rows.groups(runId).map((row) => this.focusGroup(row));
  }

  deleteGroup(focusGroupId: string): { deleted: boolean } {
    if (!this.rows.group(focusGroupId)) throw new AppError('not_found', `No focus group has the id ${focusGroupId}.`, 'focusGroupId');
    return this.erase('group', focusGroupId);
  }

  // Concept tests

  async testConcept(request: PanelRequest & { concept: Concept }): Promise<ConceptTest> {
    const concept = checkedConcept(request.concept);
    const { run, personas, engine, signal } = this.prepare(request);
    const testedAt = new Date().toISOString();
    const judge = (persona: RunPersona) => judgeOne(engine, { persona, brief: run.brief, runSeed: run.runSeed, concept, signal }, this.deps.engine);
    let verdicts: Judged[];
    try {
      verdicts = await Promise.all(personas.map(judge));
      if (signal.aborted) throw new NoAnswer(true, 'Cancelled');
    } catch (error) {
      throw conceptFailure(error);
    }
    const id = randomUUID();
    this.saving(() => this.rows.saveTest({ id, runId: run.runId, concept, testedAt }, verdicts));
    return this.conceptTest(this.rows.test(id)!, run.personas);
  }

  listTests(runId: string): ConceptTest[] {
    const personas = this.personasOf(runId);
    return this.rows.tests(runId).map((row) => this.conceptTest(row, personas));
  }

  deleteTest(conceptTestId: string): { deleted: boolean } {
    if (!this.rows.test(conceptTestId)) throw new AppError('not_found', `No concept test has the id ${conceptTestId}.`, 'conceptTestId');
    return this.erase('test', conceptTestId);
  }

  private prepare(request: PanelRequest) {
    const run = runContext(this.deps.store, request.runId);
    const personas = chosenPersonas(this.deps.store, run, request.personaIds);
    const engine = engineFor(this.deps.providers, request.providerId ?? this.deps.defaultProviderId());
    return { run, personas, engine, signal: request.signal ?? new AbortController().signal };
  }

  private focusGroup(row: GroupRow): FocusGroup {
    const said = row.answers.filter((a) => a.answer.text.trim() !== '').map((a) => ({ personaId: a.personaId, personaName: a.personaName, text: a.answer.text, grounding: a.answer.grounding }));
    return { ...row, summary: summarizeAnswers(row.question, said) };
  }

  private conceptTest(row: TestRow, personas: readonly RunPersona[]): ConceptTest {
    const asked = new Set(row.verdicts.map((v) => v.personaId));
    return { ...row, summary: summarizeConcept(row.verdicts, personas.filter((p) => asked.has(p.id))) };
  }

  private personasOf(runId: string): RunPersona[] {
    return (this.run(runId).document?.personas ?? []).filter((p): p is RunPersona => typeof p.id === 'string');
  }

  private run(runId: string) {
    const run = this.deps.store.getRun(runId);
    if (!run) throw new AppError('not_found', `No run has the id ${runId}.`, 'runId');
    return run;
  }

  /** Saves, or says that the run or a persona went while the answers were being written. */
  private saving(save: () => void): void {
    try {
      save();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new AppError('not_found', 'The run or one of its personas was deleted while the answers were being written; nothing was saved.', 'runId');
      throw error;
    }
  }

  private erase(kind: 'group' | 'test', id: string): { deleted: boolean } {
    this.deps.cache.purge(this.rows.cacheKeys(kind, id));
    this.rows.delete(kind, id);
    emptyWal(this.deps.store);
    return { deleted: true };
  }
}

/** A persona that said nothing in a focus group: an empty answer marked cut, which the window offers to ask again. */
function unanswered(reason: NoAnswer, engine: string): Answer {
  return { text: '', cut: true, cutReason: reason.cancelled ? 'Cancelled before this persona answered.' : reason.message, grounding: [], source: { engine, model: null }, firstTokenMs: null, totalMs: 0, fromCache: false };
}

function conceptFailure(error: unknown): unknown {
  if (error instanceof NoAnswer && error.cancelled) return new AppError('cancelled', 'The concept test was cancelled; nothing was saved.');
  return nothingSaved(error);
}
