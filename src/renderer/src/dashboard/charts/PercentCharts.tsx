/** Rates in percent: the cache's hit rates and validation's success, repair and fill rates. */
import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, YAxis } from 'recharts';
import type { ChartKey } from '../chart-points';
import { formatPercent } from '../format';
import { AXIS_TICK, COLORS, ChartFrame, INK_TEXT, LEGEND_STYLE, MARGIN, latestSummary, legendText, percentTick, percentTooltip, timeLabel, xAxis, type SeriesChartProps } from './chart-kit';

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

export const CacheChart = memo(function CacheChart(props: SeriesChartProps) {
  const live = props.range === 'live';
  return <PercentChart {...props} title="Cache hit rate" subtitle={live ? 'overall, L1 and L2' : 'overall'} series={live ? CACHE_LIVE : CACHE_HISTORY} />;
});

export const ValidationChart = memo(function ValidationChart(props: SeriesChartProps) {
  return <PercentChart {...props} title="Validation" subtitle="success, repair and fill rates" series={VALIDATION} />;
});
