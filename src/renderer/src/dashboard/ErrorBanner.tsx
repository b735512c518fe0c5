/** Failed calls, with one Retry that repeats each of them. */
import { DASHBOARD_TITLE_ID, ERROR_LABELS, useDashboard } from './store';
import type { ErrorKey } from './store';

export function ErrorBanner() {
  const errors = useDashboard((s) => s.errors);
  const retryAll = useDashboard((s) => s.retryAll);
  const entries = (Object.keys(errors) as ErrorKey[]).flatMap((key) => {
    const error = errors[key];
    return error ? [{ key, message: error.message }] : [];
  });
  if (entries.length === 0) return null;
  return (
    <div className="banner banner-error dash-error" role="alert">
      <div className="dash-error-text">
        {entries.length === 1 && entries[0] ? (
          <p>
            <strong>{ERROR_LABELS[entries[0].key]} failed:</strong> {entries[0].message}
          </p>
        ) : (
          <>
            <p>
              <strong>Some calls failed:</strong>
            </p>
            <ul>
              {entries.map((entry) => (
                <li key={entry.key}>
                  {ERROR_LABELS[entry.key]} failed: {entry.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <button
        type="button"
        className="dash-button"
        onClick={() => {
          retryAll();
          // The banner and its button go at once: focus goes to the screen's heading, not to the page.
          document.getElementById(DASHBOARD_TITLE_ID)?.focus();
        }}
      >
        Retry
      </button>
    </div>
  );
}
