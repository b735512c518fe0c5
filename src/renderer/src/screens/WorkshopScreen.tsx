/** The brief composer beside the result: progress and cancel while it runs, persona cards after. */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { BriefForm } from '../components/BriefForm';
import { PersonaList } from '../components/PersonaList';
import { lastRunId, useGeneration } from '../state/generation';
import { ErrorNotice } from '../components/ErrorNotice';

export function WorkshopScreen() {
  // Everything but the progress, which only the progress bar follows.
  const { status, document, run, error, actionError, fromCache, fallback, edited } = useGeneration(
    useShallow((s) => ({ status: s.status, document: s.document, run: s.run, error: s.error, actionError: s.actionError, fromCache: s.fromCache, fallback: s.fallback, edited: s.edited })),
  );
  const openRun = useGeneration((s) => s.openRun);
  const dismissActionError = useGeneration((s) => s.dismissActionError);
  useEffect(() => {
    // After a reload the workshop shows the run it showed before.
    const last = lastRunId();
    if (status === 'idle' && last) void openRun(last);
  }, [status, openRun]);
  return (
    <div className="workshop">
      <aside className="composer" aria-label="Brief composer">
        <h2>New brief</h2>
        <BriefForm />
      </aside>
      <div className="results" aria-live="polite">
        {status === 'error' && error && (
          <ErrorNotice>
            <strong>That did not work.</strong> {error.message}
          </ErrorNotice>
        )}
        {actionError && <ErrorNotice action={{ label: 'Dismiss', onClick: dismissActionError }}>{actionError}</ErrorNotice>}
        {status === 'cancelled' && <div className="banner">Generation cancelled; nothing was saved.</div>}
        {fallback && status === 'done' && (
          <div className="banner banner-warn" role="status">
            {fallback.personas} persona{fallback.personas === 1 ? ' was' : 's were'} written by the offline engine because {fallback.provider === 'offline' ? 'the provider' : fallback.provider} failed: {fallback.reason}
          </div>
        )}
        {status === 'loading' && <p className="muted">Opening the run…</p>}
        {document && run ? (
          <PersonaList document={document} run={run} edited={edited} fromCache={fromCache} />
        ) : (
          status !== 'running' &&
          status !== 'loading' && (
            <div className="empty-state">
              <h2>No personas yet</h2>
              <p>Describe a product and its audience, then press Generate (Ctrl+Enter). The built-in engine works offline.</p>
            </div>
          )
        )}
      </div>
    </div>
  );
}
