/**
 * Delete means gone, on real files: after a run or a workshop is deleted, none of its persona names,
 * brief, edits, interviews, focus groups or concept tests is readable in the bytes of app.db,
 * cache.db or their WALs; the backups that still
 * hold it are counted and deleted when asked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../src/main/ipc/dispatcher';
import { createHandlers } from '../src/main/ipc/handlers';
import { tempDir } from './helpers';
import { ProviderServer } from './support/provider-server';
import { workshopCores } from './support/workshop-cores';

const { LYON, PORTO, brief, openCore } = workshopCores();

/** The four files a delete must leave without the run's text, as bytes. */
function filesHolding(dataDir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return ['app.db', 'app.db-wal', 'cache.db', 'cache.db-wal'].filter((name) => {
    const file = path.join(dataDir, name);
    return fs.existsSync(file) && fs.readFileSync(file).includes(needle);
  });
}

describe('delete means gone', () => {
  it("leaves none of a deleted run's persona names or brief in app.db, cache.db or their WALs", async () => {
    const dataDir = tempDir();
    const core = openCore(dataDir);
    const kept = await core.generate(brief(PORTO, { seed: 11 }));
    const { run, document } = await core.generate(brief(LYON, { seed: 2026 }));
    const persona = document.personas[0]!;
    core.workshops.editPersona(persona.id!, { ...persona, quote: 'A quote only this run has, edited in.' });
    // The generation was cached (a seeded brief): cache.db holds the personas too, sealed (test/sealed-at-rest.test.ts), so asked of the cache.
    expect(core.store.getRun(run.id)).toBeDefined();
    const names = document.personas.map((p) => p.name);
    const texts = [...names, LYON, 'A quote only this run has, edited in.'];
    expect(core.cache.stats().l2Kinds.generation.entries).toBe(2);
    for (const text of texts) expect(filesHolding(dataDir, text), text).not.toEqual([]);

    const dispatch = createDispatcher(createHandlers(core));
    const deleted = await dispatch('runs:delete', { runId: run.id }, { emit: () => {} });
    expect(deleted).toEqual({ ok: true, data: { deleted: { runs: 1, personas: 3, edits: 1, conversations: 0 }, backupsDeleted: 0 } });
    for (const text of texts) expect(filesHolding(dataDir, text), text).toEqual([]);
    expect(fs.statSync(path.join(dataDir, 'app.db-wal')).size).toBe(0);
    expect(core.cache.stats().l2Kinds.generation.entries).toBe(1);
    // The other run is untouched, and the same brief and seed generate afresh.
    expect(core.workshops.getRun(kept.run.id).document!.personas).toEqual(kept.document.personas);
    expect((await core.generate(brief(LYON, { seed: 2026 }))).fromCache).toBe(false);
  });

  it("takes a run's interviews, focus groups and concept tests with it: none of their words left in app.db, cache.db or the WALs", async () => {
    const dataDir = tempDir();
    const core = openCore(dataDir);
    const server = await ProviderServer.start({ script: (r) => (r.chat && !r.chat.verdict ? { content: `Marmalade zeppelins are what ${r.chat.persona} orders on Sundays.` } : {}) });
    try {
      const { run, document } = await core.generate(brief(LYON, { seed: 4040 }));
      core.settings.update({ provider: 'openai', openai: { baseUrl: `${server.url}/v1`, model: 'local-model', stream: true } });
      const persona = document.personas[0]!;
      await core.asking.interviews.ask({ runId: run.id, personaId: persona.id!, question: 'Which quince pastries do you queue for?' });
      await core.asking.panels.askGroup({ runId: run.id, question: 'Where do you buy saffron noodles?', providerId: 'offline' });
      await core.asking.panels.testConcept({ runId: run.id, concept: { text: 'Velvet turnip subscription boxes', price: '€13 a fortnight' } });
      const texts = ['Marmalade zeppelins', 'Which quince pastries do you queue for?', 'Where do you buy saffron noodles?', 'Velvet turnip subscription boxes'];
      // The LLM's answers were cached: cache.db holds them too, sealed, so asked of the cache.
      expect(core.cache.stats().l2Kinds.answer.entries).toBeGreaterThan(0);
      for (const text of texts) expect(filesHolding(dataDir, text), text).not.toEqual([]);
      expect(core.workshops.previewDeletion({ runId: run.id })).toEqual({ runs: 1, personas: 3, edits: 0, conversations: 3, backups: 0 });

      expect(core.workshops.deleteRun(run.id)).toEqual({ deleted: { runs: 1, personas: 3, edits: 0, conversations: 3 }, backupsDeleted: 0 });
      for (const text of texts) expect(filesHolding(dataDir, text), text).toEqual([]);
      const db = core.store.database;
      for (const table of ['interviews', 'interview_turns', 'focus_groups', 'focus_group_answers', 'concept_tests', 'concept_verdicts']) expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    } finally {
      await server.close();
    }
  });

  it('deleting one interview purges its cached answers and leaves none of its words in the files', async () => {
    const dataDir = tempDir();
    const core = openCore(dataDir);
    const server = await ProviderServer.start({ script: (r) => (r.chat ? { content: 'Pomegranate hovercraft, every single weekend.' } : {}) });
    try {
      const { run, document } = await core.generate(brief(LYON, { seed: 4041 }));
      core.settings.update({ provider: 'ollama', ollama: { baseUrl: server.url, model: 'llama3.1:8b', stream: true } });
      const { interview } = await core.asking.interviews.ask({ runId: run.id, personaId: document.personas[1]!.id!, question: 'What do you ride to the lighthouse?' });
      expect(filesHolding(dataDir, 'Pomegranate hovercraft')).not.toEqual([]);
      core.asking.interviews.delete(interview.id);
      for (const text of ['Pomegranate hovercraft', 'What do you ride to the lighthouse?']) expect(filesHolding(dataDir, text), text).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('deletes a workshop with everything in it in one go, and the cached generations of its runs', async () => {
    const dataDir = tempDir();
    const core = openCore(dataDir);
    const doomed = core.workshops.create({ name: 'Doomed workshop', client: 'Client Nobody Keeps' });
    const kept = core.workshops.create({ name: 'Kept' });
    core.workshops.select(doomed.id);
    const one = await core.generate(brief(LYON, { seed: 5 }));
    const two = await core.generate(brief(PORTO, { seed: 6 }));
    core.workshops.duplicateRun(two.run.id);
    await core.generate(brief(PORTO), { workshopId: kept.id });
    expect(core.workshops.previewDeletion({ workshopId: doomed.id })).toEqual({ runs: 3, personas: 9, edits: 0, conversations: 0, backups: 0 });

    const result = core.workshops.deleteWorkshop(doomed.id);
    expect(result).toEqual({ deleted: { runs: 3, personas: 9, edits: 0, conversations: 0 }, backupsDeleted: 0, currentWorkshopId: kept.id });
    expect(core.workshops.list({ includeArchived: true }).map((w) => w.id)).toEqual([kept.id]);
    for (const text of [...one.document.personas, ...two.document.personas].map((p) => p.name).concat(['Client Nobody Keeps', 'Doomed workshop', LYON])) {
      expect(filesHolding(dataDir, text), text).toEqual([]);
    }
    const db = core.store.database;
    for (const table of ['briefs', 'runs', 'personas', 'edits']) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${table === 'edits' ? 'persona_id NOT IN (SELECT id FROM personas)' : `workshop_id = '${doomed.id}'`}`).get()).toEqual({ n: 0 });
    }
    expect(() => core.workshops.deleteWorkshop(doomed.id)).toThrow(/No workshop has the id/);
  });

  it('counts the backups that still hold a run, and deletes them when asked', async () => {
    const dataDir = tempDir();
    const core = openCore(dataDir);
    const older = await core.recovery.backup(core.store, Date.now() - 60_000);
    const { run } = await core.generate(brief(LYON));
    const newer = await core.recovery.backup(core.store, Date.now() + 1_000);
    // Only the backup taken after the run was written holds it.
    expect(core.workshops.previewDeletion({ runId: run.id })).toEqual({ runs: 1, personas: 3, edits: 0, conversations: 0, backups: 1 });
    expect(core.workshops.deleteRun(run.id, { deleteBackups: true })).toEqual({ deleted: { runs: 1, personas: 3, edits: 0, conversations: 0 }, backupsDeleted: 1 });
    expect(fs.readdirSync(core.recovery.folder)).toEqual([older.name]);
    expect(newer.name).not.toBe(older.name);
    expect(() => core.workshops.previewDeletion({ runId: run.id })).toThrow(/No run has the id/);
  });
});

