/** The brief composer beside the result: progress and cancel while it runs, persona cards after. */
import { BriefForm } from '../components/BriefForm';
import { PersonaList } from '../components/PersonaList';
import { useEffect } from 'react';
import { lastRunId, useGeneration } from '../state/generation';

export function WorkshopScreen() {
  const { status, document, run, error, fromCache, fallback, edited, openRun } = useGeneration();
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
          <div className="banner banner-error" role="alert">
            <strong>That did not work.</strong> {error.message}
          </div>
        )}
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
