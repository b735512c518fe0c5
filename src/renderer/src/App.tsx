import { api } from './api/client';
import { BriefForm } from './components/BriefForm';
import { PersonaList } from './components/PersonaList';
import { useGeneration } from './state/generation';

export function App() {
  const { status, document, run, error, progress } = useGeneration();
  if (!api) {
    return (
      <main className="empty-state" role="alert">
        <h1>Persona Studio cannot reach its engine</h1>
        <p>This page needs the desktop app or browser mode (npm start). Open it from there.</p>
      </main>
    );
  }
  return (
    <div className="layout">
      <aside className="sidebar">
        <h1 className="brand">Persona Studio</h1>
        <BriefForm />
      </aside>
      <main className="content" aria-live="polite">
        {status === 'error' && error && (
          <div className="banner banner-error" role="alert">
            <strong>Generation failed.</strong> {error.message}
          </div>
        )}
        {status === 'cancelled' && <div className="banner">Generation cancelled; nothing was saved.</div>}
        {status === 'running' && (
          <div className="banner">
            Generating… {progress ? `${progress.phase} ${progress.done}/${progress.total}` : 'starting'}
          </div>
        )}
        {document && run ? (
          <PersonaList document={document} run={run} />
        ) : (
          status !== 'running' && (
            <div className="empty-state">
              <h2>No personas yet</h2>
              <p>Describe a product and its audience, then press Generate (Ctrl+Enter). The built-in engine works offline.</p>
            </div>
          )
        )}
      </main>
    </div>
  );
}
