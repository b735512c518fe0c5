/** The reports module: PDF, JSON, CSV, Markdown and TinyTroupe exports of a run, and the performance report (PDF, Markdown). Its whole public surface; see docs/ARCHITECTURE.md for what it may import. */
export { ChromiumPdfPrinter } from './pdf-printer';
export type { PdfPrinter } from './pdf-printer';
export { ExportError, ReportExporter, writeAtomically } from './report-exporter';
export type { ExportedReport } from './report-exporter';
export { PERFORMANCE_REPORT_FORMATS, renderPerformanceReport } from './performance-report';
export type { PerformanceReportFormat } from './performance-report';
export type { PerformanceReportData } from './performance-data';
