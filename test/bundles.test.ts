/**
 * Workshop bundles on real app.db files in temp folders: a workshop exported from one data folder
 * and imported into another arrives whole, once, and a bad file or a failing row adds nothing.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Core } from '../src/main/core/core';
import { importBundle, readBundle } from '../src/main/workshops/bundles';
import { AppError } from '../src/main/platform';
import { BUNDLE_TABLES } from '../src/shared/bundle';
import { workshopCores } from './support/workshop-cores';

const { LYON, PORTO, brief, openCore } = workshopCores();

/** A workshop with two runs, an edit, an interview, a focus group and a concept test. */
async function filledWorkshop(core: Core) {
  const workshop = core.workshops.create({ name: 'Bundled research' });
  const { run, document } = await core.generate(brief(LYON, { seed: 7 }), { workshopId: workshop.id });
  await core.generate(brief(PORTO, { seed: 8 }), { workshopId: workshop.id });
  const persona = document.personas[0]!;
  core.workshops.editPersona(persona.id!, { ...persona, quote: 'Bundled and shipped.' });
  await core.asking.interviews.ask({ runId: run.id, personaId: persona.id!, question: 'What do you cook on Mondays?', providerId: 'offline' });
  await core.asking.panels.askGroup({ runId: run.id, question: 'Where do you shop?', providerId: 'offline' });
  await core.asking.panels.testConcept({ runId: run.id, concept: { text: 'Meal kits by bike', price: '€12' }, providerId: 'offline' });
  return { workshop, run };
}

/** Every bundled row in app.db, table by table, without the edits' own integer ids. */
function rowsOf(core: Core): Record<string, unknown[]> {
  return Object.fromEntries(BUNDLE_TABLES.map((t) => [t, core.store.database.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all().map((r) => {
    const { id, ...rest } = r as Record<string, unknown>;
    return t === 'edits' ? rest : { id, ...rest };
  })]));
}

function refusal(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

describe('workshop bundles', () => {
  it('carry a workshop with its runs, personas, edits, interviews, focus groups and concept tests to another data folder, ids kept', async () => {
    const from = openCore();
    const { workshop } = await filledWorkshop(from);
    const bytes = from.bundles.export(workshop.id);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toMatchObject({ format: 'persona-studio-workshop', version: 1, workshopId: workshop.id });

    const to = openCore();
    const before = to.workshops.list({ includeArchived: true }).length;
    const summary = to.bundles.import(bytes);
    expect(summary).toMatchObject({ workshopId: workshop.id, workshopName: 'Bundled research', alreadyImported: false, remapped: false });
    expect(summary.counts).toMatchObject({ workshops: 1, runs: 2, personas: 6, edits: 1, interviews: 1, interview_turns: 1, focus_groups: 1, focus_group_answers: 3, concept_tests: 1, concept_verdicts: 3 });
    // The receiving folder's default workshop is not in the sender's bundle; everything else matches row for row.
    const sent = rowsOf(from);
    const received = rowsOf(to);
    received.workshops = received.workshops!.filter((w) => (w as { id: string }).id === workshop.id);
    sent.workshops = sent.workshops!.filter((w) => (w as { id: string }).id === workshop.id);
    expect(received).toEqual(sent);
    expect(to.workshops.list({ includeArchived: true })).toHaveLength(before + 1);
    const edited = (sent.edits![0] as { persona_id: string }).persona_id;
    expect(to.workshops.personaHistory(edited).map((v) => v.persona.quote)).toContain('Bundled and shipped.');

    // A second import of the same file adds nothing.
    const once = rowsOf(to);
    const again = to.bundles.import(bytes);
    expect(again.alreadyImported).toBe(true);
    expect(Object.values(again.counts).every((n) => n === 0)).toBe(true);
    expect(rowsOf(to)).toEqual(once);
    expect(to.store.database.prepare('SELECT COUNT(*) AS n FROM personas').get()).toEqual({ n: 6 });
  });

  it('with remap imports a copy under new ids, its references and persona JSON following', async () => {
    const core = openCore();
    const { workshop, run } = await filledWorkshop(core);
    const summary = core.bundles.import(core.bundles.export(workshop.id), { remap: true });
    expect(summary).toMatchObject({ alreadyImported: false, remapped: true });
    expect(summary.workshopId).not.toBe(workshop.id);
    const db = core.store.database;
    expect(db.prepare('SELECT COUNT(*) AS n FROM personas').get()).toEqual({ n: 12 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM runs WHERE workshop_id = ?').get(summary.workshopId)).toEqual({ n: 2 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM runs WHERE id = ?').get(run.id)).toEqual({ n: 1 });
    const copied = db.prepare('SELECT id, json FROM personas WHERE workshop_id = ?').all(summary.workshopId) as { id: string; json: string }[];
    for (const p of copied) expect(p.json).not.toMatch(new RegExp(`"${run.id}"`));
    expect(db.prepare('SELECT COUNT(*) AS n FROM concept_verdicts v JOIN personas p ON p.id = v.persona_id WHERE p.workshop_id = ?').get(summary.workshopId)).toEqual({ n: 3 });
  });

  it('refuse a damaged file, a newer version and a file that is not a bundle, saying what to do', async () => {
    const from = openCore();
    const { workshop } = await filledWorkshop(from);
    const bytes = from.bundles.export(workshop.id);
    const to = openCore();
    const cases: Array<[Uint8Array, RegExp]> = [
      [bytes.subarray(0, bytes.length / 2), /damaged.*export it again/],
      [Buffer.from(gunzipSync(bytes).toString('utf8').slice(0, 500)), /not JSON/],
      [gzipSync(JSON.stringify({ ...JSON.parse(gunzipSync(bytes).toString('utf8')), version: 2 })), /newer Persona Studio.*update the app/],
      [Buffer.from(JSON.stringify({ name: 'a persona', age: 30 })), /not a workshop bundle/],
      [Buffer.from(JSON.stringify({ ...JSON.parse(gunzipSync(bytes).toString('utf8')), tables: { workshops: [] } })), /damaged/],
    ];
    for (const [file, message] of cases) {
      const error = refusal(() => to.bundles.import(file));
      expect(error.code).toBe('invalid_request');
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/nothing was imported/);
    }
    expect(to.store.database.prepare('SELECT COUNT(*) AS n FROM runs').get()).toEqual({ n: 0 });
  });

  it('leaves nothing when a row fails halfway through the import', async () => {
    const from = openCore();
    const { workshop } = await filledWorkshop(from);
    const bundle = readBundle(from.bundles.export(workshop.id));
    // The concept verdicts come last: a duplicated one breaks the primary key after every other row went in.
    bundle.tables.concept_verdicts.push({ ...bundle.tables.concept_verdicts[0]! });
    const to = openCore();
    const error = refusal(() => importBundle(to.store.database, bundle));
    expect(error.message).toMatch(/concept_verdicts row does not fit.*nothing was imported/);
    for (const table of BUNDLE_TABLES) {
      const where = table === 'workshops' ? `WHERE id = '${workshop.id}'` : '';
      expect(to.store.database.prepare(`SELECT COUNT(*) AS n FROM ${table} ${where}`).get(), table).toEqual({ n: 0 });
    }
    expect(to.workshops.list({ includeArchived: true }).some((w) => w.id === workshop.id)).toBe(false);
  });

  it('refuse to export a workshop that does not exist', () => {
    expect(refusal(() => openCore().bundles.export('no-such-workshop')).code).toBe('not_found');
  });
});
