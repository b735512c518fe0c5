/**
 * Exports a run as PDF, JSON, CSV, Markdown or TinyTroupe agent specifications, to bytes or to a file. A file is written to a
 * temporary name beside it and renamed when complete, so a failed or cancelled export never
 * leaves a partial file under the chosen name.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { WorkshopStore } from '../workshops';
import type { Asking } from '../asking';
import { AppError } from '../platform';
import { toCsv, toJson, toMarkdown, toTinyTroupe } from './export-formats';
import type { PdfPrinter } from './pdf-printer';
import { renderReportHtml } from './report-html';

import type { ExportFormat } from '../../shared/vocabulary';

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

export class ReportExporter {
  /** Made on the first PDF: a CLI run that exports JSON never starts a browser. */
  private printer: PdfPrinter | undefined;

  constructor(
    private readonly store: WorkshopStore,
    private readonly makePrinter: () => PdfPrinter,
    /** The run's interviews, focus groups and concept tests, for the PDF, Markdown and JSON; absent, none are shown. */
    private readonly asking?: Pick<Asking, 'ofRun'>,
  ) {}

  /** Closes the PDF printer's browser, if one was started. */
  async close(): Promise<void> {
    await this.printer?.close();
  }

  async export(runId: string, format: ExportFormat, signal?: AbortSignal): Promise<ExportedReport> {
    const run = this.store.getRun(runId);
    if (!run || !run.document) throw new ExportError('not_found', `No run with personas has the id ${runId}.`);
    const found = this.store.getWorkshop(run.workshopId);
    const workshop = { name: found?.name ?? 'Workshop', client: found?.client ?? null };
    const workshopName = workshop.name;
    const asked = format === 'csv' || format === 'tinytroupe' ? undefined : this.asking?.ofRun(runId);
    let bytes: Buffer;
    if (format === 'pdf') {
      try {
        this.printer ??= this.makePrinter();
        bytes = await this.printer.print(renderReportHtml({ run, workshop, generatedAt: new Date(), ...(asked ? { asked } : {}) }), signal);
      } catch (error) {
        if (signal?.aborted) throw new ExportError('cancelled', 'The export was cancelled; no file was written.');
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
              : toMarkdown(run, workshop, asked);
      bytes = Buffer.from(text, 'utf8');
    }
    return { bytes, fileName: `${slug(workshopName)}-${run.startedAt.slice(0, 10)}.${EXTENSION[format]}`, mimeType: MIME[format] };
  }

  /** Writes the export to `file` atomically; returns the bytes written. */
  async exportToFile(runId: string, format: ExportFormat, file: string, signal?: AbortSignal): Promise<number> {
    const { bytes } = await this.export(runId, format, signal);
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

function slug(text: string): string {
  return text.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase().slice(0, 60) || 'report';
}
