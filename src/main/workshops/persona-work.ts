/**
 * What the user does to a persona: edit it (checked against its run's level), write one more or a
 * replacement, delete it, see its versions, restore one or undo the last edit. Every refusal is an
 * AppError that says what is wrong.
 */
import { briefInputSchema, type ParsedBrief } from '../../shared/brief';
import { PERSONA_SCHEMAS, type Persona } from '../../shared/persona';
import type { PersonaVersion } from '../../shared/workshop';
import type { GenerationOptions, GenerationResult } from '../generation';
import { AppError } from '../platform';
import { personaVersions } from './persona-history';
import type { StoredPersona } from './persona-rows';
import type { WorkshopStore } from './workshop-store';

export type Generate = (brief: ParsedBrief, options?: GenerationOptions) => Promise<GenerationResult>;

export interface NewPersonaRequest {
  runId: string;
  /** Replace this persona of the run (the one before is kept as an edit); absent, the new one is added. */
  replacePersonaId?: string;
  /** An age band to fill, for a gap in the run's coverage. */
  ageRange?: [number, number];
}

/** A persona as it is now, and how many edits it has had. */
export interface PersonaState {
  persona: Persona;
  edits: number;
}

export class PersonaWork {
  constructor(
    private readonly store: WorkshopStore,
    private readonly generate: Generate,
    /** Purges the generation cache entries a run came from (they hold its personas as first written). */
    private readonly purgeRunCache: (runId: string) => void,
  ) {}

  /** Saves an edited persona when it is valid at its run's level; the version before is kept. */
  edit(personaId: string, persona: unknown): PersonaState {
    const stored = this.find(personaId);
    const level = this.store.getRunSummary(stored.runId)!.level;
    const parsed = PERSONA_SCHEMAS[level].safeParse(persona);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError('invalid_request', `The edited persona's ${issue.path.join('.') || 'content'} ${issue.message}; nothing was saved.`, `persona.${issue.path.join('.')}`);
    }
    this.store.editPersona(personaId, parsed.data, 'edit');
    return this.state(personaId);
  }

  /** Writes one persona for the run's brief with a fresh seed, then adds it or replaces the one named (a regeneration, kept in the history). */
  async generateOne(request: NewPersonaRequest): Promise<{ persona: Persona }> {
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
    // The run or the persona may have been deleted while the new one was written.
    if (replaced?.id) {
      if (!this.store.getPersona(replaced.id)) throw new AppError('not_found', 'The persona was deleted while its replacement was being written; nothing was saved.', 'replacePersonaId');
      this.store.editPersona(replaced.id, persona, 'regenerate');
      return { persona: this.store.getPersona(replaced.id)!.persona };
    }
    if (!this.store.getRunSummary(runId)) throw new AppError('not_found', 'The run was deleted while the new persona was being written; nothing was saved.', 'runId');
    this.store.addPersona(runId, persona);
    return { persona };
  }

  /** Deletes one persona and its edits from its run (the others keep their order), and the cached generation that holds it. */
  delete(personaId: string): { runId: string; remaining: number } {
    const stored = this.find(personaId);
    this.purgeRunCache(stored.runId);
    return this.store.deletePersona(personaId)!;
  }

  /** Every version, the original first. */
  history(personaId: string): PersonaVersion[] {
    return personaVersions(this.find(personaId), this.store.personaEdits(personaId));
  }

  /** Makes an earlier version the current one, as a new edit of kind "restore" (so it can be undone in turn). */
  restore(personaId: string, version: number): PersonaState {
    const versions = this.history(personaId);
    const wanted = versions[version];
    if (!wanted) throw new AppError('not_found', `The persona has no version ${version}; its versions are 0 to ${versions.length - 1}.`, 'version');
    if (version === versions.length - 1) throw new AppError('invalid_request', `Version ${version} is the current one; there is nothing to restore.`, 'version');
    this.store.editPersona(personaId, wanted.persona, 'restore');
    return this.state(personaId);
  }

  /** Takes the last edit back: the persona returns to the version before it, and the edit leaves the history. */
  undo(personaId: string): PersonaState {
    this.find(personaId);
    if (!this.store.undoEdit(personaId)) throw new AppError('invalid_request', 'The persona has not been edited; there is nothing to undo.', 'personaId');
    return this.state(personaId);
  }

  private find(personaId: string): StoredPersona {
    const stored = this.store.getPersona(personaId);
    if (!stored) throw new AppError('not_found', `No persona has the id ${personaId}.`, 'personaId');
    return stored;
  }

  private state(personaId: string): PersonaState {
    const saved = this.store.getPersona(personaId)!;
    return { persona: saved.persona, edits: saved.edits };
  }
}
