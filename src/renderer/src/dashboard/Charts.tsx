/**
 * The dashboard's charts. Live mode draws the rolling buffer of live events, each chart redrawing
 * at most twice a second and in its own task; a history range draws the fetched buckets. Every
 * chart is memoized on its points and the history charts do not subscribe to live figures, so a
 * live event in a history range never re-renders them.
 */
import { memo, startTransition, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { Area, AreaChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
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
  memMb: '#0c8599',
  limit: '#5f6470',
  queued: '#3b5bdb',
} satisfies Record<ChartKey, string>;

const PHASE_COLORS: Record<TracePhase, string> = {
  cache: '#74c0fc',
  culture: '#7048e8',
  provider: '#3b5bdb',
  repair: '#e8590c',
  store: '#2b8a3e',
};

const AXIS_TICK = { fontSize: 11, fill: '#5f6470' };
const LEGEND_STYLE = { fontSize: 12 };
const MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };

function hasValues(points: readonly ChartPoint[], keys: readonly ChartKey[]): boolean {
  return points.some((point) => keys.some((key) => point[key] !== null));
}

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

interface FrameProps {
  title: string;
  subtitle: string;
  empty: boolean;
  loading?: boolean;
  children: ReactNode;
}

function ChartFrame({ title, subtitle, empty, loading = false, children }: FrameProps) {
  return (
    <figure className="dash-figure" aria-label={title}>
      <figcaption>
        <span className="dash-figure-title">{title}</span> <span className="dash-figure-sub">{subtitle}</span>
      </figcaption>
      {empty ? (
        <div className="dash-chart-empty" style={{ height: CHART_HEIGHT }}>
          <p>{loading ? 'Loading…' : EMPTY_CHART_TEXT}</p>
        </div>
      ) : (
        <div className="dash-chart">
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

const ResponseChart = memo(function ResponseChart({ points, range, loading }: SeriesChartProps) {
  const dots = points.length <= 2;
  return (
    <ChartFrame title="Response time" subtitle="p50 and p95" empty={!hasValues(points, ['p50', 'p95'])} loading={loading}>
      <LineChart data={points} margin={MARGIN}>
        <CartesianGrid stroke="#e2e0da" strokeDasharray="3 3" />
        {xAxis(range, points)}
        <YAxis tickFormatter={durationTick} tick={AXIS_TICK} width={56} />
        <Tooltip labelFormatter={timeLabel} formatter={durationTooltip} />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} />
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
  return (
    <ChartFrame title={title} subtitle={subtitle} empty={!hasValues(points, series.map((s) => s.key))} loading={loading}>
      <LineChart data={points} margin={MARGIN}>
        <CartesianGrid stroke="#e2e0da" strokeDasharray="3 3" />
        {xAxis(range, points)}
        <YAxis domain={[0, 100]} tickFormatter={percentTick} tick={AXIS_TICK} width={48} />
        <Tooltip labelFormatter={timeLabel} formatter={percentTooltip} />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} />
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

const ResourcesChart = memo(function ResourcesChart({ points, range, loading }: SeriesChartProps) {
  const live = range === 'live';
  const dots = points.length <= 2;
  return (
    <ChartFrame
      title="CPU and memory"
      subtitle={live ? 'CPU %, RSS MB; concurrency limit on the right' : 'mean CPU %, peak RSS MB; mean concurrency limit on the right'}
      empty={!hasValues(points, ['cpu', 'memMb', 'limit'])}
      loading={loading}
    >
      <ComposedChart data={points} margin={MARGIN}>
        <CartesianGrid stroke="#e2e0da" strokeDasharray="3 3" />
        {xAxis(range, points)}
        <YAxis yAxisId="percent" domain={[0, 100]} tickFormatter={percentTick} tick={AXIS_TICK} width={48} />
        <YAxis yAxisId="mb" tickFormatter={mbTick} tick={AXIS_TICK} width={64} />
        <YAxis yAxisId="limit" orientation="right" allowDecimals={false} domain={[0, 'auto']} tick={AXIS_TICK} width={32} />
        <Tooltip
          labelFormatter={timeLabel}
          formatter={(value, _name, item) => {
            if (typeof value !== 'number') return DASH;
            if (item.dataKey === 'memMb') return formatMb(value);
            if (item.dataKey === 'limit') return formatNumber(value);
            return formatPercent(value);
          }}
        />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} />
        <Line yAxisId="percent" type="monotone" dataKey="cpu" name={live ? 'CPU' : 'CPU (mean)'} stroke={COLORS.cpu} strokeWidth={2} dot={dots} isAnimationActive={false} />
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

const QueueChart = memo(function QueueChart({ points, range, loading }: SeriesChartProps) {
  const live = range === 'live';
  return (
    <ChartFrame title="Queue length" subtitle={live ? 'queued generations' : 'most queued per bucket'} empty={!hasValues(points, ['queued'])} loading={loading}>
      <AreaChart data={points} margin={MARGIN}>
        <CartesianGrid stroke="#e2e0da" strokeDasharray="3 3" />
        {xAxis(range, points)}
        <YAxis allowDecimals={false} domain={[0, 'auto']} tick={AXIS_TICK} width={40} />
        <Tooltip labelFormatter={timeLabel} formatter={numberTooltip} />
        <Legend wrapperStyle={LEGEND_STYLE} itemSorter={null} />
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

/**
 * Time per phase of the most recent generations, one stacked bar per generation. Plain HTML, not
 * recharts: it redraws with every finished generation, and a bar chart of 100 SVG rectangles
 * cost ~80 ms a redraw on a slow laptop, in the middle of a live update.
 */
const PhaseChart = memo(function PhaseChart() {
  const traces = useDashboard((s) => s.traces);
  const rows = useMemo(() => (traces ?? []).slice(0, RECENT_TRACES).reverse(), [traces]);
  const longest = Math.max(1, ...rows.map((t) => t.totalMs));
  return (
    <figure className="dash-figure" aria-label="Time per phase">
      <figcaption>
        <span className="dash-figure-title">Time per phase</span> <span className="dash-figure-sub">last {RECENT_TRACES} generations</span>
      </figcaption>
      {rows.length === 0 ? (
        <div className="dash-chart-empty" style={{ height: CHART_HEIGHT }}>
          <p>{traces === null ? 'Loading…' : EMPTY_CHART_TEXT}</p>
        </div>
      ) : (
        <>
          <ol className="dash-phase-bars" style={{ height: CHART_HEIGHT - 28 }}>
            {rows.map((trace) => {
              const parts = TRACE_PHASES.map((phase) => `${humanize(phase)} ${formatDuration(trace.phases[phase] ?? 0)}`).join(', ');
              const label = `${formatDateTime(trace.at)} · ${trace.fromCache ? `${trace.provider}, from cache` : trace.provider} · ${trace.outcome} · total ${formatDuration(trace.totalMs)}: ${parts}`;
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
