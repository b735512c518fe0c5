/**
 * What every question starts from, checked before anything is asked or saved: the run (it exists and
 * has personas), the personas asked (each of this run), the engine (the one named, else the one
 * chosen in settings) and the question itself. Each refusal is an AppError that names the field and
 * says what to do.
 */
import { conceptInputSchema, questionSchema } from '../../shared/conversations';
import type { Brief, Persona } from '../../shared/persona';
import { AppError } from '../platform';
import type { ChatProvider } from '../providers';
import type { WorkshopStore } from '../workshops';
import { NoAnswer, type Engine } from './answer-engine';
import type { Concept } from './concept-verdicts';

export type RunPersona = Persona & { id: string };

export interface RunContext {
  runId: string;
  brief: Brief;
  /** The run's seed (0 for a run saved without one): with the persona and the question, an answer's seed. */
  runSeed: number;
  personas: RunPersona[];
}

export function runContext(store: WorkshopStore, runId: string): RunContext {
  const run = store.getRun(runId);
  if (!run) throw new AppError('not_found', `No run has the id ${runId}.`, 'runId');
  const personas = (run.document?.personas ?? []).filter((p): p is RunPersona => typeof p.id === 'string');
  if (personas.length === 0) throw new AppError('invalid_request', `The run "${run.title}" has no personas to ask; generate personas for it first.`, 'runId');
  return { runId, brief: run.brief, runSeed: run.seed ?? 0, personas };
}

/** The personas named, in the order named (all of the run's when none are); each must be one of the run's. */
export function chosenPersonas(store: WorkshopStore, run: RunContext, personaIds: readonly string[] | undefined, field = 'personaIds'): RunPersona[] {
  if (!personaIds) return run.personas;
  const byId = new Map(run.personas.map((p) => [p.id, p]));
  const chosen: RunPersona[] = [];
  for (const id of new Set(personaIds)) {
    const persona = byId.get(id);
    if (!persona) throw notInRun(store, run.runId, id, field);
    chosen.push(persona);
  }
  return chosen;
}

export function notInRun(store: WorkshopStore, runId: string, personaId: string, field: string): AppError {
  const stored = store.getPersona(personaId);
  if (!stored) return new AppError('not_found', `No persona has the id ${personaId}.`, field);
  return new AppError('invalid_request', `The persona ${stored.persona.name} (${personaId}) belongs to another run, not to ${runId}; ask the personas of the run you have open.`, field);
}

export function engineFor(providers: ReadonlyMap<string, ChatProvider>, providerId: string): Engine {
  if (providerId === 'offline') return { kind: 'offline' };
  const provider = providers.get(providerId);
  if (!provider) throw new AppError('invalid_request', `No engine is called ${providerId}; choose one of offline, ${[...providers.keys()].join(', ')}.`, 'providerId');
  return { kind: 'model', provider };
}

export function checkedQuestion(question: string): string {
  const parsed = questionSchema.safeParse(question);
  if (!parsed.success) throw new AppError('invalid_request', `The question ${parsed.error.issues[0]!.message}.`, 'question');
  return parsed.data;
}

export function checkedConcept(concept: Concept): Concept {
  const parsed = conceptInputSchema.safeParse(concept);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'text';
    throw new AppError('invalid_request', `The concept's ${field === 'price' ? 'price' : 'text'} ${issue.message}.`, `concept.${field}`);
  }
  return parsed.data;
}

/** Nothing arrived from the engine: cancelled, or a failure the user can retry; nothing is saved either way. */
export function nothingSaved(error: unknown): unknown {
  if (!(error instanceof NoAnswer)) return error;
  if (error.cancelled) return new AppError('cancelled', 'The question was cancelled before any answer arrived; nothing was saved.');
  return new AppError('generation_failed', `${sentence(error.message)} Nothing was saved: ask again, or choose the built-in engine, which answers from the profile.`);
}

/** Text ending with one full stop. */
function sentence(text: string): string {
  return `${text.trim().replace(/[.\s]+$/, '')}.`;
}

/** A conversation's title from its first question: its first line, cut at a word near 60 characters. */
export function titleFrom(question: string): string {
  const line = question.split('\n')[0]!.trim();
  if (line.length <= 60) return line;
  const cut = line.slice(0, 61);
  const space = cut.lastIndexOf(' ');
  return `${(space > 30 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** app.db's WAL folded into the file and emptied after a delete, so the deleted pages are not left readable there. */
export function emptyWal(store: WorkshopStore): void {
  const [result] = store.database.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  if (result?.busy !== 0) console.warn('[asking] another program was reading app.db, so its WAL could not be emptied after a delete; it is emptied at the next checkpoint.');
}
