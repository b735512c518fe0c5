/**
 * The user's work in app.db: workshops, briefs, runs and their personas. A run and its personas
 * are written in one transaction, so a crash leaves either the whole run or none of it.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Brief, Level, Persona, PersonaDocument, ValidationReport } from '../../shared/persona';
import type { RunDetail, RunSummary, WorkshopSummary } from '../../shared/workshop';
import type { NewRun } from '../generation';
import { APP_MIGRATIONS } from './migrations';
import { openDatabase, openError, type OpenOptions, type SqliteDatabase } from '../platform';

export const DEFAULT_WORKSHOP_NAME = 'My workshop';

export function appDatabaseFile(dataDir: string): string {
  return path.join(dataDir, 'app.db');
}

interface RunRow {
  id: string;
  workshop_id: string;
  status: RunSummary['status'];
  provider: string;
  level: Level;
  count: number;
  seed: number | null;
  started_at: string;
  duration_ms: number;
  quality_score: number | null;
  error: string | null;
  description: string;
}

export class WorkshopStore {
  readonly file: string;
  private readonly db: SqliteDatabase;
  private readonly statements;

  private constructor(file: string, db: SqliteDatabase) {
    this.file = file;
    this.db = db;
    this.statements = {
      insertWorkshop: db.prepare('INSERT INTO workshops (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)'),
      touchWorkshop: db.prepare('UPDATE workshops SET updated_at = ? WHERE id = ?'),
      workshop: db.prepare(`${WORKSHOP_SELECT} WHERE w.id = ?`),
      workshops: db.prepare(`${WORKSHOP_SELECT} ORDER BY w.updated_at DESC, w.name`),
      firstWorkshop: db.prepare('SELECT id FROM workshops ORDER BY created_at LIMIT 1'),
      insertBrief: db.prepare('INSERT INTO briefs (id, workshop_id, description, brief_json, created_at) VALUES (?, ?, ?, ?, ?)'),
      insertRun: db.prepare(`INSERT INTO runs (id, workshop_id, brief_id, status, provider, level, count, seed, started_at,
        duration_ms, quality_score, report_json, error, phases_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertPersona: db.prepare(`INSERT INTO personas (id, run_id, workshop_id, position, name, age, city, country, occupation,
        source, quality_score, json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      runs: db.prepare(`${RUN_SELECT} WHERE r.workshop_id = ? ORDER BY r.started_at DESC LIMIT ?`),
      run: db.prepare(`${RUN_SELECT} WHERE r.id = ?`),
      runExtras: db.prepare('SELECT b.brief_json, r.report_json, r.phases_json FROM runs r JOIN briefs b ON b.id = r.brief_id WHERE r.id = ?'),
      runPersonas: db.prepare('SELECT json FROM personas WHERE run_id = ? ORDER BY position'),
      personaRow: db.prepare<[string], { json: string; run_id: string; workshop_id: string }>('SELECT json, run_id, workshop_id FROM personas WHERE id = ?'),
      updatePersona: db.prepare('UPDATE personas SET name = ?, age = ?, city = ?, country = ?, occupation = ?, json = ? WHERE id = ?'),
      insertEdit: db.prepare('INSERT INTO edits (persona_id, edited_at, before_json, after_json) VALUES (?, ?, ?, ?)'),
      nextPosition: db.prepare<[string], { next: number }>('SELECT COALESCE(MAX(position) + 1, 0) AS next FROM personas WHERE run_id = ?'),
      editCount: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM edits WHERE persona_id = ?'),
      searchRuns: db.prepare(`${RUN_SELECT} JOIN workshops w ON w.id = r.workshop_id
        WHERE (@query = '' OR b.description LIKE @like ESCAPE '\\' OR w.name LIKE @like ESCAPE '\\' OR r.provider LIKE @like ESCAPE '\\')
        ORDER BY r.started_at DESC LIMIT @limit`),
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

  createWorkshop(name: string, now = new Date()): WorkshopSummary {
    const id = randomUUID();
    const at = now.toISOString();
    this.statements.insertWorkshop.run(id, name, at, at);
    return this.getWorkshop(id)!;
  }

  getWorkshop(id: string): WorkshopSummary | undefined {
    const row = this.statements.workshop.get(id) as WorkshopRow | undefined;
    return row && toWorkshop(row);
  }

  listWorkshops(): WorkshopSummary[] {
    return (this.statements.workshops.all() as WorkshopRow[]).map(toWorkshop);
  }

  /** The workshop runs go to when the caller names none; created on first use. */
  defaultWorkshopId(): string {
    const row = this.statements.firstWorkshop.get() as { id: string } | undefined;
    return row?.id ?? this.createWorkshop(DEFAULT_WORKSHOP_NAME).id;
  }

  saveRun(run: NewRun): RunSummary {
    const runId = randomUUID();
    const briefId = randomUUID();
    const createdAt = new Date().toISOString();
    this.db.transaction(() => {
      this.statements.insertBrief.run(briefId, run.workshopId, run.brief.description, JSON.stringify(run.brief), run.startedAt);
      this.statements.insertRun.run(
        runId, run.workshopId, briefId, run.status, run.provider, run.level, run.count, run.seed, run.startedAt,
        run.durationMs, run.qualityScore, run.report && JSON.stringify(run.report), run.error, run.phases ? JSON.stringify(run.phases) : null,
      );
      run.personas.forEach((persona, position) => {
        this.insertPersona(runId, run.workshopId, position, persona, createdAt);
      });
      this.statements.touchWorkshop.run(createdAt, run.workshopId);
    })();
    return this.getRunSummary(runId)!;
  }

  /** A persona as stored now (edits applied), with its run and workshop; undefined when unknown. */
  getPersona(personaId: string): { persona: Persona; runId: string; workshopId: string; edits: number } | undefined {
    const row = this.statements.personaRow.get(personaId);
    if (!row) return undefined;
    return { persona: JSON.parse(row.json) as Persona, runId: row.run_id, workshopId: row.workshop_id, edits: this.statements.editCount.get(personaId)!.n };
  }

  /** Replaces a persona with its edited version; the version before is kept in edits, so every edit can be traced back to the original. */
  editPersona(personaId: string, edited: Persona, now = new Date()): void {
    const row = this.statements.personaRow.get(personaId);
    if (!row) throw new Error(`No persona has the id ${personaId}.`);
    const after = { ...edited, id: personaId };
    this.db.transaction(() => {
      this.statements.insertEdit.run(personaId, now.toISOString(), row.json, JSON.stringify(after));
      this.statements.updatePersona.run(after.name, after.age, after.location.city, after.location.country, after.occupation, JSON.stringify(after), personaId);
      this.statements.touchWorkshop.run(now.toISOString(), row.workshop_id);
    })();
  }

  /** Adds a persona to a finished run (a gap filled), after its others. */
  addPersona(runId: string, persona: Persona, now = new Date()): void {
    const run = this.getRunSummary(runId);
    if (!run) throw new Error(`No run has the id ${runId}.`);
    this.db.transaction(() => {
      this.insertPersona(runId, run.workshopId, this.statements.nextPosition.get(runId)!.next, persona, now.toISOString());
      this.statements.touchWorkshop.run(now.toISOString(), run.workshopId);
    })();
  }

  /** Runs of every workshop whose brief, workshop name or provider contains `query`, newest first. */
  searchRuns(query: string, limit = 100): RunSummary[] {
    const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return (this.statements.searchRuns.all({ query, like, limit }) as RunRow[]).map(toRunSummary);
  }

  private insertPersona(runId: string, workshopId: string, position: number, persona: Persona, createdAt: string): void {
    if (!persona.id) throw new Error(`persona ${position} has no id`);
    this.statements.insertPersona.run(
      persona.id, runId, workshopId, position, persona.name, persona.age, persona.location.city, persona.location.country,
      persona.occupation, persona.meta?.source ?? 'unknown', persona.meta?.qualityScore ?? null, JSON.stringify(persona), createdAt,
    );
  }

  listRuns(workshopId: string, limit = 100): RunSummary[] {
    return (this.statements.runs.all(workshopId, limit) as RunRow[]).map(toRunSummary);
  }

  getRunSummary(runId: string): RunSummary | undefined {
    const row = this.statements.run.get(runId) as RunRow | undefined;
    return row && toRunSummary(row);
  }

  getRun(runId: string): RunDetail | undefined {
    const summary = this.getRunSummary(runId);
    if (!summary) return undefined;
    const extras = this.statements.runExtras.get(runId) as { brief_json: string; report_json: string | null; phases_json: string | null };
    const brief = JSON.parse(extras.brief_json) as Brief;
    const personas = (this.statements.runPersonas.all(runId) as { json: string }[]).map((row) => JSON.parse(row.json) as Persona);
    const document: PersonaDocument | null =
      personas.length === 0
        ? null
        : {
            schemaVersion: 1,
            level: summary.level,
            brief,
            personas,
            ...(extras.report_json ? { report: JSON.parse(extras.report_json) as ValidationReport } : {}),
          };
    return { ...summary, brief, document, phases: extras.phases_json ? (JSON.parse(extras.phases_json) as RunDetail['phases']) : null };
  }
}

const WORKSHOP_SELECT = `SELECT w.id, w.name, w.created_at, w.updated_at,
  (SELECT COUNT(*) FROM runs r WHERE r.workshop_id = w.id) AS run_count,
  (SELECT COUNT(*) FROM personas p WHERE p.workshop_id = w.id) AS persona_count
  FROM workshops w`;

const RUN_SELECT = `SELECT r.id, r.workshop_id, r.status, r.provider, r.level, r.count, r.seed, r.started_at, r.duration_ms,
  r.quality_score, r.error, b.description FROM runs r JOIN briefs b ON b.id = r.brief_id`;

interface WorkshopRow {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  run_count: number;
  persona_count: number;
}

function toWorkshop(row: WorkshopRow): WorkshopSummary {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    runCount: row.run_count,
    personaCount: row.persona_count,
  };
}

function toRunSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    workshopId: row.workshop_id,
    status: row.status,
    provider: row.provider,
    level: row.level,
    count: row.count,
    description: row.description,
    seed: row.seed,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    qualityScore: row.quality_score,
    error: row.error,
  };
}
