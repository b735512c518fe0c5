/** Generations waiting for a slot. */
import { memo } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, Tooltip, YAxis } from 'recharts';
import { formatNumber } from '../format';
import { AXIS_TICK, COLORS, ChartFrame, INK_TEXT, LEGEND_STYLE, MARGIN, latestSummary, legendText, numberTooltip, timeLabel, xAxis, type SeriesChartProps, type SummaryPart } from './chart-kit';

const QUEUE_PARTS: Record<'live' | 'history', readonly SummaryPart[]> = {
  live: [{ key: 'queued', name: 'queued', format: formatNumber }],
  history: [{ key: 'queued', name: 'most queued', format: formatNumber }],
};

export const QueueChart = memo(function QueueChart({ points, range, loading }: SeriesChartProps) {
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
