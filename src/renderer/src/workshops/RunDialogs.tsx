/** A run's title and its workshop, each changed in a dialog opened from History. */
import { useId, useState, type FormEvent } from 'react';
import type { RunSummary, WorkshopSummary } from '../../../shared/ipc/types';
import { Dialog, DialogError, DialogField, fieldMessage } from '../ui/Dialog';
import { runName, useMoveRun, useRenameRun } from './run-mutations';
import { isActive, workshopLabel } from './workshop-queries';

export function RenameRunDialog({ run, onClose }: { run: RunSummary; onClose: () => void }) {
  const rename = useRenameRun();
  const [title, setTitle] = useState(run.title || run.description);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!rename.isPending) rename.mutate({ run, title }, { onSuccess: onClose });
  };
  return (
    <Dialog title="Rename run" onClose={onClose} busy={rename.isPending} initialFocus={`${id}-title`}>
      <form onSubmit={submit}>
        <p className="muted">Brief: {run.description}</p>
        <DialogField id={`${id}-title`} label="Title" value={title} onChange={setTitle} required maxLength={200} error={fieldMessage(rename.error, 'title', 'The title')} />
        <DialogError error={rename.error} fields={['title']} />
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose} disabled={rename.isPending}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={rename.isPending}>
            {rename.isPending ? 'Saving…' : 'Save title'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** `onMoved` gets the workshop the run went to, once History shows it there. */
export function MoveRunDialog({ run, workshops, onClose, onMoved }: { run: RunSummary; workshops: readonly WorkshopSummary[]; onClose: () => void; onMoved: (to: WorkshopSummary) => void }) {
  const move = useMoveRun();
  const targets = workshops.filter((w) => isActive(w) && w.id !== run.workshopId);
  const [to, setTo] = useState(targets[0]?.id ?? '');
  const id = useId();
  const from = workshops.find((w) => w.id === run.workshopId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = targets.find((w) => w.id === to);
    // The row that opened this dialog moves to another group (or out of the list): the promise settles whatever became of it.
    if (target && !move.isPending) move.mutateAsync({ run, to: target }).then(() => onMoved(target), () => undefined);
  };
  return (
    <Dialog title={`Move run “${runName(run)}”`} onClose={onClose} busy={move.isPending} initialFocus={targets.length > 0 ? `${id}-to` : `${id}-cancel`}>
      <form onSubmit={submit}>
        {from && <p className="muted">Now in {workshopLabel(from)}. Its personas and their edits go with it.</p>}
        {targets.length > 0 ? (
          <div className="dialog-field">
            <label htmlFor={`${id}-to`}>Move to</label>
            <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)} disabled={move.isPending}>
              {targets.map((w) => (
                <option key={w.id} value={w.id}>
                  {workshopLabel(w)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p>There is no other active workshop to move it to: create one first (New workshop).</p>
        )}
        <DialogError error={move.error} fields={[]} />
        <div className="dialog-actions">
          <button type="button" id={`${id}-cancel`} className="secondary" onClick={onClose} disabled={move.isPending}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={move.isPending || targets.length === 0}>
            {move.isPending ? 'Moving…' : 'Move run'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
