/**
 * What the crash harness knows the child did (the ledger), and the check after each kill: app.db
 * read as the next start would read it, every acknowledged change there, nothing half saved and
 * nothing half deleted.
 */
import Database from 'better-sqlite3';
import path from 'node:path';

/** A run the child acknowledged: its workshop and its personas. */
export interface RunEntry {
  workshopId: string;
  personaIds: string[];
}

/** What the harness knows the child acknowledged, and what it sent after (which may or may not have landed). */
export interface Ledger {
  runs: Map<string, RunEntry>;
  workshops: Set<string>;
  /** Deletes sent and not yet acknowledged: after a kill, each is found whole or gone. */
  deletingRuns: Map<string, RunEntry>;
  deletingWorkshops: Set<string>;
  /** Deletes the child acknowledged: gone for good. */
  deletedRuns: Map<string, RunEntry>;
  deletedWorkshops: Set<string>;
  deletesAcknowledged: number;
  /** Per persona: the quotes sent, in order, and how many of them were acknowledged. */
  edits: Map<string, { sent: string[]; acknowledged: number }>;
  settings: { sent: Array<{ id: number; value: number }>; acknowledged: number };
}

/** The counts a check adds to (the harness's report). */
export interface CheckTally {
  lost: number;
  integrityFailures: number;
  halfSaved: number;
  halfDeleted: number;
  deletes: { acknowledged: number; cutAndKept: number; cutAndGone: number };
  problems: string[];
}

/** Reads app.db as the next start would, and counts what is missing or half there. */
export function check(dataDir: string, ledger: Ledger, report: CheckTally, trial: number): void {
  report.deletes.acknowledged = ledger.deletesAcknowledged;
  const problem = (kind: 'lost' | 'halfSaved' | 'halfDeleted' | 'integrityFailures', text: string) => {
    report[kind]++;
    if (report.problems.length < 20) report.problems.push(`trial ${trial}: ${text}`);
  };
  let db: Database.Database;
  try {
    // Read-only: closing it must not fold the WAL in, so the next start meets the file exactly as the kill left it.
    db = new Database(path.join(dataDir, 'app.db'), { fileMustExist: true, readonly: true });
  } catch (error) {
    if (ledger.runs.size === 0 && ledger.workshops.size === 0 && ledger.deletingRuns.size === 0 && ledger.settings.acknowledged === 0) return;
    return problem('integrityFailures', `app.db would not open: ${String(error)}`);
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return problem('integrityFailures', `integrity_check said ${String(integrity)}`);
    const stateOf = runStates(db);
    for (const [runId, run] of ledger.runs) {
      const state = stateOf(runId, run);
      if (state === 'gone') problem('lost', `acknowledged run ${runId} is missing`);
      else if (state === 'half') problem('halfSaved', `run ${runId} does not have all its ${run.personaIds.length} personas`);
    }
    // A delete cut by the kill leaves the run whole or gone; an acknowledged one leaves it gone.
    for (const [runId, run] of ledger.deletingRuns) {
      const state = stateOf(runId, run);
      if (state === 'half') problem('halfDeleted', `run ${runId} was half deleted: some of its rows are gone, others not`);
      else if (state === 'whole') {
        report.deletes.cutAndKept++;
        if (!ledger.deletingWorkshops.has(run.workshopId) || workshopExists(db, run.workshopId)) ledger.runs.set(runId, run);
      } else {
        report.deletes.cutAndGone++;
        ledger.deletedRuns.set(runId, run);
      }
    }
    ledger.deletingRuns.clear();
    for (const [runId, run] of ledger.deletedRuns) if (stateOf(runId, run) !== 'gone') problem('halfDeleted', `deleted run ${runId} is still (partly) there`);
    for (const id of ledger.deletingWorkshops) (workshopExists(db, id) ? ledger.workshops : ledger.deletedWorkshops).add(id);
    ledger.deletingWorkshops.clear();
    for (const id of ledger.deletedWorkshops) if (workshopExists(db, id)) problem('halfDeleted', `deleted workshop ${id} is still there`);
    const orphanBriefs = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM briefs b WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.brief_id = b.id)').get()!.n;
    if (orphanBriefs > 0) problem('halfDeleted', `${orphanBriefs} briefs are left without their run`);
    const gonePersonas = new Set([...ledger.deletedRuns.values()].flatMap((run) => run.personaIds));
    // Runs nobody heard about yet must be whole too: a run is saved with all its personas or not at all.
    const partial = db.prepare<[], { id: string; count: number; n: number }>(
      `SELECT r.id, r.count, (SELECT COUNT(*) FROM personas p WHERE p.run_id = r.id) AS n FROM runs r WHERE r.status = 'completed'`,
    ).all();
    for (const run of partial) if (run.n !== run.count) problem('halfSaved', `run ${run.id} shows ${run.n} of ${run.count} personas`);
    for (const id of ledger.workshops) if (!db.prepare('SELECT 1 FROM workshops WHERE id = ?').get(id)) problem('lost', `acknowledged workshop ${id} is missing`);
    for (const [personaId, edits] of ledger.edits) {
      if (edits.acknowledged === 0 || gonePersonas.has(personaId)) continue;
      const row = db.prepare<[string], { json: string }>('SELECT json FROM personas WHERE id = ?').get(personaId);
      const quote = row ? (JSON.parse(row.json) as { quote?: string }).quote : undefined;
      // The last acknowledged edit, or one sent after it that landed before the kill.
      if (!quote || !edits.sent.slice(edits.acknowledged - 1).includes(quote)) problem('lost', `persona ${personaId} shows "${quote}" instead of its acknowledged edit`);
      const lastEdit = db.prepare<[string], { after_json: string }>('SELECT after_json FROM edits WHERE persona_id = ? ORDER BY id DESC LIMIT 1').get(personaId);
      if (row && lastEdit && lastEdit.after_json !== row.json) problem('halfSaved', `persona ${personaId} differs from its last recorded edit`);
    }
    if (ledger.settings.acknowledged > 0) {
      const stored = db.prepare<[], { value_json: string }>("SELECT value_json FROM settings WHERE key = 'providers'").get();
      const value = stored ? (JSON.parse(stored.value_json) as { limits?: { maxConcurrency?: number } }).limits?.maxConcurrency : undefined;
      const possible = ledger.settings.sent.slice(ledger.settings.acknowledged - 1).map((s) => s.value);
      if (value === undefined || !possible.includes(value)) problem('lost', `settings show maxConcurrency ${value}, not the acknowledged ${possible[0]}`);
    }
  } finally {
    db.close();
  }
}

/** Whether a run is all there (its row and every persona), all gone (no row, persona or edit left), or half there. */
function runStates(db: Database.Database): (runId: string, run: RunEntry) => 'whole' | 'gone' | 'half' {
  const runRow = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM runs WHERE id = ?');
  const personasOfRun = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM personas WHERE run_id = ?');
  const persona = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM personas WHERE id = ?');
  const editsOf = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM edits WHERE persona_id = ?');
  return (runId, run) => {
    const hasRow = runRow.get(runId)!.n > 0;
    const personas = run.personaIds.filter((id) => persona.get(id)!.n > 0).length;
    const edits = run.personaIds.reduce((n, id) => n + editsOf.get(id)!.n, 0);
    if (hasRow && personas === run.personaIds.length && personasOfRun.get(runId)!.n === personas) return 'whole';
    if (!hasRow && personas === 0 && personasOfRun.get(runId)!.n === 0 && edits === 0) return 'gone';
    return 'half';
  };
}

function workshopExists(db: Database.Database, id: string): boolean {
  return db.prepare('SELECT 1 FROM workshops WHERE id = ?').get(id) !== undefined;
}
