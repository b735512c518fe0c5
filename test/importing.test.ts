/**
 * Importing personas written elsewhere, through the core on real app.db files in temp folders:
 * previews of Markdown, prose, CSV (generic and this app's own export), JSON exports, JSON lines,
 * Word documents and bundles; commits saved as a run marked imported; refusals that say why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../src/main/core/core';
import { createDispatcher } from '../src/main/ipc/dispatcher';
import { createHandlers } from '../src/main/ipc/handlers';
import { AppError } from '../src/main/platform';
import { contract } from '../src/shared/ipc/contract';
import { IMPORTED_PROVIDER, type ImportPreview, type ImportSource, type PersonaImportPreview } from '../src/shared/importing';
import type { Level } from '../src/shared/persona';
import { docxOf } from './support/docx';
import { REPO_ROOT } from './helpers';
import { workshopCores } from './support/workshop-cores';

const { openCore, brief, LYON } = workshopCores();

const MARKDOWN = `Here are three personas for a bakery-delivery app.

## Sarah Chen — The Busy Founder
- **Age:** 38
- **Location:** Leeds, United Kingdom
- **Occupation:** Founder of a design studio
- **Goals:**
  - Get fresh bread delivered before the 8 am stand-up
  - Stop queuing at the bakery on Saturdays
- **Pain points:**
  - Delivery slots that never fit her meetings
- **Quote:** "If it is not in my calendar, it does not happen."

## Tomasz Nowak
- **Age:** 61
- **Location:** Kraków, Poland
- **Occupation:** Retired tram driver
- **Goals:**
  - Order rye bread without a smartphone
- **Pain points:**
  - Apps with tiny buttons

## The Weekend Host
- **Age:** 45
- **Location:** Lyon, France
- **Occupation:** Accountant
- **Goals:**
  - Order pastries for ten guests in one go
- **Pain points:**
  - Minimum orders that change every week
`;

const text = (t: string): ImportSource => ({ kind: 'text', text: t });
const file = (fileName: string, content: string | Buffer): ImportSource => ({ kind: 'file', fileName, base64: Buffer.from(content).toString('base64') });

async function preview(core: Core, source: ImportSource, level: Level = 'standard', description?: string): Promise<PersonaImportPreview> {
  const result: ImportPreview = await core.importing.preview({ source, level, ...(description ? { description } : {}) });
  if (result.kind !== 'personas') throw new Error(`expected personas, got ${result.kind}`);
  return result;
}

async function refusal(work: () => Promise<unknown> | unknown): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

describe('import preview', () => {
  it('reads three Markdown personas with what was read, repaired and filled, an archetype marked as such', async () => {
    const core = openCore();
    const result = await preview(core, text(MARKDOWN));
    expect(result.format).toBe('markdown');
    expect(result.sourceName).toBe('pasted text');
    expect(result.personas.map((p) => p.persona.name)).toEqual(['Sarah Chen', 'Tomasz Nowak', 'The Weekend Host']);
    expect(result.personas.map((p) => p.nameKind)).toEqual(['person', 'person', 'archetype']);
    for (const p of result.personas) {
      expect(p.read).toEqual(expect.arrayContaining(['name', 'age', 'occupation', 'goals', 'painPoints']));
      // Standard level asks for a cultural profile, values and channels no source here gives: filled, and said so.
      expect(p.filled).toEqual(expect.arrayContaining(['culturalProfile']));
      expect(p.filled.some((f) => p.read.includes(f))).toBe(false);
      expect(p.score).toBeGreaterThan(0);
      expect(p.persona.meta?.qualityScore).toBe(p.score);
    }
    expect(result.personas[1]!.filled).toContain('quote');
    expect(result.personas[0]!.read).toContain('quote');
    expect(result.notes.length).toBeGreaterThan(0);
  });

  it('reads a generic CSV through the key aliases and this app’s own CSV export back as persona-studio', async () => {
    const core = openCore();
    const csv = 'Name,Age,Occupation,City,Country,Goals,Pain points\n"Ana Ruiz",34,Nurse,Valencia,Spain,"Cook on night shifts; Sleep more","No time to shop\nExpensive delivery"\nLéa Martin,29,Teacher,Lyon,France,Save money,Long commute\n';
    const generic = await preview(core, file('people.csv', csv), 'simple');
    expect(generic.format).toBe('csv');
    expect(generic.personas.map((p) => [p.persona.name, p.persona.age, p.persona.location.city])).toEqual([['Ana Ruiz', 34, 'Valencia'], ['Léa Martin', 29, 'Lyon']]);
    expect(generic.personas[0]!.persona.goals).toEqual(['Cook on night shifts', 'Sleep more']);
    expect(generic.personas[0]!.persona.painPoints).toEqual(['No time to shop', 'Expensive delivery']);

    const run = await core.generate(brief(LYON));
    const exported = await core.reports.export(run.run.id, 'csv');
    const back = await preview(core, file('run.csv', exported.bytes), 'standard');
    expect(back.format).toBe('persona-studio');
    const original = run.document!.personas;
    expect(back.personas.map((p) => p.persona.name)).toEqual(original.map((p) => p.name));
    expect(back.personas[0]!.persona.goals).toEqual(original[0]!.goals);
    expect(back.personas[0]!.persona.culturalProfile).toEqual(original[0]!.culturalProfile);
  });

  it('reads a CSV table saved as .txt or .md, or pasted, by its content (issue 22 blind test)', async () => {
    const core = openCore();
    const csv = 'persona_id,full_name,age,city,country,job_title,primary_goal,primary_pain,favourite_quote\nP-001,Amélie Bonnet,37,Lyon,France,Architect,"Eat vegetarian without thinking","Kits are meat-heavy","Veggie by default, please."\nP-002,Olivier Mercier,44,Oullins,France,Police officer,"Quick meals after night shifts","Delivery when he sleeps","I sleep when you deliver."\n';
    for (const source of [file('export.txt', csv), file('notes.md', csv), text(csv), file('semi.txt', csv.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, ';'))]) {
      const read = await preview(core, source, 'simple');
      expect(read.format).toBe('csv');
      expect(read.personas.map((p) => [p.persona.name, p.persona.age, p.persona.location.city, p.persona.occupation])).toEqual([
        ['Amélie Bonnet', 37, 'Lyon', 'Architect'],
        ['Olivier Mercier', 44, 'Oullins', 'Police officer'],
      ]);
      expect(read.personas[0]!.persona.goals).toEqual(['Eat vegetarian without thinking']);
      expect(read.personas[1]!.persona.painPoints).toEqual(['Delivery when he sleeps']);
      expect(read.personas[0]!.persona.quote).toBe('Veggie by default, please.');
    }
    // Prose with commas is not a table: it stays Markdown.
    const prose = await preview(core, file('notes.txt', 'Name, age, city: these come first.\nAna Ruiz, 34, is a nurse in Valencia, Spain, who wants to cook on night shifts.\n'), 'simple');
    expect(prose.format).not.toBe('csv');
  });

  it('reads this app’s JSON run export as persona-studio, and JSON lines', async () => {
    const core = openCore();
    const run = await core.generate(brief(LYON));
    const json = JSON.stringify(run.document);
    const back = await preview(core, file('run.json', json));
    expect(back.format).toBe('persona-studio');
    expect(back.personas.map((p) => p.persona.name)).toEqual(run.document!.personas.map((p) => p.name));
    expect(back.personas.every((p) => p.filled.length === 0)).toBe(true);

    const lines = run.document!.personas.map((p) => JSON.stringify({ name: p.name, age: p.age, city: p.location.city, country: p.location.country, job: p.occupation, bio: p.bio })).join('\n');
    const jsonl = await preview(core, file('people.jsonl', lines), 'simple');
    expect(jsonl.format).toBe('jsonl');
    expect(jsonl.personas.map((p) => p.persona.occupation)).toEqual(run.document!.personas.map((p) => p.occupation));
    // In JSON a key under another name is a repair ("job" read as occupation); the city and country became a location.
    expect(jsonl.personas[0]!.repaired).toEqual(expect.arrayContaining(['occupation', 'location']));
    expect(jsonl.personas[0]!.read).toEqual(expect.arrayContaining(['name', 'age', 'bio']));
    expect(jsonl.personas[0]!.filled).toEqual(expect.arrayContaining(['goals', 'painPoints', 'interests']));
  });

  it('reads a TinyTroupe agent specification as tinytroupe', async () => {
    const core = openCore();
    const spec = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/tinytroupe/hand-written.agent.json'));
    const result = await preview(core, file('ines.agent.json', spec), 'simple');
    expect(result.format).toBe('tinytroupe');
    expect(result.personas.map((p) => [p.persona.name, p.persona.age, p.persona.location.city])).toEqual([['Inês Carvalho', 38, 'Porto']]);
  });

  it('reads a Word document by its headings and bold labels', async () => {
    const core = openCore();
    const docx = docxOf([
      { text: 'Research personas', style: 'Heading1' },
      { text: 'Marta Silva', style: 'Heading2' },
      { bold: 'Age: ', text: '42' },
      { bold: 'Location: ', text: 'Porto, Portugal' },
      { bold: 'Occupation: ', text: 'Pharmacist' },
      { bold: 'Goals: ', text: 'Learn English for her daughter’s wedding in Leeds' },
      { bold: 'Pain points: ', text: 'Evening classes end too late' },
      { text: 'Jorge Lima', style: 'Heading2' },
      { bold: 'Age: ', text: '67' },
      { bold: 'Location: ', text: 'Braga, Portugal' },
      { bold: 'Occupation: ', text: 'Retired teacher' },
      { bold: 'Goals: ', text: 'Talk to his grandchildren in Toronto' },
      { bold: 'Pain points: ', text: 'Apps that assume he is twenty' },
    ]);
    const result = await preview(core, file('personas.docx', docx), 'simple');
    expect(result.format).toBe('docx');
    expect(result.personas.map((p) => [p.persona.name, p.persona.age, p.persona.occupation])).toEqual([['Marta Silva', 42, 'Pharmacist'], ['Jorge Lima', 67, 'Retired teacher']]);

    const damaged = await refusal(() => core.importing.preview({ source: file('broken.docx', docx.subarray(0, 200)), level: 'simple' }));
    expect(damaged.message).toMatch(/could not be read as a Word document.*save it again as \.docx/);
  });

  it('recognises a workshop bundle and imports nothing from it', async () => {
    const core = openCore();
    await core.generate(brief(LYON));
    const workshop = core.workshops.list()[0]!;
    const bundle = core.bundles.export(workshop.id);
    const before = core.workshops.searchRuns('').length;
    const result = await core.importing.preview({ source: file('team.psw.json.gz', bundle), level: 'standard' });
    expect(result).toMatchObject({ kind: 'bundle', sourceName: 'team.psw.json.gz', workshopName: workshop.name, counts: { workshops: 1, runs: 1, personas: 3 } });
    expect(core.workshops.searchRuns('')).toHaveLength(before);
  });

  it('refuses a refusal, empty text, unrelated text, binary and unknown files, saying what to do', async () => {
    const core = openCore();
    const ask = (source: ImportSource) => refusal(() => core.importing.preview({ source, level: 'standard' }));
    const refused = await ask(text("I'm sorry, but I can't help with creating profiles of people."));
    expect(refused.message).toMatch(/^No persona found in pasted text: the text is a refusal.*Paste or choose text that describes people/);
    expect(refused.field).toBe('source');
    expect((await ask(text('The weather in Lyon was mild for the season, and the markets were busy.'))).message).toMatch(/^No persona found in pasted text/);
    expect((await ask(file('empty.md', '  \n '))).message).toMatch(/empty\.md is empty/);
    expect((await ask(file('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])))).message).toMatch(/\.png files cannot be imported; choose a/);
    expect((await ask(file('notes.txt', Buffer.from([0x41, 0, 0, 0x42, 0xff, 0xfe])))).message).toMatch(/not a text file/);
    expect((await ask(file('bad.csv', 'name,age\n"Ana,34\n'))).message).toMatch(/bad\.csv is not a readable CSV file/);
  });
});

describe('import over IPC', () => {
  it('previews a dropped file and commits it through the dispatcher, answers matching the contract', async () => {
    const core = openCore();
    const dispatch = createDispatcher(createHandlers(core));
    const context = { emit: () => {} };
    const previewed = await dispatch('import:preview', { source: { kind: 'file', fileName: 'bakery.md', base64: Buffer.from(MARKDOWN).toString('base64') } }, context);
    if (!previewed.ok) throw new Error(previewed.error.message);
    const parsed = contract['import:preview'].response.parse(previewed.data);
    if (parsed.kind !== 'personas') throw new Error('expected personas');
    expect(parsed).toMatchObject({ sourceName: 'bakery.md', format: 'markdown', level: 'standard' });
    const committed = await dispatch('import:commit', { personas: parsed.personas.map((p) => p.persona), level: parsed.level, sourceName: parsed.sourceName, format: parsed.format }, context);
    if (!committed.ok) throw new Error(committed.error.message);
    expect(contract['import:commit'].response.parse(committed.data).run).toMatchObject({ provider: 'imported', title: 'Imported from bakery.md', count: 3 });
    const refused = await dispatch('import:preview', { source: { kind: 'text', text: 'Nothing to see here, just a shopping list: eggs, milk.' } }, context);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'source' } });
  });

  it('says when the text announced more personas than it holds', async () => {
    const core = openCore();
    const result = await preview(core, text(MARKDOWN.replace('Here are three personas', 'Here are five personas')));
    expect(result.personas).toHaveLength(3);
    expect(result.announced).toBe(5);
    expect(result.notes.join(' ')).toMatch(/announced 5 personas but holds 3/);
  });
});

describe('import commit', () => {
  it('saves the previewed personas as one run marked imported, found by search, scored and validated', async () => {
    const core = openCore();
    const result = await preview(core, text(MARKDOWN));
    const personas = result.personas.map((p) => p.persona);
    personas[2] = { ...personas[2]!, name: 'Camille Durand', meta: { ...personas[2]!.meta, nameKind: 'person' } };
    const { workshops } = core;
    const target = workshops.create({ name: 'Bakery research' });
    const run = core.importing.commit({ personas, level: 'standard', workshopId: target.id, sourceName: 'pasted text', format: 'markdown', description: 'Bakery delivery for busy people in Leeds' });
    expect(run).toMatchObject({ provider: IMPORTED_PROVIDER, status: 'completed', workshopId: target.id, count: 3, title: 'Imported from pasted text' });
    expect(workshops.searchRuns('imported').map((r) => r.id)).toContain(run.id);
    const detail = workshops.getRun(run.id);
    expect(detail.brief.description).toBe('Bakery delivery for busy people in Leeds');
    expect(detail.document!.personas.map((p) => p.name)).toEqual(['Sarah Chen', 'Tomasz Nowak', 'Camille Durand']);
    for (const p of detail.document!.personas) {
      expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(p.meta).toMatchObject({ source: 'imported', importedFrom: 'pasted text' });
      expect(p.meta?.qualityScore).toBeGreaterThan(0);
    }

    const titled = core.importing.commit({ personas: personas.slice(0, 1), level: 'simple', title: 'Founders', sourceName: 'notes.md', format: 'markdown' });
    expect(titled).toMatchObject({ title: 'Founders', workshopId: core.workshops.currentWorkshopId() });
    expect(workshops.getRun(titled.id).brief.description).toBe('Imported from notes.md');
  });

  it('refuses a persona that does not fit the level with its number and field, and saves nothing', async () => {
    const core = openCore();
    const result = await preview(core, text(MARKDOWN));
    const personas = result.personas.map((p) => p.persona);
    const before = core.workshops.searchRuns('').length;
    const bad = { ...personas[1]!, age: 7 };
    const error = await refusal(() => core.importing.commit({ personas: [personas[0]!, bad], level: 'standard', sourceName: 'pasted text', format: 'markdown' }));
    expect(error.message).toMatch(/^persona 2 \(Tomasz Nowak\): age: .*; nothing was imported/);
    expect(core.workshops.searchRuns('')).toHaveLength(before);

    const archived = core.workshops.create({ name: 'Old' });
    core.workshops.archive(archived.id, true);
    expect((await refusal(() => core.importing.commit({ personas, level: 'standard', workshopId: archived.id, sourceName: 'x', format: 'markdown' }))).message).toMatch(/archived/);
    expect((await refusal(() => core.importing.commit({ personas, level: 'standard', workshopId: 'no-such', sourceName: 'x', format: 'markdown' }))).code).toBe('not_found');
    expect(core.workshops.searchRuns('')).toHaveLength(before);
  });
});
