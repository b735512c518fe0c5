/**
 * Personas in app.db and their edits. Every change to a persona keeps the version before it as an
 * edit row (with how it came about), so the history can be shown, restored and undone.
 */
import type { Persona } from '../../shared/persona';
import type { SqliteDatabase } from '../platform';
import type { RunRows } from './run-rows';

export type EditKind = 'edit' | 'regenerate' | 'restore';

export interface StoredPersona {
  persona: Persona;
  runId: string;
  workshopId: string;
  /** How many edits it has had (each kept with the version before it). */
  edits: number;
  createdAt: string;
}

export interface EditRow {
  id: number;
  edited_at: string;
  before_json: string;
  after_json: string;
  kind: EditKind;
}

export class PersonaRows {
  private readonly statements;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly runs: RunRows,
  ) {
    this.statements = {
      row: db.prepare<[string], { json: string; run_id: string; workshop_id: string; created_at: string }>('SELECT json, run_id, workshop_id, created_at FROM personas WHERE id = ?'),
      update: db.prepare('UPDATE personas SET name = ?, age = ?, city = ?, country = ?, occupation = ?, json = ? WHERE id = ?'),
      insertEdit: db.prepare('INSERT INTO edits (persona_id, edited_at, before_json, after_json, kind) VALUES (?, ?, ?, ?, ?)'),
      editCount: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM edits WHERE persona_id = ?'),
      edits: db.prepare<[string], EditRow>('SELECT id, edited_at, before_json, after_json, kind FROM edits WHERE persona_id = ? ORDER BY id'),
      lastEdit: db.prepare<[string], EditRow>('SELECT id, edited_at, before_json, after_json, kind FROM edits WHERE persona_id = ? ORDER BY id DESC LIMIT 1'),
      deleteEdit: db.prepare('DELETE FROM edits WHERE id = ?'),
      deleteEdits: db.prepare('DELETE FROM edits WHERE persona_id = ?'),
      deletePersona: db.prepare('DELETE FROM personas WHERE id = ?'),
      remaining: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM personas WHERE run_id = ?'),
      nextPosition: db.prepare<[string], { next: number }>('SELECT COALESCE(MAX(position) + 1, 0) AS next FROM personas WHERE run_id = ?'),
      touchWorkshop: db.prepare('UPDATE workshops SET updated_at = ? WHERE id = ?'),
    };
  }

  /** A persona as stored now (edits applied), with its run and workshop; undefined when unknown. */
  get(personaId: string): StoredPersona | undefined {
    const row = this.statements.row.get(personaId);
    if (!row) return undefined;
    return { persona: JSON.parse(row.json) as Persona, runId: row.run_id, workshopId: row.workshop_id, edits: this.statements.editCount.get(personaId)!.n, createdAt: row.created_at };
  }

  /** Replaces a persona; the version before is kept as an edit of the kind given. */
  edit(personaId: string, edited: Persona, kind: EditKind = 'edit', now = new Date()): void {
    const row = this.statements.row.get(personaId);
    if (!row) throw new Error(`No persona has the id ${personaId}.`);
    const after = { ...edited, id: personaId };
    this.db.transaction(() => {
      this.statements.insertEdit.run(personaId, now.toISOString(), row.json, JSON.stringify(after), kind);
      this.write(personaId, JSON.stringify(after));
      this.statements.touchWorkshop.run(now.toISOString(), row.workshop_id);
    })();
  }

  /** Adds a persona to a finished run (a gap filled), after its others. */
  add(runId: string, persona: Persona, now = new Date()): void {
    const run = this.runs.summary(runId);
    if (!run) throw new Error(`No run has the id ${runId}.`);
    this.db.transaction(() => {
      this.runs.insertPersona(runId, run.workshopId, this.statements.nextPosition.get(runId)!.next, persona, now.toISOString());
      this.statements.touchWorkshop.run(now.toISOString(), run.workshopId);
    })();
  }

  /** Every edit of a persona, oldest first. */
  edits(personaId: string): EditRow[] {
    return this.statements.edits.all(personaId);
  }

  /** Takes the last edit back: the persona returns to the version before it and the edit row goes. False when there is none. */
  undo(personaId: string, now = new Date()): boolean {
    const row = this.statements.row.get(personaId);
    const last = this.statements.lastEdit.get(personaId);
    if (!row || !last) return false;
    this.db.transaction(() => {
      // The version before, as it was stored: the edit before this one ends in exactly this text.
      this.write(personaId, last.before_json);
      this.statements.deleteEdit.run(last.id);
      this.statements.touchWorkshop.run(now.toISOString(), row.workshop_id);
    })();
    return true;
  }

  /** Deletes a persona and its edits; the run's others keep their order. Undefined when unknown. */
  delete(personaId: string, now = new Date()): { runId: string; remaining: number } | undefined {
    const row = this.statements.row.get(personaId);
    if (!row) return undefined;
    this.db.transaction(() => {
      this.statements.deleteEdits.run(personaId);
      this.statements.deletePersona.run(personaId);
      this.statements.touchWorkshop.run(now.toISOString(), row.workshop_id);
    })();
    return { runId: row.run_id, remaining: this.statements.remaining.get(row.run_id)!.n };
  }

  private write(personaId: string, json: string): void {
    const persona = JSON.parse(json) as Persona;
    this.statements.update.run(persona.name, persona.age, persona.location.city, persona.location.country, persona.occupation, json, personaId);
  }
}
