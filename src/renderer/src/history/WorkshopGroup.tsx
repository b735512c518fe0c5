/** A workshop in History: its name, client, description and counts, Rename, Archive or Restore, Delete, and its runs. */
import { useState } from 'react';
import type { RunSummary, WorkshopSummary } from '../../../shared/ipc/types';
import { messageOf } from '../app/api-client';
import { FOCUS_IDS, focusWhenShown } from '../app/focus';
import { plural } from '../ui/labels';
import { DeleteDialog } from '../workshops/DeleteDialog';
import { WorkshopFormDialog } from '../workshops/WorkshopFormDialog';
import { useArchiveWorkshop } from '../workshops/workshop-mutations';
import { RunRow } from './RunRow';

interface Props {
  workshop: WorkshopSummary;
  runs: readonly RunSummary[];
  workshops: readonly WorkshopSummary[];
  current: boolean;
  /** Whether History still shows this group once it is archived (Show archived is on). */
  shownArchived: boolean;
  onOpen: (run: RunSummary) => void;
}

export function WorkshopGroup({ workshop, runs, workshops, current, shownArchived, onOpen }: Props) {
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);
  const archive = useArchiveWorkshop();
  const archived = workshop.archivedAt !== null;
  const headingId = FOCUS_IDS.historyGroup(workshop.id);
  const close = () => setDialog(null);

  const toggleArchived = () =>
    archive.mutateAsync({ workshop, archived: !archived }).then(
      // A group that disappears leaves focus to the screen's heading; otherwise it stays on this button.
      () => !archived && !shownArchived && focusWhenShown(FOCUS_IDS.historyHeading, { accept: () => document.getElementById(headingId) === null }),
      () => undefined,
    );
  const deleted = () => {
    close();
    focusWhenShown(FOCUS_IDS.historyHeading, { accept: () => document.getElementById(headingId) === null });
  };

  return (
    <section className="history-group" aria-labelledby={headingId} data-workshop-id={workshop.id}>
      <header className="history-group-header">
        <div className="history-group-title">
          <h3 id={headingId} tabIndex={-1}>
            {workshop.name}
            {archived && <span className="badge">archived</span>}
            {current && <span className="badge badge-edit">current</span>}
          </h3>
          <p className="muted">
            {workshop.client && `${workshop.client} · `}
            {plural(workshop.runCount, 'run')}, {plural(workshop.personaCount, 'persona')}
          </p>
          {workshop.description && <p className="history-group-description">{workshop.description}</p>}
          {archive.isError && (
            <p className="field-error" role="alert">
              {archived ? 'Restoring' : 'Archiving'} failed: {messageOf(archive.error)}
            </p>
          )}
        </div>
        <div className="row-actions">
          <button type="button" className="secondary" aria-label={`Rename workshop ${workshop.name}`} onClick={() => setDialog('rename')}>
            Rename
          </button>
          {/* aria-disabled, not disabled, while it runs: a disabled button drops focus, and focus must stay here. */}
          <button
            type="button"
            className="secondary"
            aria-label={`${archived ? 'Restore' : 'Archive'} workshop ${workshop.name}`}
            aria-disabled={archive.isPending}
            onClick={() => !archive.isPending && void toggleArchived()}
          >
            {archived ? 'Restore' : 'Archive'}
          </button>
          <button type="button" className="secondary" aria-label={`Delete workshop ${workshop.name}`} onClick={() => setDialog('delete')}>
            Delete
          </button>
        </div>
      </header>
      {runs.length > 0 ? (
        <table>
          <caption className="visually-hidden">Runs of {workshop.name}</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Run</th>
              <th scope="col">Engine</th>
              <th scope="col">Personas</th>
              <th scope="col">Quality</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <RunRow key={run.id} run={run} workshops={workshops} onOpen={onOpen} />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted history-group-empty">No runs in this workshop yet.</p>
      )}
      {dialog === 'rename' && <WorkshopFormDialog workshop={workshop} onClose={close} />}
      {dialog === 'delete' && <DeleteDialog target={{ kind: 'workshop', workshop }} onClose={close} onDeleted={deleted} />}
    </section>
  );
}
