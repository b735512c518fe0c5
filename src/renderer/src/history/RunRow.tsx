/** One run in History: when, its title over its brief, figures, and Open, Rename, Move, Duplicate, Delete. */
import { useState } from 'react';
import type { RunSummary, WorkshopSummary } from '../../../shared/ipc/types';
import { FOCUS_IDS, focusWhenShown } from '../app/focus';
import { engineLabel } from '../ui/labels';
import { DeleteDialog } from '../workshops/DeleteDialog';
import { MoveRunDialog, RenameRunDialog } from '../workshops/RunDialogs';
import { runName, useDuplicateRun } from '../workshops/run-mutations';

const STATUS_LABELS: Record<RunSummary['status'], string> = { completed: 'Completed', failed: 'Failed', cancelled: 'Cancelled' };

/** The group (a <section data-workshop-id>) an element is shown in. */
const groupOf = (element: Element | null): string | null => element?.closest('[data-workshop-id]')?.getAttribute('data-workshop-id') ?? null;

interface Props {
  run: RunSummary;
  workshops: readonly WorkshopSummary[];
  onOpen: (run: RunSummary) => void;
}

export function RunRow({ run, workshops, onOpen }: Props) {
  const [dialog, setDialog] = useState<'rename' | 'move' | 'delete' | null>(null);
  const duplicate = useDuplicateRun();
  const name = runName(run);
  const close = () => setDialog(null);
  const moveId = FOCUS_IDS.runMove(run.id);

  const moved = (to: WorkshopSummary) => {
    close();
    // The row in its new group if History shows that group; else, once the row has left, the group it left.
    focusWhenShown([moveId, FOCUS_IDS.historyGroup(run.workshopId), FOCUS_IDS.historyHeading], {
      accept: (el) => (el.id === moveId ? groupOf(el) === to.id : groupOf(document.getElementById(moveId)) !== run.workshopId),
    });
  };
  const deleted = () => {
    close();
    focusWhenShown([FOCUS_IDS.historyGroup(run.workshopId), FOCUS_IDS.historyHeading], { accept: () => document.getElementById(moveId) === null });
  };
  const copy = () =>
    duplicate.mutateAsync(run).then(
      // The copy, to rename it at once.
      (made) => focusWhenShown(FOCUS_IDS.runRename(made.id)),
      () => undefined,
    );

  return (
    <tr>
      <td className="when-cell">{new Date(run.startedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</td>
      <td className="run-cell">
        <span className="run-name">{name}</span>
        {name !== run.description && <span className="run-brief">{run.description}</span>}
        {duplicate.isError && (
          <span className="field-error" role="alert">
            Duplicating failed: {duplicate.error.message}
          </span>
        )}
      </td>
      <td>{engineLabel(run.provider)}</td>
      <td>{run.count}</td>
      <td>{run.qualityScore ?? '–'}</td>
      <td>
        <span className={`status status-${run.status}`}>{STATUS_LABELS[run.status]}</span>
      </td>
      <td>
        <div className="row-actions">
          <button type="button" className="secondary" disabled={run.status !== 'completed'} aria-label={`Open run: ${name}`} onClick={() => onOpen(run)}>
            Open
          </button>
          <button type="button" id={FOCUS_IDS.runRename(run.id)} className="secondary" aria-label={`Rename run: ${name}`} onClick={() => setDialog('rename')}>
            Rename
          </button>
          <button type="button" id={moveId} className="secondary" aria-label={`Move run: ${name}`} onClick={() => setDialog('move')}>
            Move…
          </button>
          {/* aria-disabled while it runs: a disabled button would drop focus before the copy can take it. */}
          <button type="button" className="secondary" aria-label={`Duplicate run: ${name}`} aria-disabled={duplicate.isPending} onClick={() => !duplicate.isPending && void copy()}>
            {duplicate.isPending ? 'Duplicating…' : 'Duplicate'}
          </button>
          <button type="button" className="secondary" aria-label={`Delete run: ${name}`} onClick={() => setDialog('delete')}>
            Delete
          </button>
        </div>
        {dialog === 'rename' && <RenameRunDialog run={run} onClose={close} />}
        {dialog === 'move' && <MoveRunDialog run={run} workshops={workshops} onClose={close} onMoved={moved} />}
        {dialog === 'delete' && <DeleteDialog target={{ kind: 'run', run }} onClose={close} onDeleted={deleted} />}
      </td>
    </tr>
  );
}
