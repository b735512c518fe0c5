/** The tuner's kept changes, a layer over the user's settings that survives restarts: what, when, why, and Reset. */
import { useResetTuning } from './dashboard-mutations';
import { formatDateTime } from './format';
import { useTunedQuery } from './insight-queries';
import { formatSetting } from '../../../shared/monitor-units';

export function TunedValues() {
  const { data, isError, isFetching } = useTunedQuery();
  const reset = useResetTuning();
  return (
    <section className="dash-panel" aria-labelledby="tuned-title">
      <div className="dash-panel-head">
        <h3 id="tuned-title">Tuned settings</h3>
        {data && data.length > 1 ? (
          <button type="button" className="dash-button" disabled={reset.isPending} onClick={() => reset.mutate(undefined)}>
            Reset all
          </button>
        ) : null}
      </div>
      {data === undefined ? (
        <p className="dash-empty">{isError && !isFetching ? 'The tuned settings could not be loaded.' : 'Loading…'}</p>
      ) : data.length === 0 ? (
        <p className="dash-empty">Nothing tuned — every performance setting is yours.</p>
      ) : (
        <ul className="dash-list">
          {data.map((tuned) => (
            <li key={tuned.tunable}>
              <div className="dash-item-head">
                <span className="dash-badge">tuned</span>
                <strong>{tuned.label}</strong>
                <span className="dash-small">{formatSetting(tuned.tunable, tuned.value)}</span>
                <button type="button" className="dash-button" aria-label={`Reset ${tuned.label}`} disabled={reset.isPending} onClick={() => reset.mutate(tuned.tunable)}>
                  Reset
                </button>
              </div>
              <p className="dash-small dash-muted">
                {formatDateTime(tuned.at)}: {tuned.reason}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
