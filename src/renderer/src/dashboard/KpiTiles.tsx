/** The live figures: the one part of the dashboard that follows every live event. */
import type { ReactNode } from 'react';
import type { LiveMetrics } from '../../../shared/ipc/types';
import { DASH, formatMb, formatNumber, formatPercent, formatRate, formatDuration } from './format';
import { useLiveQuery } from './dashboard-queries';

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

/** Who keeps the CPU busy, in words, or null while the machine is not busy. */
function cpuNotice({ cpuPercent, appCpuPercent, cpuBusyBy }: LiveMetrics['resources']): string | null {
  if (cpuBusyBy === null || cpuPercent === null || appCpuPercent === null) return null;
  if (cpuBusyBy === 'other_programs') {
    return `The machine is busy: other programs use ${formatPercent(Math.max(0, cpuPercent - appCpuPercent))} CPU; Persona Studio uses ${formatPercent(appCpuPercent)}.`;
  }
  return `The machine is busy, much of it with Persona Studio's work: ${formatPercent(cpuPercent)} CPU, ${formatPercent(appCpuPercent)} of it Persona Studio's.`;
}

export function KpiTiles() {
  const live = useLiveQuery().data ?? null;
  const emergency = live?.emergency ?? false;
  const notice = live ? cpuNotice(live.resources) : null;
  return (
    <section className="dash-kpis" aria-label="Live figures">
      <div role="status" className="dash-status-slot">
        {emergency ? <p className="dash-notice dash-notice-danger">Emergency: Persona Studio is shedding load to relieve the machine (see the tuning timeline).</p> : null}
        {notice ? <p className="dash-notice">{notice}</p> : null}
      </div>
      <dl className="dash-kpi-grid">
        <Tile
          label="Generations (last minute)"
          value={live ? formatNumber(live.generations) : DASH}
          detail={live && live.generationErrors > 0 ? `${live.generationErrors} failed` : undefined}
          tone={live && live.generationErrors > 0 ? 'danger' : undefined}
        />
        <Tile label="p95 response" value={formatDuration(live?.latency.p95Ms)} detail={live ? `p50 ${formatDuration(live.latency.p50Ms)}` : undefined} />
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
          label="Machine CPU"
          value={formatPercent(live?.resources.cpuPercent)}
          detail={live ? cpuDetail(live.resources) : undefined}
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

function cpuDetail({ appCpuPercent, loopLagMs }: LiveMetrics['resources']): string {
  const parts = [`Persona Studio ${formatPercent(appCpuPercent)}`];
  if (loopLagMs !== null) parts.push(`loop lag ${Math.round(loopLagMs)} ms`);
  return parts.join(' · ');
}
