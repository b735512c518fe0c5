/** The reports module: PDF, JSON, CSV, Markdown and TinyTroupe exports of a run, and the performance report (PDF, Markdown). Its whole public surface; see docs/ARCHITECTURE.md for what it may import. */
export { ChromiumPdfPrinter, PAPER_FORMAT } from './pdf-printer';
export type { PdfPrinter, PrintOptions, PrintSession } from './pdf-printer';
export { ExportError, ReportExporter, writeAtomically } from './report-exporter';
export type { ExportedReport, ReportBranding, ReportOptions, ReportSources } from './report-exporter';
export { printPagedReport, readBookmarks, ReportPagingError } from './report-paging';
export type { Bookmark, PagedReport } from './report-paging';
export { reportFontFaces } from './report-fonts';
export { PERFORMANCE_REPORT_FORMATS, renderPerformanceReport } from './performance-report';
export type { PerformanceReportFormat } from './performance-report';
export type { PerformanceReportData } from './performance-data';
