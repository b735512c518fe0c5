/** A persona card's Undo (when it has edits), History and Delete, with the dialogs they open. */
import { useId, useState, type ReactNode } from 'react';
import type { Persona } from '../../../shared/persona';
import { messageOf } from '../app/api-client';
import { FOCUS_IDS, focusWhenShown } from '../app/focus';
import { Dialog, DialogError } from '../ui/Dialog';
import { PersonaHistoryDialog } from './PersonaHistoryDialog';
import { useDeletePersona, useUndoPersona } from './persona-versions';
import { failAction } from './workshop-state';

/** The heading of the card after this one, else before it: where focus goes when this card is deleted. */
function neighbourHeading(personaId: string): string {
  const item = document.getElementById(FOCUS_IDS.heading(personaId))?.closest('li');
  const next = (item?.nextElementSibling ?? item?.previousElementSibling)?.querySelector('h3[id]');
  return next?.id ?? FOCUS_IDS.results;
}

interface Props {
  persona: Persona & { id: string };
  runId: string;
  hasEdits: boolean;
  disabled: boolean;
  /** Actions of other features on the same line, first (the card's Interview). */
  children?: ReactNode;
}

export function PersonaVersionActions({ persona, runId, hasEdits, disabled, children }: Props) {
  const [dialog, setDialog] = useState<'history' | 'delete' | null>(null);
  const undo = useUndoPersona(runId, persona.id);
  const undoId = FOCUS_IDS.personaUndo(persona.id);
  const close = () => setDialog(null);
  const undoLast = () =>
    undo.mutate(undefined, {
      // With edits left Undo stays where it is; without, Edit is the card's next step.
      onSuccess: ({ edits }) => focusWhenShown(edits > 0 ? undoId : FOCUS_IDS.editButton(persona.id), { onlyIfLost: true, from: undoId }),
      onError: (error) => failAction(`Undoing the last edit to ${persona.name} failed: ${messageOf(error)}`, undoId),
    });
  return (
    // Its own line under the card's main actions: the same place on every card, edited or not.
    <div className="card-actions-more">
      {children}
      {hasEdits && (
        <button type="button" id={undoId} className="secondary" onClick={undoLast} disabled={disabled || undo.isPending} aria-label={`Undo last edit to ${persona.name}`}>
          {undo.isPending ? 'Undoing…' : 'Undo edit'}
        </button>
      )}
      <button type="button" id={FOCUS_IDS.personaHistory(persona.id)} className="secondary" onClick={() => setDialog('history')} disabled={disabled} aria-label={`History of ${persona.name}`}>
        History
      </button>
      <button type="button" className="secondary" onClick={() => setDialog('delete')} disabled={disabled} aria-label={`Delete ${persona.name}`}>
        Delete
      </button>
      {dialog === 'history' && <PersonaHistoryDialog persona={persona} runId={runId} onClose={close} />}
      {dialog === 'delete' && <DeletePersonaDialog persona={persona} runId={runId} onClose={close} />}
    </div>
  );
}

function DeletePersonaDialog({ persona, runId, onClose }: { persona: Persona & { id: string }; runId: string; onClose: () => void }) {
  const remove = useDeletePersona(runId);
  const cancelId = `${useId()}-cancel`;
  const confirm = () => {
    // Read before the card goes: the card after it (or before) takes focus.
    const next = neighbourHeading(persona.id);
    // The card, and this dialog in it, may be gone when the delete settles: the promise still is.
    remove.mutateAsync(persona).then(
      () => {
        onClose();
        focusWhenShown(next);
      },
      () => undefined,
    );
  };
  return (
    <Dialog title={`Delete ${persona.name}?`} onClose={onClose} busy={remove.isPending} initialFocus={cancelId}>
      <p>
        {persona.name} and every version of their edits are deleted from this run for good. The other personas stay as they are.
      </p>
      <DialogError error={remove.error} fields={[]} />
      <div className="dialog-actions">
        <button type="button" id={cancelId} className="secondary" onClick={onClose} disabled={remove.isPending}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={confirm} disabled={remove.isPending}>
          {remove.isPending ? 'Deleting…' : 'Delete persona'}
        </button>
      </div>
    </Dialog>
  );
}
