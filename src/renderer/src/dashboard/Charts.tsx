/**
 * The dashboard's charts. Live mode draws the rolling buffer of live events, each chart redrawing
 * at most twice a second and in its own task; a history range draws the fetched buckets. Every
 * chart is memoized on its points and the history charts do not subscribe to live figures, so a
 * live event in a history range never re-renders them. Each chart is a figure named by its title
 * with its latest values in its caption; the drawing itself is hidden from screen readers and
 * takes no focus (recharts' accessibility layer is off: it made each svg a tab stop named by its
 * axis labels).
 */
import { memo, startTransition, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { Area, AreaChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Trace } from '../../../shared/ipc/types';
import { TRACE_PHASES, type TracePhase } from '../../../shared/vocabulary';
import { DASH, formatClock, formatDateTime, formatDayClock, formatDuration, formatMb, formatNumber, formatPercent, humanize } from './format';
import { selectHistoryLoading, useDashboard } from './store';
import type { ChartKey, ChartPoint, HistoryRangeId, RangeId } from './store';

const CHART_HEIGHT = 200;
const EMPTY_CHART_TEXT = 'No data in this range yet — generate personas to see figures';
const RECENT_TRACES = 20;
const NO_POINTS: ChartPoint[] = [];

const COLORS = {
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

const PHASE_COLORS: Record<TracePhase, string> = {
  cache: '#1098ad',
  culture: '#7048e8',
  provider: '#3b5bdb',
  repair: '#e8590c',
  store: '#2b8a3e',
};

const INK = '#1d1f24';
const AXIS_TICK = { fontSize: 11, fill: '#5f6470' };
const LEGEND_STYLE = { fontSize: 12 };
const INK_TEXT = { color: INK };
const MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };
/** Legend entries in ink: recharts draws them in the series' colour, which is too light to read as text. */
const legendText = (value: ReactNode): ReactNode => <span style={INK_TEXT}>{value}</span>;

function timeTick(range: RangeId): (value: number) => string {
  if (range === 'live') return (value) => formatClock(value, true);
  if (range === '7d') return (value) => formatDayClock(value);
  return (value) => formatClock(value);
}

function timeLabel(label: ReactNode): ReactNode {
  return typeof label === 'number' ? formatDateTime(label) : label;
}

const NBSP = '\u00a0';
/** Axis ticks keep number and unit on one line. */
const percentTick = (value: number): string => `${value}${NBSP}%`;
const durationTick = (value: number): string => formatDuration(value).replace(' ', NBSP);
const mbTick = (value: number): string => `${Math.round(value)}${NBSP}MB`;
const percentTooltip = (value: unknown): string => (typeof value === 'number' ? formatPercent(value) : DASH);
const durationTooltip = (value: unknown): string => (typeof value === 'number' ? formatDuration(value) : DASH);
const numberTooltip = (value: unknown): string => (typeof value === 'number' ? formatNumber(value) : DASH);

/** One series as a chart's caption reads it out. */
interface SummaryPart {
  key: ChartKey;
  name: string;
  format: (value: number) => string;
}

/** "Latest: p50 1.20 s, p95 3.40 s" from the newest point that has any of the parts, or null when none does. */
function latestSummary(points: readonly ChartPoint[], range: RangeId, parts: readonly SummaryPart[]): string | null {
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

function ChartFrame({ title, subtitle, summary, loading = false, children }: FrameProps) {
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

interface SeriesChartProps {
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
function xAxis(range: RangeId, points: readonly ChartPoint[]) {
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

const RESPONSE_PARTS: readonly SummaryPart[] = [
  { key: 'p50', name: 'p50', format: formatDuration },
  { key: 'p95', name: 'p95', format: formatDuration },
];

const ResponseChart = memo(function ResponseChart({ points, range, loading }: SeriesChartProps) {
  const dots = points.length <= 2;
  return (
    <ChartFrame title="Response time" subtitle="p50 and p95" summary={latestSummary(points, range, RESPONSE_PARTS)} loading={loading}>
      <LineChart data={points} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid stroke="#e2e0da" strokeDasharray="3 3" />
        {xAxis(range, points)}
        <YAxis tickFormatter={durationTick} tick={AXIS_TICK} width={56} />
        <Tooltip labelFormatter={timeLabel} formatter={durationTooltip} itemStyle={INK_TEXT} labelStyle={INK_TEXT} />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} formatter={legendText} />
        <Line type="monotone" dataKey="p50" name="p50" stroke={COLORS.p50} strokeWidth={2} dot={dots} isAnimationActive={false} />
        <Line type="monotone" dataKey="p95" name="p95" stroke={COLORS.p95} strokeWidth={2} dot={dots} isAnimationActive={false} />
      </LineChart>
    </ChartFrame>
  );
});

interface PercentSeries {
  key: ChartKey;
  name: string;
  /** The headline series is drawn thicker. */
  main?: boolean;
}

/** A chart of rates in percent, 0 to 100, one line per series. */
function PercentChart({ title, subtitle, series, points, range, loading }: SeriesChartProps & { title: string; subtitle: string; series: readonly PercentSeries[] }) {
  const dots = points.length <= 2;
  const parts = useMemo(() => series.map((s) => ({ key: s.key, name: s.name, format: formatPercent })), [series]);
  return (
    <ChartFrame title={title} subtitle={subtitle} summary={latestSummary(points, range, parts)} loading={loading}>
      <LineChart data={points} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid stroke="#e2e0da" strokeDasharray="3 3" />
        {xAxis(range, points)}
        <YAxis domain={[0, 100]} tickFormatter={percentTick} tick={AXIS_TICK} width={48} />
        <Tooltip labelFormatter={timeLabel} formatter={percentTooltip} itemStyle={INK_TEXT} labelStyle={INK_TEXT} />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} formatter={legendText} />
        {series.map((s) => (
          <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={COLORS[s.key]} strokeWidth={s.main ? 2 : 1} dot={dots} isAnimationActive={false} />
        ))}
      </LineChart>
    </ChartFrame>
  );
}

const CACHE_LIVE: readonly PercentSeries[] = [{ key: 'hitRate', name: 'Overall', main: true }, { key: 'l1', name: 'L1' }, { key: 'l2', name: 'L2' }];
const CACHE_HISTORY: readonly PercentSeries[] = [{ key: 'hitRate', name: 'Overall', main: true }];
const VALIDATION: readonly PercentSeries[] = [{ key: 'success', name: 'Success', main: true }, { key: 'repair', name: 'Repair' }, { key: 'fill', name: 'Fill' }];

const CacheChart = memo(function CacheChart(props: SeriesChartProps) {
  const live = props.range === 'live';
  return <PercentChart {...props} title="Cache hit rate" subtitle={live ? 'overall, L1 and L2' : 'overall'} series={live ? CACHE_LIVE : CACHE_HISTORY} />;
});

const ValidationChart = memo(function ValidationChart(props: SeriesChartProps) {
  return <PercentChart {...props} title="Validation" subtitle="success, repair and fill rates" series={VALIDATION} />;
});

function resourceParts(live: boolean): SummaryPart[] {
  return [
    { key: 'cpu', name: live ? 'machine CPU' : 'machine CPU (mean)', format: formatPercent },
    { key: 'appCpu', name: live ? 'Persona Studio CPU' : 'Persona Studio CPU (mean)', format: formatPercent },
    { key: 'memMb', name: live ? 'RSS' : 'RSS (peak)', format: formatMb },
    { key: 'limit', name: 'concurrency limit', format: formatNumber },
  ];
}
const RESOURCE_PARTS = { live: resourceParts(true), history: resourceParts(false) };

const ResourcesChart = memo(function ResourcesChart({ points, range, loading }: SeriesChartProps) {
  const live = range === 'live';
  const dots = points.length <= 2;
  return (
    <ChartFrame
      title="CPU and memory"
      subtitle={live ? 'machine and Persona Studio CPU %, RSS MB; concurrency limit on the right' : 'mean CPU %, peak RSS MB; mean concurrency limit on the right'}
      summary={latestSummary(points, range, live ? RESOURCE_PARTS.live : RESOURCE_PARTS.history)}
      loading={loading}
    >
      <ComposedChart data={points} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid stroke="#e2e0da" strokeDasharray="3 3" />
        {xAxis(range, points)}
        <YAxis yAxisId="percent" domain={[0, 100]} tickFormatter={percentTick} tick={AXIS_TICK} width={48} />
        <YAxis yAxisId="mb" tickFormatter={mbTick} tick={AXIS_TICK} width={64} />
        <YAxis yAxisId="limit" orientation="right" allowDecimals={false} domain={[0, 'auto']} tick={AXIS_TICK} width={32} />
        <Tooltip
          itemStyle={INK_TEXT}
          labelStyle={INK_TEXT}
          labelFormatter={timeLabel}
          formatter={(value, _name, item) => {
            if (typeof value !== 'number') return DASH;
            if (item.dataKey === 'memMb') return formatMb(value);
            if (item.dataKey === 'limit') return formatNumber(value);
            return formatPercent(value);
          }}
        />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} formatter={legendText} />
        <Line yAxisId="percent" type="monotone" dataKey="cpu" name={live ? 'Machine CPU' : 'Machine CPU (mean)'} stroke={COLORS.cpu} strokeWidth={2} dot={dots} isAnimationActive={false} />
        <Line
          yAxisId="percent"
          type="monotone"
          dataKey="appCpu"
          name={live ? 'Persona Studio CPU' : 'Persona Studio CPU (mean)'}
          stroke={COLORS.appCpu}
          dot={dots}
          isAnimationActive={false}
        />
        <Line yAxisId="mb" type="monotone" dataKey="memMb" name={live ? 'RSS' : 'RSS (peak)'} stroke={COLORS.memMb} dot={dots} isAnimationActive={false} />
        <Line
          yAxisId="limit"
          type="stepAfter"
          dataKey="limit"
          name={live ? 'Concurrency limit' : 'Concurrency limit (mean)'}
          stroke={COLORS.limit}
          strokeDasharray="5 3"
          dot={dots}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFrame>
  );
});

const QUEUE_PARTS: Record<'live' | 'history', readonly SummaryPart[]> = {
  live: [{ key: 'queued', name: 'queued', format: formatNumber }],
  history: [{ key: 'queued', name: 'most queued', format: formatNumber }],
};

const QueueChart = memo(function QueueChart({ points, range, loading }: SeriesChartProps) {
  const live = range === 'live';
  return (
    <ChartFrame title="Queue length" subtitle={live ? 'queued generations' : 'most queued per bucket'} summary={latestSummary(points, range, live ? QUEUE_PARTS.live : QUEUE_PARTS.history)} loading={loading}>
      <AreaChart data={points} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid stroke="#e2e0da" strokeDasharray="3 3" />
        {xAxis(range, points)}
        <YAxis allowDecimals={false} domain={[0, 'auto']} tick={AXIS_TICK} width={40} />
        <Tooltip labelFormatter={timeLabel} formatter={numberTooltip} itemStyle={INK_TEXT} labelStyle={INK_TEXT} />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} formatter={legendText} />
        <Area
          type="stepAfter"
          dataKey="queued"
          name={live ? 'Queued' : 'Queued (max)'}
          stroke={COLORS.queued}
          fill={COLORS.queued}
          fillOpacity={0.18}
          dot={points.length <= 2}
          isAnimationActive={false}
        />
      </AreaChart>
    </ChartFrame>
  );
});

/** "total 2.30 s: Cache 2 ms, Culture 40 ms, …" */
function phaseSummary(trace: Trace): string {
  return `total ${formatDuration(trace.totalMs)}: ${TRACE_PHASES.map((phase) => `${humanize(phase)} ${formatDuration(trace.phases[phase] ?? 0)}`).join(', ')}`;
}

/**
 * Time per phase of the most recent generations, one stacked bar per generation. Plain HTML, not
 * recharts: it redraws with every finished generation, and a bar chart of 100 SVG rectangles
 * cost ~80 ms a redraw on a slow laptop, in the middle of a live update.
 */
const PhaseChart = memo(function PhaseChart() {
  const traces = useDashboard((s) => s.traces);
  const rows = useMemo(() => (traces ?? []).slice(0, RECENT_TRACES).reverse(), [traces]);
  const longest = Math.max(1, ...rows.map((t) => t.totalMs));
  const latest = rows.at(-1);
  return (
    <figure className="dash-figure" aria-label="Time per phase">
      <figcaption>
        <span className="dash-figure-title">Time per phase</span> <span className="dash-figure-sub">last {RECENT_TRACES} generations</span>
        {latest ? <span className="dash-figure-summary">Latest: {phaseSummary(latest)}</span> : null}
      </figcaption>
      {rows.length === 0 ? (
        <div className="dash-chart-empty" style={{ height: CHART_HEIGHT }}>
          <p>{traces === null ? 'Loading…' : EMPTY_CHART_TEXT}</p>
        </div>
      ) : (
        <>
          <ol className="dash-phase-bars" style={{ height: CHART_HEIGHT - 28 }}>
            {rows.map((trace) => {
              const label = `${formatDateTime(trace.at)} · ${trace.fromCache ? `${trace.provider}, from cache` : trace.provider} · ${trace.outcome} · ${phaseSummary(trace)}`;
              return (
                <li key={`${trace.at}-${trace.totalMs}`} title={label} aria-label={label} style={{ height: `${Math.max(2, (trace.totalMs / longest) * 100)}%` }}>
                  {TRACE_PHASES.map((phase) => (
                    <span key={phase} style={{ flexGrow: trace.phases[phase] ?? 0, background: PHASE_COLORS[phase] }} />
                  ))}
                </li>
              );
            })}
          </ol>
          <p className="dash-phase-legend">
            {TRACE_PHASES.map((phase) => (
              <span key={phase}>
                <i style={{ background: PHASE_COLORS[phase] }} aria-hidden="true" /> {humanize(phase)}
              </span>
            ))}
            <span className="dash-figure-sub">longest {formatDuration(longest)}</span>
          </p>
        </>
      )}
    </figure>
  );
});

/** The charts in screen order; the time per phase draws the latest traces, not the points of the range. */
const CHARTS: ReadonlyArray<{ name: string; Chart: ComponentType<SeriesChartProps> | null }> = [
  { name: 'response', Chart: ResponseChart },
  { name: 'phases', Chart: null },
  { name: 'cache', Chart: CacheChart },
  { name: 'validation', Chart: ValidationChart },
  { name: 'resources', Chart: ResourcesChart },
  { name: 'queue', Chart: QueueChart },
];

const ChartSet = memo(function ChartSet(props: SeriesChartProps) {
  return (
    <>
      {CHARTS.map(({ name, Chart }) => (Chart ? <Chart key={name} {...props} /> : <PhaseChart key={name} />))}
    </>
  );
});

/** How often a live chart redraws at most, and how far apart the charts redraw, so each redraw is its own short task. */
const LIVE_REDRAW_MS = 500;
const LIVE_STAGGER_MS = 60;

/**
 * The live buffer for one chart: follows the store at most every LIVE_REDRAW_MS, offset by the
 * chart's slot (its place in CHARTS), so the five live charts never redraw in the same task (the
 * KPI tiles still follow every event).
 */
function useStaggeredLiveBuffer(slot: number): ChartPoint[] {
  const [points, setPoints] = useState(() => useDashboard.getState().liveBuffer);
  const shown = useRef(points);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const show = (): void => {
      timer = null;
      const next = useDashboard.getState().liveBuffer;
      shown.current = next;
      // A transition: React may split the redraw into short slices instead of one long task.
      startTransition(() => setPoints(next));
    };
    const schedule = (): void => {
      if (timer !== null) return;
      const wait = (shown.current.length === 0 ? 0 : LIVE_REDRAW_MS) + slot * LIVE_STAGGER_MS;
      timer = setTimeout(show, wait);
    };
    if (useDashboard.getState().liveBuffer !== shown.current) schedule();
    const stop = useDashboard.subscribe((state, previous) => {
      if (state.liveBuffer !== previous.liveBuffer) schedule();
    });
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
    };
  }, [slot]);
  return points;
}

function LiveSlot({ slot, chart: Chart, loading }: { slot: number; chart: ComponentType<SeriesChartProps>; loading: boolean }) {
  const points = useStaggeredLiveBuffer(slot);
  return <Chart points={points} range="live" loading={loading} />;
}

/** Mounted only in Live mode; each chart follows the live buffer on its own schedule. */
function LiveCharts() {
  const waiting = useDashboard((s) => s.live === null && !s.errors.live);
  return (
    <>
      {CHARTS.map(({ name, Chart }, slot) => (Chart ? <LiveSlot key={name} slot={slot} chart={Chart} loading={waiting} /> : <PhaseChart key={name} />))}
    </>
  );
}

/** Subscribes to the history only; a live event never re-renders it. */
function HistoryCharts({ range }: { range: HistoryRangeId }) {
  const history = useDashboard((s) => s.history);
  const loading = useDashboard(selectHistoryLoading);
  const points = useDeferredValue(history && history.range === range ? history.points : NO_POINTS);
  return <ChartSet points={points} range={range} loading={loading} />;
}

export function Charts() {
  const range = useDashboard((s) => s.range);
  return <div className="dash-charts">{range === 'live' ? <LiveCharts /> : <HistoryCharts range={range} />}</div>;
}
