/**
 * npm run bench -- report: time to export a 10-persona run as the PDF report (two printings, so the
 * contents page gives real page numbers; fonts embedded), in a temporary data folder:
 * - cold: one export with a fresh printer (Chromium launched for it);
 * - warm: the core's exporter after a warm-up (browser running), median of 10; target < 2000 ms;
 * - the peer: one printing of the same report on a new tab of a warm browser, as the export was
 *   before it printed twice (no second pass, no bookmarks read), and one printing on a kept tab;
 * - the tab kept between exports against a new tab per export and per pass; the cost of choosing
 *   and inlining the fonts.
 * Last line: `report: warm_ms=<n> cold_ms=<n> pages=<n>`.
 */
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/main/core/core';
import { ChromiumPdfPrinter, type PdfPrinter } from '../src/main/reports/pdf-printer';
import { ReportExporter } from '../src/main/reports/report-exporter';
import { fontCatalogue, reportFontFaces } from '../src/main/reports/report-fonts';
import { renderReportHtml } from '../src/main/reports/report-html';
import { printPagedReport, readBookmarks } from '../src/main/reports/report-paging';
import { briefInputSchema } from '../src/shared/brief';
import { median, round } from './_measure';

const WARM_RUNS = 10;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-report-bench-'));
const core = createCore({ dataDir: dir, resources: null, monitor: { autoStart: false } });
const file = path.join(dir, 'report.pdf');
const stats = (times: readonly number[]) => `median ${median(times).toFixed(0)} ms of ${times.length} (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

try {
  // The fonts first, while nothing is cached: reading the packages' CSS, then the woff2 files of a Latin, an Arabic and a Chinese text.
  const catalogueMs = await timed(async () => fontCatalogue());
  const latin = reportFontFaces('Zoé Lefèvre — “a quote”');
  const mixedFirstMs = await timed(async () => reportFontFaces('Zoé مرحبا 李小龙'));
  const mixed = reportFontFaces('Zoé مرحبا 李小龙');
  const mixedAgainMs = await timed(async () => reportFontFaces('Zoé مرحبا 李小龙'));

  const { run } = await core.generate(briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 10, level: 'standard', seed: 7 }));

  // Cold: a new exporter and printer, so the export launches Chromium.
  const coldExporter = new ReportExporter(core.store, () => new ChromiumPdfPrinter(), core.asking, {
    settings: () => core.settings.get().report,
    summary: (runId, signal) => core.summaries.ofRun(runId, signal),
    branding: (workshopId) => ({ logo: core.workshops.logo(workshopId) }),
  });
  const coldMs = await timed(() => coldExporter.exportToFile(run.id, 'pdf', file));
  await coldExporter.close();

  // Warm: the core's own exporter, its browser kept; measured below, alternating with the rest.
  for (let i = 0; i < 2; i++) await core.reports.exportToFile(run.id, 'pdf', file);
  const warm: number[] = [];
  const pdf = fs.readFileSync(file);
  const bookmarks = await readBookmarks(pdf);
  const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();

  // The parts of one warm export, on printers of our own, alternating so that a busy machine weighs on each alike.
  const printer = new ChromiumPdfPrinter();
  const newTabs = new ChromiumPdfPrinter(undefined, { keepTab: false });
  const input = await core.reports.reportInput(run.id);
  const html = renderReportHtml(input, null);
  // Without sessions: each pass on a new tab.
  const tabPerPass: PdfPrinter = { print: (h, o) => newTabs.print(h, o), close: async () => {} };
  const inputMs: number[] = [];
  const single: number[] = [];
  const singleNewTab: number[] = [];
  const keptTab: number[] = [];
  const tabPerExport: number[] = [];
  const tabPerPrinting: number[] = [];
  const readMs: number[] = [];
  for (let i = 0; i < 2; i++) for (const p of [printer, newTabs, tabPerPass]) await printPagedReport(p, input);
  for (let i = 0; i < WARM_RUNS; i++) {
    warm.push(await timed(() => core.reports.exportToFile(run.id, 'pdf', file)));
    inputMs.push(await timed(() => core.reports.reportInput(run.id)));
    single.push(await timed(() => printer.print(html, { paper: 'a4' })));
    singleNewTab.push(await timed(() => newTabs.print(html, { paper: 'a4' })));
    keptTab.push(await timed(() => printPagedReport(printer, input)));
    tabPerExport.push(await timed(() => printPagedReport(newTabs, input)));
    tabPerPrinting.push(await timed(() => printPagedReport(tabPerPass, input)));
    readMs.push(await timed(() => readBookmarks(pdf)));
  }
  await printer.close();
  await newTabs.close();

  console.log(`10-persona PDF report (${pages} pages, ${bookmarks.length} bookmarks, ${Math.round(pdf.length / 1024)} KB), written to a file:`);
  console.log(`  cold (Chromium launched):       ${coldMs.toFixed(0)} ms, one export`);
  console.log(`  warm (browser running):         ${stats(warm)} after 2 warm-up  (the whole export, written to a file)`);
  console.log(`  peer, one printing, new tab:    ${stats(singleNewTab)}  (as the export printed before: one pass on a new tab)`);
  console.log(`  one printing, tab kept:         ${stats(single)}`);
  console.log(`  two printings, tab kept:        ${stats(keptTab)}  (as the exporter prints)`);
  console.log(`  two printings, a tab per export: ${stats(tabPerExport)}`);
  console.log(`  two printings, a tab per pass:  ${stats(tabPerPrinting)}`);
  console.log(`  reading the bookmarks (pdf-lib): ${stats(readMs)}`);
  console.log(`  gathering the input (summary, branding, fonts): ${stats(inputMs)}`);
  console.log(
    `fonts: packages' CSS read in ${catalogueMs.toFixed(1)} ms; a Latin report inlines ${latin.subsets.length} subsets (${Math.round(latin.bytes / 1024)} KB); ` +
      `Latin + Arabic + Chinese ${mixed.subsets.length} subsets (${Math.round(mixed.bytes / 1024)} KB): ${mixedFirstMs.toFixed(1)} ms first, ${mixedAgainMs.toFixed(1)} ms cached`,
  );
  console.log(`targets: warm < 2000 ms (${median(warm) < 2000 ? 'met' : 'MISSED'})`);
  console.log(`report: warm_ms=${round(median(warm), 0)} cold_ms=${round(coldMs, 0)} pages=${pages}`);
} finally {
  await core.reports.close();
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
