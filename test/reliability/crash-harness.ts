/**
 * Crash durability: runs the core in a child process (crash-child.ts), drives generations, edits,
 * new workshops and settings changes through its IPC dispatcher, and kills it with SIGKILL at a
 * seeded random moment, now and then while it is still starting. After each kill, app.db must pass
 * `PRAGMA integrity_check`, hold every change the child acknowledged, and show no half-saved run.
 * The data folder is kept from one trial to the next and read without writing, so the next start
 * recovers the WAL the kill left, and damage would pile up rather than hide.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { SeededRandom } from '../../src/main/world/random';
import type { Level } from '../../src/shared/persona';

export type CrashOperation =
  | { id: number; kind: 'generate'; requestId: string; workshopId?: string; brief: { description: string; count: number; level: Level; seed: number } }
  | { id: number; kind: 'edit'; personaId: string; quote: string }
  | { id: number; kind: 'settings'; maxConcurrency: number }
  | { id: number; kind: 'workshop'; name: string };

export interface CrashReport {
  trials: number;
  /** Operations the child acknowledged, over all trials. */
  acknowledged: number;
  /** Acknowledged changes missing (or replaced by something never sent) after a restart. */
  lost: number;
  integrityFailures: number;
  /** Runs whose personas are not all there, or edits whose persona does not show them. */
  halfSaved: number;
  /** Trials killed before the core said it was ready. */
  killedWhileStarting: number;
  problems: string[];
}

export interface CrashOptions {
  seed: number;
  trials: number;
  dataDir: string;
  /** Longest time the child runs before it is killed, after it is ready. Default 1,500 ms. */
  maxRunMs?: number;
}

const CHILD = path.join(import.meta.dirname, 'crash-child.ts');
const BRIEFS = [
  'Eco-friendly meal-kit delivery for busy parents in Lyon',
  'Second-hand cargo bikes for young families in Utrecht',
  'A language-exchange app for retirees in Lisbon',
  'Budget travel insurance for students in Berlin',
];
const LEVELS: Level[] = ['simple', 'standard', 'b2b'];

/** What the harness knows the child acknowledged, and what it sent after (which may or may not have landed). */
interface Ledger {
  runs: Map<string, number>;
  workshops: Set<string>;
  /** Per persona: the quotes sent, in order, and how many of them were acknowledged. */
  edits: Map<string, { sent: string[]; acknowledged: number }>;
  settings: { sent: Array<{ id: number; value: number }>; acknowledged: number };
}

export async function runCrashTrials(options: CrashOptions): Promise<CrashReport> {
  const random = new SeededRandom(options.seed);
  const ledger: Ledger = { runs: new Map(), workshops: new Set(), edits: new Map(), settings: { sent: [], acknowledged: 0 } };
  const report: CrashReport = { trials: 0, acknowledged: 0, lost: 0, integrityFailures: 0, halfSaved: 0, killedWhileStarting: 0, problems: [] };
  let nextId = 1;
  for (let trial = 0; trial < options.trials; trial++) {
    // Every fifth trial dies in start-up (opening app.db, migrations, the backup), timed from when the core begins.
    const killWhileStarting = trial % 5 === 2;
    const runMs = random.int(20, options.maxRunMs ?? 1_500);
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, options.dataDir], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (killWhileStarting) {
      const delay = random.int(0, 250);
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        if (line === '@@starting') setTimeout(() => child.kill('SIGKILL'), delay);
      });
      report.killedWhileStarting++;
    } else {
      report.acknowledged += await driveUntilKilled(child, random, ledger, runMs, () => nextId++);
    }
    await exited;
    if (stderr.includes('Error') && !stderr.includes('SIGKILL')) report.problems.push(`trial ${trial}: the child wrote to stderr: ${stderr.slice(0, 300)}`);
    check(options.dataDir, ledger, report, trial);
    report.trials++;
  }
  return report;
}

/** Sends operations (up to three in flight) until `runMs` after the child is ready, then kills it; returns how many were acknowledged. */
async function driveUntilKilled(child: ChildProcessWithoutNullStreams, random: SeededRandom, ledger: Ledger, runMs: number, newId: () => number): Promise<number> {
  const pending = new Map<number, (ack: Record<string, unknown> | null) => void>();
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === '@@ready') return ready();
    if (!line.startsWith('@@ack ')) return;
    const ack = JSON.parse(line.slice(6)) as { id: number } & Record<string, unknown>;
    pending.get(ack.id)?.(ack);
    pending.delete(ack.id);
  });
  let killed = false;
  child.once('exit', () => {
    killed = true;
    for (const resolve of pending.values()) resolve(null);
    pending.clear();
  });
  await Promise.race([isReady, new Promise((resolve) => child.once('exit', resolve))]);
  if (killed) return 0;
  const deadline = setTimeout(() => child.kill('SIGKILL'), runMs);
  let acknowledged = 0;
  const send = (op: CrashOperation) =>
    new Promise<Record<string, unknown> | null>((resolve) => {
      if (killed) return resolve(null);
      pending.set(op.id, resolve);
      child.stdin.write(`${JSON.stringify(op)}\n`, () => {});
    });
  const worker = async () => {
    while (!killed) {
      const op = nextOperation(random, ledger, newId());
      const ack = await send(op);
      if (!ack || killed) return;
      if (typeof ack['error'] === 'string') throw new Error(`operation ${op.kind} failed in the child: ${ack['error']}`);
      acknowledged++;
      record(ledger, op, ack);
    }
  };
  child.stdin.on('error', () => {});
  await Promise.all([worker(), worker(), worker()]);
  clearTimeout(deadline);
  return acknowledged;
}

function nextOperation(random: SeededRandom, ledger: Ledger, id: number): CrashOperation {
  const roll = random.next();
  const personas = [...ledger.edits.keys()];
  if (roll < 0.3 && personas.length > 0) {
    const personaId = random.pick(personas);
    const quote = `Edited quote ${id}: the week is planned on Sunday.`;
    ledger.edits.get(personaId)!.sent.push(quote);
    return { id, kind: 'edit', personaId, quote };
  }
  if (roll < 0.4) {
    const maxConcurrency = random.int(1, 64);
    ledger.settings.sent.push({ id, value: maxConcurrency });
    return { id, kind: 'settings', maxConcurrency };
  }
  if (roll < 0.45) return { id, kind: 'workshop', name: `Workshop ${id}` };
  const workshops = [...ledger.workshops];
  const workshopId = workshops.length > 0 && random.next() < 0.5 ? random.pick(workshops) : undefined;
  return {
    id,
    kind: 'generate',
    requestId: randomUUID(),
    ...(workshopId ? { workshopId } : {}),
    brief: { description: random.pick(BRIEFS), count: random.int(1, 6), level: random.pick(LEVELS), seed: random.int(1, 1_000_000) },
  };
}

function record(ledger: Ledger, op: CrashOperation, ack: Record<string, unknown>): void {
  if (op.kind === 'generate') {
    const personaIds = ack['personaIds'] as string[];
    ledger.runs.set(ack['runId'] as string, personaIds.length);
    for (const id of personaIds) ledger.edits.set(id, { sent: [], acknowledged: 0 });
  } else if (op.kind === 'edit') {
    const edits = ledger.edits.get(op.personaId)!;
    edits.acknowledged = Math.max(edits.acknowledged, edits.sent.indexOf(op.quote) + 1);
  } else if (op.kind === 'settings') {
    ledger.settings.acknowledged = Math.max(ledger.settings.acknowledged, ledger.settings.sent.findIndex((s) => s.id === op.id) + 1);
  } else {
    ledger.workshops.add(ack['workshopId'] as string);
  }
}

/** Reads app.db as the next start would, and counts what is missing or half there. */
function check(dataDir: string, ledger: Ledger, report: CrashReport, trial: number): void {
  const problem = (kind: 'lost' | 'halfSaved' | 'integrityFailures', text: string) => {
    report[kind]++;
    if (report.problems.length < 20) report.problems.push(`trial ${trial}: ${text}`);
  };
  let db: Database.Database;
  try {
    // Read-only: closing it must not fold the WAL in, so the next start meets the file exactly as the kill left it.
    db = new Database(path.join(dataDir, 'app.db'), { fileMustExist: true, readonly: true });
  } catch (error) {
    if (ledger.runs.size === 0 && ledger.workshops.size === 0 && ledger.settings.acknowledged === 0) return;
    return problem('integrityFailures', `app.db would not open: ${String(error)}`);
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return problem('integrityFailures', `integrity_check said ${String(integrity)}`);
    const personasOf = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM personas WHERE run_id = ?');
    for (const [runId, count] of ledger.runs) {
      const run = db.prepare<[string], { count: number }>('SELECT count FROM runs WHERE id = ?').get(runId);
      if (!run) problem('lost', `acknowledged run ${runId} is missing`);
      else if (personasOf.get(runId)!.n !== count) problem('halfSaved', `run ${runId} has ${personasOf.get(runId)!.n} of its ${count} personas`);
    }
    // Runs nobody heard about yet must be whole too: a run is saved with all its personas or not at all.
    const partial = db.prepare<[], { id: string; count: number; n: number }>(
      `SELECT r.id, r.count, (SELECT COUNT(*) FROM personas p WHERE p.run_id = r.id) AS n FROM runs r WHERE r.status = 'succeeded'`,
    ).all();
    for (const run of partial) if (run.n !== run.count) problem('halfSaved', `run ${run.id} shows ${run.n} of ${run.count} personas`);
    for (const id of ledger.workshops) if (!db.prepare('SELECT 1 FROM workshops WHERE id = ?').get(id)) problem('lost', `acknowledged workshop ${id} is missing`);
    for (const [personaId, edits] of ledger.edits) {
      if (edits.acknowledged === 0) continue;
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
