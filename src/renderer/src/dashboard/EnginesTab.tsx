/** A profile per engine (score, each figure against its baseline and target, breaker, calls, its servers) and the engines side by side. */
import type { EndpointStatus, EngineProfile } from '../../../shared/insight';
import { plural } from '../ui/labels';
import { AnomalyList } from './AnomalyList';
import { DASH, formatNumber } from './format';
import { formatMs } from './team-format';
import { useEnginesQuery } from './insight-queries';
import { ENGINE_FIGURE_LABELS, ENGINE_FIGURES } from '../../../shared/engine-figures';
import { BREAKER, formatFigure, formatScore, TRENDS } from './insight-format';
import './team.css';

const engineName = (engine: EngineProfile) => (engine.model ? `${engine.label} (${engine.model})` : engine.label);

/** An engine's model servers as the scheduler routes to them now: weight, breaker, load, latency. */
function Endpoints({ engine, endpoints }: { engine: EngineProfile; endpoints: EndpointStatus[] }) {
  const titleId = `engine-${engine.provider}-servers`;
  return (
    <div className="dash-endpoints">
      <h4 id={titleId}>{endpoints.length === 1 ? 'Server' : `Servers (${endpoints.length})`}</h4>
      <p className="dash-small dash-muted">Each call goes to the server expected to answer first; a failing one is paused and tried again later.</p>
      <div className="dash-table-wrap" tabIndex={0} role="group" aria-labelledby={titleId}>
        <table className="dash-table">
          <caption className="visually-hidden">{`${engineName(engine)}: servers`}</caption>
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Weight</th>
              <th scope="col">State</th>
              <th scope="col">In flight</th>
              <th scope="col">Calls</th>
              <th scope="col">Failures</th>
              <th scope="col">Latency</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((endpoint) => (
              <tr key={endpoint.baseUrl}>
                <th scope="row" className="dash-endpoint-address">
                  {endpoint.baseUrl}
                </th>
                <td>{formatNumber(endpoint.weight)}</td>
                <td className={endpoint.breaker === 'closed' ? undefined : 'dash-endpoint-down'}>{BREAKER[endpoint.breaker]}</td>
                <td>{formatNumber(endpoint.inFlight)}</td>
                <td>{formatNumber(endpoint.calls)}</td>
                <td>{formatNumber(endpoint.failures)}</td>
                <td>{formatMs(endpoint.latencyMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function EngineCard({ engine }: { engine: EngineProfile }) {
  const titleId = `engine-${engine.provider}`;
  return (
    <section className="dash-panel dash-engine" aria-labelledby={titleId}>
      <div className="dash-panel-head">
        <h3 id={titleId}>{engineName(engine)}</h3>
        <span className={engine.breaker === 'closed' ? 'dash-badge' : 'dash-badge dash-badge-danger'}>{BREAKER[engine.breaker]}</span>
      </div>
      <p className="dash-small">
        Score <strong>{formatScore(engine.score)}</strong> · {plural(engine.calls, 'call')} · {plural(engine.generations, 'generation')}
      </p>
      <div className="dash-table-wrap">
        <table className="dash-table">
          <caption className="visually-hidden">{`${engineName(engine)}: figures against baseline and target`}</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">Now</th>
              <th scope="col">Usual</th>
              <th scope="col">Target</th>
              <th scope="col">Trend</th>
            </tr>
          </thead>
          <tbody>
            {engine.figures.map((figure) => (
              <tr key={figure.id}>
                <th scope="row">{ENGINE_FIGURE_LABELS[figure.id]}</th>
                <td>{formatFigure(figure.id, figure.value)}</td>
                <td>{formatFigure(figure.id, figure.baseline)}</td>
                <td>{formatFigure(figure.id, figure.target)}</td>
                <td className={`dash-trend-text dash-trend-${figure.trend}`}>{TRENDS[figure.trend]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* An older core sends no endpoints; the embedded engine sends none. */}
      {engine.endpoints && engine.endpoints.length > 0 ? <Endpoints engine={engine} endpoints={engine.endpoints} /> : null}
    </section>
  );
}

function Comparison({ engines }: { engines: EngineProfile[] }) {
  return (
    <section className="dash-panel" aria-labelledby="engines-compare-title">
      <h3 id="engines-compare-title">Engines side by side</h3>
      <div className="dash-table-wrap" tabIndex={0} role="group" aria-labelledby="engines-compare-title">
        <table className="dash-table">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              {engines.map((engine) => (
                <th key={engine.provider} scope="col">
                  {engine.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Score</th>
              {engines.map((engine) => (
                <td key={engine.provider}>{formatScore(engine.score)}</td>
              ))}
            </tr>
            {ENGINE_FIGURES.map((id) => (
              <tr key={id}>
                <th scope="row">{ENGINE_FIGURE_LABELS[id]}</th>
                {engines.map((engine) => (
                  <td key={engine.provider}>{formatFigure(id, engine.figures.find((f) => f.id === id)?.value)}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Breaker</th>
              {engines.map((engine) => (
                <td key={engine.provider}>{BREAKER[engine.breaker]}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">Calls</th>
              {engines.map((engine) => (
                <td key={engine.provider}>{formatNumber(engine.calls)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function EnginesTab() {
  const { data: engines, isError, isFetching } = useEnginesQuery();
  if (engines === undefined) return <p className="dash-empty">{isError && !isFetching ? 'The engine profiles could not be loaded.' : 'Loading…'}</p>;
  // An engine nothing asked in the range would be a column of dashes: it is named, not drawn.
  const used = engines.filter((engine) => engine.calls > 0 || engine.generations > 0);
  const unused = engines.filter((engine) => !used.includes(engine));
  if (used.length === 0)
    return (
      <div className="dash-tab">
        <p className="dash-empty">No engine has been used in this range yet {DASH} generate personas to measure one.</p>
        <AnomalyList />
      </div>
    );
  return (
    <div className="dash-tab">
      <Comparison engines={used} />
      {unused.length > 0 ? <p className="dash-unused">Not used in this range: {unused.map((engine) => engine.label).join(', ')}.</p> : null}
      <div className="dash-engines">
        {used.map((engine) => (
          <EngineCard key={engine.provider} engine={engine} />
        ))}
      </div>
      <AnomalyList />
    </div>
  );
}
