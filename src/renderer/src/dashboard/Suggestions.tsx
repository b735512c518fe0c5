/** Advice from the cache and the monitor, each with its evidence, and Apply when it names a setting. */
import { messageOf } from '../app/api-client';
import { useApplySuggestion } from './dashboard-mutations';
import { useSuggestionsQuery } from './dashboard-queries';

function ApplyStatus({ apply }: { apply: ReturnType<typeof useApplySuggestion> }) {
  // Always there, so that a screen reader hears each outcome.
  return (
    <p role="status" className={apply.isError ? 'dash-small dash-failed' : 'dash-small dash-muted'}>
      {apply.isPending ? 'Applying…' : apply.isError ? `Could not apply: ${messageOf(apply.error)}` : apply.data ? `Applied: ${apply.data.applied}` : ''}
    </p>
  );
}

export function Suggestions() {
  const { data: suggestions, isError, isFetching } = useSuggestionsQuery();
  const apply = useApplySuggestion();
  // Loading again while a retry runs.
  const failed = isError && !isFetching;
  return (
    <section className="dash-panel">
      <h3>Suggestions</h3>
      <ApplyStatus apply={apply} />
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
              {suggestion.apply ? (
                <button type="button" className="dash-button" disabled={apply.isPending} aria-label={`Apply: ${suggestion.apply}`} onClick={() => apply.mutate(suggestion.id)}>
                  Apply
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
