/**
 * Time to export a 10-persona run as a PDF: cold (Chromium launched for this export) and warm
 * (the printer's browser already running, as after the first export of a session). Medians of 5
 * cold and 10 warm exports after a warm-up, each written to a file as the app writes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/main/core/core';
import { ChromiumPdfPrinter } from '../src/main/reports/pdf-printer';
import { ReportExporter } from '../src/main/reports/report-exporter';
import { briefInputSchema } from '../src/shared/brief';
import { median, round } from './_measure';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-report-bench-'));
const core = createCore({ dataDir: dir, resources: null, monitor: { autoStart: false } });
const { run } = await core.generate(briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 10, level: 'standard', seed: 7 }));
const file = path.join(dir, 'report.pdf');

async function timed(exporter: ReportExporter): Promise<number> {
  const started = performance.now();
  await exporter.exportToFile(run.id, 'pdf', file);
  return performance.now() - started;
}

// Cold: a new printer each time, so each export launches Chromium.
const cold: number[] = [];
for (let i = 0; i < 6; i++) {
  const exporter = new ReportExporter(core.store, () => new ChromiumPdfPrinter());
  const ms = await timed(exporter);
  await exporter.close();
  if (i > 0) cold.push(ms);
}
// Warm: one printer, its browser kept.
const warmExporter = new ReportExporter(core.store, () => new ChromiumPdfPrinter());
await timed(warmExporter);
const warm: number[] = [];
for (let i = 0; i < 10; i++) warm.push(await timed(warmExporter));
await warmExporter.close();
const pages = fs.readFileSync(file).toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
core.close();
fs.rmSync(dir, { recursive: true, force: true });

console.log(`10-persona PDF (${pages} pages), written to a file:`);
console.log(`  cold (Chromium launched): median ${median(cold).toFixed(0)} ms of ${cold.length} after a warm-up (min ${Math.min(...cold).toFixed(0)}, max ${Math.max(...cold).toFixed(0)})`);
console.log(`  warm (browser running):   median ${median(warm).toFixed(0)} ms of ${warm.length} after a warm-up (min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)})`);
console.log(`targets: warm <= 2000 ms (${median(warm) <= 2000 ? 'met' : 'MISSED'})`);
console.log(`report: warm_ms=${round(median(warm), 0)} cold_ms=${round(median(cold), 0)}`);
