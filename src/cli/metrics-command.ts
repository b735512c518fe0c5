/** `persona-studio metrics`: the monitor's history from the data folder, as a table or JSON, or the performance report as PDF or Markdown. */
import { defaultDataDir } from '../main/platform';
import { writeAtomically, type PerformanceReportFormat } from '../main/reports';
import type { Core } from '../main/core';
import type { HistoryPoint, PerformanceScore } from '../shared/ipc/types';
import type { HistoryResolution } from '../shared/metrics';
import { parseFlags, UsageError, type CliIo } from './args';
import { openCoreQuietly } from './open-core';

export const METRICS_USAGE = `persona-studio metrics [--since 1h] [--json] [--pdf FILE] [--md FILE]

  Shows what the app measured: generations, latency, cache hit rate, validation, errors and alerts,
  per period, from the data folder's history.

  --since SPAN       how far back: 30m, 6h, 7d ... (default 1h; history is kept 30 days unless changed)
  --json             print the history, score and alerts as JSON
  --pdf FILE         write the performance report (score, engines, cache, validation, resources,
                     alerts and anomalies, optimizations, with charts) as a PDF
  --md FILE          the same report as Markdown
  --data DIR         data folder (default ${defaultDataDir()})`;

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export async function runMetrics(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, { since: { type: 'string' }, json: { type: 'boolean' }, pdf: { type: 'string' }, md: { type: 'string' }, data: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`metrics takes no arguments (got ${JSON.stringify(positionals[0])})`);
  const rangeMs = parseSpan(values.since ?? '1h');
  const resolution: HistoryResolution = rangeMs <= 2 * UNIT_MS.h ? '5m' : '1h';
  const reports = (['pdf', 'md'] as const).flatMap((format) => (values[format] ? [{ format, file: values[format] }] : []));
  if (reports.length && values.json) throw new UsageError('--json prints the history; --pdf and --md write the report to files: give one or the other');
  const core = openCoreQuietly(values.data, io);
  if (!core) return 1;
  try {
    if (reports.length) return await writeReports(core, rangeMs, reports, io);
    const history = core.monitor.history(rangeMs, resolution);
    const alerts = core.monitor.listAlerts(rangeMs);
    if (values.json) {
      io.out(JSON.stringify({ since: new Date(Date.now() - rangeMs).toISOString(), ...history, alerts }, null, 2));
      return 0;
    }
    if (history.points.length === 0) {
      io.out(`Nothing was measured in the last ${values.since ?? '1h'}. Generate personas in the app or with persona-studio generate, then look again.`);
      return 0;
    }
    io.out(table(history.points));
    io.out('');
    io.out(scoreLine(history.score));
    const active = alerts.filter((a) => a.status === 'active');
    io.out(`Alerts: ${alerts.length} in range, ${active.length} active${active.length ? `: ${active.map((a) => a.message).join('; ')}` : ''}`);
    return 0;
  } finally {
    core.close();
  }
}

/** The performance report in each format asked for, each file written whole or not at all. */
async function writeReports(core: Core, rangeMs: number, reports: ReadonlyArray<{ format: PerformanceReportFormat; file: string }>, io: CliIo): Promise<number> {
  for (const { format, file } of reports) {
    try {
      const { bytes } = await core.performanceReport(rangeMs, format);
      await writeAtomically(file, bytes);
      io.out(`Wrote the performance report (${format === 'pdf' ? 'PDF' : 'Markdown'}, ${Math.ceil(bytes.length / 1024)} KB) to ${file}`);
    } catch (error) {
      io.err(`error: the ${format === 'pdf' ? 'PDF' : 'Markdown'} performance report was not written to ${file}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  }
  return 0;
}

function scoreLine({ overall, trend, generations }: PerformanceScore): string {
  const missing = generations.required - generations.counted;
  if (missing > 0) return `Score: none yet, after ${missing} more ${missing === 1 ? 'generation' : 'generations'} in this period (it needs ${generations.required})`;
  return overall === null ? 'Score: none (nothing in this period could be judged)' : `Score: ${overall}/100 (${trend})`;
}

function parseSpan(text: string): number {
  const match = /^(\d+)\s*([mhd])$/.exec(text.trim());
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : NaN;
  if (!(ms >= UNIT_MS.m && ms <= 365 * UNIT_MS.d)) throw new UsageError(`--since must be a span such as 30m, 6h or 7d, from 1m to 365d (got ${JSON.stringify(text)})`);
  return ms;
}

type Point = HistoryPoint;

function table(points: readonly Point[]): string {
  const pct = (v: number | null) => (v === null ? '-' : `${Math.round(v * 100)}%`);
  const secs = (v: number | null) => (v === null ? '-' : `${(v / 1000).toFixed(1)}s`);
  const rows = [
    ['period', 'runs', 'failed', 'p50', 'p95', 'calls', 'call errors', 'cache hit', 'valid', 'cpu', 'rss MB'],
    ...points.map((p) => [
      new Date(p.at).toISOString().slice(0, 16).replace('T', ' '),
      String(p.generations),
      String(p.generationErrors),
      secs(p.p50Ms),
      secs(p.p95Ms),
      String(p.calls),
      String(p.callErrors),
      pct(p.cacheHitRate),
      pct(p.validationSuccessRate),
      p.cpuMean === null ? '-' : `${Math.round(p.cpuMean)}%`,
      p.rssMaxMb === null ? '-' : String(Math.round(p.rssMaxMb)),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}
