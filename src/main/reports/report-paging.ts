/**
 * The report printed in two passes, so that its contents page gives real page numbers: the first
 * printing (pages unknown, placeholders of the same width) is read back for its bookmarks, which
 * Chromium makes from the headings; the page each bookmark points to is the page its heading starts
 * on. Those bookmarks must be the report's outline (reportOutline), else the contents page would
 * not match the PDF; the second printing, on the same tab, carries the numbers. The second PDF's
 * bookmarks are checked too (a layout that moved, which it should not, gets one more pass) and
 * titled as the outline says, since Chromium's own titles can lose spaces or reorder words.
 */
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { openSession, type PdfPrinter, type PrintOptions } from './pdf-printer';
import { prepareReport, type OutlineEntry, type ReportInput } from './report-html';

/** One bookmark of a PDF, in depth-first order. */
export interface Bookmark {
  title: string;
  /** 1 for a top-level bookmark. */
  depth: number;
  /** The page it points to, counted from 1 (the cover); null when it points nowhere. */
  page: number | null;
}

/** The bookmarks do not match the outline: a template bug, reported as an internal error. */
export class ReportPagingError extends Error {
  override name = 'ReportPagingError';
}

export interface PagedReport {
  pdf: Buffer;
  /** The page each entry of reportOutline() starts on, counted from 1. */
  pages: number[];
  /** How many times the report was printed (2, or 3 when the numbers moved the layout). */
  passes: number;
}

const MAX_PASSES = 3;

/** Prints the report with its page numbers: twice, on one tab of the printer. */
export async function printPagedReport(printer: PdfPrinter, input: ReportInput, options: PrintOptions = {}): Promise<PagedReport> {
  const report = prepareReport(input);
  const { outline } = report;
  const session = await openSession(printer, options);
  try {
    let pdf = await session.print(report.html(null));
    let pages = outlinePages(outline, await readBookmarks(pdf));
    for (let passes = 2; ; passes++) {
      options.signal?.throwIfAborted();
      pdf = await session.print(report.html(pages));
      const parsed = await parseBookmarks(pdf);
      const printed = outlinePages(outline, parsed.bookmarks);
      if (samePages(printed, pages)) return { pdf: retitleBookmarks(pdf, parsed, outline.map((e) => normalizeTitle(e.title))), pages, passes };
      if (passes >= MAX_PASSES) throw new ReportPagingError(`The report's page numbers would not settle after ${passes} printings (last ${printed.join(', ')}; before ${pages.join(', ')}).`);
      pages = printed;
    }
  } finally {
    await session.close();
  }
}

/**
 * The page each outline entry starts on, from the PDF's bookmarks (one per heading, in document
 * order). Titles are compared by their letters (see comparable); a bookmark that is its heading's
 * text twice over is that heading (retitleBookmarks gives it its title back).
 */
export function outlinePages(outline: readonly OutlineEntry[], bookmarks: readonly Bookmark[]): number[] {
  const mismatch = (detail: string) =>
    new ReportPagingError(
      `The report's PDF bookmarks do not match its outline (${detail}). Every h1–h6 heading becomes a bookmark, so reportOutline() must list exactly the report's headings in document order. ` +
        `Outline: ${outline.map((e) => JSON.stringify(e.title)).join(', ')}; bookmarks: ${bookmarks.map((b) => JSON.stringify(b.title)).join(', ')}.`,
    );
  if (outline.length !== bookmarks.length) throw mismatch(`${outline.length} headings expected, ${bookmarks.length} bookmarks printed`);
  return outline.map((entry, i) => {
    const bookmark = bookmarks[i]!;
    // Chromium takes a heading's text twice when the heading opens a page with no margin above it: the same heading still.
    const twice = squash(entry.title) !== '' && squash(bookmark.title) === squash(entry.title).repeat(2);
    if (comparable(entry.title) !== comparable(bookmark.title) && !twice) throw mismatch(`entry ${i + 1} is ${JSON.stringify(entry.title)} but bookmark ${i + 1} is ${JSON.stringify(bookmark.title)}`);
    if (bookmark.page === null) throw mismatch(`bookmark ${i + 1}, ${JSON.stringify(bookmark.title)}, points to no page`);
    return bookmark.page;
  });
}

/** A title as a bookmark or the contents page shows it: whitespace collapsed and trimmed, Unicode composed. */
export const normalizeTitle = (title: string): string => title.normalize('NFC').replace(/\s+/g, ' ').trim();
/**
 * A title as it compares: its letters, whatever their order, case ignored (CSS may transform it).
 * Chromium writes a bookmark's text as laid out, so where a heading wraps the space is lost
 * ("deliveryfor", unless the heading is white-space: pre-wrap), and right-to-left words come in
 * visual order ("حداد ليلى" for "ليلى حداد"). The entries are matched in order, one for one, so
 * letters alone still tell one heading from another.
 */
const comparable = (title: string) => [...squash(title)].sort().join('');

/** A PDF's bookmarks, depth first (/Outlines → /First → its /First … → /Next), each with the page its destination names. */
export async function readBookmarks(pdf: Uint8Array): Promise<Bookmark[]> {
  return (await parseBookmarks(pdf)).bookmarks;
}

/** The bookmarks with the document and each bookmark's object, for retitleBookmarks. */
interface ParsedBookmarks {
  doc: PDFDocument;
  bookmarks: Bookmark[];
  /** Each bookmark's outline item: its object number and dictionary (ref null when stored inline). */
  items: Array<{ ref: PDFRef | null; dict: PDFDict }>;
}

async function parseBookmarks(pdf: Uint8Array): Promise<ParsedBookmarks> {
  const doc = await PDFDocument.load(pdf, { parseSpeed: ParseSpeeds.Fastest, updateMetadata: false, throwOnInvalidObject: false });
  const pageIndex = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i + 1] as const));
  const named = namedDestinations(doc);
  const pageOf = (dest: PDFObject | undefined): number | null => {
    const resolved = dest instanceof PDFRef ? doc.context.lookup(dest) : dest;
    if (resolved instanceof PDFArray) {
      const target = resolved.get(0);
      return target instanceof PDFRef ? (pageIndex.get(target.toString()) ?? null) : null;
    }
    if (resolved instanceof PDFString || resolved instanceof PDFHexString || resolved instanceof PDFName) {
      return pageOf(named.get(resolved.decodeText()));
    }
    if (resolved instanceof PDFDict) return pageOf(resolved.get(PDFName.of('D')));
    return null;
  };
  const bookmarks: Bookmark[] = [];
  const items: ParsedBookmarks['items'] = [];
  const seen = new Set<PDFDict>();
  const walk = (parent: PDFDict, depth: number) => {
    let link = parent.get(PDFName.of('First'));
    let item = parent.lookupMaybe(PDFName.of('First'), PDFDict);
    while (item && !seen.has(item)) {
      seen.add(item);
      const title = item.lookup(PDFName.of('Title'));
      const action = item.lookupMaybe(PDFName.of('A'), PDFDict);
      const dest = item.get(PDFName.of('Dest')) ?? (action?.get(PDFName.of('S'))?.toString() === '/GoTo' ? action.get(PDFName.of('D')) : undefined);
      bookmarks.push({ title: title instanceof PDFString || title instanceof PDFHexString ? normalizeTitle(title.decodeText()) : '', depth, page: pageOf(dest) });
      items.push({ ref: link instanceof PDFRef ? link : null, dict: item });
      walk(item, depth + 1);
      link = item.get(PDFName.of('Next'));
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (outlines) walk(outlines, 1);
  return { doc, bookmarks, items };
}

/**
 * The PDF with its bookmarks titled as the outline says, written as an incremental update (the new
 * outline items, an xref section and a trailer appended; nothing before them changes). Chromium
 * titles a bookmark with the heading's text as laid out: the space where it wraps lost
 * ("deliveryfor"), right-to-left words in visual order, a heading at a page's top taken twice.
 * Unchanged when any item is stored inline or the file does not end in a classic xref table.
 */
export function retitleBookmarks(pdf: Buffer, parsed: ParsedBookmarks, titles: readonly string[]): Buffer {
  const tail = pdf.subarray(Math.max(0, pdf.length - 64)).toString('latin1');
  const previous = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1];
  if (!previous || !pdf.subarray(Number(previous), Number(previous) + 4).equals(Buffer.from('xref'))) return pdf;
  const changed = parsed.items.flatMap((item, i) => (item.ref && titles[i] !== undefined && parsed.bookmarks[i]!.title !== titles[i] ? [{ ...item, ref: item.ref, title: titles[i]! }] : []));
  if (changed.length === 0 || parsed.items.some((item) => !item.ref)) return pdf;
  const parts: Buffer[] = [pdf, Buffer.from('\n')];
  let offset = pdf.length + 1;
  const entries: Array<{ ref: PDFRef; offset: number }> = [];
  for (const { ref, dict, title } of changed) {
    dict.set(PDFName.of('Title'), PDFHexString.fromText(title));
    const object = Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n${dict.toString()}\nendobj\n`, 'latin1');
    entries.push({ ref, offset });
    parts.push(object);
    offset += object.length;
  }
  entries.sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);
  const xref = ['xref', ...entries.map(({ ref, offset: at }) => `${ref.objectNumber} 1\n${String(at).padStart(10, '0')} ${String(ref.generationNumber).padStart(5, '0')} n `)].join('\n');
  const info = parsed.doc.context.trailerInfo;
  const trailer = [`/Size ${parsed.doc.context.largestObjectNumber + 1}`, info.Root ? `/Root ${info.Root.toString()}` : '', info.Info ? `/Info ${info.Info.toString()}` : '', info.ID ? `/ID ${info.ID.toString()}` : '', `/Prev ${previous}`].filter(Boolean).join(' ');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< ${trailer} >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** Named destinations: the catalog's /Dests dictionary and the /Names /Dests name tree (/Kids, /Names). */
function namedDestinations(doc: PDFDocument): Map<string, PDFObject> {
  const named = new Map<string, PDFObject>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [key, value] of dests?.entries() ?? []) named.set(key.decodeText(), value);
  const walkTree = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 32) return;
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; names && i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) named.set(key.decodeText(), names.get(i + 1));
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) walkTree(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  walkTree(doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict), 0);
  return named;
}

/** A title without whitespace or bidi marks, in lower case. */
const squash = (title: string) => normalizeTitle(title).replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').toLocaleLowerCase();
const samePages = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((page, i) => page === b[i]);
