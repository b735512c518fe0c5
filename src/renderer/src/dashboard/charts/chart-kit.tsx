/**
 * What every chart shares: the figure that names it and reads out its latest values, the time
 * axis, colours, ticks and tooltips. The drawing is hidden from screen readers and takes no focus
 * (recharts' accessibility layer is off: it made each svg a tab stop named by its axis labels).
 */
import type { ReactNode } from 'react';
import { ResponsiveContainer, XAxis } from 'recharts';
import type { ChartKey, ChartPoint } from '../chart-points';
import { DASH, formatClock, formatDateTime, formatDayClock, formatDuration, formatNumber, formatPercent } from '../format';
import type { RangeId } from '../ranges';

export const CHART_HEIGHT = 200;
export const EMPTY_CHART_TEXT = 'No data in this range yet — generate personas to see figures';

export const COLORS = {
  p50: '#3b5bdb',
  p95: '#e8590c',
  hitRate: '#3b5bdb',
  l1: '#2b8a3e',
  l2: '#7048e8',
  success: '#2b8a3e',
  repair: '#e8590c',
  fill: '#7048e8',
  cpu: '#3b5bdb',
  appCpu: '#c2255c',
  memMb: '#0c8599',
  limit: '#5f6470',
  queued: '#3b5bdb',
} satisfies Record<ChartKey, string>;

const INK = '#1d1f24';
export const AXIS_TICK = { fontSize: 11, fill: '#5f6470' };
export const LEGEND_STYLE = { fontSize: 12 };
export const INK_TEXT = { color: INK };
export const MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };
/** Legend entries in ink: recharts draws them in the series' colour, which is too light to read as text. */
export const legendText = (value: ReactNode): ReactNode => <span style={INK_TEXT}>{value}</span>;

function timeTick(range: RangeId): (value: number) => string {
  if (range === 'live') return (value) => formatClock(value, true);
  if (range === '7d') return (value) => formatDayClock(value);
  return (value) => formatClock(value);
}

export function timeLabel(label: ReactNode): ReactNode {
  return typeof label === 'number' ? formatDateTime(label) : label;
}

const NBSP = '\u00a0';
/** Axis ticks keep number and unit on one line. */
export const percentTick = (value: number): string => `${value}${NBSP}%`;
export const durationTick = (value: number): string => formatDuration(value).replace(' ', NBSP);
export const mbTick = (value: number): string => `${Math.round(value)}${NBSP}MB`;
export const percentTooltip = (value: unknown): string => (typeof value === 'number' ? formatPercent(value) : DASH);
export const durationTooltip = (value: unknown): string => (typeof value === 'number' ? formatDuration(value) : DASH);
export const numberTooltip = (value: unknown): string => (typeof value === 'number' ? formatNumber(value) : DASH);

/** One series as a chart's caption reads it out. */
export interface SummaryPart {
  key: ChartKey;
  name: string;
  format: (value: number) => string;
}

/** "Latest: p50 1.20 s, p95 3.40 s" from the newest point that has any of the parts, or null when none does. */
export function latestSummary(points: readonly ChartPoint[], range: RangeId, parts: readonly SummaryPart[]): string | null {
  const point = points.findLast((p) => parts.some((part) => p[part.key] !== null));
  if (!point) return null;
  const values = parts.flatMap((part) => {
    const value = point[part.key];
    return value === null ? [] : [`${part.name} ${part.format(value)}`];
  });
  return `Latest${range === 'live' ? '' : ` (${timeTick(range)(point.at)})`}: ${values.join(', ')}`;
}

interface FrameProps {
  title: string;
  subtitle: string;
  /** The latest values in words; null shows the empty state. */
  summary: string | null;
  loading?: boolean;
  children: ReactNode;
}

export function ChartFrame({ title, subtitle, summary, loading = false, children }: FrameProps) {
  return (
    <figure className="dash-figure" aria-label={title}>
      <figcaption>
        <span className="dash-figure-title">{title}</span> <span className="dash-figure-sub">{subtitle}</span>
        {summary ? <span className="dash-figure-summary">{summary}</span> : null}
      </figcaption>
      {summary === null ? (
        <div className="dash-chart-empty" style={{ height: CHART_HEIGHT }}>
          <p>{loading ? 'Loading…' : EMPTY_CHART_TEXT}</p>
        </div>
      ) : (
        <div className="dash-chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            {children}
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

export interface SeriesChartProps {
  points: ChartPoint[];
  range: RangeId;
  loading: boolean;
}

const LIVE_MIN_SPAN_MS = 60_000;
const LIVE_TICK_STEPS_MS = [15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000];

/** Round-time ticks across a live window, about four of them. */
function liveTicks(start: number, end: number): number[] {
  const step = LIVE_TICK_STEPS_MS.find((candidate) => (end - start) / candidate <= 5) ?? 3_600_000;
  const ticks: number[] = [];
  for (let at = Math.ceil(start / step) * step; at <= end; at += step) ticks.push(at);
  return ticks;
}

/** The time axis; in Live mode it spans at least a minute, so a few seconds of points do not crowd it. */
export function xAxis(range: RangeId, points: readonly ChartPoint[]) {
  const last = points[points.length - 1]?.at;
  const first = points[0]?.at;
  if (range === 'live' && first !== undefined && last !== undefined) {
    const start = Math.min(first, last - LIVE_MIN_SPAN_MS);
    return (
      <XAxis dataKey="at" type="number" scale="time" domain={[start, last]} ticks={liveTicks(start, last)} tickFormatter={timeTick(range)} tick={AXIS_TICK} minTickGap={28} />
    );
  }
  return <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={timeTick(range)} tick={AXIS_TICK} minTickGap={28} />;
}
