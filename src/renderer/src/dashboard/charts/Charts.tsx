/**
 * The dashboard's charts, one file each beside this one. Live mode draws the rolling buffer of
 * live events, each chart redrawing at most twice a second and in its own task; a history range
 * draws the fetched buckets. Every
 * chart is memoized on its points and the history charts do not subscribe to live figures, so a
 * live event in a history range never re-renders them. Each chart is a figure named by its title
 * with its latest values in its caption (chart-kit.tsx).
 */
import { memo, startTransition, useDeferredValue, useEffect, useRef, useState } from 'react';
import type { ComponentType } from 'react';
import type { ChartPoint } from '../chart-points';
import { useHistoryQuery, useLiveQuery } from '../dashboard-queries';
import { useDashboardState } from '../dashboard-state';
import type { HistoryRangeId } from '../ranges';
import type { SeriesChartProps } from './chart-kit';
import { CacheChart, ValidationChart } from './PercentCharts';
import { PhaseChart } from './PhaseChart';
import { QueueChart } from './QueueChart';
import { ResourcesChart } from './ResourcesChart';
import { ResponseChart } from './ResponseChart';

const NO_POINTS: ChartPoint[] = [];

/** The charts in screen order; the time per phase draws the latest traces, not the points of the range. */
const CHARTS: ReadonlyArray<{ name: string; Chart: ComponentType<SeriesChartProps> | null }> = [
  { name: 'response', Chart: ResponseChart },
  { name: 'phases', Chart: null },
  { name: 'cache', Chart: CacheChart },
  { name: 'validation', Chart: ValidationChart },
  { name: 'resources', Chart: ResourcesChart },
  { name: 'queue', Chart: QueueChart },
];

/** Which of the charts a tab shows (all of them when absent). */
type Only = readonly string[] | undefined;
const shows = (only: Only, name: string): boolean => !only || only.includes(name);

const ChartSet = memo(function ChartSet({ only, ...props }: SeriesChartProps & { only?: Only }) {
  return (
    <>
      {CHARTS.map(({ name, Chart }) => (!shows(only, name) ? null : Chart ? <Chart key={name} {...props} /> : <PhaseChart key={name} />))}
    </>
  );
});

/** How often a live chart redraws at most, and how far apart the charts redraw, so each redraw is its own short task. */
const LIVE_REDRAW_MS = 500;
const LIVE_STAGGER_MS = 60;

/**
 * The live buffer for one chart: follows the dashboard state at most every LIVE_REDRAW_MS, offset by the
 * chart's slot (its place in CHARTS), so the five live charts never redraw in the same task (the
 * KPI tiles still follow every event).
 */
function useStaggeredLiveBuffer(slot: number): ChartPoint[] {
  const [points, setPoints] = useState(() => useDashboardState.getState().liveBuffer);
  const shown = useRef(points);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const show = (): void => {
      timer = null;
      const next = useDashboardState.getState().liveBuffer;
      shown.current = next;
      // A transition: React may split the redraw into short slices instead of one long task.
      startTransition(() => setPoints(next));
    };
    const schedule = (): void => {
      if (timer !== null) return;
      const wait = (shown.current.length === 0 ? 0 : LIVE_REDRAW_MS) + slot * LIVE_STAGGER_MS;
      timer = setTimeout(show, wait);
    };
    if (useDashboardState.getState().liveBuffer !== shown.current) schedule();
    const stop = useDashboardState.subscribe((state, previous) => {
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
function LiveCharts({ only }: { only?: Only }) {
  // No snapshot yet and no failure to say so.
  const waiting = useLiveQuery().isPending;
  return (
    <>
      {CHARTS.map(({ name, Chart }, slot) => (!shows(only, name) ? null : Chart ? <LiveSlot key={name} slot={slot} chart={Chart} loading={waiting} /> : <PhaseChart key={name} />))}
    </>
  );
}

/** Subscribes to the history only; a live event never re-renders it. */
function HistoryCharts({ range, only }: { range: HistoryRangeId; only?: Only }) {
  const { data, isPending } = useHistoryQuery(range);
  const points = useDeferredValue(data?.points ?? NO_POINTS);
  return <ChartSet points={points} range={range} loading={isPending} only={only} />;
}

export function Charts({ only }: { only?: Only }) {
  const range = useDashboardState((s) => s.range);
  return <div className="dash-charts">{range === 'live' ? <LiveCharts only={only} /> : <HistoryCharts range={range} only={only} />}</div>;
}
