/**
 * Runs in app.db with their briefs and personas: saved whole, listed, searched, renamed, moved to
 * another workshop and duplicated. Each change is one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Brief, Persona, PersonaDocument, ValidationReport } from '../../shared/persona';
import type { RunDetail, RunSummary } from '../../shared/workshop';
import type { NewRun } from '../generation';
import type { SqliteDatabase } from '../platform';
import { RUN_SELECT, toRunSummary, type RunRow } from './store-rows';

/** The longest title a copy gets ("Copy of …"), the bound the contract sets on a title. */
const MAX_TITLE = 200;

interface RunExtras {
  brief_id: string;
  brief_json: string;
  report_json: string | null;
  phases_json: string | null;
}

export class RunRows {
  private readonly statements;

  constructor(private readonly db: SqliteDatabase) {
    this.statements = {
      insertBrief: db.prepare('INSERT INTO briefs (id, workshop_id, description, brief_json, created_at) VALUES (?, ?, ?, ?, ?)'),
      insertRun: db.prepare(`INSERT INTO runs (id, workshop_id, brief_id, status, provider, level, count, seed, started_at,
        duration_ms, quality_score, report_json, error, phases_json, title, cache_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertPersona: db.prepare(`INSERT INTO personas (id, run_id, workshop_id, position, name, age, city, country, occupation,
        source, quality_score, json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      touchWorkshop: db.prepare('UPDATE workshops SET updated_at = ? WHERE id = ?'),
      list: db.prepare<[string, number], RunRow>(`${RUN_SELECT} WHERE r.workshop_id = ? ORDER BY r.started_at DESC LIMIT ?`),
      one: db.prepare<[string], RunRow>(`${RUN_SELECT} WHERE r.id = ?`),
      extras: db.prepare<[string], RunExtras>('SELECT r.brief_id, b.brief_json, r.report_json, r.phases_json FROM runs r JOIN briefs b ON b.id = r.brief_id WHERE r.id = ?'),
      copySource: db.prepare<[string], { cache_key: string | null }>('SELECT cache_key FROM runs WHERE id = ?'),
      personas: db.prepare<[string], { json: string; position: number }>('SELECT json, position FROM personas WHERE run_id = ? ORDER BY position'),
      search: db.prepare<{ query: string; like: string; limit: number }, RunRow>(`${RUN_SELECT} JOIN workshops w ON w.id = r.workshop_id
        WHERE (@query = '' OR b.description LIKE @like ESCAPE '\\' OR r.title LIKE @like ESCAPE '\\' OR w.name LIKE @like ESCAPE '\\'
          OR w.client LIKE @like ESCAPE '\\' OR r.provider LIKE @like ESCAPE '\\')
        ORDER BY r.started_at DESC LIMIT @limit`),
      rename: db.prepare('UPDATE runs SET title = ? WHERE id = ?'),
      moveRun: db.prepare('UPDATE runs SET workshop_id = ? WHERE id = ?'),
      moveBrief: db.prepare('UPDATE briefs SET workshop_id = ? WHERE id = (SELECT brief_id FROM runs WHERE id = ?)'),
      movePersonas: db.prepare('UPDATE personas SET workshop_id = ? WHERE run_id = ?'),
    };
  }

  save(run: NewRun): RunSummary {
    const runId = randomUUID();
    const briefId = randomUUID();
    const createdAt = new Date().toISOString();
    this.db.transaction(() => {
      this.statements.insertBrief.run(briefId, run.workshopId, run.brief.description, JSON.stringify(run.brief), run.startedAt);
      this.statements.insertRun.run(
        runId, run.workshopId, briefId, run.status, run.provider, run.level, run.count, run.seed, run.startedAt, run.durationMs,
        run.qualityScore, run.report && JSON.stringify(run.report), run.error, run.phases ? JSON.stringify(run.phases) : null, null, run.cacheKey ?? null,
      );
      run.personas.forEach((persona, position) => this.insertPersona(runId, run.workshopId, position, persona, createdAt));
      this.statements.touchWorkshop.run(createdAt, run.workshopId);
    })();
    return this.summary(runId)!;
  }

  insertPersona(runId: string, workshopId: string, position: number, persona: Persona, createdAt: string): void {
    if (!persona.id) throw new Error(`persona ${position} has no id`);
    this.statements.insertPersona.run(
      persona.id, runId, workshopId, position, persona.name, persona.age, persona.location.city, persona.location.country,
      persona.occupation, persona.meta?.source ?? 'unknown', persona.meta?.qualityScore ?? null, JSON.stringify(persona), createdAt,
    );
  }

  list(workshopId: string, limit = 100): RunSummary[] {
    return this.statements.list.all(workshopId, limit).map(toRunSummary);
  }

  summary(runId: string): RunSummary | undefined {
    const row = this.statements.one.get(runId);
    return row && toRunSummary(row);
  }

  detail(runId: string): RunDetail | undefined {
    const summary = this.summary(runId);
    if (!summary) return undefined;
    const extras = this.statements.extras.get(runId)!;
    const brief = JSON.parse(extras.brief_json) as Brief;
    const personas = this.statements.personas.all(runId).map((row) => JSON.parse(row.json) as Persona);
    const document: PersonaDocument | null =
      personas.length === 0
        ? null
        : { schemaVersion: 1, level: summary.level, brief, personas, ...(extras.report_json ? { report: JSON.parse(extras.report_json) as ValidationReport } : {}) };
    return { ...summary, brief, document, phases: extras.phases_json ? (JSON.parse(extras.phases_json) as RunDetail['phases']) : null };
  }

  /** Runs of every workshop, archived ones too, whose title, brief, workshop, client or provider contains `query`, newest first. */
  search(query: string, limit = 100): RunSummary[] {
    const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.statements.search.all({ query, like, limit }).map(toRunSummary);
  }

  rename(runId: string, title: string, now = new Date()): RunSummary | undefined {
    const run = this.summary(runId);
    if (!run) return undefined;
    this.db.transaction(() => {
      this.statements.rename.run(title, runId);
      this.statements.touchWorkshop.run(now.toISOString(), run.workshopId);
    })();
    return this.summary(runId);
  }

  /** Moves a run with its brief and personas (their edits follow them); both workshops count as used now. */
  move(runId: string, workshopId: string, now = new Date()): RunSummary | undefined {
    const run = this.summary(runId);
    if (!run) return undefined;
    const at = now.toISOString();
    this.db.transaction(() => {
      this.statements.moveRun.run(workshopId, runId);
      this.statements.moveBrief.run(workshopId, runId);
      this.statements.movePersonas.run(workshopId, runId);
      this.statements.touchWorkshop.run(at, run.workshopId);
      this.statements.touchWorkshop.run(at, workshopId);
    })();
    return this.summary(runId);
  }

  /**
   * A copy the user can change without touching the original: a new run and brief, the personas as
   * they are now under new ids, no edit history, titled "Copy of …", dated now.
   */
  duplicate(runId: string, now = new Date()): RunSummary | undefined {
    const run = this.detail(runId);
    if (!run) return undefined;
    const source = this.statements.copySource.get(runId)!;
    const extras = this.statements.extras.get(runId)!;
    const copyId = randomUUID();
    const briefId = randomUUID();
    const at = now.toISOString();
    const title = `Copy of ${run.title}`.slice(0, MAX_TITLE);
    this.db.transaction(() => {
      this.statements.insertBrief.run(briefId, run.workshopId, run.brief.description, extras.brief_json, at);
      this.statements.insertRun.run(
        copyId, run.workshopId, briefId, run.status, run.provider, run.level, run.count, run.seed, at, run.durationMs,
        run.qualityScore, extras.report_json, run.error, extras.phases_json, title, source.cache_key,
      );
      for (const row of this.statements.personas.all(runId)) {
        const persona = JSON.parse(row.json) as Persona;
        this.insertPersona(copyId, run.workshopId, row.position, { ...persona, id: randomUUID() }, at);
      }
      this.statements.touchWorkshop.run(at, run.workshopId);
    })();
    return this.summary(copyId);
  }
}
