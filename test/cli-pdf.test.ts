/** The CLI's PDF report (it needs Chromium and poppler: left out where they are missing, see test/support/system-tools.ts). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers';

describe('persona-studio CLI reports', () => {
  it('generate --pdf writes the report beside the JSON, and export writes a saved run in each format', async () => {
    const data = tempDir();
    const pdf = path.join(data, 'report.pdf');
    const generated = await cli(['generate', 'Eco-friendly meal kits for busy parents in Lyon', '--count', '2', '--json', '--pdf', pdf, '--data', data]);
    expect(generated.code).toBe(0);
    expect(JSON.parse(generated.out).personas).toHaveLength(2);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const listed = await cli(['generate', 'Budgeting app for students in Manchester', '--count', '1', '--data', data]);
    const runId = /Saved as run (\S+)/.exec(listed.out)![1]!;
    const md = path.join(data, 'exports', 'run.md');
    const exported = await cli(['export', runId, '--format', 'md', '--out', md, '--data', data]);
    expect(exported.code).toBe(0);
    // The Markdown opens with the run's title (made from the brief) and says which workshop it is in.
    expect(fs.readFileSync(md, 'utf8')).toMatch(/^# Budgeting app for students in Manchester\n+Workshop: My workshop/);
    const missing = await cli(['export', 'no-such-run', '--format', 'json', '--out', path.join(data, 'x.json'), '--data', data]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/No run with personas has the id no-such-run/);
    expect(fs.existsSync(path.join(data, 'x.json'))).toBe(false);
  });

  it('export --format pdf takes --template and --paper, and says what is wrong with them', async () => {
    const data = tempDir();
    const generated = await cli(['generate', 'Budgeting app for students in Manchester', '--count', '2', '--data', data]);
    const runId = /Saved as run (\S+)/.exec(generated.out)![1]!;
    const pdf = path.join(data, 'internal.pdf');
    const exported = await cli(['export', runId, '--format', 'pdf', '--template', 'internal', '--paper', 'letter', '--out', pdf, '--data', data]);
    expect(exported.code, exported.err).toBe(0);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const badPaper = await cli(['export', runId, '--format', 'pdf', '--paper', 'a5', '--out', pdf, '--data', data]);
    expect(badPaper.code).toBe(2);
    expect(badPaper.err).toContain('--paper must be one of a4, letter (got "a5")');
    const badTemplate = await cli(['export', runId, '--format', 'pdf', '--template', 'board', '--out', pdf, '--data', data]);
    expect(badTemplate.code).toBe(2);
    expect(badTemplate.err).toContain('--template must be one of client, internal (got "board")');
    const notPdf = await cli(['export', runId, '--format', 'csv', '--paper', 'letter', '--out', path.join(data, 'x.csv'), '--data', data]);
    expect(notPdf.code).toBe(2);
    expect(notPdf.err).toContain('--paper applies to --format pdf only');
    expect(fs.existsSync(path.join(data, 'x.csv'))).toBe(false);
  });
});
