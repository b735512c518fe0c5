/** Chooses the workshop new runs go to, among the active ones; the current one is marked. */
import type { WorkshopSummary } from '../../../shared/ipc/types';
import { Dialog, DialogError } from '../ui/Dialog';
import { plural } from '../ui/labels';
import { useSelectWorkshop } from './workshop-mutations';
import { isActive } from './workshop-queries';

const optionId = (workshopId: string) => `switch-to-${workshopId}`;

export function SwitchWorkshopDialog({ workshops, currentId, onClose }: { workshops: readonly WorkshopSummary[]; currentId: string | undefined; onClose: () => void }) {
  const select = useSelectWorkshop();
  const active = workshops.filter(isActive);
  const choose = (workshop: WorkshopSummary) => {
    if (workshop.id === currentId) onClose();
    else select.mutate({ workshopId: workshop.id }, { onSuccess: onClose });
  };
  const first = active.find((w) => w.id === currentId) ?? active[0];
  return (
    <Dialog title="Switch workshop" onClose={onClose} busy={select.isPending} {...(first ? { initialFocus: optionId(first.id) } : {})}>
      <p className="muted">New runs go to the workshop you choose. Archived workshops are in History.</p>
      <ul className="workshop-choices">
        {active.map((workshop) => {
          const current = workshop.id === currentId;
          return (
            <li key={workshop.id}>
              <button type="button" id={optionId(workshop.id)} className={current ? 'workshop-choice current' : 'workshop-choice'} aria-current={current ? 'true' : undefined} disabled={select.isPending} onClick={() => choose(workshop)}>
                <span className="workshop-choice-name">
                  {workshop.name}
                  {current && <span className="muted"> (current)</span>}
                </span>
                {workshop.client && <span className="workshop-choice-client">{workshop.client}</span>}
                <span className="muted">
                  {plural(workshop.runCount, 'run')}, {plural(workshop.personaCount, 'persona')}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <DialogError error={select.error} fields={[]} />
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose} disabled={select.isPending}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
