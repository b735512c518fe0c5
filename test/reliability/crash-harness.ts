/**
 * Crash durability: runs the core in a child process (crash-child.ts), drives generations, edits,
 * new workshops, settings changes and deletes of runs and workshops through its IPC dispatcher, and
 * kills it with SIGKILL at a seeded random moment, now and then while it is still starting. After
 * each kill, app.db must pass `PRAGMA integrity_check`, hold every change the child acknowledged,
 * and show no half-saved run; a run or workshop whose delete was sent is there whole or gone whole.
 * The data folder is kept from one trial to the next and read without writing, so the next start
 * recovers the WAL the kill left, and damage would pile up rather than hide.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { SeededRandom } from '../../src/main/world/random';
import type { Level } from '../../src/shared/persona';
import { check, type Ledger } from './crash-check';

export type CrashOperation =
  | { id: number; kind: 'generate'; requestId: string; workshopId?: string; brief: { description: string; count: number; level: Level; seed: number } }
  | { id: number; kind: 'edit'; personaId: string; quote: string }
  | { id: number; kind: 'settings'; maxConcurrency: number }
  | { id: number; kind: 'workshop'; name: string }
  | { id: number; kind: 'deleteRun'; runId: string; deleteBackups: boolean }
  | { id: number; kind: 'deleteWorkshop'; workshopId: string; deleteBackups: boolean };

export interface CrashReport {
  trials: number;
  /** Operations the child acknowledged, over all trials. */
  acknowledged: number;
  /** Acknowledged changes missing (or replaced by something never sent) after a restart. */
  lost: number;
  integrityFailures: number;
  /** Runs whose personas are not all there, or edits whose persona does not show them. */
  halfSaved: number;
  /** Runs or workshops a delete left partly there: some of their rows gone, others not. */
  halfDeleted: number;
  /** Deletes acknowledged, and deletes cut by the kill found whole or gone (both fine). */
  deletes: { acknowledged: number; cutAndKept: number; cutAndGone: number };
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

export async function runCrashTrials(options: CrashOptions): Promise<CrashReport> {
  const random = new SeededRandom(options.seed);
  const ledger: Ledger = {
    runs: new Map(),
    workshops: new Set(),
    deletingRuns: new Map(),
    deletingWorkshops: new Set(),
    deletedRuns: new Map(),
    deletedWorkshops: new Set(),
    deletesAcknowledged: 0,
    edits: new Map(),
    settings: { sent: [], acknowledged: 0 },
  };
  const report: CrashReport = {
    trials: 0,
    acknowledged: 0,
    lost: 0,
    integrityFailures: 0,
    halfSaved: 0,
    halfDeleted: 0,
    deletes: { acknowledged: 0, cutAndKept: 0, cutAndGone: 0 },
    killedWhileStarting: 0,
    problems: [],
  };
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
      // A generation whose workshop was deleted while it ran has nowhere to go: a refusal, not a failure.
      if (op.kind === 'generate' && typeof ack['error'] === 'string' && /workshop was deleted|No workshop has the id/.test(ack['error'])) continue;
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
  // Personas of runs being deleted are not edited: the edit could only be refused.
  const personas = [...ledger.runs.values()].flatMap((run) => run.personaIds);
  const runs = [...ledger.runs.keys()];
  if (roll >= 0.45 && roll < 0.53 && runs.length > 2) {
    const runId = random.pick(runs);
    ledger.deletingRuns.set(runId, ledger.runs.get(runId)!);
    ledger.runs.delete(runId);
    return { id, kind: 'deleteRun', runId, deleteBackups: random.next() < 0.3 };
  }
  if (roll >= 0.53 && roll < 0.56 && ledger.workshops.size > 1) {
    const workshopId = random.pick([...ledger.workshops]);
    ledger.workshops.delete(workshopId);
    ledger.deletingWorkshops.add(workshopId);
    for (const [runId, run] of ledger.runs) {
      if (run.workshopId !== workshopId) continue;
      ledger.deletingRuns.set(runId, run);
      ledger.runs.delete(runId);
    }
    return { id, kind: 'deleteWorkshop', workshopId, deleteBackups: random.next() < 0.3 };
  }
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
    const run = { workshopId: ack['workshopId'] as string, personaIds };
    // Saved before its workshop's delete began: it goes (or stays) with the workshop.
    if (ledger.deletingWorkshops.has(run.workshopId)) ledger.deletingRuns.set(ack['runId'] as string, run);
    else if (ledger.deletedWorkshops.has(run.workshopId)) ledger.deletedRuns.set(ack['runId'] as string, run);
    else ledger.runs.set(ack['runId'] as string, run);
    for (const id of personaIds) ledger.edits.set(id, { sent: [], acknowledged: 0 });
  } else if (op.kind === 'deleteRun') {
    ledger.deletesAcknowledged++;
    const run = ledger.deletingRuns.get(op.runId);
    if (run) ledger.deletedRuns.set(op.runId, run);
    ledger.deletingRuns.delete(op.runId);
  } else if (op.kind === 'deleteWorkshop') {
    ledger.deletesAcknowledged++;
    ledger.deletingWorkshops.delete(op.workshopId);
    ledger.deletedWorkshops.add(op.workshopId);
    for (const [runId, run] of ledger.deletingRuns) {
      if (run.workshopId !== op.workshopId) continue;
      ledger.deletedRuns.set(runId, run);
      ledger.deletingRuns.delete(runId);
    }
  } else if (op.kind === 'edit') {
    const edits = ledger.edits.get(op.personaId)!;
    edits.acknowledged = Math.max(edits.acknowledged, edits.sent.indexOf(op.quote) + 1);
  } else if (op.kind === 'settings') {
    ledger.settings.acknowledged = Math.max(ledger.settings.acknowledged, ledger.settings.sent.findIndex((s) => s.id === op.id) + 1);
  } else {
    ledger.workshops.add(ack['workshopId'] as string);
  }
}
