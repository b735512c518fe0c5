/**
 * The confirmation before a workshop or a run is deleted for good: what goes (runs, personas, edits,
 * as the core counts them now), that backups taken before now still hold it, and whether to delete
 * those backups too.
 */
import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RunSummary, WorkshopSummary } from '../../../shared/ipc/types';
import { messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { Dialog, DialogError } from '../ui/Dialog';
import { plural } from '../ui/labels';
import { runName, useDeleteRun } from './run-mutations';
import { useDeleteWorkshop } from './workshop-mutations';
import { deletionPreviewQuery } from './workshop-queries';

export type DeleteTarget = { kind: 'workshop'; workshop: WorkshopSummary } | { kind: 'run'; run: RunSummary };

function inWords(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function DeleteDialog({ target, onClose, onDeleted }: { target: DeleteTarget; onClose: () => void; onDeleted: () => void }) {
  const api = useApi();
  const id = useId();
  const [deleteBackups, setDeleteBackups] = useState(false);
  const preview = useQuery(deletionPreviewQuery(api, target.kind === 'workshop' ? { workshopId: target.workshop.id } : { runId: target.run.id }));
  const deleteWorkshop = useDeleteWorkshop();
  const deleteRun = useDeleteRun();
  const mutation = target.kind === 'workshop' ? deleteWorkshop : deleteRun;
  const busy = mutation.isPending;
  const counts = preview.data;

  const confirm = () => {
    // The row or group that opened this dialog may be gone when the delete settles: the promise still is.
    const done = target.kind === 'workshop' ? deleteWorkshop.mutateAsync({ workshop: target.workshop, deleteBackups }) : deleteRun.mutateAsync({ run: target.run, deleteBackups });
    done.then(onDeleted, () => undefined);
  };

  const what = target.kind === 'workshop' ? `workshop ${target.workshop.name}` : `run “${runName(target.run)}”`;
  const noun = target.kind === 'workshop' ? 'workshop' : 'run';
  const cancelId = `${id}-cancel`;
  return (
    <Dialog title={`Delete ${what}?`} onClose={onClose} busy={busy} initialFocus={cancelId}>
      {counts ? (
        <>
          <p>
            This deletes for good:{' '}
            <strong>{inWords([...(target.kind === 'workshop' ? ['the workshop', plural(counts.runs, 'run')] : ['the run']), plural(counts.personas, 'persona'), plural(counts.edits, 'edit')])}</strong>.
          </p>
          {counts.backups > 0 ? (
            <>
              <p>
                {plural(counts.backups, 'backup', 'backups')} taken before now still {counts.backups === 1 ? 'holds' : 'hold'} {target.kind === 'workshop' ? 'this workshop' : 'this run'}.
              </p>
              <div className="dialog-check">
                <input type="checkbox" id={`${id}-backups`} checked={deleteBackups} disabled={busy} onChange={(e) => setDeleteBackups(e.target.checked)} />
                <label htmlFor={`${id}-backups`}>Also delete those backups</label>
              </div>
            </>
          ) : (
            <p className="muted">No backup holds it.</p>
          )}
        </>
      ) : preview.isError ? (
        <p className="field-error" role="alert">
          What this would delete could not be counted: {messageOf(preview.error)}{' '}
          <button type="button" className="link-button" onClick={() => void preview.refetch()}>
            Count again
          </button>
        </p>
      ) : (
        <p className="muted">Counting what this deletes…</p>
      )}
      <DialogError error={mutation.error} fields={[]} />
      <div className="dialog-actions">
        <button type="button" id={cancelId} className="secondary" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        {/* Only once the user can see what goes. */}
        <button type="button" className="danger" onClick={confirm} disabled={busy || !counts}>
          {busy ? 'Deleting…' : `Delete ${noun}`}
        </button>
      </div>
    </Dialog>
  );
}
