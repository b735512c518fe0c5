/**
 * `npm run report:samples [-- OUT_DIR]`: the sample reports the docs show. A workshop for a client
 * with an accent and a logo, 10 personas from the built-in engine (seed 7), an interview, a focus
 * group and a concept test; then the client and the internal PDF, each page rendered by pdftoppm.
 * Pages go to OUT_DIR (default: a temp folder); docs/report/ keeps a few of them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/main/core';
import { briefInputSchema } from '../src/shared/brief';

const out = path.resolve(process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'report-samples-')));
fs.mkdirSync(out, { recursive: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-samples-data-'));
const core = createCore({ dataDir, resources: null, backupDelayMs: 3_600_000 });

// A plain SVG mark: a leaf in a circle, no text, so it reads at any size.
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 64"><circle cx="32" cy="32" r="28" fill="#1f6b4f"/><path d="M20 42c2-16 12-24 26-24-1 14-9 24-26 24z" fill="#e9f5ee"/><rect x="72" y="18" width="150" height="10" rx="5" fill="#1f6b4f"/><rect x="72" y="36" width="104" height="10" rx="5" fill="#7fb89c"/></svg>`;

try {
  const workshop = core.workshops.create({ name: 'Lyon family food study', client: 'Maison Verte' });
  core.workshops.setBranding(workshop.id, { accent: '#1f6b4f', logo: { mimeType: 'image/svg+xml', base64: Buffer.from(LOGO).toString('base64') } });
  const { run } = await core.generate(briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', location: 'Lyon, France', count: 10, level: 'standard', seed: 7 }), { workshopId: workshop.id });
  const personas = core.workshops.getRun(run.id).document!.personas;
  await core.asking.interviews.ask({ runId: run.id, personaId: personas[0]!.id!, question: 'What does a weekday dinner look like in your home?' });
  await core.asking.panels.askGroup({ runId: run.id, question: 'What would make you trust a meal-kit brand with your family’s dinners?' });
  await core.asking.panels.testConcept({ runId: run.id, concept: { text: 'A weekly box of five family dinners in reusable packaging, ready in 20 minutes', price: '€59 a week' } });
  for (const template of ['client', 'internal'] as const) {
    const file = path.join(out, `${template}.pdf`);
    await core.reports.exportToFile(run.id, 'pdf', file, undefined, { template, paper: 'a4' });
    execFileSync('pdftoppm', ['-r', '80', '-png', file, path.join(out, template)]);
    const pages = execFileSync('pdfinfo', [file]).toString().match(/Pages:\s+(\d+)/)?.[1];
    console.log(`${template}: ${file} (${pages} pages), page images ${path.join(out, `${template}-NN.png`)}`);
  }
} finally {
  await core.reports.close();
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
