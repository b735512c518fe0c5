/**
 * What the user does with their work: list and read runs, edit a persona (checked against its
 * run's level), write one more persona or a replacement. The transports (IPC, CLI) call these and
 * nothing else; every refusal is an AppError that says what is wrong.
 */
import { briefInputSchema, type ParsedBrief } from '../../shared/brief';
import { PERSONA_SCHEMAS, type Persona } from '../../shared/persona';
import type { RunDetail, RunSummary, WorkshopSummary } from '../../shared/workshop';
import type { GenerationOptions, GenerationResult } from '../generation';
import { AppError } from '../platform';
import type { WorkshopStore } from './workshop-store';

export type Generate = (brief: ParsedBrief, options?: GenerationOptions) => Promise<GenerationResult>;

export interface NewPersonaRequest {
  runId: string;
  /** Replace this persona of the run (the one before is kept as an edit); absent, the new one is added. */
  replacePersonaId?: string;
  /** An age band to fill, for a gap in the run's coverage. */
  ageRange?: [number, number];
}

export class Workshops {
  constructor(
    private readonly store: WorkshopStore,
    private readonly generate: Generate,
  ) {}

  list(): WorkshopSummary[] {
    return this.store.listWorkshops();
  }

  create(name: string): WorkshopSummary {
    return this.store.createWorkshop(name);
  }

  defaultWorkshopId(): string {
    return this.store.defaultWorkshopId();
  }

  listRuns(workshopId: string, limit?: number): RunSummary[] {
    if (!this.store.getWorkshop(workshopId)) throw new AppError('not_found', `No workshop has the id ${workshopId}.`, 'workshopId');
    return this.store.listRuns(workshopId, limit);
  }

  getRun(runId: string): RunDetail {
    const run = this.store.getRun(runId);
    if (!run) throw new AppError('not_found', `No run has the id ${runId}.`, 'runId');
    return run;
  }

  searchRuns(query: string, limit?: number): RunSummary[] {
    return this.store.searchRuns(query.trim(), limit);
  }

  /** Saves an edited persona when it is valid at its run's level; the version before is kept. */
  editPersona(personaId: string, persona: unknown): { persona: Persona; edits: number } {
    const stored = this.store.getPersona(personaId);
    if (!stored) throw new AppError('not_found', `No persona has the id ${personaId}.`, 'personaId');
    const level = this.store.getRunSummary(stored.runId)!.level;
    const parsed = PERSONA_SCHEMAS[level].safeParse(persona);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError('invalid_request', `The edited persona's ${issue.path.join('.') || 'content'} ${issue.message}; nothing was saved.`, `persona.${issue.path.join('.')}`);
    }
    this.store.editPersona(personaId, parsed.data);
    const saved = this.store.getPersona(personaId)!;
    return { persona: saved.persona, edits: saved.edits };
  }

  /** Writes one persona for the run's brief with a fresh seed, then adds it or replaces the one named. */
  async newPersona(request: NewPersonaRequest): Promise<{ persona: Persona }> {
    const { runId, replacePersonaId, ageRange } = request;
    const run = this.store.getRun(runId);
    if (!run || !run.document) throw new AppError('not_found', `No run with personas has the id ${runId}.`, 'runId');
    const replaced = replacePersonaId ? run.document.personas.find((p) => p.id === replacePersonaId) : undefined;
    if (replacePersonaId && !replaced) throw new AppError('not_found', `The run has no persona with the id ${replacePersonaId}.`, 'replacePersonaId');
    // A fresh seed: the run's own would write the same first persona again.
    const { seed: _seed, ...brief } = run.brief;
    const result = await this.generate(briefInputSchema.parse({ ...brief, count: 1, ...(ageRange ? { ageRange } : {}) }), {
      workshopId: run.workshopId,
      providerId: run.provider,
      persist: false,
      exclude: run.document.personas.map((p) => p.name),
      priority: 'medium',
    });
    const persona = result.document.personas[0]!;
    if (replaced?.id) {
      this.store.editPersona(replaced.id, persona);
      return { persona: this.store.getPersona(replaced.id)!.persona };
    }
    this.store.addPersona(runId, persona);
    return { persona };
  }
}
