/** Workshops and their runs, searchable; any run reopens in the workshop as it was saved. */
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RunSummary } from '../../../shared/ipc/types';
import { messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { go } from '../app/route';
import { ErrorNotice } from '../ui/ErrorNotice';
import { engineLabel, plural } from '../ui/labels';
import { useSettledValue } from '../ui/useSettledValue';
import { useRunActions } from '../workshop/run-actions';
import { runsQuery, workshopsQuery } from './history-queries';
import './history.css';

const STATUS_LABELS: Record<RunSummary['status'], string> = { completed: 'Completed', failed: 'Failed', cancelled: 'Cancelled' };

/** How long typing pauses before the search runs. */
const SEARCH_DELAY_MS = 150;

export function HistoryScreen() {
  const api = useApi();
  const { openRun } = useRunActions();
  const [workshopId, setWorkshopId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const search = useMemo(() => ({ workshopId, text: query.trim() }), [workshopId, query]);
  // The runs for the search and the workshop chosen, once typing pauses; a late answer to an earlier search lands under its own key.
  const settled = useSettledValue(search, SEARCH_DELAY_MS);
  const workshops = useQuery(workshopsQuery(api));
  const runsFound = useQuery(runsQuery(api, settled));
  const runs = runsFound.data ?? null;

  // A failure is shown until its retry runs. One failure (the engine unreachable) often fails both loads: its message is shown once.
  const failed = [workshops, runsFound].filter((q) => q.isError && !q.isFetching);
  const error = [...new Set(failed.map((q) => messageOf(q.error)))].join(' ');
  const retry = () => {
    for (const q of failed) void q.refetch();
  };

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
          {workshops.data?.map((w) => (
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
