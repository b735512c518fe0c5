/** The overall performance score of the range shown, with its trend and its components. */
import { useShallow } from 'zustand/react/shallow';
import type { PerformanceScore } from '../../../shared/ipc/types';
import { DASH } from './format';
import { useDashboard } from './store';

type Trend = PerformanceScore['trend'];

const TREND_MARK: Record<Trend, string> = { improving: '↑', degrading: '↓', stable: '→', unknown: '' };

export function ScoreSummary() {
  const score = useDashboard(
    useShallow((s) => {
      const source = s.range === 'live' ? s.live?.score : s.history?.range === s.range ? s.history.score : undefined;
      return {
        overall: source?.overall ?? null,
        trend: source?.trend ?? 'unknown',
        cache: source?.components.cache ?? null,
        providers: source?.components.providers ?? null,
        validation: source?.components.validation ?? null,
        resources: source?.components.resources ?? null,
      };
    }),
  );
  const part = (value: number | null): string => (value === null ? DASH : String(Math.round(value)));
  return (
    <div className="dash-score">
      <p className="dash-score-main">
        <span className="dash-score-label">Performance score</span>{' '}
        <strong className="dash-score-value">{score.overall === null ? DASH : Math.round(score.overall)}</strong>
        {score.overall !== null ? <span className="dash-score-max">/100</span> : null}{' '}
        <span className={`dash-trend dash-trend-${score.trend}`}>
          {TREND_MARK[score.trend] ? <span aria-hidden="true">{TREND_MARK[score.trend]} </span> : null}
          {score.trend}
        </span>
      </p>
      <p className="dash-score-parts">
        cache {part(score.cache)} · providers {part(score.providers)} · validation {part(score.validation)} · resources {part(score.resources)}
      </p>
    </div>
  );
}
