/** Time per phase of the latest generations, drawn from their traces. */
import { memo, useMemo } from 'react';
import type { Trace } from '../../../../shared/ipc/types';
import { TRACE_PHASES, type TracePhase } from '../../../../shared/vocabulary';
import { useTracesQuery } from '../dashboard-queries';
import { formatDateTime, formatDuration, humanize } from '../format';
import { CHART_HEIGHT, EMPTY_CHART_TEXT } from './chart-kit';

const RECENT_TRACES = 20;

const PHASE_COLORS: Record<TracePhase, string> = {
  cache: '#1098ad',
  culture: '#7048e8',
  provider: '#3b5bdb',
  repair: '#e8590c',
  store: '#2b8a3e',
};

/** "total 2.30 s: Cache 2 ms, Culture 40 ms, …" */
function phaseSummary(trace: Trace): string {
  return `total ${formatDuration(trace.totalMs)}: ${TRACE_PHASES.map((phase) => `${humanize(phase)} ${formatDuration(trace.phases[phase] ?? 0)}`).join(', ')}`;
}

/**
 * Time per phase of the most recent generations, one stacked bar per generation. Plain HTML, not
 * recharts: it redraws with every finished generation, and a bar chart of 100 SVG rectangles
 * cost ~80 ms a redraw on a slow laptop, in the middle of a live update.
 */
export const PhaseChart = memo(function PhaseChart() {
  const traces = useTracesQuery().data ?? null;
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
