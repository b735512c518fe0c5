/**
 * Workshops the user owns, on real app.db and cache.db files in temp folders: workshops created,
 * switched, renamed, archived and deleted; runs titled, renamed, moved, duplicated and deleted;
 * personas deleted, their history shown, restored and undone. Each action through the core and
 * through IPC; test/deletion.test.ts checks that a delete leaves nothing readable.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../src/main/ipc/dispatcher';
import { createHandlers } from '../src/main/ipc/handlers';
import { APP_MIGRATIONS } from '../src/main/workshops/migrations';
import { contract } from '../src/shared/ipc/contract';
import type { Channel, ResponseOf } from '../src/shared/ipc/types';
import type { Persona } from '../src/shared/persona';
import { tempDir } from './helpers';
import { workshopCores } from './support/workshop-cores';

const { LYON, PORTO, brief, openCore, closeCore } = workshopCores();

describe('the migration', () => {
  it('upgrades an app.db from before workshops had clients: runs titled from their briefs, edits of kind "edit"', () => {
    const dataDir = tempDir();
    const db = new Database(path.join(dataDir, 'app.db'));
    db.exec(APP_MIGRATIONS.slice(0, 4).join(';'));
    db.pragma('user_version = 4');
    const at = '2026-01-02T03:04:05.000Z';
    const persona = { id: 'p1', name: 'Camille Rousseau', age: 40, location: { city: 'Lyon', country: 'France' }, occupation: 'Teacher', bio: 'Teaches.', goals: ['Rest'], painPoints: ['Marking'] };
    db.prepare('INSERT INTO workshops (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run('w1', 'Old workshop', at, at);
    db.prepare('INSERT INTO briefs (id, workshop_id, description, brief_json, created_at) VALUES (?, ?, ?, ?, ?)').run('b1', 'w1', `${LYON}. More words.`, JSON.stringify({ description: `${LYON}. More words.`, count: 1, level: 'simple' }), at);
    db.prepare(`INSERT INTO runs (id, workshop_id, brief_id, status, provider, level, count, seed, started_at, duration_ms) VALUES ('r1', 'w1', 'b1', 'completed', 'offline', 'simple', 1, 1, ?, 5)`).run(at);
    db.prepare(`INSERT INTO personas (id, run_id, workshop_id, position, name, age, city, country, occupation, source, json, created_at) VALUES ('p1', 'r1', 'w1', 0, 'Camille Rousseau', 40, 'Lyon', 'France', 'Teacher', 'offline', ?, ?)`).run(JSON.stringify(persona), at);
    db.prepare('INSERT INTO edits (persona_id, edited_at, before_json, after_json) VALUES (?, ?, ?, ?)').run('p1', at, JSON.stringify({ ...persona, name: 'Camille R.' }), JSON.stringify(persona));
    db.close();

    const core = openCore(dataDir);
    expect(core.store.getWorkshop('w1')).toMatchObject({ name: 'Old workshop', client: null, description: null, archivedAt: null, runCount: 1 });
    expect(core.workshops.getRun('r1')).toMatchObject({ title: LYON, titled: false });
    expect(core.workshops.personaHistory('p1').map((v) => [v.kind, v.persona.name])).toEqual([['original', 'Camille R.'], ['edit', 'Camille Rousseau']]);
    // The only workshop becomes the current one, and a delete purges nothing it cannot name.
    expect(core.workshops.currentWorkshopId()).toBe('w1');
    expect(core.workshops.deleteRun('r1').deleted).toEqual({ runs: 1, personas: 1, edits: 1, conversations: 0 });
  });
});

describe('workshops through the core', () => {
  it('creates, renames, switches, archives and restores workshops; the current one is remembered in app.db', async () => {
    const dataDir = tempDir();
    let core = openCore(dataDir);
    const a = core.workshops.create({ name: 'Client A', client: 'Acme', description: 'Meal kits' });
    const b = core.workshops.create({ name: 'Client B' });
    expect(a).toMatchObject({ name: 'Client A', client: 'Acme', description: 'Meal kits', archivedAt: null, runCount: 0 });
    expect(b).toMatchObject({ client: null, description: null });

    expect(core.workshops.update(a.id, { name: 'Client A (food)', client: null })).toMatchObject({ name: 'Client A (food)', client: null, description: 'Meal kits' });
    expect(core.workshops.select(a.id).id).toBe(a.id);
    const { run } = await core.generate(brief(LYON));
    expect(run.workshopId).toBe(a.id);

    closeCore(core);
    core = openCore(dataDir);
    expect(core.workshops.currentWorkshopId()).toBe(a.id);

    core.workshops.archive(a.id, true);
    expect(core.workshops.list().map((w) => w.id)).toEqual([b.id]);
    expect(core.workshops.list({ includeArchived: true }).map((w) => w.id).sort()).toEqual([a.id, b.id].sort());
    // Archiving the current workshop makes another current; an archived one cannot be chosen.
    expect(core.workshops.currentWorkshopId()).toBe(b.id);
    expect(() => core.workshops.select(a.id)).toThrow(/archived; restore it first/);
    // Its runs are still listed by workshop and found by search, by title or workshop name.
    expect(core.workshops.listRuns(a.id).map((r) => r.id)).toEqual([run.id]);
    expect(core.workshops.searchRuns('client a (food)').map((r) => r.id)).toEqual([run.id]);
    expect(core.workshops.searchRuns('meal-kit').map((r) => r.id)).toEqual([run.id]);

    expect(core.workshops.archive(a.id, false).archivedAt).toBeNull();
    expect(core.workshops.select(a.id).id).toBe(a.id);
    expect(() => core.workshops.update('nope', { name: 'x' })).toThrow(/No workshop has the id nope/);
  });

  it('sends a generation without a workshop to the current one, made as "My workshop" when there is none', async () => {
    const core = openCore();
    const first = await core.generate(brief(LYON));
    const mine = core.store.getWorkshop(first.run.workshopId)!;
    expect(mine.name).toBe('My workshop');
    const other = core.workshops.create({ name: 'Other' });
    // Creating a workshop does not switch to it.
    expect((await core.generate(brief(PORTO))).run.workshopId).toBe(mine.id);
    core.workshops.select(other.id);
    expect((await core.generate(brief(PORTO))).run.workshopId).toBe(other.id);
  });

  it('titles a run from its brief until renamed, and searches titles and client names', async () => {
    const core = openCore();
    const workshop = core.workshops.create({ name: 'Lisbon study', client: 'Fado Languages' });
    const { run } = await core.generate(brief(`${PORTO}. They want to talk to their grandchildren abroad.`), { workshopId: workshop.id });
    expect(run).toMatchObject({ title: PORTO, titled: false });
    const renamed = core.workshops.renameRun(run.id, '  Porto retirees  ');
    expect(renamed).toMatchObject({ title: 'Porto retirees', titled: true });
    expect(core.workshops.getRun(run.id).title).toBe('Porto retirees');
    expect(core.workshops.searchRuns('PORTO RETIREES').map((r) => r.id)).toEqual([run.id]);
    expect(core.workshops.searchRuns('fado').map((r) => r.id)).toEqual([run.id]);
    expect(() => core.workshops.renameRun('nope', 'x')).toThrow(/No run has the id nope/);
  });

  it('moves a run with its personas, edits and exports intact', async () => {
    const core = openCore();
    const from = core.workshops.create({ name: 'From' });
    const to = core.workshops.create({ name: 'To', client: 'Acme' });
    const { run, document } = await core.generate(brief(LYON), { workshopId: from.id });
    const first = document.personas[0]!;
    core.workshops.editPersona(first.id!, { ...first, quote: 'Sunday is for planning.' });
    const before = { md: (await core.reports.export(run.id, 'md')).bytes.toString(), csv: (await core.reports.export(run.id, 'csv')).bytes.toString(), json: (await core.reports.export(run.id, 'json')).bytes.toString() };

    const moved = core.workshops.moveRun(run.id, to.id);
    expect(moved.workshopId).toBe(to.id);
    expect(core.workshops.listRuns(from.id)).toEqual([]);
    expect(core.store.getWorkshop(from.id)).toMatchObject({ runCount: 0, personaCount: 0 });
    expect(core.store.getWorkshop(to.id)).toMatchObject({ runCount: 1, personaCount: 3 });
    expect(core.workshops.personaHistory(first.id!).map((v) => v.kind)).toEqual(['original', 'edit']);
    expect((await core.reports.export(run.id, 'csv')).bytes.toString()).toBe(before.csv);
    expect((await core.reports.export(run.id, 'json')).bytes.toString()).toBe(before.json);
    // The Markdown names the workshop (and now its client); the rest is the same.
    const md = (await core.reports.export(run.id, 'md')).bytes.toString();
    expect(md).toContain('Workshop: To · Client: Acme');
    expect(md.replace(/^Workshop: .*$/m, '')).toBe(before.md.replace(/^Workshop: .*$/m, ''));
    expect(() => core.workshops.moveRun(run.id, 'nope')).toThrow(/No workshop has the id nope/);
  });

  it('duplicates a run into an independent copy: new ids, no history, titled "Copy of …"', async () => {
    const core = openCore();
    const { run, document } = await core.generate(brief(LYON));
    const original = document.personas[0]!;
    core.workshops.editPersona(original.id!, { ...original, quote: 'Edited before the copy.' });
    const copy = core.workshops.duplicateRun(run.id);
    expect(copy).toMatchObject({ workshopId: run.workshopId, title: `Copy of ${run.title}`, titled: true, count: run.count });
    const copied = core.workshops.getRun(copy.id).document!.personas;
    expect(copied.map((p) => p.name)).toEqual(document.personas.map((p) => p.name));
    expect(copied[0]!.quote).toBe('Edited before the copy.');
    expect(copied.map((p) => p.id).some((id) => document.personas.some((p) => p.id === id))).toBe(false);
    expect(core.workshops.personaHistory(copied[0]!.id!)).toHaveLength(1);

    core.workshops.editPersona(copied[0]!.id!, { ...copied[0]!, quote: 'Only the copy says this.' });
    core.workshops.deletePersona(copied[1]!.id!);
    expect(core.workshops.getRun(run.id).document!.personas.map((p) => p.quote)).toEqual([
      'Edited before the copy.',
      ...document.personas.slice(1).map((p) => p.quote),
    ]);
    core.workshops.deleteRun(copy.id);
    expect(core.workshops.getRun(run.id).document!.personas).toHaveLength(3);
  });

  it('deletes one persona: the others keep their order, the document and later additions follow', async () => {
    const core = openCore();
    const { run, document } = await core.generate(brief(LYON, { count: 4 }));
    const [a, b, c, d] = document.personas as [Persona, Persona, Persona, Persona];
    expect(core.workshops.deletePersona(b.id!)).toEqual({ runId: run.id, remaining: 3 });
    expect(core.workshops.getRun(run.id).document!.personas.map((p) => p.id)).toEqual([a.id, c.id, d.id]);
    const added = await core.workshops.newPersona({ runId: run.id });
    expect(core.workshops.getRun(run.id).document!.personas.map((p) => p.id)).toEqual([a.id, c.id, d.id, added.persona.id]);
    expect(() => core.workshops.deletePersona(b.id!)).toThrow(/No persona has the id/);
  });

  it('keeps every version of a persona: restore any of them, undo the last edit', async () => {
    const core = openCore();
    const { run, document } = await core.generate(brief(LYON));
    const original = document.personas[0]!;
    const id = original.id!;
    core.workshops.editPersona(id, { ...original, quote: 'Version one.' });
    core.workshops.editPersona(id, { ...original, quote: 'Version two.', goals: ['Eat together on weekdays'] });
    await core.workshops.newPersona({ runId: run.id, replacePersonaId: id });
    const versions = core.workshops.personaHistory(id);
    expect(versions.map((v) => [v.version, v.kind])).toEqual([[0, 'original'], [1, 'edit'], [2, 'edit'], [3, 'regenerate']]);
    expect(versions[0]!.persona).toEqual(original);
    expect(versions[1]!.changed).toEqual(['quote']);
    expect([...versions[2]!.changed].sort()).toEqual(['goals', 'quote']);
    expect(versions[3]!.changed).toContain('name');
    for (const v of versions) expect(Date.parse(v.at)).not.toBeNaN();

    // Restore each earlier version in turn: each is a new edit of kind "restore".
    for (const wanted of [0, 2, 1]) {
      const restored = core.workshops.restorePersona(id, wanted);
      expect(restored.persona).toEqual(versions[wanted]!.persona);
      expect(core.workshops.getRun(run.id).document!.personas[0]).toEqual(versions[wanted]!.persona);
    }
    const after = core.workshops.personaHistory(id);
    expect(after.map((v) => v.kind).slice(4)).toEqual(['restore', 'restore', 'restore']);
    expect(() => core.workshops.restorePersona(id, after.length - 1)).toThrow(/is the current one/);
    expect(() => core.workshops.restorePersona(id, 99)).toThrow(/has no version 99/);

    // Undo takes the last edit back and out of the history.
    const undone = core.workshops.undoEdit(id);
    expect(undone).toEqual({ persona: versions[2]!.persona, edits: after.length - 2 });
    expect(core.workshops.personaHistory(id)).toHaveLength(after.length - 1);
    while (core.workshops.personaHistory(id).length > 1) core.workshops.undoEdit(id);
    expect(core.store.getPersona(id)!.persona).toEqual(original);
    expect(() => core.workshops.undoEdit(id)).toThrow(/nothing to undo/);
  });
});

describe('workshops through IPC', () => {
  it('answers every new channel with responses that match the contract, and refusals as typed errors', async () => {
    const core = openCore();
    const dispatch = createDispatcher(createHandlers(core));
    const context = { emit: () => {} };
    const call = async <C extends Channel>(channel: C, request: unknown): Promise<ResponseOf<C>> => {
      const result = await dispatch(channel, request, context);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      expect(contract[channel].response.safeParse(result.data).success, `${channel} response matches the contract`).toBe(true);
      return result.data as ResponseOf<C>;
    };
    const refused = async (channel: Channel, request: unknown) => {
      const result = await dispatch(channel, request, context);
      if (result.ok) throw new Error(`${channel} was not refused`);
      return result.error;
    };

    const a = await call('workshops:create', { name: ' Client A ', client: 'Acme', description: '' });
    expect(a).toMatchObject({ name: 'Client A', client: 'Acme', description: null });
    const b = await call('workshops:create', { name: 'Client B' });
    expect((await call('workshops:select', { workshopId: a.id })).id).toBe(a.id);
    expect((await call('app:info', {})).currentWorkshopId).toBe(a.id);
    const generated = await call('generation:run', { requestId: randomUUID(), brief: { description: LYON, count: 2, level: 'simple', seed: 9 } });
    expect(generated.run).toMatchObject({ workshopId: a.id, title: LYON, titled: false });
    const runId = generated.run.id;

    expect(await call('workshops:update', { workshopId: b.id, client: 'Beta', description: 'Second client' })).toMatchObject({ name: 'Client B', client: 'Beta' });
    expect((await call('runs:rename', { runId, title: 'Lyon parents' })).title).toBe('Lyon parents');
    expect((await call('runs:move', { runId, workshopId: b.id })).workshopId).toBe(b.id);
    const copy = await call('runs:duplicate', { runId });
    expect(copy.title).toBe('Copy of Lyon parents');

    const personaId = generated.document.personas[0]!.id!;
    const edited = await call('personas:edit', { personaId, persona: { ...generated.document.personas[0], quote: 'Edited over IPC.' } });
    expect(edited.edits).toBe(1);
    const history = await call('personas:history', { personaId });
    expect(history.versions.map((v) => v.kind)).toEqual(['original', 'edit']);
    expect((await call('personas:restore', { personaId, version: 0 })).persona).toEqual(generated.document.personas[0]);
    expect((await call('personas:undo', { personaId })).persona.quote).toBe('Edited over IPC.');
    expect(await refused('personas:restore', { personaId, version: 7 })).toMatchObject({ code: 'not_found', field: 'version' });
    expect(await call('personas:delete', { personaId: generated.document.personas[1]!.id! })).toEqual({ runId, remaining: 1 });

    expect((await call('workshops:archive', { workshopId: b.id, archived: true })).archivedAt).not.toBeNull();
    expect((await call('workshops:list', {})).workshops.map((w) => w.id)).toEqual([a.id]);
    expect((await call('workshops:list', { includeArchived: true })).workshops).toHaveLength(2);
    expect((await call('runs:search', { query: 'beta' })).runs.map((r) => r.id).sort()).toEqual([runId, copy.id].sort());
    expect(await refused('workshops:select', { workshopId: b.id })).toMatchObject({ code: 'invalid_request', field: 'workshopId', message: expect.stringMatching(/restore it first/) });
    await call('workshops:archive', { workshopId: b.id, archived: false });

    expect(await call('deletion:preview', { runId })).toEqual({ runs: 1, personas: 1, edits: 1, conversations: 0, backups: 0 });
    expect(await call('deletion:preview', { workshopId: b.id })).toEqual({ runs: 2, personas: 3, edits: 1, conversations: 0, backups: 0 });
    expect(await call('runs:delete', { runId, deleteBackups: true })).toEqual({ deleted: { runs: 1, personas: 1, edits: 1, conversations: 0 }, backupsDeleted: 0 });
    expect((await call('runs:search', { query: 'Lyon parents' })).runs.map((r) => r.id)).toEqual([copy.id]);
    expect(await refused('runs:get', { runId })).toMatchObject({ code: 'not_found', field: 'runId' });
    expect(await refused('deletion:preview', { runId })).toMatchObject({ code: 'not_found', field: 'runId' });

    const gone = await call('workshops:delete', { workshopId: a.id });
    expect(gone).toEqual({ deleted: { runs: 0, personas: 0, edits: 0, conversations: 0 }, backupsDeleted: 0, currentWorkshopId: b.id });
    expect((await call('app:info', {})).currentWorkshopId).toBe(b.id);
    expect(await refused('workshops:delete', { workshopId: a.id })).toMatchObject({ code: 'not_found', field: 'workshopId' });
    expect(await refused('runs:move', { runId: copy.id, workshopId: a.id })).toMatchObject({ code: 'not_found', field: 'workshopId' });
  });
});
