/** The CLI's PDF report (it needs Chromium: left out where it is missing, see test/support/system-tools.ts). */
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
});
