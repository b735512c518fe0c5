/**
 * What the performance report shows, gathered by the core (core/performance-report-data.ts) and
 * rendered here as HTML (then PDF) or Markdown. Plain data built from the shared shapes: every
 * figure is what something measured, or null / empty when nothing did.
 */
import type { z } from 'zod';
import type { Anomaly, EngineFigureId, EngineProfile, Optimization, efficiencySchema } from '../../shared/insight';
import type { Alert, AuditEntry, HistoryPoint, HistoryResolution, PerformanceScore } from '../../shared/metrics';
import { formatBytes, formatSpan, humanize } from '../../shared/monitor-units';
import type { CacheStats, ValidationStatsSnapshot } from '../../shared/performance';

export type ResourceEfficiency = z.output<typeof efficiencySchema>;

export interface PerformanceReportData {
  app: { name: string; version: string; /** The data folder's name, never its path (a report leaves the machine). */ dataFolder: string };
  range: { fromMs: number; toMs: number };
  generatedAt: Date;
  /** The score and trend over the range. */
  score: PerformanceScore;
  history: { resolution: HistoryResolution; points: HistoryPoint[] };
  engines: EngineProfile[];
  /** The cache's counters since `cache.since` (kept across restarts), and cache.db's storage efficiency. */
  cache: CacheStats;
  validation: ValidationStatsSnapshot;
  /** The scheduler now: its concurrency limit, calls running and queued. */
  scheduler: { limit: number; running: number; queued: number };
  efficiency: ResourceEfficiency | null;
  alerts: Alert[];
  anomalies: Anomaly[];
  optimizations: Optimization[];
  /** Performance actions in the range, by the tuner, the emergency response or the user. */
  audit: AuditEntry[];
}

/** The headings of the report's sections, in order: the same in the PDF and the Markdown. */
export const SECTION_TITLES = {
  score: 'Score and trend',
  engines: 'Engine profiles',
  cache: 'Cache',
  validation: 'Validation issues by type',
  resources: 'Resources',
  alerts: 'Alerts and anomalies',
  optimizations: 'Optimizations and their effect',
} as const;

export { ENGINE_FIGURE_LABELS } from '../../shared/engine-figures';

export const dash = '—';

export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined) return dash;
  return value >= 1000 ? `${(value / 1000).toFixed(value >= 10_000 ? 1 : 2)} s` : `${Math.round(value)} ms`;
}

export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? dash : `${Number((value * 100).toFixed(1))}%`;
}

/** An engine figure in its unit: times for *_ms, percentages for rates. */
export function formatFigure(id: EngineFigureId, value: number | null): string {
  return id.endsWith('_ms') ? formatMs(value) : formatRate(value);
}

export function formatTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** "7 days", "6 hours", "30 minutes": how far back the report looks. */
export function rangeLabel({ fromMs, toMs }: PerformanceReportData['range']): string {
  const [amount, unit] = formatSpan(toMs - fromMs).split(' ') as [string, string];
  const word = ({ s: 'second', min: 'minute', h: 'hour', d: 'day' } as Record<string, string>)[unit] ?? unit;
  return `last ${amount} ${word}${amount === '1' ? '' : 's'}`;
}

export function scoreText(score: PerformanceScore): string {
  const missing = score.generations.required - score.generations.counted;
  if (missing > 0) return `No score yet: it needs ${score.generations.required} generations in the range, and ${score.generations.counted} were measured.`;
  return score.overall === null ? 'No score: nothing in this range could be judged.' : `${Math.round(score.overall)} / 100, ${score.trend}`;
}

/** Engines with something measured in the range, and the names of those without (said in a sentence, not a column of dashes). */
export function splitEngines(engines: readonly EngineProfile[]): { used: EngineProfile[]; unused: string[] } {
  const measured = (e: EngineProfile) => e.calls > 0 || e.generations > 0 || e.figures.some((f) => f.value !== null);
  return { used: engines.filter(measured), unused: engines.filter((e) => !measured(e)).map((e) => e.label) };
}

export const CACHE_KINDS = ['culture', 'generation', 'answer'] as const;

/** The team tier (L3) when one is configured; null without a team cache. */
export function teamTier(cache: CacheStats): NonNullable<CacheStats['l3']> | null {
  return cache.l3 && cache.l3.state !== 'off' ? cache.l3 : null;
}

/** The team tier as a row of the tiers table: this team's entries in Redis (or why not known) and whether it answers; Redis keeps its own bytes and evictions. */
export function teamTierRow(team: NonNullable<CacheStats['l3']>): string[] {
  const entries = team.entries !== null ? String(team.entries) : team.entriesUnknown === 'too_many' ? 'too many to count' : 'not known';
  return ['Team cache (L3, Redis)', entries, '—', '—', team.available ? 'yes' : 'no'];
}

/** What the team tier did, in a sentence under the tiers. */
export function teamTierSentence(team: NonNullable<CacheStats['l3']>): string {
  return `Team cache: ${team.hits} hits, ${team.misses} misses, ${team.refused} refused (written with another team key or altered), ${team.errors} errors, ${team.skipped} skipped while Redis did not answer.`;
}

/** Whether the cache saw any use at all: an unused cache gets a sentence, not a table of zeros. */
export function cacheUsed(cache: CacheStats): boolean {
  return CACHE_KINDS.some((k) => cache.kinds[k].gets > 0) || cache.l1.entries + cache.l2.entries > 0 || cache.preload.loaded > 0;
}

/** Resource figures over the range, from the history's per-bucket gauges (null when none was sampled). */
export function resourceSummary(points: readonly HistoryPoint[]) {
  const mean = (pick: (p: HistoryPoint) => number | null) => {
    const values = points.map(pick).filter((v): v is number => v !== null);
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  };
  const max = (pick: (p: HistoryPoint) => number | null) => {
    const values = points.map(pick).filter((v): v is number => v !== null);
    return values.length ? Math.max(...values) : null;
  };
  return {
    cpuMean: mean((p) => p.cpuMean),
    cpuMax: max((p) => p.cpuMax),
    appCpuMean: mean((p) => p.appCpuMean),
    rssMaxMb: max((p) => p.rssMaxMb),
    limitMean: mean((p) => p.limitMean),
    queuedMax: max((p) => p.queuedMax),
  };
}

export function hasResourceSamples(points: readonly HistoryPoint[]): boolean {
  return points.some((p) => p.cpuMean !== null || p.appCpuMean !== null || p.rssMaxMb !== null || p.limitMean !== null);
}

export const formatPercent = (value: number | null): string => (value === null ? dash : `${Math.round(value)}%`);
export const formatMb = (value: number | null): string => (value === null ? dash : formatBytes(value * 1_048_576));
export { formatBytes, humanize };
