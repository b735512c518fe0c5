/** Workshops and their runs, grouped and searchable; any run reopens in the workshop as it was saved. */
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { InterviewSummary } from '../../../shared/conversations';
import type { RunSummary, WorkshopSummary } from '../../../shared/ipc/types';
import { messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { FOCUS_IDS } from '../app/focus';
import { go } from '../app/route';
import { ErrorNotice } from '../ui/ErrorNotice';
import { plural } from '../ui/labels';
import { useSettledValue } from '../ui/useSettledValue';
import { openInterviewOfRun } from '../asking/ask-state';
import { useRunActions } from '../workshop/run-actions';
import { useWorkshopState } from '../workshop/workshop-state';
import { WorkshopFormDialog } from '../workshops/WorkshopFormDialog';
import { useSelectWorkshop } from '../workshops/workshop-mutations';
import { appInfoQuery, isActive, workshopsQuery } from '../workshops/workshop-queries';
import { byWorkshop, RUNS_SHOWN, runsQuery } from './history-queries';
import { InterviewMatches } from './InterviewMatches';
import { WorkshopGroup } from './WorkshopGroup';
import './history.css';

/** How long typing pauses before the search runs. */
const SEARCH_DELAY_MS = 150;

export function HistoryScreen() {
  const api = useApi();
  const { openRun } = useRunActions();
  const select = useSelectWorkshop();
  const [chosen, setChosen] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const workshops = useQuery(workshopsQuery(api));
  const info = useQuery(appInfoQuery(api));
  // A workshop chosen that has since gone (deleted, or archived and hidden) no longer narrows the list.
  const workshopId = workshops.data?.some((w) => w.id === chosen && (showArchived || isActive(w))) ? chosen : null;
  const search = useMemo(() => ({ workshopId, text: query.trim() }), [workshopId, query]);
  // The runs for the search and the workshop chosen, once typing pauses; a late answer to an earlier search lands under its own key.
  const settled = useSettledValue(search, SEARCH_DELAY_MS);
  const runsFound = useQuery(runsQuery(api, settled));
  const runs = runsFound.data ?? null;
  const searching = Boolean(settled?.text);

  // A failure is shown until its retry runs. One failure (the engine unreachable) often fails every load: its message is shown once.
  const failed = [workshops, runsFound].filter((q) => q.isError && !q.isFetching);
  const error = [...new Set(failed.map((q) => messageOf(q.error)))].join(' ');
  const retry = () => {
    for (const q of failed) void q.refetch();
  };

  const open = async (run: RunSummary) => {
    go('workshop');
    // Opening a run of another active workshop is going back to work in it: it becomes current.
    const home = workshops.data?.find((w) => w.id === run.workshopId);
    if (home && isActive(home) && home.id !== info.data?.currentWorkshopId) select.mutate({ workshopId: home.id, keepRun: true });
    await openRun(run.id, 'user');
  };

  const openInterview = async (interview: InterviewSummary) => {
    go('workshop');
    await openRun(interview.runId, 'user');
    // Once the run is on screen, the conversation opens over it (and takes focus from the results heading).
    if (useWorkshopState.getState().runId === interview.runId) openInterviewOfRun(interview.runId, { personaId: interview.personaId, interviewId: interview.id });
  };

  const listed = (w: WorkshopSummary) => showArchived || isActive(w) || w.id === workshopId;
  const found = runs ? byWorkshop(runs) : null;
  // A search shows the workshops it found runs in, archived ones included; otherwise the workshops listed, with or without runs.
  const groups = (workshops.data ?? []).filter((w) => (workshopId === null || w.id === workshopId) && (searching ? found?.has(w.id) : listed(w)));

  return (
    <div className="history">
      <header className="screen-header history-header">
        <h2 id={FOCUS_IDS.historyHeading} tabIndex={-1}>
          History
        </h2>
        <input type="search" aria-label="Search runs and interviews" placeholder="Search titles, briefs, workshops, clients, interviews" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label className="history-toggle">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          Show archived
        </label>
        <button type="button" className="secondary" onClick={() => setCreating(true)}>
          New workshop
        </button>
      </header>
      {creating && <WorkshopFormDialog onClose={() => setCreating(false)} />}
      {error && <ErrorNotice action={{ label: 'Retry', onClick: retry }}>{error}</ErrorNotice>}
      <div className="history-body">
        <nav aria-label="Workshops" className="workshop-list">
          <button type="button" className={workshopId === null ? 'chip active' : 'chip'} aria-pressed={workshopId === null} onClick={() => setChosen(null)}>
            All workshops
          </button>
          {workshops.data?.filter(listed).map((w) => (
            <button key={w.id} type="button" className={workshopId === w.id ? 'chip active' : 'chip'} aria-pressed={workshopId === w.id} onClick={() => setChosen(w.id)}>
              {w.name}{' '}
              <span className="muted">
                ({plural(w.runCount, 'run')}, {plural(w.personaCount, 'persona')}){w.archivedAt && ', archived'}
              </span>
              {w.client && <span className="chip-client">{w.client}</span>}
            </button>
          ))}
        </nav>
        <div className="run-list">
          {runs === null || !workshops.data ? (
            <p className="muted">Loading…</p>
          ) : (
            <>
              <InterviewMatches text={settled?.text ?? ''} onOpen={(interview) => void openInterview(interview)} />
              {runs.length === 0 && (
                <div className="empty-state">
                  <h3>No runs {searching ? 'match this search' : 'yet'}</h3>
                  <p>{searching ? 'Try other words: titles, briefs, workshop and client names are searched.' : 'Generated personas appear here, ready to reopen.'}</p>
                </div>
              )}
              {runs.length >= RUNS_SHOWN && <p className="muted">The latest {RUNS_SHOWN} runs are shown: search or choose a workshop to find older ones.</p>}
              {groups.map((w) => (
                <WorkshopGroup
                  key={w.id}
                  workshop={w}
                  runs={found?.get(w.id) ?? []}
                  workshops={workshops.data}
                  current={w.id === info.data?.currentWorkshopId}
                  shownArchived={showArchived}
                  onOpen={(run) => void open(run)}
                />
              ))}
            </>
          )}
        </div>
      </div>
    </div>
  );
}
