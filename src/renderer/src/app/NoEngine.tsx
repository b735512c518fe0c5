/** Shown instead of the app when the page has no way to the core: what is wrong and what to do, nothing else. */
export function NoEngine() {
  return (
    <main className="no-engine" aria-labelledby="no-engine-title">
      <div className="no-engine-panel" role="alert">
        <h1 id="no-engine-title">Persona Studio cannot reach its engine</h1>
        <p>This page was opened without its connection to Persona Studio&apos;s engine, so nothing in it can work.</p>
        <p>
          Open Persona Studio from the desktop app, or start browser mode with <code>npm run web</code> and open the address it prints: that address carries the
          page&apos;s access key.
        </p>
      </div>
    </main>
  );
}
