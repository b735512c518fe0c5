/** `persona-studio export <runId>`: a saved run as PDF, JSON, CSV, Markdown or TinyTroupe agent specifications. */
import { EXPORT_FORMATS, PAPER_SIZES, REPORT_TEMPLATES, type ExportFormat, type PaperSize, type ReportTemplate } from '../shared/vocabulary';
import { parseFlags, UsageError, type CliIo } from './args';
import { openCoreQuietly } from './open-core';

export const EXPORT_USAGE = `persona-studio export <runId> --format pdf|json|csv|md|tinytroupe --out FILE [--data DIR]
                      [--template client|internal] [--paper a4|letter]     (PDF only)

  Writes a saved run (its id is printed by generate, and listed in the app's History) as a PDF
  report, the persona document as JSON, a CSV with a row per persona, Markdown, or TinyTroupe
  agent specifications (a JSON array, one TinyPerson spec per persona; docs/TINYTROUPE.md).
  The PDF is the client report (--template client) or the internal one with how the run was made
  (internal), on A4 or US Letter; each defaults to the app's settings.
  The file appears only when complete; Ctrl+C leaves nothing behind.`;

export async function runExport(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, { format: { type: 'string' }, out: { type: 'string' }, data: { type: 'string' }, template: { type: 'string' }, paper: { type: 'string' } });
  const [runId, ...extra] = positionals;
  if (!runId) throw new UsageError('export needs the id of a run: persona-studio export <runId> --format pdf --out report.pdf');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const format = values.format;
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')} (got ${JSON.stringify(format ?? '')})`);
  const template = oneOf(values.template, '--template', REPORT_TEMPLATES);
  const paper = oneOf(values.paper, '--paper', PAPER_SIZES);
  if ((template || paper) && format !== 'pdf') throw new UsageError(`${template ? '--template' : '--paper'} applies to --format pdf only (got --format ${format})`);
  if (!values.out) throw new UsageError('--out FILE is required: where to write the export');
  const core = openCoreQuietly(values.data, io);
  if (!core) return 1;
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    const bytes = await core.reports.exportToFile(runId, format as ExportFormat, values.out, controller.signal, { ...(template ? { template: template as ReportTemplate } : {}), ...(paper ? { paper: paper as PaperSize } : {}) });
    io.err(`Wrote ${values.out} (${bytes} bytes)`);
    return 0;
  } catch (error) {
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    await core.reports.close();
    core.close();
  }
}

/** A flag's value when it is one of `accepted`; absent, undefined. */
function oneOf(value: string | undefined, flag: string, accepted: readonly string[]): string | undefined {
  if (value === undefined) return undefined;
  if (!accepted.includes(value.toLowerCase())) throw new UsageError(`${flag} must be one of ${accepted.join(', ')} (got ${JSON.stringify(value)})`);
  return value.toLowerCase();
}
