/**
 * Shown when app.db would not open: says so plainly, that the file was left as it was, that nothing
 * done now is saved, and offers the backups to restore or an empty start (the damaged file is kept).
 */
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ResponseOf } from '../../../shared/ipc/types';
import { messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { queryKeys } from '../app/query-keys';
import './recovery.css';

type Choice = { action: 'restore'; backup: string } | { action: 'start-fresh' };
type Outcome = ResponseOf<'recovery:restore'>;

/** How often the page asks whether the restarted core has opened app.db. */
const RESTART_POLL_MS = 500;

export function RecoveryBanner() {
  const api = useApi();
  const [chosen, setChosen] = useState<string | null>(null);
  const choice = useMutation({
    mutationFn: (asked: Choice): Promise<Outcome> =>
      asked.action === 'restore' ? api.call('recovery:restore', { backup: asked.backup }) : api.call('recovery:start-fresh', {}),
  });
  const outcome = choice.data;
  const restarting = outcome?.restart === 'automatic';
  // Read once; while an automatic restart swaps the core under this page, asked again until the new one opened app.db.
  const { data: state } = useQuery({
    queryKey: queryKeys.recovery,
    queryFn: () => api.call('recovery:state', {}),
    staleTime: Infinity,
    // The banner says nothing until the state is known, and the restart's polling asks again by itself.
    retry: false,
    refetchInterval: restarting ? RESTART_POLL_MS : false,
  });

  useEffect(() => {
    if (restarting && state && !state.damaged) location.reload();
  }, [restarting, state]);

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

  if (!state?.damaged) return null;
  const { damaged, backups } = state;
  const busy = choice.isPending;
  const backup = chosen ?? backups[0]?.name ?? '';

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
            <select value={backup} onChange={(e) => setChosen(e.target.value)} disabled={busy}>
              {backups.map((b) => (
                <option key={b.name} value={b.name}>
                  {new Date(b.takenAt).toLocaleString()} ({formatBytes(b.bytes)})
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" disabled={busy || !backup} onClick={() => choice.mutate({ action: 'restore', backup })}>
            Restore this backup
          </button>
        </div>
      ) : (
        <p>There is no backup to restore yet (one is made each day the app opens its workshops).</p>
      )}
      <p>
        <button type="button" disabled={busy} onClick={() => choice.mutate({ action: 'start-fresh' })}>
          Start with empty workshops
        </button>{' '}
        <span className="muted">Either way the damaged file is kept beside it, renamed, so it can still be rescued.</span>
      </p>
      {choice.isError && <p role="alert">{messageOf(choice.error)}</p>}
    </section>
  );
}

function formatBytes(bytes: number): string {
  return bytes < 1_048_576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`;
}
