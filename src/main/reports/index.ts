export { ChromiumPdfPrinter } from './pdf-printer';
export type { PdfPrinter } from './pdf-printer';
export { ExportError, ReportExporter } from './report-exporter';
