/**
 * What the user does with their work: workshops (create, rename, switch, archive, delete), runs
 * (list, read, search, rename, move, duplicate, delete) and personas (edit, write one more, delete,
 * history, restore, undo). The transports (IPC, CLI) call these and nothing else; every refusal is
 * an AppError that says what is wrong and what to do.
 */
import type { Persona } from '../../shared/persona';
import type { DeletionPreview, PersonaVersion, RunDetail, RunSummary, WorkshopLogo, WorkshopSummary } from '../../shared/workshop';
import { AppError } from '../platform';
import type { AppRecovery } from './app-recovery';
import { checkedAccent, checkedLogo, toWorkshopLogo, type BrandingChange } from './branding';
import { Erasure, type Deleted, type DeletionTarget, type PurgeCached } from './erasure';
import { PersonaWork, type Generate, type NewPersonaRequest, type PersonaState } from './persona-work';
import type { WorkshopFields } from './workshop-rows';
import type { WorkshopStore } from './workshop-store';

export interface WorkshopsOptions {
  /** Purges generation cache entries (memory and cache.db) when the runs they hold are deleted; default: none to purge. */
  purgeCached?: PurgeCached;
  /** app.db's backups: a delete says how many still hold the data, and removes them when asked. */
  recovery?: AppRecovery;
}

export class Workshops {
  private readonly erasure: Erasure;
  private readonly personas: PersonaWork;

  constructor(
    private readonly store: WorkshopStore,
    generate: Generate,
    options: WorkshopsOptions = {},
  ) {
    this.erasure = new Erasure(store, options.purgeCached ?? (() => {}), options.recovery);
    this.personas = new PersonaWork(store, generate, (runId) => this.erasure.purgeRun(runId));
  }

  // Workshops

  /** Most recently used first; archived ones only when asked. */
  list(options: { includeArchived?: boolean } = {}): WorkshopSummary[] {
    return this.store.listWorkshops(options);
  }

  create(fields: WorkshopFields): WorkshopSummary {
    return this.store.createWorkshop(fields);
  }

  /** Renames a workshop or changes its client or description (null removes them). */
  update(workshopId: string, fields: Partial<WorkshopFields>): WorkshopSummary {
    this.workshop(workshopId);
    return this.store.updateWorkshop(workshopId, fields)!;
  }

  /**
   * Sets the report's accent and cover logo: a value sets it, null removes it, absent leaves it.
   * A logo must be a PNG or JPEG (by its content, not its name) or an SVG without scripts, event
   * handlers or references outside itself, at most 512 KB; otherwise nothing is changed.
   */
  setBranding(workshopId: string, branding: BrandingChange): WorkshopSummary {
    this.workshop(workshopId);
    const accent = branding.accent === undefined || branding.accent === null ? branding.accent : checkedAccent(branding.accent);
    const logo = branding.logo === undefined || branding.logo === null ? branding.logo : checkedLogo(branding.logo);
    const updated = this.store.setBranding(workshopId, { accent, logo });
    if (!updated) throw workshopNotFound(workshopId);
    return updated;
  }

  /** The workshop's cover logo (base64), or null when it has none. */
  logo(workshopId: string): WorkshopLogo | null {
    const stored = this.store.workshopLogo(workshopId);
    if (stored === undefined) throw workshopNotFound(workshopId);
    return stored && toWorkshopLogo(stored);
  }

  /** The workshop new runs go to (remembered in app.db, so the app and the CLI share it). */
  currentWorkshopId(): string {
    return this.store.currentWorkshopId();
  }

  /** Makes a workshop the current one; an archived one must be restored first. */
  select(workshopId: string): WorkshopSummary {
    const workshop = this.workshop(workshopId);
    if (workshop.archivedAt !== null) throw new AppError('invalid_request', `The workshop "${workshop.name}" is archived; restore it first, then switch to it.`, 'workshopId');
    this.store.rememberCurrentWorkshop(workshopId);
    return workshop;
  }

  /** Archives (hidden from the main lists, still searchable) or restores a workshop; archiving the current one makes another current. */
  archive(workshopId: string, archived: boolean): WorkshopSummary {
    this.workshop(workshopId);
    this.store.setArchived(workshopId, archived);
    if (archived && this.store.rememberedWorkshopId() === workshopId) this.store.currentWorkshopId();
    return this.store.getWorkshop(workshopId)!;
  }

  /** Deletes a workshop with all its runs, personas and edits for good; `deleteBackups` also deletes the backups that hold them. */
  deleteWorkshop(workshopId: string, options: { deleteBackups?: boolean } = {}): Deleted & { currentWorkshopId: string } {
    const deleted = this.erasure.deleteWorkshop(workshopId, options);
    return { ...deleted, currentWorkshopId: this.store.currentWorkshopId() };
  }

  /** What deleting a workshop or a run would remove, and how many backups would still hold it. */
  previewDeletion(target: DeletionTarget): DeletionPreview {
    return this.erasure.preview(target);
  }

  // Runs

  listRuns(workshopId: string, limit?: number): RunSummary[] {
    this.workshop(workshopId);
    return this.store.listRuns(workshopId, limit);
  }

  getRun(runId: string): RunDetail {
    const run = this.store.getRun(runId);
    if (!run) throw runNotFound(runId);
    return run;
  }

  /** Runs of every workshop, archived ones included, by title, brief, workshop name or client. */
  searchRuns(query: string, limit?: number): RunSummary[] {
    return this.store.searchRuns(query.trim(), limit);
  }

  renameRun(runId: string, title: string): RunSummary {
    const renamed = this.store.renameRun(runId, title.trim());
    if (!renamed) throw runNotFound(runId);
    return renamed;
  }

  /** Moves a run, with its personas, their edits and its brief, to another workshop. */
  moveRun(runId: string, workshopId: string): RunSummary {
    const run = this.store.getRunSummary(runId);
    if (!run) throw runNotFound(runId);
    this.workshop(workshopId);
    if (run.workshopId === workshopId) return run;
    return this.store.moveRun(runId, workshopId)!;
  }

  /** A copy of the run in the same workshop that can be changed without touching the original. */
  duplicateRun(runId: string): RunSummary {
    const copy = this.store.duplicateRun(runId);
    if (!copy) throw runNotFound(runId);
    return copy;
  }

  /** Deletes a run with its personas and edits for good; `deleteBackups` also deletes the backups that hold them. */
  deleteRun(runId: string, options: { deleteBackups?: boolean } = {}): Deleted {
    return this.erasure.deleteRun(runId, options);
  }

  // Personas

  /** Saves an edited persona when it is valid at its run's level; the version before is kept. */
  editPersona(personaId: string, persona: unknown): PersonaState {
    return this.personas.edit(personaId, persona);
  }

  /** Writes one persona for the run's brief with a fresh seed, then adds it or replaces the one named. */
  newPersona(request: NewPersonaRequest): Promise<{ persona: Persona }> {
    return this.personas.generateOne(request);
  }

  deletePersona(personaId: string): { runId: string; remaining: number } {
    return this.personas.delete(personaId);
  }

  personaHistory(personaId: string): PersonaVersion[] {
    return this.personas.history(personaId);
  }

  restorePersona(personaId: string, version: number): PersonaState {
    return this.personas.restore(personaId, version);
  }

  undoEdit(personaId: string): PersonaState {
    return this.personas.undo(personaId);
  }

  private workshop(workshopId: string): WorkshopSummary {
    const workshop = this.store.getWorkshop(workshopId);
    if (!workshop) throw workshopNotFound(workshopId);
    return workshop;
  }
}

function workshopNotFound(workshopId: string): AppError {
  return new AppError('not_found', `No workshop has the id ${workshopId}.`, 'workshopId');
}

function runNotFound(runId: string): AppError {
  return new AppError('not_found', `No run has the id ${runId}.`, 'runId');
}
