/** Every optimization: its status, window, trials kept or rolled back with their measured effect, and Cancel while it waits. */
import type { Optimization } from '../../../shared/insight';
import { formatMetric, formatSettingChange, metricName, settingName } from '../../../shared/monitor-units';
import { useOptimization } from './dashboard-mutations';
import { formatDateTime } from './format';
import { useOptimizationsQuery } from './insight-queries';

const STATUS: Record<Optimization['status'], string> = { scheduled: 'scheduled', queued: 'queued', running: 'running', done: 'done', cancelled: 'cancelled', skipped: 'skipped' };
const OUTCOME: Record<Optimization['trials'][number]['outcome'], string> = { pending: 'waiting', running: 'being measured', kept: 'kept', rolled_back: 'rolled back', skipped: 'skipped' };

function Trial({ trial }: { trial: Optimization['trials'][number] }) {
  const effect =
    trial.baseline === null ? 'not measured yet' : `${metricName(trial.metric)} ${formatMetric(trial.metric, trial.baseline)}${trial.measured !== null ? ` → ${formatMetric(trial.metric, trial.measured)}` : ' before'}`;
  return (
    <li className="dash-small">
      <span className={`dash-badge dash-badge-step-${trial.outcome}`}>{OUTCOME[trial.outcome]}</span> <strong>{settingName(trial.tunable)}</strong>{' '}
      {formatSettingChange(trial.tunable, trial.from, trial.to)} · {effect}
      <span className="dash-muted"> · {trial.reason}</span>
    </li>
  );
}

function Item({ optimization, onCancel }: { optimization: Optimization; onCancel: (id: string) => void }) {
  const waiting = optimization.status === 'scheduled' || optimization.status === 'queued';
  const when = optimization.window ? `window ${optimization.window.start}–${optimization.window.end}` : 'now';
  return (
    <li className="dash-audit">
      <div className="dash-item-head">
        <span className="dash-badge">{STATUS[optimization.status]}</span>
        <strong>{optimization.requestedBy === 'user' ? 'Started by you' : 'Scheduled'}</strong>
        <span className="dash-small dash-muted">
          {when} · asked {formatDateTime(optimization.createdAt)}
          {optimization.finishedAt !== null ? ` · finished ${formatDateTime(optimization.finishedAt)}` : ''}
        </span>
        {waiting ? (
          <button type="button" className="dash-button" aria-label={`Cancel optimization ${when}, asked ${formatDateTime(optimization.createdAt)}`} onClick={() => onCancel(optimization.id)}>
            Cancel
          </button>
        ) : null}
      </div>
      {optimization.trials.length > 0 ? (
        <ul className="dash-actions">
          {optimization.trials.map((trial, i) => (
            <Trial key={`${trial.tunable}-${i}`} trial={trial} />
          ))}
        </ul>
      ) : null}
      {optimization.note ? <p className="dash-small dash-muted">{optimization.note}</p> : null}
    </li>
  );
}

export function OptimizationList() {
  const { data, isError, isFetching } = useOptimizationsQuery();
  const optimization = useOptimization();
  return (
    <section className="dash-panel" aria-labelledby="optimizations-title">
      <h3 id="optimizations-title">Optimizations</h3>
      {data === undefined ? (
        <p className="dash-empty">{isError && !isFetching ? 'The optimizations could not be loaded.' : 'Loading…'}</p>
      ) : data.length === 0 ? (
        <p className="dash-empty">None yet — start one or schedule one for quiet hours.</p>
      ) : (
        <ol className="dash-list dash-scroll" aria-label="Optimizations" tabIndex={0}>
          {data.map((item) => (
            <Item key={item.id} optimization={item} onCancel={(id) => optimization.mutate({ kind: 'cancel', id })} />
          ))}
        </ol>
      )}
    </section>
  );
}
