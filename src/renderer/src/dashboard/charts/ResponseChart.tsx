/** p50 and p95 response times. */
import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, YAxis } from 'recharts';
import { formatDuration } from '../format';
import { AXIS_TICK, COLORS, ChartFrame, INK_TEXT, LEGEND_STYLE, MARGIN, durationTick, durationTooltip, latestSummary, legendText, timeLabel, xAxis, type SeriesChartProps, type SummaryPart } from './chart-kit';

const RESPONSE_PARTS: readonly SummaryPart[] = [
  { key: 'p50', name: 'p50', format: formatDuration },
  { key: 'p95', name: 'p95', format: formatDuration },
];

export const ResponseChart = memo(function ResponseChart({ points, range, loading }: SeriesChartProps) {
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
