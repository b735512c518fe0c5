/** After an import: what was saved where, and the ways to it (History, the run in the Workshop), or another import. */
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RunSummary } from '../../../shared/ipc/types';
import { useApi } from '../app/api-context';
import { go } from '../app/route';
import { plural } from '../ui/labels';
import { useRunActions } from '../workshop/run-actions';
import { useSelectWorkshop } from '../workshops/workshop-mutations';
import { appInfoQuery } from '../workshops/workshop-queries';

interface Props {
  headingId: string;
  run: RunSummary;
  workshopName: string;
  onAgain: () => void;
}

export function ImportDone({ headingId, run, workshopName, onAgain }: Props) {
  const api = useApi();
  const info = useQuery(appInfoQuery(api));
  const select = useSelectWorkshop();
  const { openRun } = useRunActions();
  const openInWorkshop = async () => {
    go('workshop');
    // Opening the run is working in its workshop, as History's Open does.
    if (run.workshopId !== info.data?.currentWorkshopId) select.mutate({ workshopId: run.workshopId, keepRun: true });
    await openRun(run.id, 'user');
  };
  return (
    <div className="import-done import-panel">
      <h3 id={headingId} tabIndex={-1}>
        Imported
      </h3>
      <p>
        Imported {plural(run.count, 'persona')} into <strong>{workshopName}</strong> as <strong>{run.title}</strong>.
      </p>
      <ImportLinks>
        <button type="button" className="primary" onClick={() => void openInWorkshop()}>
          Open in Workshop
        </button>
        <button type="button" className="secondary" onClick={onAgain}>
          Import more
        </button>
      </ImportLinks>
    </div>
  );
}

/** "Open in History" first, then the screen's own actions. */
export function ImportLinks({ children }: { children?: ReactNode }) {
  return (
    <p className="import-links">
      <a href="#/history" className="import-link">
        Open in History
      </a>
      {children}
    </p>
  );
}
