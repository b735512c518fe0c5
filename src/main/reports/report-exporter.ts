/**
 * Exports a run as PDF, JSON, CSV, Markdown or TinyTroupe agent specifications, to bytes or to a file. A file is written to a
 * temporary name beside it and renamed when complete, so a failed or cancelled export never
 * leaves a partial file under the chosen name.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkedLogo, type WorkshopStore } from '../workshops';
import type { Asking } from '../asking';
import { AppError } from '../platform';
import { toCsv, toJson, toMarkdown, toTinyTroupe } from './export-formats';
import type { PdfPrinter } from './pdf-printer';
import { reportFontFaces } from './report-fonts';
import { renderCoverHtml, renderReportHtml, type ReportInput, type ReportWorkshop } from './report-html';
import { printPagedReport } from './report-paging';

import { SETTINGS_DEFAULTS } from '../../shared/settings';
import type { SetSummary } from '../../shared/summary';
import type { ExportFormat, PaperSize, ReportTemplate } from '../../shared/vocabulary';
import type { WorkshopLogo } from '../../shared/workshop';

const MIME: Record<ExportFormat, string> = { pdf: 'application/pdf', json: 'application/json', csv: 'text/csv; charset=utf-8', md: 'text/markdown; charset=utf-8', tinytroupe: 'application/json' };

/** The file name's extension: a TinyTroupe file is JSON, named apart from the persona document. */
const EXTENSION: Record<ExportFormat, string> = { pdf: 'pdf', json: 'json', csv: 'csv', md: 'md', tinytroupe: 'tinytroupe.json' };

export class ExportError extends AppError {
  override name = 'ExportError';
  constructor(
    override readonly code: 'not_found' | 'cancelled' | 'internal',
    message: string,
  ) {
    super(code, message, code === 'not_found' ? 'runId' : undefined);
  }
}

export interface ExportedReport {
  bytes: Buffer;
  fileName: string;
  mimeType: string;
}

/** A PDF export's choices; each absent one is the settings' default. */
export interface ReportOptions {
  template?: ReportTemplate;
  paper?: PaperSize;
}

/** A workshop's report branding. */
export interface ReportBranding {
  accent: string | null;
  logo: WorkshopLogo | null;
}

/** What the PDF report gathers from other modules, passed in by the core; each absent one is left out or defaulted. */
export interface ReportSources {
  /** The settings' report section (the default template and paper); absent, the defaults (client, A4). */
  settings?: () => { template: ReportTemplate; paper: PaperSize };
  /** The run's executive summary; absent or null, the report has none. */
  summary?: (runId: string, signal?: AbortSignal) => Promise<SetSummary | null>;
  /** A workshop's accent and logo; absent, the accent the store gives and no logo. */
  branding?: (workshopId: string) => Partial<ReportBranding>;
}

export class ReportExporter {
  /** Made on the first PDF: a CLI run that exports JSON never starts a browser. */
  private printer: PdfPrinter | undefined;

  constructor(
    private readonly store: WorkshopStore,
    private readonly makePrinter: () => PdfPrinter,
    /** The run's interviews, focus groups and concept tests, for the PDF, Markdown and JSON; absent, none are shown. */
    private readonly asking?: Pick<Asking, 'ofRun'>,
    private readonly sources: ReportSources = {},
  ) {}

  /** The report's cover as it would print for this workshop: its saved branding, or the accent and logo given (null removes one) to preview before saving. */
  coverPreview(workshopId: string, branding: Partial<ReportBranding> = {}): string {
    if (!this.store.getWorkshop(workshopId)) throw new ExportError('not_found', `No workshop has the id ${workshopId}.`);
    // A logo not yet saved passes the checks a saved one passed (an SVG with a script is refused), so nothing unchecked is drawn.
    if (branding.logo) checkedLogo(branding.logo);
    const workshop = { ...this.workshopOf(workshopId), ...definedOnly(branding) };
    const { template, paper } = this.sources.settings?.() ?? SETTINGS_DEFAULTS.report;
    // The workshop's latest run, as its next report would show it; a sample line before the first run.
    const [latest] = this.store.listRuns(workshopId, 1).filter((r) => r.status === 'completed');
    const sample = latest ? { title: latest.title, brief: latest.description, personas: latest.count } : { title: 'Persona set for your brief', brief: 'The brief of a run appears here, under its title.', personas: 5 };
    const cover = { ...sample, generatedAt: new Date(), template, paper };
    // The report's own fonts, so that the preview breaks its lines as the PDF does.
    return renderCoverHtml(workshop, { ...cover, fontFaces: reportFontFaces(renderCoverHtml(workshop, cover)).css });
  }

  /** The workshop as the report's cover names it, with its branding. */
  private workshopOf(workshopId: string): ReportWorkshop {
    const found = this.store.getWorkshop(workshopId) as (ReturnType<WorkshopStore['getWorkshop']> & { accent?: string | null }) | null | undefined;
    const branding = this.sources.branding?.(workshopId) ?? {};
    return { name: found?.name ?? 'Workshop', client: found?.client ?? null, accent: branding.accent ?? found?.accent ?? null, logo: branding.logo ?? null };
  }

  /** The report's input for a run: what the PDF prints (exported for the benchmark and the tests). */
  async reportInput(runId: string, options: ReportOptions = {}, signal?: AbortSignal): Promise<ReportInput> {
    const run = this.store.getRun(runId);
    if (!run || !run.document) throw new ExportError('not_found', `No run with personas has the id ${runId}.`);
    const defaults = this.sources.settings?.() ?? SETTINGS_DEFAULTS.report;
    const asked = this.asking?.ofRun(runId);
    const summary = (await untilAborted(this.sources.summary?.(runId, signal), signal)) ?? null;
    const input: ReportInput = {
      run,
      workshop: this.workshopOf(run.workshopId),
      generatedAt: new Date(),
      ...(asked ? { asked } : {}),
      summary,
      template: options.template ?? defaults.template,
      paper: options.paper ?? defaults.paper,
    };
    // The fonts for the characters the report prints: read from the report itself, without fonts.
    return { ...input, fontFaces: reportFontFaces(renderReportHtml(input, null)).css };
  }

  /** Closes the PDF printer's browser, if one was started. */
  async close(): Promise<void> {
    await this.printer?.close();
  }

  /**
   * A run as bytes. A PDF is the client or internal report (options, else the settings), on A4 or
   * Letter, with the run's summary, the workshop's branding and the fonts its text needs, printed
   * twice so that its contents page gives real page numbers.
   */
  async export(runId: string, format: ExportFormat, signal?: AbortSignal, options: ReportOptions = {}): Promise<ExportedReport> {
    const run = this.store.getRun(runId);
    if (!run || !run.document) throw new ExportError('not_found', `No run with personas has the id ${runId}.`);
    const workshop = this.store.getWorkshop(run.workshopId);
    const workshopName = workshop?.name ?? 'Workshop';
    const client = workshop?.client ?? null;
    const asked = format === 'csv' || format === 'tinytroupe' || format === 'pdf' ? undefined : this.asking?.ofRun(runId);
    let bytes: Buffer;
    if (format === 'pdf') {
      try {
        signal?.throwIfAborted();
        const input = await this.reportInput(runId, options, signal);
        this.printer ??= this.makePrinter();
        bytes = (await printPagedReport(this.printer, input, { paper: input.paper, ...(signal ? { signal } : {}) })).pdf;
      } catch (error) {
        if (signal?.aborted) throw new ExportError('cancelled', 'The export was cancelled; no file was written.');
        if (error instanceof ExportError) throw error;
        throw new ExportError('internal', error instanceof Error ? error.message : String(error));
      }
    } else {
      const text =
        format === 'json'
          ? toJson(run.document, asked)
          : format === 'csv'
            ? toCsv(run.document.personas)
            : format === 'tinytroupe'
              ? toTinyTroupe(run.document.personas)
              : toMarkdown(run, { name: workshopName, client }, asked, (await untilAborted(this.sources.summary?.(runId, signal), signal)) ?? null);
      bytes = Buffer.from(text, 'utf8');
    }
    return { bytes, fileName: `${slug(workshopName)}-${run.startedAt.slice(0, 10)}.${EXTENSION[format]}`, mimeType: MIME[format] };
  }

  /** Writes the export to `file` atomically; returns the bytes written. */
  async exportToFile(runId: string, format: ExportFormat, file: string, signal?: AbortSignal, options: ReportOptions = {}): Promise<number> {
    const { bytes } = await this.export(runId, format, signal, options);
    await writeAtomically(file, bytes, signal);
    return bytes.length;
  }
}

export async function writeAtomically(file: string, bytes: Buffer, signal?: AbortSignal): Promise<void> {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.partial`);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.promises.writeFile(temp, bytes, signal ? { signal } : {});
    signal?.throwIfAborted();
    await fs.promises.rename(temp, target);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    if (signal?.aborted) throw new ExportError('cancelled', 'The export was cancelled; no file was written.');
    throw error;
  }
}

/**
 * `work`, or the signal's abort, whichever comes first. A summary another reader asked for first is
 * shared, and waits for its model (up to two minutes) whatever this export's signal says: a
 * cancelled export stops waiting at once.
 */
export function untilAborted<T>(work: Promise<T> | undefined, signal?: AbortSignal): Promise<T | undefined> {
  if (!work || !signal) return Promise.resolve(work);
  const cancelled = () => new ExportError('cancelled', 'The export was cancelled; no file was written.');
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(cancelled());
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(cancelled());
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** The keys whose value is not undefined (null stays: it removes a branding). */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase().slice(0, 60) || 'report';
}
