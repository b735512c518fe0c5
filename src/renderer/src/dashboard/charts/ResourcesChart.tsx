/** The machine's and Persona Studio's CPU, memory, and the concurrency limit on its own axis. */
import { memo } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, Tooltip, YAxis } from 'recharts';
import { DASH, formatMb, formatNumber, formatPercent } from '../format';
import { AXIS_TICK, COLORS, ChartFrame, INK_TEXT, LEGEND_STYLE, MARGIN, latestSummary, legendText, mbTick, percentTick, timeLabel, xAxis, type SeriesChartProps, type SummaryPart } from './chart-kit';

function resourceParts(live: boolean): SummaryPart[] {
  return [
    { key: 'cpu', name: live ? 'machine CPU' : 'machine CPU (mean)', format: formatPercent },
    { key: 'appCpu', name: live ? 'Persona Studio CPU' : 'Persona Studio CPU (mean)', format: formatPercent },
    { key: 'memMb', name: live ? 'RSS' : 'RSS (peak)', format: formatMb },
    { key: 'limit', name: 'concurrency limit', format: formatNumber },
  ];
}
const RESOURCE_PARTS = { live: resourceParts(true), history: resourceParts(false) };

export const ResourcesChart = memo(function ResourcesChart({ points, range, loading }: SeriesChartProps) {
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
