import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../src/main/core/core';
import { renderReportHtml, reportOutline } from '../src/main/reports/report-html';
import { readBookmarks } from '../src/main/reports/report-paging';
import { briefInputSchema } from '../src/shared/brief';
import type { Persona } from '../src/shared/persona';
import { jsonSchemaValidators, REPO_ROOT, tempDir } from './helpers';

const RESULTS = path.join(REPO_ROOT, 'test-results');
/** Names that break naive encodings: accents, ß, a CJK name, an emoji. */
const HARD_NAMES = ['Zoé Lefèvre', 'Jürgen Weiß', '李小龙', 'Ana 🌻 Costa'];

let core: Core;
let runId: string;
let personas: Persona[];
let dir: string;

beforeAll(async () => {
  dir = tempDir('persona-report-');
  core = createCore({ dataDir: dir, resources: null, monitor: { autoStart: false } });
  const { run } = await core.generate(briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 10, level: 'standard', seed: 2024 }));
  runId = run.id;
  const stored = core.store.getRun(runId)!.document!.personas;
  HARD_NAMES.forEach((name, i) => core.store.editPersona(stored[i]!.id!, { ...stored[i]!, name }));
  personas = core.store.getRun(runId)!.document!.personas;
  fs.mkdirSync(RESULTS, { recursive: true });
});

afterAll(async () => {
  await core.reports.close();
  core.close();
});

describe('reports', () => {
  it('prints a PDF with a cover, a contents page, the personas and, internally, how the run was made, holding every name and quote', async () => {
    const file = path.join(dir, 'out', 'report.pdf');
    await core.reports.exportToFile(runId, 'pdf', file, undefined, { template: 'internal' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pageCount = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pageCount).toBeGreaterThanOrEqual(1 + 1 + 1 + personas.length + 1);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    for (const p of personas) {
      expect(flat).toContain(p.name);
      expect(flat).toContain(p.quote!.replace(/\s+/g, ' '));
    }
    const pages = text.split('\f');
    expect(pages[0]!.toLowerCase()).toContain('workshop report');
    expect(pages[1]!.toLowerCase()).toContain('contents');
    // The bookmarks are the report's outline; each persona's points at the page with their name.
    const outline = reportOutline(await core.reports.reportInput(runId, { template: 'internal' }));
    const bookmarks = await readBookmarks(fs.readFileSync(file));
    expect(bookmarks).toHaveLength(outline.length);
    const firstPersona = bookmarks.find((b) => b.title === personas[0]!.name)!;
    expect(pages[firstPersona.page! - 1]).toContain(personas[0]!.name);
    expect(pages[bookmarks.at(-1)!.page! - 1]!.replace(/\s+/g, ' ')).toContain(bookmarks.at(-1)!.title);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(RESULTS, 'report-cover')]);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(firstPersona.page), '-l', String(firstPersona.page), '-singlefile', file, path.join(RESULTS, 'report-persona')]);
    expect(fs.statSync(path.join(RESULTS, 'report-cover.png')).size).toBeGreaterThan(5000);
    expect(fs.statSync(path.join(RESULTS, 'report-persona.png')).size).toBeGreaterThan(5000);
  });

  it("puts the run's title, its workshop and the workshop's client on the cover", async () => {
    const workshopId = core.store.getRunSummary(runId)!.workshopId;
    core.workshops.update(workshopId, { name: 'Lyon family panel', client: 'Marmite & Co' });
    core.workshops.renameRun(runId, 'Busy parents, spring wave');
    const file = path.join(dir, 'out', 'titled.pdf');
    await core.reports.exportToFile(runId, 'pdf', file);
    const cover = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(cover).toContain('Busy parents, spring wave');
    expect(cover).toContain('Lyon family panel');
    expect(cover).toContain('Marmite & Co');
    expect(cover).toContain('Eco-friendly meal-kit delivery for busy parents in Lyon');
    const md = (await core.reports.export(runId, 'md')).bytes.toString('utf8');
    expect(md.split('\n').slice(0, 3)).toEqual(['# Busy parents, spring wave', '', 'Workshop: Lyon family panel · Client: Marmite & Co']);
  });

  it('exports JSON that validates against the persona document contract', async () => {
    const { bytes } = await core.reports.export(runId, 'json');
    const document = JSON.parse(bytes.toString('utf8')) as unknown;
    const validate = jsonSchemaValidators().standard;
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect((document as { personas: Persona[] }).personas.map((p) => p.name).slice(0, 4)).toEqual(HARD_NAMES);
  });

  it('exports CSV whose names and ages round-trip through a CSV parser', async () => {
    const { bytes, mimeType } = await core.reports.export(runId, 'csv');
    expect(mimeType).toMatch(/^text\/csv/);
    const rows = parse(bytes.toString('utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r['name'], Number(r['age'])])).toEqual(personas.map((p) => [p.name, p.age]));
    expect(rows[0]!['goals']).toBe(personas[0]!.goals.join('; '));
  });

  it('exports Markdown that reads on its own', async () => {
    const text = (await core.reports.export(runId, 'md')).bytes.toString('utf8');
    for (const p of personas) expect(text).toContain(`## ${p.name}`);
    expect(text).toContain('> Eco-friendly meal-kit delivery for busy parents in Lyon');
  });

  it("adds a page per interview, focus group and concept test, with the concept chart and quotes linked to their persona", async () => {
    const { run, document } = await core.generate(briefInputSchema.parse({ description: 'Language-learning app for retirees in Porto', count: 3, level: 'standard', seed: 88 }));
    const [first, second] = document.personas;
    const { turn } = await core.asking.interviews.ask({ runId: run.id, personaId: first!.id!, question: 'What would make you practise every day?' });
    const group = await core.asking.panels.askGroup({ runId: run.id, question: 'What frustrates you about learning apps?' });
    await core.asking.panels.testConcept({ runId: run.id, concept: { text: 'Conversation clubs in the neighbourhood café', price: '€8 a month' } });
    await core.asking.panels.testConcept({ runId: run.id, concept: { text: 'A tutor on video every morning', price: '€90 a month' } });

    const html = renderReportHtml({ run: core.store.getRun(run.id)!, workshop: { name: 'W', client: null, accent: null, logo: null }, generatedAt: new Date(), asked: core.asking.ofRun(run.id), summary: null, template: 'internal', paper: 'a4' });
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).not.toMatch(/<script|src=|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).toContain(`<a href="#persona-2">${second!.name}</a>`);
    expect(html).toContain('id="persona-1"');

    const file = path.join(dir, 'out', 'asked.pdf');
    await core.reports.exportToFile(run.id, 'pdf', file);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(1 + 1 + 3 + 1 + 1 + 2 + 1 + 1);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    for (const words of ['Interview', 'Focus group', 'Concept test 1', 'Concept test 2', 'The concepts side by side', 'Conversation clubs in the neighbourhood café', 'A tutor on video every morning', 'What frustrates you about learning apps?', 'Answers are simulated from each persona’s profile']) expect(flat.toLowerCase()).toContain(words.toLowerCase());
    // The client report says answers are simulated; only the internal one names the engine and its scoring rules.
    expect(flat).not.toMatch(/built-in engine|Start at 3/);
    const internal = execFileSync('pdftotext', ['-layout', '-', '-'], { input: (await core.reports.export(run.id, 'pdf', undefined, { template: 'internal' })).bytes, encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(internal).toContain('Offline answers are drawn from each persona’s profile');
    expect(flat).toContain(turn.answer.text.replace(/\s+/g, ' ').slice(0, 60));
    expect(flat).toContain(group.answers[1]!.answer.text.replace(/\s+/g, ' ').slice(0, 60));
    const pages = text.split('\f');
    const conceptPage = pages.findIndex((page) => page.toLowerCase().includes('concept test 1')) + 1;
    expect(conceptPage).toBeGreaterThan(5);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(conceptPage), '-l', String(conceptPage), '-singlefile', file, path.join(RESULTS, 'report-concept')]);
    expect(fs.statSync(path.join(RESULTS, 'report-concept.png')).size).toBeGreaterThan(5000);

    const json = JSON.parse((await core.reports.export(run.id, 'json')).bytes.toString('utf8')) as { asking: { interviews: unknown[]; focusGroups: unknown[]; conceptTests: unknown[] } };
    const validate = jsonSchemaValidators().standard;
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect([json.asking.interviews.length, json.asking.focusGroups.length, json.asking.conceptTests.length]).toEqual([1, 1, 2]);
    const md = (await core.reports.export(run.id, 'md')).bytes.toString('utf8');
    const summary = await core.summaries.ofRun(run.id);
    expect(md).toContain('## Executive summary');
    for (const theme of summary.themes) expect(md).toContain(`| ${theme.label} (${theme.kind === 'need' ? 'need' : 'pain point'}) | ${theme.personaIds.length} of ${summary.personaCount} |`);
    expect(md).toMatch(/^\| TV \|/m);
    for (const heading of ['## Interviews', '## Focus groups', '## Concept tests', '### Conversation clubs in the neighbourhood café (€8 a month)', '**Q:** What would make you practise every day?']) expect(md).toContain(heading);
    // A run nobody was asked about exports as before: no asking key, no extra sections.
    expect(JSON.parse((await core.reports.export(runId, 'json')).bytes.toString('utf8'))).not.toHaveProperty('asking');
  });

  it('leaves no file, partial or final, when an export is cancelled or fails', async () => {
    const out = path.join(dir, 'cancelled', 'report.pdf');
    const controller = new AbortController();
    const pending = core.reports.exportToFile(runId, 'pdf', out, controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow(/cancelled/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(path.dirname(out)) ? fs.readdirSync(path.dirname(out)).filter((f) => f.includes('partial')) : []).toEqual([]);
    await expect(core.reports.exportToFile('no-such-run', 'csv', path.join(dir, 'x.csv'))).rejects.toThrow(/No run with personas/);
    expect(fs.existsSync(path.join(dir, 'x.csv'))).toBe(false);
  });
});
