/**
 * The user's work in app.db: workshops, briefs, runs, their personas and edits. Each change is one
 * transaction, so a crash leaves a run, a move, a copy or a delete either whole or not begun. The
 * queries live in small parts (workshops, runs, personas, deletion); this is the one door to them.
 */
import path from 'node:path';
import type { Persona } from '../../shared/persona';
import type { RunDetail, RunSummary, WorkshopSummary } from '../../shared/workshop';
import type { NewRun } from '../generation';
import { APP_MIGRATIONS } from './migrations';
import { openDatabase, openError, type OpenOptions, type SqliteDatabase } from '../platform';
import { EraseRows, type EraseScope, type ErasedCounts } from './erase-rows';
import { PersonaRows, type EditKind, type EditRow, type StoredPersona } from './persona-rows';
import { RunRows } from './run-rows';
import type { StoredLogo } from './branding';
import { WorkshopRows, type WorkshopFields } from './workshop-rows';

export { DEFAULT_WORKSHOP_NAME } from './workshop-rows';

export function appDatabaseFile(dataDir: string): string {
  return path.join(dataDir, 'app.db');
}

export class WorkshopStore {
  readonly file: string;
  private readonly db: SqliteDatabase;
  private readonly workshops: WorkshopRows;
  private readonly runs: RunRows;
  private readonly personas: PersonaRows;
  private readonly erase: EraseRows;
  private readonly statements;

  private constructor(file: string, db: SqliteDatabase) {
    this.file = file;
    this.db = db;
    this.workshops = new WorkshopRows(db);
    this.runs = new RunRows(db);
    this.personas = new PersonaRows(db, this.runs);
    this.erase = new EraseRows(db);
    this.statements = {
      readSetting: db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?'),
      writeSetting: db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at'),
    };
  }

  /** Throws a DatabaseOpenError, leaving the file as it was, when app.db is damaged or from a newer version. */
  static open(dataDir: string, options: OpenOptions = {}): WorkshopStore {
    const file = appDatabaseFile(dataDir);
    const db = openDatabase(file, APP_MIGRATIONS, { ...options, verify: true, secureDelete: true });
    try {
      return new WorkshopStore(file, db);
    } catch (error) {
      // A table or column a statement needs is missing: the schema is not what its version says.
      db.close();
      throw openError(file, error);
    }
  }

  /** A store that lives only until close: what the app runs on while app.db cannot be opened. */
  static inMemory(options: OpenOptions = {}): WorkshopStore {
    return new WorkshopStore(':memory:', openDatabase(':memory:', APP_MIGRATIONS, { ...options, secureDelete: true }));
  }

  /** A consistent copy of app.db written to `file` while the app keeps working (SQLite's online backup). */
  async backupTo(file: string): Promise<void> {
    await this.db.backup(file);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** app.db's connection, for the modules that keep their own tables in this file (settings, monitoring). */
  get database(): SqliteDatabase {
    return this.db;
  }

  /** A setting's stored JSON text (checked by its reader), or undefined when never set. */
  readSetting(key: string): string | undefined {
    return this.statements.readSetting.get(key)?.value_json;
  }

  writeSetting(key: string, value: unknown, now = new Date()): void {
    this.statements.writeSetting.run(key, JSON.stringify(value), now.toISOString());
  }

  /**
   * Rewrites app.db without its free space and empties the WAL, so text written before
   * secure_delete was on (a key saved in plain) survives nowhere in the file. Costly: run once.
   */
  scrubFreedPages(): void {
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  // Workshops

  createWorkshop(fields: string | WorkshopFields, now = new Date()): WorkshopSummary {
    return this.workshops.create(typeof fields === 'string' ? { name: fields } : fields, now);
  }

  getWorkshop(id: string): WorkshopSummary | undefined {
    return this.workshops.get(id);
  }

  /** Most recently used first; archived ones only when asked. */
  listWorkshops(options: { includeArchived?: boolean } = {}): WorkshopSummary[] {
    return this.workshops.list(options.includeArchived);
  }

  updateWorkshop(id: string, fields: Partial<WorkshopFields>, now = new Date()): WorkshopSummary | undefined {
    return this.workshops.update(id, fields, now);
  }

  setArchived(id: string, archived: boolean, now = new Date()): void {
    this.workshops.setArchived(id, archived, now);
  }

  /** Sets the report's accent and logo (already checked): a value sets, null removes, undefined keeps; undefined when there is no such workshop. */
  setBranding(id: string, branding: { accent?: string | null | undefined; logo?: StoredLogo | null | undefined }, now = new Date()): WorkshopSummary | undefined {
    return this.workshops.setBranding(id, branding, now);
  }

  /** The cover's logo as stored; null when none, undefined when there is no such workshop. */
  workshopLogo(id: string): StoredLogo | null | undefined {
    return this.workshops.logo(id);
  }

  /** The workshop runs go to when the caller names none: the one chosen last while it exists and is not archived, else the most recently used (made when there is none). */
  currentWorkshopId(): string {
    return this.workshops.currentId();
  }

  /** The workshop chosen last, as stored (it may since have been archived or deleted). */
  rememberedWorkshopId(): string | undefined {
    return this.workshops.remembered();
  }

  rememberCurrentWorkshop(id: string): void {
    this.workshops.remember(id);
  }

  // Runs

  saveRun(run: NewRun): RunSummary {
    return this.runs.save(run);
  }

  listRuns(workshopId: string, limit = 100): RunSummary[] {
    return this.runs.list(workshopId, limit);
  }

  getRunSummary(runId: string): RunSummary | undefined {
    return this.runs.summary(runId);
  }

  getRun(runId: string): RunDetail | undefined {
    return this.runs.detail(runId);
  }

  /** Runs of every workshop, archived ones too, whose title, brief, workshop, client or provider contains `query`, newest first. */
  searchRuns(query: string, limit = 100): RunSummary[] {
    return this.runs.search(query, limit);
  }

  renameRun(runId: string, title: string, now = new Date()): RunSummary | undefined {
    return this.runs.rename(runId, title, now);
  }

  moveRun(runId: string, workshopId: string, now = new Date()): RunSummary | undefined {
    return this.runs.move(runId, workshopId, now);
  }

  duplicateRun(runId: string, now = new Date()): RunSummary | undefined {
    return this.runs.duplicate(runId, now);
  }

  // Personas

  /** A persona as stored now (edits applied), with its run and workshop; undefined when unknown. */
  getPersona(personaId: string): StoredPersona | undefined {
    return this.personas.get(personaId);
  }

  /** Replaces a persona with a new version; the version before is kept in edits, so every change can be traced back to the original. */
  editPersona(personaId: string, edited: Persona, kind: EditKind = 'edit', now = new Date()): void {
    this.personas.edit(personaId, edited, kind, now);
  }

  /** Adds a persona to a finished run (a gap filled), after its others. */
  addPersona(runId: string, persona: Persona, now = new Date()): void {
    this.personas.add(runId, persona, now);
  }

  personaEdits(personaId: string): EditRow[] {
    return this.personas.edits(personaId);
  }

  /** Takes a persona's last edit back (the edit row goes, and the WAL is emptied of it); false when it has none. */
  undoEdit(personaId: string, now = new Date()): boolean {
    const undone = this.personas.undo(personaId, now);
    if (undone) this.erase.emptyWal();
    return undone;
  }

  /** Deletes a persona and its edits, then empties the WAL; undefined when unknown. */
  deletePersona(personaId: string, now = new Date()): { runId: string; remaining: number } | undefined {
    const deleted = this.personas.delete(personaId, now);
    if (deleted) this.erase.emptyWal();
    return deleted;
  }

  // Deleting for good

  runScope(runId: string): EraseScope | undefined {
    return this.erase.runScope(runId);
  }

  workshopScope(workshopId: string): EraseScope | undefined {
    return this.erase.workshopScope(workshopId);
  }

  /** Deletes a run with its brief, personas and edits in one transaction, then empties the WAL; undefined when unknown. */
  deleteRun(runId: string, now = new Date()): ErasedCounts | undefined {
    const deleted = this.erase.deleteRun(runId, now);
    if (deleted) this.erase.emptyWal();
    return deleted;
  }

  /**
   * Deletes a workshop with everything in it in one transaction (the current workshop, when it was
   * this one, passes to another in the same transaction), then empties the WAL; undefined when unknown.
   */
  deleteWorkshop(workshopId: string): ErasedCounts | undefined {
    const deleted = this.erase.deleteWorkshop(workshopId, () => this.workshops.currentId());
    if (deleted) this.erase.emptyWal();
    return deleted;
  }
}
