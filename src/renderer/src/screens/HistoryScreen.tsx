/** Workshops and their runs, searchable; any run reopens in the workshop as it was saved. */
import { useEffect, useState } from 'react';
import type { RunSummary, WorkshopSummary } from '../../../shared/ipc/types';
import { api, messageOf } from '../api/client';
import { useGeneration } from '../state/generation';
import { go } from '../state/route';
import { ErrorNotice } from '../components/ErrorNotice';
import { engineLabel, plural } from '../components/labels';

const STATUS_LABELS: Record<RunSummary['status'], string> = { completed: 'Completed', failed: 'Failed', cancelled: 'Cancelled' };

/** How long typing pauses before the search runs. */
const SEARCH_DELAY_MS = 150;

export function HistoryScreen() {
  const openRun = useGeneration((s) => s.openRun);
  const [workshops, setWorkshops] = useState<WorkshopSummary[] | null>(null);
  const [workshopId, setWorkshopId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [errors, setErrors] = useState<{ workshops?: string; runs?: string }>({});
  /** Bumped by Retry: both loads run again. */
  const [attempt, setAttempt] = useState(0);

  // The workshops, once per visit (and after Retry); typing a search does not reload them.
  useEffect(() => {
    if (!api) return;
    let live = true;
    api.call('workshops:list', {}).then(
      ({ workshops: list }) => {
        if (!live) return;
        setWorkshops(list);
        setErrors(({ workshops: _, ...rest }) => rest);
      },
      (error: unknown) => live && setErrors((current) => ({ ...current, workshops: messageOf(error) })),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  // The runs for the search and the workshop chosen; a reply to an earlier search that comes late is dropped.
  useEffect(() => {
    if (!api) return;
    const client = api;
    let live = true;
    const timer = setTimeout(() => {
      const text = query.trim();
      const request = workshopId && !text ? client.call('runs:list', { workshopId, limit: 200 }) : client.call('runs:search', { query: text, limit: 200 });
      request.then(
        (found) => {
          if (!live) return;
          setRuns(workshopId && text ? found.runs.filter((r) => r.workshopId === workshopId) : found.runs);
          setErrors(({ runs: _, ...rest }) => rest);
        },
        (error: unknown) => live && setErrors((current) => ({ ...current, runs: messageOf(error) })),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [workshopId, query, attempt]);

  const retry = () => {
    setErrors({});
    setAttempt((n) => n + 1);
  };
  // One failure (the engine unreachable) often fails both loads: its message is shown once.
  const error = [...new Set([errors.workshops, errors.runs])].filter(Boolean).join(' ');

  const open = async (run: RunSummary) => {
    go('workshop');
    await openRun(run.id, 'user');
  };

  return (
    <div className="history">
      <header className="screen-header">
        <h2>History</h2>
        <input type="search" aria-label="Search runs" placeholder="Search briefs, workshops, engines" value={query} onChange={(e) => setQuery(e.target.value)} />
      </header>
      {error && <ErrorNotice action={{ label: 'Retry', onClick: retry }}>{error}</ErrorNotice>}
      <div className="history-body">
        <nav aria-label="Workshops" className="workshop-list">
          <button type="button" className={workshopId === null ? 'chip active' : 'chip'} aria-pressed={workshopId === null} onClick={() => setWorkshopId(null)}>
            All workshops
          </button>
          {workshops?.map((w) => (
            <button key={w.id} type="button" className={workshopId === w.id ? 'chip active' : 'chip'} aria-pressed={workshopId === w.id} onClick={() => setWorkshopId(w.id)}>
              {w.name}{' '}
              <span className="muted">
                ({plural(w.runCount, 'run')}, {plural(w.personaCount, 'persona')})
              </span>
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
                    <td>{new Date(run.startedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                    <td className="brief-cell">{run.description}</td>
                    <td>{engineLabel(run.provider)}</td>
                    <td>{run.count}</td>
                    <td>{run.qualityScore ?? '–'}</td>
                    <td>
                      <span className={`status status-${run.status}`}>{STATUS_LABELS[run.status]}</span>
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
