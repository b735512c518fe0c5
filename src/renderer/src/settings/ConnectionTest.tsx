/**
 * A "Test connection" button and what the test found, for every section that can test one (an
 * engine's server, the team cache): pending, could not run, reachable or not with the core's words,
 * then whatever the section adds (an engine's models).
 */
import type { ReactNode } from 'react';
import { messageOf } from '../app/api-client';

export interface ConnectionTestProps {
  label: string;
  onTest: () => void;
  pending: boolean;
  error: unknown;
  result: { reachable: boolean; message: string } | undefined;
  /** Shown under the button, e.g. that the test uses the saved settings. */
  hint?: ReactNode;
  /** A problem found before asking the core (a URL that cannot be one). */
  problem?: string | null;
  children?: ReactNode;
}

export function ConnectionTest({ label, onTest, pending, error, result, hint, problem, children }: ConnectionTestProps) {
  return (
    <div className="settings-probe">
      {/* aria-disabled, not disabled: the button keeps the keyboard focus it holds while the test runs; onTest ignores repeats. */}
      <button type="button" className="secondary" onClick={onTest} aria-disabled={pending || undefined}>
        {label}
      </button>
      {hint && <p className="settings-hint">{hint}</p>}
      <div className="settings-probe-result" aria-live="polite">
        {problem && <p className="settings-bad">{problem}</p>}
        {pending && <p className="settings-hint">Testing…</p>}
        {error !== null && error !== undefined && <p className="settings-bad">The test could not run: {messageOf(error)}</p>}
        {result && (
          <>
            <p className={result.reachable ? 'settings-good' : 'settings-bad'}>
              <strong>{result.reachable ? 'Reachable.' : 'Not reachable.'}</strong> {result.message}
            </p>
            {children}
          </>
        )}
      </div>
    </div>
  );
}
