/** The live figures: the one part of the dashboard that follows every live event. */
import type { ReactNode } from 'react';
import { DASH, formatMb, formatNumber, formatPercent, formatRate, formatSeconds } from './format';
import { useDashboard } from './store';

function Tile({ label, value, detail, tone }: { label: string; value: ReactNode; detail?: ReactNode; tone?: 'danger' }) {
  return (
    <div className={tone ? `dash-kpi dash-kpi-${tone}` : 'dash-kpi'}>
      <dt>{label}</dt>
      <dd>
        <span className="dash-kpi-value">{value}</span>
        {detail ? <span className="dash-kpi-detail">{detail}</span> : null}
      </dd>
    </div>
  );
}

export function KpiTiles() {
  const live = useDashboard((s) => s.live);
  const emergency = live?.emergency ?? false;
  return (
    <section className="dash-kpis" aria-label="Live figures">
      <div role="status" className="dash-emergency-slot">
        {emergency ? <span className="dash-badge dash-badge-danger dash-emergency">Emergency: load shed</span> : null}
      </div>
      <dl className="dash-kpi-grid">
        <Tile
          label="Generations (last minute)"
          value={live ? formatNumber(live.generations) : DASH}
          detail={live && live.generationErrors > 0 ? `${live.generationErrors} failed` : undefined}
          tone={live && live.generationErrors > 0 ? 'danger' : undefined}
        />
        <Tile label="p95 response" value={formatSeconds(live?.latency.p95Ms)} detail={live ? `p50 ${formatSeconds(live.latency.p50Ms)}` : undefined} />
        <Tile
          label="Cache hit rate"
          value={formatRate(live?.cache.hitRate)}
          detail={live ? `L1 ${formatRate(live.cache.l1HitRate)} · L2 ${formatRate(live.cache.l2HitRate)}` : undefined}
        />
        <Tile
          label="Validation success"
          value={formatRate(live?.validation.successRate)}
          detail={live ? `repair ${formatRate(live.validation.repairRate)} · fill ${formatRate(live.validation.fillRate)}` : undefined}
        />
        <Tile
          label="Concurrency limit"
          value={live ? `${live.scheduler.limit} / ${live.scheduler.maxLimit}` : DASH}
          detail={live ? `${live.scheduler.running} running · ${live.scheduler.queued} queued` : undefined}
        />
        <Tile
          label="CPU"
          value={formatPercent(live?.resources.cpuPercent)}
          detail={live && live.resources.loopLagMs !== null ? `loop lag ${Math.round(live.resources.loopLagMs)} ms` : undefined}
        />
        <Tile
          label="Memory (RSS MB)"
          value={live ? formatMb(live.resources.rssMb) : DASH}
          detail={live && live.resources.memoryPercent !== null ? `system ${formatPercent(live.resources.memoryPercent)} used` : undefined}
        />
        <Tile label="Active alerts" value={live ? String(live.activeAlerts) : DASH} tone={live && live.activeAlerts > 0 ? 'danger' : undefined} />
      </dl>
    </section>
  );
}
