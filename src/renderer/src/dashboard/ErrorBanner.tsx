/** Failed calls, with one Retry that repeats each of them. */
import type { MutationKey } from '@tanstack/react-query';
import { messageOf } from '../app/api-client';
import { mutationKeys } from '../app/query-keys';
import { useAlertsQuery, useHistoryQuery, useLiveQuery, useSuggestionsQuery, useTracesQuery, useTunerQuery } from './dashboard-queries';
import { useAcknowledgeAlert, useLastFailure, useSetTunerEnabled } from './dashboard-mutations';
import { DASHBOARD_TITLE_ID, useDashboardState } from './dashboard-state';

interface FailedCall {
  /** What failed, as the start of a sentence ending in "failed". */
  label: string;
  message: string;
  retry: () => void;
}

interface QueryResult {
  isError: boolean;
  isFetching: boolean;
  error: Error | null;
  refetch: () => Promise<unknown>;
}

/** A read that failed, until its retry runs. Only these fields are read, so a live event that leaves them does not re-render the banner. */
function failedRead(label: string, { isError, isFetching, error, refetch }: QueryResult): FailedCall[] {
  return isError && !isFetching ? [{ label, message: messageOf(error), retry: () => void refetch() }] : [];
}

function useFailedChange<T>(label: string, mutationKey: MutationKey, mutate: (variables: T) => void): FailedCall[] {
  const failure = useLastFailure<T>(mutationKey);
  return failure ? [{ label, message: messageOf(failure.error), retry: () => mutate(failure.variables) }] : [];
}

function useFailedCalls(): FailedCall[] {
  const range = useDashboardState((s) => s.range);
  const acknowledge = useAcknowledgeAlert();
  const setTunerEnabled = useSetTunerEnabled();
  return [
    ...failedRead('Loading the live figures', useLiveQuery()),
    // Only the range shown: a failed fetch of another range is not this one's.
    ...failedRead('Loading the history', useHistoryQuery(range)),
    ...failedRead('Loading the traces', useTracesQuery()),
    ...failedRead('Loading the alerts', useAlertsQuery()),
    ...failedRead('Loading the tuner state', useTunerQuery()),
    ...failedRead('Loading the suggestions', useSuggestionsQuery()),
    ...useFailedChange('Acknowledging an alert', mutationKeys.acknowledgeAlert, acknowledge.mutate),
    ...useFailedChange('Switching the tuner on or off', mutationKeys.setTunerEnabled, setTunerEnabled.mutate),
  ];
}

export function ErrorBanner() {
  const failed = useFailedCalls();
  if (failed.length === 0) return null;
  const [only] = failed;
  return (
    <div className="banner banner-error dash-error" role="alert">
      <div className="dash-error-text">
        {failed.length === 1 && only ? (
          <p>
            <strong>{only.label} failed:</strong> {only.message}
          </p>
        ) : (
          <>
            <p>
              <strong>Some calls failed:</strong>
            </p>
            <ul>
              {failed.map((call) => (
                <li key={call.label}>
                  {call.label} failed: {call.message}
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
          for (const call of failed) call.retry();
          // The banner and its button go at once: focus goes to the screen's heading, not to the page.
          document.getElementById(DASHBOARD_TITLE_ID)?.focus();
        }}
      >
        Retry
      </button>
    </div>
  );
}
