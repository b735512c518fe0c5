/**
 * The PDF report as a reader meets it: printed twice through a real core and Chromium, then read
 * back with poppler (pdftotext, pdfinfo, pdffonts, pdfimages) and pdf-lib. The contents page lists
 * the bookmarks with the pages they point to, every page after the cover is numbered, the document
 * has a title and a language, A4 and Letter are their sizes, Arabic and Chinese text comes through
 * in embedded fonts, the logo shows when set, and only the internal report explains the run.
 * Needs Chromium and poppler (test/support/system-tools.ts leaves it out where they are missing).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../src/main/core/core';
import { ChromiumPdfPrinter, type PdfPrinter } from '../src/main/reports/pdf-printer';
import { ReportExporter } from '../src/main/reports/report-exporter';
import { APPENDIX_TITLE } from '../src/main/reports/report-appendix';
import { chooseSubsets, codePointsOf, parseUnicodeRange, reportFontFaces } from '../src/main/reports/report-fonts';
import { COVER_BRIEF_MAX, sameText } from '../src/main/reports/report-cover';
import { summaryPages } from '../src/main/reports/report-summary-html';
import { cssString, inkOn } from '../src/main/reports/report-css';
import { askingSections } from '../src/main/reports/asking-html';
import type { RunConversations } from '../src/main/asking';
import { toMarkdown } from '../src/main/reports/export-formats';
import type { SetSummary } from '../src/shared/summary';
import { reportOutline, runningFooter, type ReportInput } from '../src/main/reports/report-html';
import { outlinePages, printPagedReport, readBookmarks, type Bookmark } from '../src/main/reports/report-paging';
import { briefInputSchema } from '../src/shared/brief';
import type { Persona } from '../src/shared/persona';
import type { PaperSize, ReportTemplate } from '../src/shared/vocabulary';

const ARABIC = { name: 'ليلى حداد', quote: 'أريد وجبات صحية لأطفالي كل يوم' };
const CHINESE = { name: '王小明', quote: '我希望每天都能吃到健康的饭菜' };

let core: Core;
let dir: string;
let runId: string;
let workshopId: string;
let personas: Persona[];

interface Printed {
  file: string;
  input: ReportInput;
  bookmarks: Bookmark[];
  pageCount: number;
  /** Each page's text (pdftotext -layout), from page 1. */
  pages: string[];
}
const printed = new Map<string, Printed>();

/** Exports the run as a PDF with these options (once per combination) and reads it back. */
async function pdf(template: ReportTemplate, paper: PaperSize, logo: boolean): Promise<Printed> {
  const key = `${template}-${paper}-${logo}`;
  const done = printed.get(key);
  if (done) return done;
  core.workshops.setBranding(workshopId, { logo: logo ? { mimeType: 'image/png', base64: pngLogo().toString('base64') } : null });
  const file = path.join(dir, `${key}.pdf`);
  await core.reports.exportToFile(runId, 'pdf', file, undefined, { template, paper });
  const bytes = fs.readFileSync(file);
  const input = await core.reports.reportInput(runId, { template, paper });
  const pageCount = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const result = { file, input, bookmarks: await readBookmarks(bytes), pageCount, pages: text.split('\f').slice(0, pageCount) };
  printed.set(key, result);
  return result;
}

/** Text without whitespace and bidi marks (pdftotext wraps right-to-left runs in U+202B … U+202C). */
const squash = (text: string) => text.normalize('NFC').replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, '');
/** A title's letters in any order: Chromium's bookmarks and pdftotext give right-to-left words in visual order. */
const letters = (text: string) => [...squash(text).toLowerCase()].sort().join('');
/** Whether `text` is on the page: as it is, or for right-to-left text word by word (pdftotext may give the words in visual order). */
const onPage = (page: string, text: string) =>
  squash(page).includes(squash(text)) || (/[\u0590-\u08ff]/.test(text) && text.split(/\s+/).every((word) => squash(page).includes(squash(word))));
const lines = (page: string) => page.split('\n').filter((line) => line.trim() !== '');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-report-pdf-'));
  core = createCore({ dataDir: dir, resources: null, monitor: { autoStart: false } });
  const { run } = await core.generate(briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 10, level: 'standard', seed: 2025 }));
  runId = run.id;
  workshopId = run.workshopId;
  const stored = core.store.getRun(runId)!.document!.personas;
  // Through the app's own edit API, as a user would rename and requote a persona.
  core.workshops.editPersona(stored[3]!.id!, { ...stored[3]!, ...ARABIC });
  core.workshops.editPersona(stored[6]!.id!, { ...stored[6]!, ...CHINESE });
  personas = core.store.getRun(runId)!.document!.personas;
}, 60_000);

afterAll(async () => {
  await core.reports.close();
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the PDF report', () => {
  it("has bookmarks that are the report's outline, and a contents page listing them with the pages they point to", async () => {
    const { bookmarks, input, pages } = await pdf('internal', 'a4', false);
    // Titled as the outline says: with their spaces, right-to-left names in logical order, each once.
    expect(bookmarks.map((b) => b.title)).toEqual(reportOutline(input).map((e) => e.title.replace(/\s+/g, ' ').trim()));
    // poppler reads the same bookmarks (they are written back as an incremental update to the file).
    const popplerOutline = [...execFileSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', printed.get('internal-a4-false')!.file], { encoding: 'utf8' }).matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => ({ title: m[2]!.replace(/&amp;/g, '&').trim(), page: Number(m[1]) }));
    expect(popplerOutline).toEqual(bookmarks.map((b) => ({ title: b.title, page: b.page })));
    // Each bookmark points to the page its heading is printed on.
    for (const bookmark of bookmarks) expect(onPage(pages[bookmark.page! - 1]!, bookmark.title), `${bookmark.title} on page ${bookmark.page}`).toBe(true);
    // The contents page (page 2): "title ... page" for every bookmark after the cover's title and the contents' own.
    const entries = lines(pages[1]!)
      .filter((line) => !/Page \d+ of \d+\s*$/.test(line))
      .map((line) => /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ title: letters(m[1]!), page: Number(m[2]) }));
    expect(entries).toEqual(bookmarks.slice(2).map((b) => ({ title: letters(b.title), page: b.page })));
    expect(entries.length).toBeGreaterThanOrEqual(personas.length + 1);
  });

  it('numbers every page after the cover and not the cover', async () => {
    const { pages, pageCount } = await pdf('internal', 'a4', false);
    expect(pageCount).toBeGreaterThanOrEqual(personas.length + 3);
    expect(pages[0]).not.toMatch(/\bPage\s+1\b/i);
    expect(lines(pages[0]!).at(-1)).not.toMatch(/(^|\s)1(\s+of\s+\d+)?\s*$/);
    for (let n = 2; n <= pageCount; n++) {
      // pdftotext -f N -l N: the page on its own, its footer last.
      const page = execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), printed.get('internal-a4-false')!.file, '-'], { encoding: 'utf8' });
      expect(lines(page).at(-1), `page ${n}`).toMatch(new RegExp(`(^|\\D)${n}(\\s+of\\s+${pageCount})?\\s*$`));
    }
  });

  it('sets the document title, its language and tags, on A4 or Letter', async () => {
    const a4 = await pdf('internal', 'a4', false);
    const letter = await pdf('client', 'letter', false);
    const info = execFileSync('pdfinfo', [a4.file], { encoding: 'utf8' });
    expect(squash(/^Title:\s*(.*)$/m.exec(info)![1]!)).toContain(squash(a4.input.run.title));
    expect(info).toMatch(/^Tagged:\s+yes/m);
    // Within a point of 595.3 × 841.9 (Chromium rounds the page to its own grid) and of 612 × 792.
    const size = (text: string) => /^Page size:\s+([\d.]+) x ([\d.]+) pts \((\w+)\)/m.exec(text)!.slice(1);
    const [a4Width, a4Height, a4Name] = size(info);
    expect([Number(a4Width), Number(a4Height), a4Name]).toEqual([expect.closeTo(595.3, -0.3), expect.closeTo(841.9, -0.3), 'A4']);
    const [letterWidth, letterHeight, letterName] = size(execFileSync('pdfinfo', [letter.file], { encoding: 'utf8' }));
    expect([Number(letterWidth), Number(letterHeight), letterName]).toEqual([expect.closeTo(612, -0.3), expect.closeTo(792, -0.3), 'letter']);
    const doc = await PDFDocument.load(fs.readFileSync(a4.file), { updateMetadata: false });
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    expect(lang).toBeInstanceOf(PDFString);
    expect((lang as PDFString).decodeText()).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
    expect(doc.getTitle()).toBe(/^Title:\s*(.*)$/m.exec(info)![1]!.trim());
  });

  it("holds every persona's name and quote as text, Arabic and Chinese included, in embedded Noto fonts", async () => {
    const { file, pages } = await pdf('internal', 'a4', false);
    const text = squash(pages.join('\n'));
    for (const p of personas) {
      expect(onPage(text, p.name), p.name).toBe(true);
      expect(onPage(text, p.quote!), p.quote).toBe(true);
    }
    for (const words of [ARABIC.name, ARABIC.quote, CHINESE.name, CHINESE.quote]) expect(onPage(text, words), words).toBe(true);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    for (const family of ['NotoSans-Regular', 'NotoSansArabic', 'NotoSansSC']) expect(fonts).toMatch(new RegExp(`\\+${family}\\S*\\s.*\\byes\\s+yes\\b`));
    // Nothing is left to the machine's own fonts for the scripts the Noto fonts cover.
    expect(fonts).not.toMatch(/DejaVu|WenQuanYi/);
  });

  it('shows the logo on the cover when the workshop has one, and no image otherwise', async () => {
    const images = (file: string) => execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images((await pdf('client', 'a4', false)).file)).toHaveLength(0);
    expect(images((await pdf('client', 'a4', true)).file).length).toBeGreaterThanOrEqual(1);
  });

  it('has the appendix on how the run was made in the internal report only', async () => {
    const internal = await pdf('internal', 'a4', false);
    const client = await pdf('client', 'a4', false);
    const appendix = squash(APPENDIX_TITLE).toLowerCase();
    expect(reportOutline(internal.input).map((e) => squash(e.title).toLowerCase())).toContain(appendix);
    expect(internal.bookmarks.map((b) => squash(b.title).toLowerCase())).toContain(appendix);
    expect(reportOutline(client.input).map((e) => squash(e.title).toLowerCase())).not.toContain(appendix);
    expect(client.bookmarks.map((b) => squash(b.title).toLowerCase())).not.toContain(appendix);
    expect(squash(client.pages.join('\n')).toLowerCase()).not.toContain(appendix);
    expect(client.pageCount).toBeLessThan(internal.pageCount);
  });

  it("previews the cover with the branding given, else the workshop's own", () => {
    const logo = { mimeType: 'image/png' as const, base64: pngLogo().toString('base64') };
    core.workshops.setBranding(workshopId, { accent: null, logo: null });
    const given = core.reports.coverPreview(workshopId, { accent: '#c2255c', logo });
    expect(given).toContain('#c2255c');
    expect(given).toContain(`data:image/png;base64,${logo.base64}`);
    expect(core.reports.coverPreview(workshopId)).not.toContain('data:image/png');
    core.workshops.setBranding(workshopId, { accent: '#2b8a3e', logo });
    const saved = core.reports.coverPreview(workshopId);
    expect(saved).toContain('#2b8a3e');
    expect(saved).toContain('data:image/png;base64,');
    // null removes a saved one from the preview.
    expect(core.reports.coverPreview(workshopId, { logo: null })).not.toContain('data:image/png');
    expect(() => core.reports.coverPreview('no-such-workshop')).toThrow(/No workshop has the id no-such-workshop/);
    core.workshops.setBranding(workshopId, { accent: null, logo: null });
    // The workshop's latest run as its next report would show it, in the report's own fonts.
    const [latest] = core.workshops.listRuns(workshopId, 1);
    const preview = core.reports.coverPreview(workshopId);
    expect(preview).toContain(latest!.title.replace(/&/g, '&amp;'));
    expect(preview).toMatch(/@font-face\s*\{[^}]*font-family:\s*'Noto Sans'[^}]*src:\s*url\(data:font\/woff2;base64,/);
  });

  it("counts each theme of the summary as the set holds it, and prints those counts and quotes", async () => {
    const { input, file } = await pdf('internal', 'a4', false);
    const summary = input.summary!;
    // Reading order, not layout: a quote wrapped in its table cell reads whole.
    const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f');
    const ids = new Set(personas.map((p) => p.id));
    expect(summary.personaCount).toBe(personas.length);
    expect(summary.themes.length).toBeGreaterThan(0);
    const summaryText = squash(pages.slice(2, 5).join('\n'));
    for (const theme of summary.themes) {
      // Every persona a theme counts is one of the set's, counted once.
      expect(theme.personaIds.every((id) => ids.has(id)), theme.label).toBe(true);
      expect(new Set(theme.personaIds).size, theme.label).toBe(theme.personaIds.length);
      // Its quote is a line of one of them, word for word, of the theme's kind.
      const quoted = personas.find((p) => p.id === theme.quote.personaId)!;
      expect(theme.personaIds).toContain(quoted.id);
      expect(theme.kind === 'need' ? quoted.goals : quoted.painPoints).toContain(theme.quote.text);
    }
    // The table (the eight most held) prints each theme's count of the set and its quote.
    // A label wrapped in its cell may have the count column's text read in between by pdftotext: labels are looked for without counts.
    const withoutCounts = summaryText.replace(/\d+of\d+/g, '');
    for (const theme of summary.themes.slice(0, 8)) {
      expect(withoutCounts, theme.label).toContain(squash(theme.label));
      expect(summaryText, theme.label).toContain(squash(`${theme.personaIds.length} of ${personas.length}`));
      expect(onPage(summaryText, theme.quote.text), theme.quote.text).toBe(true);
    }
  });

  it('prints a one-persona run with a long brief, client, workshop and title: the brief whole, a footer on one line, nothing claimed as shared', async () => {
    const longBrief = `Retired teachers in Osaka looking for online banking. ${'They want to see every fee before they commit, keep paper statements for the tax office, and call a person when something goes wrong. '.repeat(5)}`.trim();
    expect(longBrief.length).toBeGreaterThan(COVER_BRIEF_MAX);
    const workshop = core.workshops.create({ name: 'Osaka retirement banking discovery workshop, second wave', client: 'Kansai Regional Savings and Trust Bank Holdings, Retail Division' });
    const { run } = await core.generate(briefInputSchema.parse({ description: longBrief, count: 1, level: 'standard', seed: 11 }), { workshopId: workshop.id });
    core.workshops.renameRun(run.id, 'A run title that is long enough to fill the running footer on its own: retired teachers and their banks');
    const file = path.join(dir, 'one-persona.pdf');
    await core.reports.exportToFile(run.id, 'pdf', file, undefined, { template: 'client', paper: 'a4' });
    const pageCount = (await PDFDocument.load(fs.readFileSync(file), { updateMetadata: false })).getPageCount();
    const page = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });
    const cover = page(1);
    // The title is the run's own, so the brief is printed: its start on the cover, the whole of it on the personas' overview.
    expect(squash(cover)).toContain(squash('Retired teachers in Osaka looking for online banking.'));
    const all = squash(Array.from({ length: pageCount }, (_, i) => page(i + 1)).join('\n'));
    expect(all).toContain(squash(longBrief));
    // One persona: one age, not a range of one, and nothing said to be shared with others.
    const age = core.store.getRun(run.id)!.document!.personas[0]!.age;
    expect(squash(cover)).not.toContain(`${age}–${age}`);
    expect(cover).not.toMatch(/share most/i);
    expect(page(3)).not.toMatch(/shared themes?/);
    // Every page after the cover ends with its footer on one line: "Page n of N" whole, never split.
    for (let n = 2; n <= pageCount; n++) expect(lines(page(n)).at(-1), `page ${n}`).toMatch(new RegExp(`Page ${n} of ${pageCount}\\s*$`));
  }, 60_000);

  it('refuses to preview a logo that could not be saved (an SVG with a script)', () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="10" height="10"/></svg>').toString('base64');
    expect(() => core.reports.coverPreview(workshopId, { logo: { mimeType: 'image/svg+xml', base64: svg } })).toThrow(/contains a script/);
  });

  it('cancels between the two printings and during one, leaving no file and the printer ready for the next export', async () => {
    const input = await core.reports.reportInput(runId, { template: 'client', paper: 'a4' });
    const chromium = new ChromiumPdfPrinter();
    try {
      // Aborts once the first printing is done, before the second starts.
      const abortAfterFirst = (controller: AbortController): PdfPrinter => ({
        print: (html, options) => chromium.print(html, options),
        session: async (options) => {
          const session = await chromium.session(options);
          return { print: async (html) => session.print(html).finally(() => controller.abort()), close: () => session.close() };
        },
        close: () => chromium.close(),
      });
      const between = new AbortController();
      await expect(printPagedReport(abortAfterFirst(between), input, { signal: between.signal })).rejects.toThrow();
      // Aborted while Chromium prints: the tab is closed under it, and the cancel is what is reported.
      const during = new AbortController();
      const printing = printPagedReport(chromium, input, { signal: during.signal });
      setTimeout(() => during.abort(new Error('cancelled by the test')), 30);
      await expect(printing).rejects.toThrow(/cancelled by the test/);
      // The printer prints the next report whole, on a tab of its own.
      const next = await printPagedReport(chromium, input);
      expect(next.passes).toBeGreaterThanOrEqual(2);
      expect((await readBookmarks(next.pdf)).length).toBe(reportOutline(input).length);
    } finally {
      await chromium.close();
    }
    // Through the exporter: cancelled, and neither the file nor a partial one is left.
    const controller = new AbortController();
    const file = path.join(dir, 'cancelled', 'report.pdf');
    const exporting = core.reports.exportToFile(runId, 'pdf', file, controller.signal);
    setTimeout(() => controller.abort(), 30);
    await expect(exporting).rejects.toMatchObject({ code: 'cancelled' });
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(path.dirname(file)) ? fs.readdirSync(path.dirname(file)) : []).toEqual([]);
  }, 60_000);

  it('stops waiting for a summary still being written when the export is cancelled', async () => {
    // A summary another reader asked for first waits for its model whatever this export's signal says.
    const exporter = new ReportExporter(core.store, () => new ChromiumPdfPrinter(), undefined, { summary: () => new Promise(() => undefined) });
    for (const format of ['pdf', 'md'] as const) {
      const controller = new AbortController();
      const started = Date.now();
      const exporting = exporter.exportToFile(runId, format, path.join(dir, `waiting.${format}`), controller.signal);
      setTimeout(() => controller.abort(), 20);
      await expect(exporting, format).rejects.toMatchObject({ code: 'cancelled' });
      expect(Date.now() - started, format).toBeLessThan(2_000);
      expect(fs.existsSync(path.join(dir, `waiting.${format}`))).toBe(false);
    }
    await exporter.close();
  });

  it('takes the template and paper from settings when the export does not say', async () => {
    const file = path.join(dir, 'defaults.pdf');
    await core.reports.exportToFile(runId, 'pdf', file);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const { template, paper } = core.settings.get().report ?? { template: 'client', paper: 'a4' };
    expect(info).toMatch(paper === 'a4' ? /\(A4\)/ : /\(letter\)/);
    const bookmarks = await readBookmarks(fs.readFileSync(file));
    expect(bookmarks.some((b) => squash(b.title).toLowerCase() === squash(APPENDIX_TITLE).toLowerCase())).toBe(template === 'internal');
  });
});

describe('the PDF machinery', () => {
  it('prints on the paper asked for when the page does not set its size, with bookmarks and tags', async () => {
    const printer = new ChromiumPdfPrinter();
    try {
      const html = '<!doctype html><html lang="de"><head><title>Probe</title></head><body><h1>Eins</h1><h2>Zwei</h2><p style="break-before: page">x</p><h1>Drei</h1></body></html>';
      const [a4, letter] = [await printer.print(html, { paper: 'a4' }), await printer.print(html, { paper: 'letter' })];
      const size = async (bytes: Buffer) => (await PDFDocument.load(bytes)).getPage(0).getSize();
      // Chromium rounds the page to its own grid: 595.92 × 842.88 for A4.
      expect(await size(a4)).toEqual({ width: expect.closeTo(595.3, -1) as number, height: expect.closeTo(841.9, -1) as number });
      expect(await size(letter)).toEqual({ width: 612, height: 792 });
      expect(await readBookmarks(a4)).toEqual([
        { title: 'Eins', depth: 1, page: 1 },
        { title: 'Zwei', depth: 2, page: 1 },
        { title: 'Drei', depth: 1, page: 2 },
      ]);
      const doc = await PDFDocument.load(a4, { updateMetadata: false });
      expect(doc.getTitle()).toBe('Probe');
      expect((doc.catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText()).toBe('de');
    } finally {
      await printer.close();
    }
  });

  it('refuses bookmarks that are not the outline, saying which entry differs', () => {
    const outline = [
      { title: 'Cover  title', level: 1 as const },
      { title: 'Contents', level: 1 as const },
    ];
    expect(outlinePages(outline, [{ title: 'Cover\ntitle', depth: 1, page: 1 }, { title: 'CONTENTS', depth: 1, page: 2 }])).toEqual([1, 2]);
    // Chromium drops the space where a heading wraps: still the same title.
    expect(outlinePages(outline, [{ title: 'Covertitle', depth: 1, page: 1 }, { title: 'Contents', depth: 1, page: 2 }])).toEqual([1, 2]);
    expect(() => outlinePages(outline, [{ title: 'Cover title', depth: 1, page: 1 }])).toThrow(/2 headings expected, 1 bookmarks printed/);
    expect(() => outlinePages(outline, [{ title: 'Cover title', depth: 1, page: 1 }, { title: 'Summary', depth: 1, page: 2 }])).toThrow(/entry 2 is "Contents" but bookmark 2 is "Summary"/);
    // Chromium takes a heading that opens a page twice: still that heading (its title is written back after printing).
    expect(outlinePages(outline, [{ title: 'Cover title', depth: 1, page: 1 }, { title: 'ContentsContents', depth: 1, page: 2 }])).toEqual([1, 2]);
    expect(() => outlinePages(outline, [{ title: 'Cover title', depth: 1, page: 1 }, { title: 'ContentsContentsContents', depth: 1, page: 2 }])).toThrow(/entry 2 is "Contents"/);
    expect(() => outlinePages(outline, [{ title: 'Cover title', depth: 1, page: 1 }, { title: 'Contents', depth: 1, page: null }])).toThrow(/points to no page/);
  });

  it("credits a model with the paragraphs only, and sums a segment's groups past its bars", () => {
    const ids = Array.from({ length: 8 }, (_, i) => `p${i}`);
    const summary: SetSummary = {
      runId: 'r', personaCount: 8, method: 'model', writtenBy: 'ollama · llama3.1:8b', fallbackReason: null,
      prose: { who: 'Who.', shared: 'Shared.', differ: 'Differ.', suggests: 'Suggests.' },
      segments: [{ by: 'place', label: 'Place', groups: ids.map((id, i) => ({ label: `Town ${i + 1}`, personaIds: [id] })) }],
      themes: [{ label: 'Short on time', kind: 'pain', personaIds: ['p0', 'p1'], quote: { personaId: 'p0', personaName: 'Ann', text: 'No time' } }],
      differences: [{ label: 'Income', detail: 'From low to high.', personaIds: [] }],
      implications: ['Lead with time saved: 2 of 8 personas name a lack of time.'],
      composedAt: new Date(0).toISOString(),
    };
    const html = summaryPages(summary, new Map(), 'client');
    const line = /<p class="method">([^<]*)<\/p>/.exec(html)![1]!;
    expect(line).toMatch(/^The paragraphs were written by ollama · llama3\.1:8b/);
    expect(line).toMatch(/themes, differences and numbered suggestions were composed/);
    expect(line).not.toMatch(/^Summary written by/);
    // Six bars, then the two other places in one line with their count: 6 + 2 = the set.
    expect(html.match(/<span class="meter">/g)!.length).toBe(6 + 1);
    expect(html).toMatch(/<li class="more"><span class="what">2 more \(Town 7, Town 8\)<\/span><span class="num">2<\/span><\/li>/);
    const run = { title: 'T', brief: { description: 'd' }, level: 'standard', provider: 'ollama', seed: null, qualityScore: 80, startedAt: new Date(0).toISOString(), document: { personas: [] } } as unknown as Parameters<typeof toMarkdown>[0];
    const md = toMarkdown(run, { name: 'W', client: null }, undefined, summary);
    expect(md).toContain('*Paragraphs written by ollama · llama3.1:8b from the grouped facts; the table and lists composed by grouping');
    // One persona: its themes are its own, not shared.
    const one = summaryPages({ ...summary, personaCount: 1, method: 'grouped', writtenBy: null, segments: [] }, new Map(), 'client');
    expect(one).toMatch(/<span class="what">need or pain point<\/span>/);
    expect(one).not.toContain('shared theme');
  });

  it("prints the brief under the title unless the title is the whole brief", () => {
    expect(sameText('Eco-friendly meal-kit delivery for busy parents in Lyon', 'Eco-friendly meal-kit delivery for busy parents in Lyon')).toBe(true);
    // A title made from the first clause or cut with "…" leaves the rest of the brief unsaid.
    expect(sameText('Small bakeries in Manchester. They hate spreadsheets.', 'Small bakeries in Manchester')).toBe(false);
    expect(sameText('Small bakeries in Manchester wanting simple bookkeeping software', 'Small bakeries in Manchester wanting simple bookkeeping…')).toBe(false);
    // A short title of the user's own that happens to start the brief.
    expect(sameText('Lyon families who cook on weekdays', 'Lyon')).toBe(false);
  });

  it('says "1 persona" for a focus group of one, and prints a shortened interview title whole on its page', () => {
    const answer = { text: 'Yes.', cut: false, source: { engine: 'offline' } };
    const longTitle = `Weekday dinners ${'and what gets in the way of them '.repeat(4)}`.trim();
    const asked = {
      interviews: [{ title: longTitle, personaId: 'p1', personaName: 'Ann', turns: 1, updatedAt: new Date(0).toISOString(), history: [{ question: 'Q?', answer }] }],
      focusGroups: [{ question: 'Would you?', askedAt: new Date(0).toISOString(), answers: [{ personaId: 'p1', personaName: 'Ann', answer }], summary: { themes: [], agree: [], object: [] } }],
      conceptTests: [],
    } as unknown as RunConversations;
    const { html, headings } = askingSections(asked, new Map(), 'client');
    expect(html).toContain('<p class="who">1 persona · ');
    expect(html).not.toContain('1 personas');
    const interview = headings.find((h) => h.anchor === 'interviews-1')!;
    expect(interview.title.endsWith('…')).toBe(true);
    expect([...interview.title].length).toBeLessThanOrEqual(90);
    expect(html).toContain(`<p class="asked">${longTitle.replace(/\s+/g, ' ')} (Ann)</p>`);
  });

  it('writes the running footer as a CSS string nothing can break out of, and picks readable ink for the accent', () => {
    const hostile = 'Maison "Verte" </style><script>alert(1)</script> \\ } @page { x: y; } 王小明 ليلى 👩‍💻\nline';
    const literal = cssString(hostile);
    // Only the quotes that open and close it, no markup, no backslash but escapes, one line.
    expect(literal.slice(1, -1)).not.toMatch(/["'<>{}\n]/);
    expect(literal.slice(1, -1).replace(/\\[0-9a-f]{1,6} /g, '')).not.toContain('\\');
    // Read back as CSS reads an escape (hex digits, one space after), it is the text, whitespace collapsed.
    const decoded = literal.slice(1, -1).replace(/\\([0-9a-f]{1,6}) /g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
    expect(decoded).toBe(hostile.replace(/\s+/g, ' '));
    expect(inkOn('#3b5bdb')).toBe('#ffffff');
    expect(inkOn('#1f6b4f')).toBe('#ffffff');
    expect(inkOn('#ffe066')).toBe('#15171c');
    expect(inkOn('#ffffff')).toBe('#15171c');
  });

  it('keeps the running footer to one line: its longest parts shortened at a word', () => {
    expect(runningFooter(['Maison Verte', 'Lyon panel', 'Spring wave'])).toBe('Maison Verte · Lyon panel · Spring wave');
    expect(runningFooter([null, '  My workshop ', 'Run'])).toBe('My workshop · Run');
    // A short part keeps all of its text; the long ones share the rest, each cut at a word, the separators kept.
    expect(runningFooter(['Acme', 'Kansai Regional Savings and Trust Bank Holdings, Retail Division, second wave of interviews', 'A run title that is long enough'])).toBe(
      'Acme · Kansai Regional Savings and Trust Bank Holdings, Retail… · A run title that is long enough',
    );
    const long = runningFooter(['Kansai Regional Savings and Trust Bank Holdings, Retail Division', 'x'.repeat(200), 'A run title that is long enough to fill the running footer on its own']);
    expect([...long].length).toBeLessThanOrEqual(100);
    const parts = long.split(' · ');
    expect(parts).toHaveLength(3);
    expect(parts[0]).toMatch(/^Kansai Regional Savings and\b.*…$/);
    expect(parts[1]).toMatch(/^x+…$/);
    expect(parts[2]).toMatch(/^A run title that\b.*…$/);
    expect(long).not.toContain('……');
  });

  it('embeds only the font subsets the text needs, each family for what the ones before it lack', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131,U+4??,U+0100-017F')).toEqual([[0, 0x17f], [0x400, 0x4ff]]);
    const names = (text: string) => chooseSubsets(codePointsOf(text)).map((s) => `${s.family} ${s.weight} ${s.name}`);
    const latin = names('Zoé Lefèvre — “hello”');
    expect(latin).toEqual(['Noto Sans 400 noto-sans-latin-400-normal', 'Noto Sans 600 noto-sans-latin-600-normal', 'Noto Sans 700 noto-sans-latin-700-normal']);
    const arabic = names(`Hi ${ARABIC.name}`);
    expect(arabic.filter((n) => n.startsWith('Noto Sans Arabic'))).toEqual(['Noto Sans Arabic 400 noto-sans-arabic-arabic-400-normal', 'Noto Sans Arabic 700 noto-sans-arabic-arabic-700-normal']);
    const chinese = names(`Hi ${CHINESE.name} ${CHINESE.quote}`);
    expect(chinese.some((n) => n.startsWith('Noto Sans SC 400'))).toBe(true);
    expect(chinese.some((n) => n.startsWith('Noto Sans SC 700'))).toBe(true);
    // Latin letters are Noto Sans': the Chinese font's own Latin subset is not carried.
    expect(chinese.filter((n) => /sc-latin/.test(n))).toEqual([]);
    expect(names('Привет Ελληνικά')).toContain('Noto Sans 400 noto-sans-cyrillic-400-normal');
    const css = reportFontFaces(`Hi ${CHINESE.name}`).css;
    expect(css).toMatch(/font-family:'Noto Sans SC';[^}]*src:url\(data:font\/woff2;base64,/);
    expect(css).not.toMatch(/url\((?!data:)/);
  });
});

/** A 96 × 32 PNG in the accent blue: small, valid, made here so no image file is needed. */
function pngLogo(): Buffer {
  const width = 96;
  const height = 32;
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([0x3b, 0x5b, 0xdb], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
