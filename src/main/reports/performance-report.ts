/**
 * The performance report as bytes: HTML printed to PDF by the run report's printer, or Markdown.
 * The data comes from the core (core/performance-report-data.ts); this only renders it.
 */
import { ExportError, type ExportedReport } from './report-exporter';
import type { PdfPrinter } from './pdf-printer';
import type { PerformanceReportData } from './performance-data';
import { renderPerformanceHtml } from './performance-html';
import { renderPerformanceMarkdown } from './performance-markdown';

export const PERFORMANCE_REPORT_FORMATS = ['pdf', 'md'] as const;
export type PerformanceReportFormat = (typeof PERFORMANCE_REPORT_FORMATS)[number];

export async function renderPerformanceReport(data: PerformanceReportData, format: PerformanceReportFormat, printer: () => PdfPrinter, signal?: AbortSignal): Promise<ExportedReport> {
  const fileName = `performance-${new Date(data.range.toMs).toISOString().slice(0, 10)}.${format}`;
  if (format === 'md') return { bytes: Buffer.from(renderPerformanceMarkdown(data), 'utf8'), fileName, mimeType: 'text/markdown; charset=utf-8' };
  try {
    return { bytes: await printer().print(renderPerformanceHtml(data), signal ? { signal } : {}), fileName, mimeType: 'application/pdf' };
  } catch (error) {
    if (signal?.aborted) throw new ExportError('cancelled', 'The performance report was cancelled; no file was written.');
    throw new ExportError('internal', `The performance report could not be printed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
