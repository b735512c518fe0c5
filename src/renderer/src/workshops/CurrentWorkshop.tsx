/** The Workshop screen's first line: the workshop new runs go to, Switch workshop and New workshop. */
import { useState } from 'react';
import { messageOf } from '../app/api-client';
import { FOCUS_IDS } from '../app/focus';
import { useWorkshopState } from '../workshop/workshop-state';
import { SwitchWorkshopDialog } from './SwitchWorkshopDialog';
import { WorkshopFormDialog } from './WorkshopFormDialog';
import { useCurrentWorkshop } from './workshop-queries';
import './workshops.css';

export function CurrentWorkshop() {
  const { current, workshops, error, retry } = useCurrentWorkshop();
  const [dialog, setDialog] = useState<'switch' | 'new' | null>(null);
  // A generation goes to the workshop it started in: the choice waits until it ends.
  const running = useWorkshopState((s) => s.status === 'running');
  const close = () => setDialog(null);
  return (
    <section className="current-workshop" aria-labelledby="current-workshop-label">
      <div className="current-workshop-text">
        <span id="current-workshop-label" className="current-workshop-label">
          Current workshop
        </span>
        {current ? (
          <span className="current-workshop-name">
            <strong>{current.name}</strong>
            {current.client && <span className="muted"> · {current.client}</span>}
          </span>
        ) : error ? (
          <span className="field-error">
            Could not read the workshops: {messageOf(error)}{' '}
            <button type="button" className="link-button" onClick={retry}>
              Retry
            </button>
          </span>
        ) : (
          <span className="muted">Loading…</span>
        )}
      </div>
      <div className="current-workshop-actions">
        <button type="button" id={FOCUS_IDS.workshopSwitch} className="secondary" disabled={!workshops || running} onClick={() => setDialog('switch')}>
          Switch workshop
        </button>
        <button type="button" id={FOCUS_IDS.workshopNew} className="secondary" disabled={running} onClick={() => setDialog('new')}>
          New workshop
        </button>
      </div>
      {dialog === 'switch' && workshops && <SwitchWorkshopDialog workshops={workshops} currentId={current?.id} onClose={close} />}
      {dialog === 'new' && <WorkshopFormDialog onClose={close} />}
    </section>
  );
}
