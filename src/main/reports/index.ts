/** The reports module: PDF, JSON, CSV, Markdown and TinyTroupe exports of a run. Its whole public surface; see docs/ARCHITECTURE.md for what it may import. */
export { ChromiumPdfPrinter } from './pdf-printer';
export type { PdfPrinter } from './pdf-printer';
export { ExportError, ReportExporter } from './report-exporter';
