/** The app's own CPU and memory beside the machine's, the concurrency limit and queue, and personas per CPU-second. */
import type { ReactNode } from 'react';
import { Charts } from './charts/Charts';
import { useLiveQuery } from './dashboard-queries';
import { DASH, formatMb, formatNumber, formatPercent } from './format';
import { useEfficiencyQuery } from './insight-queries';

const RESOURCE_CHARTS = ['resources', 'queue'] as const;

function Figure({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="dash-kpi">
      <dt>{label}</dt>
      <dd>
        <span className="dash-kpi-value">{value}</span>
        {detail ? <span className="dash-kpi-detail">{detail}</span> : null}
      </dd>
    </div>
  );
}

function Efficiency() {
  const { data } = useEfficiencyQuery();
  const value = data?.personasPerCpuSecond ?? null;
  return (
    <Figure
      label="Personas per CPU-second"
      value={value === null ? DASH : formatNumber(Math.round(value * 100) / 100)}
      detail={data ? `${formatNumber(data.personas)} personas for ${formatNumber(Math.round(data.appCpuSeconds * 10) / 10)} s of the app's CPU` : 'not measured yet'}
    />
  );
}

export function ResourcesTab() {
  const live = useLiveQuery().data ?? null;
  const r = live?.resources ?? null;
  return (
    <div className="dash-tab">
      <section className="dash-kpis" aria-label="Resources now">
        <dl className="dash-kpi-grid">
          <Figure label="Persona Studio CPU" value={formatPercent(r?.appCpuPercent)} detail={r ? `machine ${formatPercent(r.cpuPercent)}` : undefined} />
          <Figure label="Machine CPU" value={formatPercent(r?.cpuPercent)} detail={r?.loopLagMs != null ? `loop lag ${Math.round(r.loopLagMs)} ms` : undefined} />
          <Figure label="Persona Studio memory" value={r ? formatMb(r.rssMb) : DASH} detail="resident set size" />
          <Figure label="Machine memory used" value={formatPercent(r?.memoryPercent)} />
          <Figure
            label="Concurrency limit"
            value={live ? `${live.scheduler.limit} / ${live.scheduler.maxLimit}` : DASH}
            detail={live ? `${live.scheduler.running} running` : undefined}
          />
          <Figure label="Queued calls" value={live ? formatNumber(live.scheduler.queued) : DASH} />
          <Efficiency />
        </dl>
      </section>
      <Charts only={RESOURCE_CHARTS} />
    </div>
  );
}
