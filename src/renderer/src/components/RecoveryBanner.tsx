/**
 * Shown when app.db would not open: says so plainly, that the file was left as it was, that nothing
 * done now is saved, and offers the backups to restore or an empty start (the damaged file is kept).
 */
import { useEffect, useState } from 'react';
import { api, messageOf } from '../api/client';
import type { ResponseOf } from '../../../shared/ipc/types';

type RecoveryState = ResponseOf<'recovery:state'>;
type Outcome = ResponseOf<'recovery:restore'>;

export function RecoveryBanner() {
  const [state, setState] = useState<RecoveryState | null>(null);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    api
      ?.call('recovery:state', {})
      .then((next) => {
        setState(next);
        setChosen(next.backups[0]?.name ?? '');
      })
      .catch(() => setState(null));
  }, []);

  // An automatic restart swaps the core under this page: reload once the new one opened app.db.
  useEffect(() => {
    if (outcome?.restart !== 'automatic') return;
    const timer = setInterval(() => {
      api
        ?.call('recovery:state', {})
        .then((next) => {
          if (!next.damaged) location.reload();
        })
        .catch(() => {});
    }, 500);
    return () => clearInterval(timer);
  }, [outcome]);

  if (!state?.damaged) return null;
  const { damaged, backups } = state;

  const choose = async (action: () => Promise<Outcome>) => {
    setBusy(true);
    setError(null);
    try {
      setOutcome(await action());
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (outcome) {
    return (
      <section className="banner recovery" role="status" aria-label="Recovery">
        <p>
          <strong>Done.</strong> The damaged file was kept as <code>{outcome.movedTo}</code>.{' '}
          {outcome.restart === 'automatic' ? 'Persona Studio is restarting…' : 'Restart Persona Studio to continue.'}
        </p>
      </section>
    );
  }

  if (damaged.failure !== 'damaged') {
    return (
      <section className="banner banner-error recovery" role="alert" aria-labelledby="recovery-title">
        <h2 id="recovery-title">Your workshops could not be opened</h2>
        <p>
          {damaged.failure === 'newer_version'
            ? 'They were saved by a newer version of Persona Studio: update the app to open them.'
            : `The file holding them is not damaged, but it could not be opened (${damaged.reason}). Check that the disk has space and no other program holds it, then restart Persona Studio.`}{' '}
          The file <code>{damaged.file}</code> has not been changed. <strong>Until then, nothing you do is saved.</strong>
        </p>
      </section>
    );
  }

  return (
    <section className="banner banner-error recovery" role="alert" aria-labelledby="recovery-title">
      <h2 id="recovery-title">Your workshops could not be opened</h2>
      <p>
        The file holding them is damaged ({damaged.reason}). The file <code>{damaged.file}</code> has not been changed.{' '}
        <strong>Until you choose below, nothing you do is saved.</strong>
      </p>
      {backups.length > 0 ? (
        <div className="recovery-actions">
          <label>
            Backup{' '}
            <select value={chosen} onChange={(e) => setChosen(e.target.value)} disabled={busy}>
              {backups.map((b) => (
                <option key={b.name} value={b.name}>
                  {new Date(b.takenAt).toLocaleString()} ({formatBytes(b.bytes)})
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" disabled={busy || !chosen} onClick={() => void choose(() => api!.call('recovery:restore', { backup: chosen }))}>
            Restore this backup
          </button>
        </div>
      ) : (
        <p>There is no backup to restore yet (one is made each day the app opens its workshops).</p>
      )}
      <p>
        <button type="button" disabled={busy} onClick={() => void choose(() => api!.call('recovery:start-fresh', {}))}>
          Start with empty workshops
        </button>{' '}
        <span className="muted">Either way the damaged file is kept beside it, renamed, so it can still be rescued.</span>
      </p>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}

function formatBytes(bytes: number): string {
  return bytes < 1_048_576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`;
}
