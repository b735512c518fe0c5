/** The brief composer beside the result: progress and cancel while it runs, persona cards after. */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { FOCUS_IDS, focusWhenShown } from '../app/focus';
import { ErrorNotice } from '../ui/ErrorNotice';
import { plural } from '../ui/labels';
import { WorkshopDrop } from '../importing/WorkshopDrop';
import { CurrentWorkshop } from '../workshops/CurrentWorkshop';
import { BriefForm } from './BriefForm';
import { EngineNotice } from './EngineNotice';
import { lastRunId } from './last-run';
import { PersonaList } from './PersonaList';
import { useRunActions } from './run-actions';
import { useShownRun } from './run-queries';
import { briefFieldOf, dismissActionError, useWorkshopState } from './workshop-state';
import './workshop.css';

export function WorkshopScreen() {
  // Everything but the progress, which only the progress bar follows.
  const { status, runId, error, actionError, fromCache, fallback, edited } = useWorkshopState(
    useShallow((s) => ({ status: s.status, runId: s.runId, error: s.error, actionError: s.actionError, fromCache: s.fromCache, fallback: s.fallback, edited: s.edited })),
  );
  const run = useShownRun(runId);
  const document = run?.document;
  const { openRun } = useRunActions();
  const dismiss = () => {
    dismissActionError();
    // The message and its button go away: the results heading is where the reader was.
    focusWhenShown(FOCUS_IDS.results);
  };
  useEffect(() => {
    // After a reload the workshop shows the run it showed before.
    const last = lastRunId();
    if (status === 'idle' && last) void openRun(last, 'reload');
  }, [status, openRun]);
  // A field the core refused is marked at the field itself, in the composer.
  const runError = status === 'error' && error && !briefFieldOf(error.field) ? error : null;
  return (
    <div className="workshop">
      <aside className="composer" aria-labelledby="composer-title">
        <h2 id="composer-title">New brief</h2>
        <BriefForm />
      </aside>
      <div className="results" id={FOCUS_IDS.resultsArea} tabIndex={-1}>
        <CurrentWorkshop />
        <EngineNotice />
        {runError && (
          <ErrorNotice id={FOCUS_IDS.runError}>
            <strong>That did not work.</strong> {runError.message}
          </ErrorNotice>
        )}
        {actionError && (
          <ErrorNotice id={FOCUS_IDS.actionError} action={{ label: 'Dismiss', onClick: dismiss }}>
            {actionError}
          </ErrorNotice>
        )}
        {status === 'cancelled' && <div className="banner">Generation cancelled; nothing was saved.</div>}
        {fallback && status === 'done' && (
          <div className="banner banner-warn">
            {plural(fallback.personas, 'persona was', 'personas were')} written by the offline engine because {fallback.provider === 'offline' ? 'the provider' : fallback.provider} failed: {fallback.reason}
          </div>
        )}
        {status === 'loading' && <p className="muted">Opening the run…</p>}
        {document && run ? (
          <PersonaList document={document} run={run} edited={edited} fromCache={fromCache} />
        ) : (
          status !== 'running' &&
          status !== 'loading' && (
            <div className="empty-state">
              <h2 id={FOCUS_IDS.results} tabIndex={-1}>
                No personas yet
              </h2>
              <p>Describe a product and its audience, then press Generate (Ctrl+Enter). The built-in engine works offline.</p>
            </div>
          )
        )}
      </div>
      <WorkshopDrop />
    </div>
  );
}
