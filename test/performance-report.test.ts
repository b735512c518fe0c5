/**
 * The performance report (PDF and Markdown): from a real core on a temp data folder with a week of
 * seeded history and offline generations, through the IPC handler, and from the CLI. The PDF needs
 * Chromium and poppler (test/support/system-tools.ts); without them these tests are left out.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedHistory } from '../bench/insight-report';
import { createCore } from '../src/main/core/core';
import { createHandlers } from '../src/main/ipc/handlers';
import { ChromiumPdfPrinter } from '../src/main/reports/pdf-printer';
import { SECTION_TITLES, type PerformanceReportData } from '../src/main/reports/performance-data';
import { renderPerformanceReport } from '../src/main/reports/performance-report';
import { briefInputSchema } from '../src/shared/brief';
import { cli, tempDir } from './helpers';
import { SYSTEM_TOOLS } from './support/system-tools';

const DAY = 86_400_000;
const HEADINGS = Object.values(SECTION_TITLES);
const canPrint = SYSTEM_TOOLS.filter((t) => /Chromium|poppler/.test(t.label)).every((t) => t.present()) || process.env['CI'] === 'true';
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');

const printer = new ChromiumPdfPrinter();
afterAll(() => printer.close());

/** A week-old data folder: seeded history, alerts and audit, then two offline generations. */
async function coreWithWeek() {
  const dataDir = tempDir('persona-perf-');
  seedHistory(dataDir, { days: 7, everyMinutes: 30 });
  const core = createCore({ dataDir, resources: null, monitor: { autoStart: false }, pdfPrinter: printer });
  for (const seed of [1, 2]) await core.generate(briefInputSchema.parse({ description: 'Budgeting app for students in Manchester', count: 3, level: 'standard', seed }));
  return { core, dataDir };
}

describe.skipIf(!canPrint)('performance report', () => {
  it('renders every section as PDF and Markdown from a real core with a week of history', async () => {
    const { core, dataDir } = await coreWithWeek();
    try {
      const pdf = await core.performanceReport(7 * DAY, 'pdf');
      expect(pdf.mimeType).toBe('application/pdf');
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const file = path.join(dataDir, pdf.fileName);
      fs.writeFileSync(file, pdf.bytes);
      const text = pdfText(file);
      for (const heading of ['Performance report', ...HEADINGS]) expect(text).toContain(heading);
      // The data folder by name, never its path; seeded alerts and the audit's changes.
      expect(text).toContain(path.basename(dataDir));
      expect(text).not.toContain(path.dirname(dataDir));
      expect(text).toMatch(/Responses are slow/);
      expect(text).toMatch(/Ollama times out/);
      expect(text).toMatch(/Memory was past 90%/);
      // Engines side by side: the built-in one generated, Ollama's calls are in the seeded history.
      expect(text).toMatch(/Built-in offline engine\s+Ollama/);
      expect(text).toMatch(/Not used in this range: .*Gemini/);

      const md = (await core.performanceReport(7 * DAY, 'md')).bytes.toString('utf8');
      for (const heading of HEADINGS) expect(md).toContain(`## ${heading}`);
      expect(md).toMatch(/p95 latency +[▁▂▃▄▅▆▇█ ]{20,}/);
      expect(md).toContain('Ollama times out');
      // What nothing measured is said in a sentence, not shown as zeros.
      expect(md).toMatch(/No (anomalies|optimizations) in this range|\| .+ \|/);
    } finally {
      core.close();
    }
  });

  it('shows the engines side by side, and empty sections as sentences', async () => {
    const dataDir = tempDir('persona-perf-');
    const core = createCore({ dataDir, resources: null, monitor: { autoStart: false }, pdfPrinter: printer });
    try {
      // The core's real cache, validation and scheduler figures, with two engine profiles as the monitor reports them.
      const { gatherPerformanceReportData } = await import('../src/main/core/performance-report-data');
      const base = gatherPerformanceReportData({ version: core.version, dataDir, monitor: core.monitor, cache: core.cache, validationStats: core.validationStats, scheduler: core.scheduler }, DAY);
      const figure = (id: 'latency_p95_ms' | 'error_rate', value: number) => ({ id, value, baseline: value * 0.9, target: id === 'error_rate' ? 0.05 : 10_000, score: 80, trend: 'stable' as const });
      const data: PerformanceReportData = {
        ...base,
        engines: [
          { provider: 'offline', label: 'Built-in engine', model: null, breaker: 'closed', calls: 120, generations: 40, score: 96, figures: [figure('latency_p95_ms', 80), figure('error_rate', 0)], endpoints: [] },
          { provider: 'ollama', label: 'Ollama', model: 'llama3.2:3b', breaker: 'open', calls: 30, generations: 8, score: 41, figures: [figure('latency_p95_ms', 14_200), figure('error_rate', 0.2)], endpoints: [] },
        ],
      };
      const file = path.join(dataDir, 'engines.pdf');
      fs.writeFileSync(file, (await renderPerformanceReport(data, 'pdf', () => printer)).bytes);
      const text = pdfText(file);
      expect(text).toMatch(/Built-in engine\s+Ollama/);
      expect(text).toContain('llama3.2:3b');
      expect(text).toContain('14.2 s');
      for (const sentence of ['No measurements in this range', 'No cache use in this range', 'No resource samples in this range', 'No alerts in this range', 'No anomalies in this range', 'No optimizations in this range']) expect(text).toContain(sentence);
      const md = (await renderPerformanceReport(data, 'md', () => printer)).bytes.toString('utf8');
      expect(md).toMatch(/\| +\| Built-in engine \| Ollama \(llama3\.2:3b\) \|/);
    } finally {
      core.close();
    }
  });

  it('puts the team cache (L3) beside L1 and L2: its hits per kind, its entries in Redis and what it did', async () => {
    const dataDir = tempDir('persona-perf-');
    const core = createCore({ dataDir, resources: null, monitor: { autoStart: false }, pdfPrinter: printer });
    try {
      const { gatherPerformanceReportData } = await import('../src/main/core/performance-report-data');
      const base = gatherPerformanceReportData({ version: core.version, dataDir, monitor: core.monitor, cache: core.cache, validationStats: core.validationStats, scheduler: core.scheduler }, DAY);
      const kinds = { ...base.cache.kinds, culture: { ...base.cache.kinds.culture, gets: 10, l1Hits: 2, l2Hits: 3, l3Hits: 4, misses: 1, hitRate: 0.9 } };
      const l3 = { available: true, state: 'connected' as const, hits: 4, misses: 1, refused: 2, errors: 0, skipped: 0, writes: 5, entries: 37, entriesAt: Date.now(), entriesUnknown: null, latency: { samples: 5, p50Ms: 0.4, p95Ms: 0.9 } };
      const data: PerformanceReportData = { ...base, cache: { ...base.cache, kinds, l3 } };
      const md = (await renderPerformanceReport(data, 'md', () => printer)).bytes.toString('utf8');
      expect(md).toMatch(/\| Kind \| Lookups \| Hit rate \| L1 hits \| L2 hits \| L3 hits \| Misses \|/);
      expect(md).toMatch(/\| Culture \| 10 \| 90(\.0)? ?% \| 2 \| 3 \| 4 \| 1 \|/);
      expect(md).toMatch(/\| Team cache \(L3, Redis\) \| 37 \|/);
      expect(md).toContain('Team cache: 4 hits, 1 misses, 2 refused');
      const without = (await renderPerformanceReport({ ...data, cache: { ...data.cache, l3: { ...l3, state: 'off' } } }, 'md', () => printer)).bytes.toString('utf8');
      expect(without).not.toContain('L3');
    } finally {
      core.close();
    }
  });

  it('is exported through reports:performance, and cancelled through reports:cancel', async () => {
    const { core } = await coreWithWeek();
    try {
      const handlers = createHandlers(core);
      const context = { emit: () => {} } as never;
      const md = await handlers['reports:performance']({ requestId: randomUUID(), rangeMs: 7 * DAY, format: 'md' }, context);
      expect(md.mimeType).toMatch(/^text\/markdown/);
      expect(Buffer.from(md.base64, 'base64').toString('utf8')).toContain('## Engine profiles');
      const requestId = randomUUID();
      const pending = handlers['reports:performance']({ requestId, rangeMs: 7 * DAY, format: 'pdf' }, context);
      expect(await handlers['reports:cancel']({ requestId }, context)).toEqual({ cancelled: true });
      await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    } finally {
      core.close();
    }
  });

  it('persona-studio metrics --pdf and --md write both files; without them the table is kept', async () => {
    const data = tempDir('persona-perf-cli-');
    seedHistory(data, { days: 2, everyMinutes: 60 });
    const pdf = path.join(data, 'out', 'performance.pdf');
    const md = path.join(data, 'out', 'performance.md');
    const written = await cli(['metrics', '--since', '7d', '--pdf', pdf, '--md', md, '--data', data]);
    expect(written.err).toBe('');
    expect(written.code).toBe(0);
    expect(written.out).toMatch(/Wrote the performance report \(PDF, \d+ KB\)/);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    for (const heading of HEADINGS) expect(pdfText(pdf)).toContain(heading);
    expect(fs.readFileSync(md, 'utf8')).toMatch(/^# Performance report\n/);
    const table = await cli(['metrics', '--since', '7d', '--data', data]);
    expect(table.out).toMatch(/^period +runs/);
  });
});
