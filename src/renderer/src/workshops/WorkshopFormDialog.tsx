/** A workshop's name, client and description: a new workshop (made current) or the one given, renamed. */
import { useId, useState, type FormEvent } from 'react';
import type { WorkshopSummary } from '../../../shared/ipc/types';
import { Dialog, DialogError, DialogField, fieldMessage } from '../ui/Dialog';
import { useCreateWorkshop, useUpdateWorkshop } from './workshop-mutations';

const FIELDS = ['name', 'client', 'description'] as const;

export function WorkshopFormDialog({ workshop, onClose }: { workshop?: WorkshopSummary; onClose: () => void }) {
  const create = useCreateWorkshop();
  const update = useUpdateWorkshop();
  const mutation = workshop ? update : create;
  const [name, setName] = useState(workshop?.name ?? '');
  const [client, setClient] = useState(workshop?.client ?? '');
  const [description, setDescription] = useState(workshop?.description ?? '');
  const id = useId();
  const busy = mutation.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const fields = { name, client, description };
    if (workshop) update.mutate({ workshopId: workshop.id, fields }, { onSuccess: onClose });
    else create.mutate(fields, { onSuccess: onClose });
  };

  const error = mutation.error;
  return (
    <Dialog title={workshop ? `Rename workshop ${workshop.name}` : 'New workshop'} onClose={onClose} busy={busy} initialFocus={`${id}-name`}>
      <form onSubmit={submit}>
        {!workshop && <p className="muted">New runs go to the workshop you create.</p>}
        <DialogField id={`${id}-name`} label="Name" value={name} onChange={setName} required maxLength={120} error={fieldMessage(error, 'name', 'The name')} />
        <DialogField id={`${id}-client`} label="Client (optional)" value={client} onChange={setClient} maxLength={120} error={fieldMessage(error, 'client', 'The client')} />
        <DialogField
          id={`${id}-description`}
          label="Description (optional)"
          value={description}
          onChange={setDescription}
          multiline
          maxLength={1000}
          error={fieldMessage(error, 'description', 'The description')}
        />
        <DialogError error={error} fields={FIELDS} />
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : workshop ? 'Save workshop' : 'Create workshop'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
