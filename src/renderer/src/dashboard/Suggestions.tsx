/** Advice from the cache and the monitor, each with its evidence. */
import { useDashboard } from './store';

export function Suggestions() {
  const suggestions = useDashboard((s) => s.suggestions);
  const failed = useDashboard((s) => s.errors.suggestions !== undefined);
  return (
    <section className="dash-panel">
      <h3>Suggestions</h3>
      {suggestions === null ? (
        <p className="dash-empty">{failed ? 'The suggestions could not be loaded.' : 'Loading…'}</p>
      ) : suggestions.length === 0 ? (
        <p className="dash-empty">No suggestions — nothing to improve right now.</p>
      ) : (
        <ul className="dash-list">
          {suggestions.map((suggestion) => (
            <li key={`${suggestion.source}-${suggestion.id}`} className="dash-suggestion">
              <p>{suggestion.advice}</p>
              <p className="dash-small dash-muted">{suggestion.evidence}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
