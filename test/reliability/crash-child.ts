/**
 * The core in a child process for the crash harness: reads one JSON operation per line on stdin,
 * carries it out through the IPC dispatcher (as the renderer would) and prints `@@ack <json>` only
 * once the core has answered. The harness kills this process with SIGKILL at random moments.
 */
import readline from 'node:readline';
import { createCore } from '../../src/main/core/core';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { createHandlers } from '../../src/main/ipc/handlers';
import type { CrashOperation } from './crash-harness';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-child.ts DATA_DIR');
process.stdout.write('@@starting\n');
// A short backup delay, so that some kills land while a backup is being written.
const core = createCore({ dataDir, resources: null, backupDelayMs: 150 });
const dispatch = createDispatcher(createHandlers(core));
const context = { emit: () => {} };

function ack(id: number, body: Record<string, unknown>) {
  process.stdout.write(`@@ack ${JSON.stringify({ id, ...body })}\n`);
}

async function perform(op: CrashOperation): Promise<void> {
  switch (op.kind) {
    case 'generate': {
      const result = await dispatch('generation:run', { requestId: op.requestId, workshopId: op.workshopId, brief: op.brief }, context);
      if (!result.ok) return ack(op.id, { error: result.error.message });
      const { run, document } = result.data as { run: { id: string; workshopId: string }; document: { personas: Array<{ id: string }> } };
      return ack(op.id, { runId: run.id, workshopId: run.workshopId, personaIds: document.personas.map((p) => p.id) });
    }
    case 'edit': {
      const current = core.store.getPersona(op.personaId);
      if (!current) return ack(op.id, { error: 'persona not found' });
      const result = await dispatch('personas:edit', { personaId: op.personaId, persona: { ...current.persona, quote: op.quote } }, context);
      return ack(op.id, result.ok ? {} : { error: result.error.message });
    }
    case 'settings': {
      const result = await dispatch('settings:update', { change: { limits: { maxConcurrency: op.maxConcurrency } } }, context);
      return ack(op.id, result.ok ? {} : { error: result.error.message });
    }
    case 'workshop': {
      const result = await dispatch('workshops:create', { name: op.name }, context);
      return ack(op.id, result.ok ? { workshopId: (result.data as { id: string }).id } : { error: result.error.message });
    }
    case 'deleteRun': {
      const result = await dispatch('runs:delete', { runId: op.runId, deleteBackups: op.deleteBackups }, context);
      return ack(op.id, result.ok ? {} : { error: result.error.message });
    }
    case 'deleteWorkshop': {
      const result = await dispatch('workshops:delete', { workshopId: op.workshopId, deleteBackups: op.deleteBackups }, context);
      return ack(op.id, result.ok ? {} : { error: result.error.message });
    }
  }
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const op = JSON.parse(line) as CrashOperation;
  perform(op).catch((error: unknown) => ack(op.id, { error: String(error) }));
});
process.stdout.write('@@ready\n');
