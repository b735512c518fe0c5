/** The confirmation before a focus group or concept test is deleted: says what goes, Cancel first. */
import { useId } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { announce } from '../app/announcer';
import { focusWhenShown } from '../app/focus';
import { Dialog, DialogError } from '../ui/Dialog';

interface Props {
  title: string;
  what: string;
  action: string;
  mutation: UseMutationResult<unknown, Error, string>;
  /** The id deleted. */
  target: string;
  /** Where focus goes once the row that opened this is gone. */
  focusAfter: string;
  /** The status line's words once it is done. */
  done: string;
  onClose: () => void;
}

export function ConfirmDelete({ title, what, action, mutation, target, focusAfter, done, onClose }: Props) {
  const cancelId = `${useId()}-cancel`;
  const confirm = () => {
    mutation.mutateAsync(target).then(
      () => {
        onClose();
        announce(done);
        focusWhenShown(focusAfter);
      },
      () => undefined,
    );
  };
  return (
    <Dialog title={title} onClose={onClose} busy={mutation.isPending} initialFocus={cancelId}>
      <p>{what}</p>
      <DialogError error={mutation.error} fields={[]} />
      <div className="dialog-actions">
        <button type="button" id={cancelId} className="secondary" onClick={onClose} disabled={mutation.isPending}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={confirm} disabled={mutation.isPending}>
          {mutation.isPending ? 'Deleting…' : action}
        </button>
      </div>
    </Dialog>
  );
}
