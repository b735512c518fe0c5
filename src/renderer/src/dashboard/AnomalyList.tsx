/** Departures from each engine's learned usual latency and error rate and from the cache's usual hit rate, with the evidence. */
import type { Anomaly } from '../../../shared/insight';
import { formatDateTime, formatDuration, formatRate } from './format';
import { useAnomaliesQuery } from './insight-queries';

const SUBJECTS: Record<Anomaly['subject'], string> = { latency: 'Latency', error_rate: 'Error rate', cache_hit_rate: 'Cache hit rate' };

const valueOf = (anomaly: Anomaly, value: number): string => (anomaly.subject === 'latency' ? formatDuration(value) : formatRate(value));

function Item({ anomaly }: { anomaly: Anomaly }) {
  return (
    <li>
      <div className="dash-item-head">
        <strong>{SUBJECTS[anomaly.subject]}</strong>
        {anomaly.provider ? <span className="dash-badge">{anomaly.provider}</span> : null}
        <time className="dash-small dash-muted" dateTime={new Date(anomaly.at).toISOString()}>
          {formatDateTime(anomaly.at)}
        </time>
      </div>
      <p className="dash-small">
        {valueOf(anomaly, anomaly.value)}, usually {valueOf(anomaly, anomaly.baseline)} (band {valueOf(anomaly, anomaly.low)}–{valueOf(anomaly, anomaly.high)}
        {anomaly.hourOfDay !== null ? ` at ${String(anomaly.hourOfDay).padStart(2, '0')}:00` : ''})
      </p>
      <p className="dash-small dash-muted">{anomaly.evidence}</p>
    </li>
  );
}

export function AnomalyList() {
  const { data, isError, isFetching } = useAnomaliesQuery();
  return (
    <section className="dash-panel" aria-labelledby="anomalies-title">
      <h3 id="anomalies-title">Anomalies (last 7 days)</h3>
      {data === undefined ? (
        <p className="dash-empty">{isError && !isFetching ? 'The anomalies could not be loaded.' : 'Loading…'}</p>
      ) : data.length === 0 ? (
        <p className="dash-empty">None flagged — the detector learns each engine's usual figures as history builds up.</p>
      ) : (
        <ul className="dash-list dash-scroll" aria-label="Anomalies" tabIndex={0}>
          {data.map((anomaly) => (
            <Item key={anomaly.id} anomaly={anomaly} />
          ))}
        </ul>
      )}
    </section>
  );
}
