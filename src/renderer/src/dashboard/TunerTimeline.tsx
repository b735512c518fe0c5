/** The auto-tuner: its switch, phase, trial in progress and the audit of every performance step (the tuner's, the emergency response's, the user's). */
import type { AuditEntry, TunerState } from '../../../shared/ipc/types';
import { formatMetric, formatSettingChange, metricName, settingName } from '../../../shared/monitor-units';
import { DASH, formatDateTime } from './format';
import { useSetTunerEnabled } from './dashboard-mutations';
import { useTunerQuery } from './dashboard-queries';

const PHASES: Record<TunerState['phase'], string> = {
  idle: 'Idle',
  validating: 'Validating a trial',
  waiting_for_traffic: 'Waiting for traffic',
  no_headroom: 'No headroom',
  off: 'Off',
};

const STEPS: Record<AuditEntry['step'], string> = {
  proposed: 'proposed',
  applied: 'applied',
  kept: 'kept',
  rolled_back: 'rolled back',
  skipped: 'skipped',
  shed: 'load shed',
  restored: 'restored',
  changed: 'changed',
  cleared: 'cleared',
  reset: 'reset',
  started: 'started',
  scheduled: 'scheduled',
  cancelled: 'cancelled',
};

const SOURCES: Record<AuditEntry['source'], string> = { tuner: 'auto-tuner', emergency: 'emergency', user: 'you' };

/** A user's optimization is named by its id, which says nothing to a reader; a setting by its path ("cache.preload" → "Cache › preload"). */
function subjectName(subject: string): string {
  if (subject.startsWith('optimization')) return 'Optimization';
  return subject.includes('.') ? subject.split('.').map((part, i) => (i === 0 ? settingName(part) : part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())).join(' › ') : settingName(subject);
}

function AuditItem({ entry }: { entry: AuditEntry }) {
  const optimization = entry.subject.startsWith('optimization');
  return (
    <li className={`dash-audit dash-step-${entry.step}`}>
      <div className="dash-item-head">
        <time className="dash-small dash-muted" dateTime={new Date(entry.at).toISOString()}>
          {formatDateTime(entry.at)}
        </time>
        <span className="dash-badge">{SOURCES[entry.source]}</span>
        <span className={`dash-badge dash-badge-step-${entry.step}`}>{STEPS[entry.step]}</span>
        <strong>{subjectName(entry.subject)}</strong>
      </div>
      {!optimization && (entry.before !== null || entry.after !== null) ? <p className="dash-small">{formatSettingChange(entry.subject, entry.before, entry.after)}</p> : null}
      {entry.metric !== null ? (
        <p className="dash-small">
          {metricName(entry.metric)}: {formatMetric(entry.metric, entry.baseline)}
          {entry.measured !== null ? ` → ${formatMetric(entry.metric, entry.measured)}` : ' before the change'}
        </p>
      ) : null}
      <p className="dash-small dash-muted">{entry.reason}</p>
    </li>
  );
}

export function TunerTimeline() {
  const { data, isError, isFetching } = useTunerQuery();
  const failed = isError && !isFetching;
  const tuner = data?.state ?? null;
  const audit = data?.audit ?? null;
  const setEnabled = useSetTunerEnabled();
  const trial = tuner?.trial ?? null;
  return (
    <section className="dash-panel">
      <div className="dash-panel-head">
        <h3>Tuning timeline</h3>
        <label className="dash-switch">
          <input
            type="checkbox"
            role="switch"
            checked={tuner?.enabled ?? false}
            disabled={tuner === null}
            onChange={(event) => setEnabled.mutate(event.currentTarget.checked)}
          />
          <span>Auto-tuner</span>
        </label>
        <span className="dash-small dash-muted" aria-hidden="true">
          {tuner === null ? DASH : tuner.enabled ? 'on' : 'off'}
        </span>
      </div>
      <dl className="dash-facts">
        <div>
          <dt>Phase</dt>
          <dd>{tuner ? PHASES[tuner.phase] : DASH}</dd>
        </div>
        <div>
          <dt>Trial</dt>
          <dd>
            {trial
              ? `${settingName(trial.tunable)} ${formatSettingChange(trial.tunable, trial.before, trial.after)}, watching the ${metricName(trial.metric)} (${formatMetric(trial.metric, trial.baseline)} before) since ${formatDateTime(trial.appliedAt)}`
              : 'None in progress'}
          </dd>
        </div>
      </dl>
      {audit === null ? (
        <p className="dash-empty">{failed ? 'The tuning steps could not be loaded.' : 'Loading…'}</p>
      ) : audit.length === 0 ? (
        <p className="dash-empty">No tuning steps yet — the tuner acts once there is traffic to measure.</p>
      ) : (
        <ol className="dash-list dash-timeline dash-scroll" aria-label="Tuning steps" tabIndex={0}>
          {audit.map((entry) => (
            <AuditItem key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </section>
  );
}
