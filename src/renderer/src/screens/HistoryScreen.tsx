/** Workshops and their runs, searchable; any run reopens in the workshop as it was saved. */
import { useCallback, useEffect, useState } from 'react';
import type { RunSummary, WorkshopSummary } from '../../../shared/ipc/types';
import { ApiError, api } from '../api/client';
import { useGeneration } from '../state/generation';
import { go } from '../state/route';

export function HistoryScreen() {
  const openRun = useGeneration((s) => s.openRun);
  const [workshops, setWorkshops] = useState<WorkshopSummary[] | null>(null);
  const [workshopId, setWorkshopId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!api) return;
    setError(null);
    try {
      const [{ workshops: list }, found] = await Promise.all([
        api.call('workshops:list', {}),
        workshopId && !query.trim() ? api.call('runs:list', { workshopId, limit: 200 }) : api.call('runs:search', { query: query.trim(), limit: 200 }),
      ]);
      setWorkshops(list);
      setRuns(workshopId && query.trim() ? found.runs.filter((r) => r.workshopId === workshopId) : found.runs);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [workshopId, query]);

  useEffect(() => {
    const timer = setTimeout(() => void load(), 150);
    return () => clearTimeout(timer);
  }, [load]);

  const open = async (run: RunSummary) => {
    go('workshop');
    await openRun(run.id);
  };

  return (
    <div className="history">
      <header className="screen-header">
        <h2>History</h2>
        <input type="search" aria-label="Search runs" placeholder="Search briefs, workshops, engines" value={query} onChange={(e) => setQuery(e.target.value)} />
      </header>
      {error && (
        <div className="banner banner-error" role="alert">
          {error}{' '}
          <button type="button" className="secondary" onClick={() => void load()}>
            Retry
          </button>
        </div>
      )}
      <div className="history-body">
        <nav aria-label="Workshops" className="workshop-list">
          <button type="button" className={workshopId === null ? 'chip active' : 'chip'} aria-pressed={workshopId === null} onClick={() => setWorkshopId(null)}>
            All workshops
          </button>
          {workshops?.map((w) => (
            <button key={w.id} type="button" className={workshopId === w.id ? 'chip active' : 'chip'} aria-pressed={workshopId === w.id} onClick={() => setWorkshopId(w.id)}>
              {w.name} <span className="muted">({w.runCount} runs, {w.personaCount} personas)</span>
            </button>
          ))}
        </nav>
        <section aria-label="Runs" className="run-list">
          {runs === null ? (
            <p className="muted">Loading…</p>
          ) : runs.length === 0 ? (
            <div className="empty-state">
              <h3>No runs {query ? 'match this search' : 'yet'}</h3>
              <p>{query ? 'Try other words.' : 'Generated personas appear here, ready to reopen.'}</p>
            </div>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Brief</th>
                  <th scope="col">Engine</th>
                  <th scope="col">Personas</th>
                  <th scope="col">Quality</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id}>
                    <td>{new Date(run.startedAt).toLocaleString()}</td>
                    <td className="brief-cell">{run.description}</td>
                    <td>{run.provider}</td>
                    <td>{run.count}</td>
                    <td>{run.qualityScore ?? '–'}</td>
                    <td>
                      <span className={`status status-${run.status}`}>{run.status}</span>
                    </td>
                    <td>
                      <button type="button" className="secondary" disabled={run.status !== 'completed'} aria-label={`Open run: ${run.description}`} onClick={() => void open(run)}>
                        Open
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </div>
  );
}
