import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../src/main/core/core';
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
  it('prints a PDF with a cover, an overview, a page per persona and an appendix, holding every name and quote', async () => {
    const file = path.join(dir, 'out', 'report.pdf');
    await core.reports.exportToFile(runId, 'pdf', file);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(1 + 1 + personas.length + 1);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    for (const p of personas) {
      expect(flat).toContain(p.name);
      expect(flat).toContain(p.quote!.replace(/\s+/g, ' '));
    }
    const pages = text.split('\f');
    expect(pages[0]!.toLowerCase()).toContain('workshop report');
    expect(pages[1]!.toLowerCase()).toContain('overview');
    expect(pages[2]).toContain(personas[0]!.name);
    expect(pages[personas.length + 2]!.toLowerCase()).toContain('appendix');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(RESULTS, 'report-cover')]);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '5', '-l', '5', '-singlefile', file, path.join(RESULTS, 'report-persona')]);
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
