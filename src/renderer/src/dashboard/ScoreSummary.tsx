/**
 * The performance score of the range shown, with its trend and its components; until the range
 * holds enough generations to judge, how many more it needs instead of a number.
 */
import { useQuery } from '@tanstack/react-query';
import type { PerformanceScore } from '../../../shared/ipc/types';
import { useApi } from '../app/api-context';
import { historyQuery, liveQuery } from './dashboard-queries';
import { useDashboardState } from './dashboard-state';
import { DASH } from './format';

type Trend = PerformanceScore['trend'];

const TREND_MARK: Record<Trend, string> = { improving: '↑', degrading: '↓', stable: '→', unknown: '' };

const scoreOf = (data: { score: PerformanceScore }) => data.score;

/** The score of the range shown; a live event that leaves it as it was keeps the same object (structural sharing), so nothing re-renders. */
function useRangeScore(): { live: boolean; score: PerformanceScore | undefined } {
  const api = useApi();
  const range = useDashboardState((s) => s.range);
  const liveScore = useQuery({ ...liveQuery(api), select: scoreOf }).data;
  const historyScore = useQuery({ ...historyQuery(api, range), select: scoreOf }).data;
  return range === 'live' ? { live: true, score: liveScore } : { live: false, score: historyScore };
}

export function ScoreSummary() {
  const { live, score: source } = useRangeScore();
  const view = {
    live,
    known: source !== undefined,
    overall: source?.overall ?? null,
    trend: source?.trend ?? 'unknown',
    cache: source?.components.cache ?? null,
    providers: source?.components.providers ?? null,
    validation: source?.components.validation ?? null,
    resources: source?.components.resources ?? null,
    counted: source?.generations.counted ?? 0,
    required: source?.generations.required ?? 0,
  };
  const missing = view.required - view.counted;
  return (
    <div className="dash-score">
      <p className="dash-score-main">
        <span className="dash-score-label">Performance score</span>{' '}
        {view.known && missing > 0 ? (
          <strong className="dash-score-pending">
            Score after {missing} more {missing === 1 ? 'generation' : 'generations'}
          </strong>
        ) : (
          <ScoreValue overall={view.overall} trend={view.trend} />
        )}
      </p>
      {!view.known ? null : missing > 0 ? (
        <p className="dash-score-parts">
          It needs {view.required} {view.live ? 'recent generations' : 'generations in this range'} to judge response times fairly; there{' '}
          {view.counted === 1 ? 'is 1' : `are ${view.counted}`}.
        </p>
      ) : (
        <p className="dash-score-parts">
          cache {part(view.cache)} · providers {part(view.providers)} · validation {part(view.validation)} · resources {part(view.resources)}
        </p>
      )}
    </div>
  );
}

function ScoreValue({ overall, trend }: { overall: number | null; trend: Trend }) {
  if (overall === null) return <strong className="dash-score-value">{DASH}</strong>;
  return (
    <>
      <strong className="dash-score-value">{Math.round(overall)}</strong>
      <span className="dash-score-max">/100</span>{' '}
      {trend === 'unknown' ? null : (
        <span className={`dash-trend dash-trend-${trend}`}>
          <span aria-hidden="true">{TREND_MARK[trend]} </span>
          {trend}
        </span>
      )}
    </>
  );
}

function part(value: number | null): string {
  return value === null ? DASH : String(Math.round(value));
}
