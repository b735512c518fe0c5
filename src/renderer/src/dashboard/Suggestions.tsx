/** Advice from the cache and the monitor, each with its evidence. */
import { useSuggestionsQuery } from './dashboard-queries';

export function Suggestions() {
  const { data: suggestions, isError, isFetching } = useSuggestionsQuery();
  // Loading again while a retry runs.
  const failed = isError && !isFetching;
  return (
    <section className="dash-panel">
      <h3>Suggestions</h3>
      {suggestions === undefined ? (
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
