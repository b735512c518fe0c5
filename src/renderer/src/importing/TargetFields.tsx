/** Where imported personas go: a workshop (the current one unless another is chosen) and the run's title. */
import { useState } from 'react';
import { isActive, useCurrentWorkshop, workshopLabel } from '../workshops/workshop-queries';

export interface Target {
  /** The workshop chosen; undefined until the lists have answered (the core then uses the current one). */
  workshopId: string | undefined;
  setWorkshopId: (id: string) => void;
  title: string;
  setTitle: (title: string) => void;
  workshopName: (id: string) => string;
}

export function useTarget(): Target {
  const { current, workshops } = useCurrentWorkshop();
  const [chosen, setChosen] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const active = workshops?.filter(isActive) ?? [];
  const workshopId = active.some((w) => w.id === chosen) ? (chosen ?? undefined) : current?.id;
  return {
    workshopId,
    setWorkshopId: setChosen,
    title,
    setTitle,
    workshopName: (id) => workshops?.find((w) => w.id === id)?.name ?? 'the workshop',
  };
}

export function TargetFields({ target }: { target: Target }) {
  const { current, workshops } = useCurrentWorkshop();
  const active = workshops?.filter(isActive) ?? [];
  return (
    <div className="import-target">
      <div>
        <label htmlFor="import-workshop">Import into</label>
        <select id="import-workshop" value={target.workshopId ?? ''} onChange={(event) => target.setWorkshopId(event.target.value)}>
          {!target.workshopId && <option value="">The current workshop</option>}
          {active.map((workshop) => (
            <option key={workshop.id} value={workshop.id}>
              {workshopLabel(workshop)}
              {workshop.id === current?.id ? ' (current)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="import-title">Run title (optional)</label>
        <input id="import-title" value={target.title} maxLength={200} onChange={(event) => target.setTitle(event.target.value)} />
      </div>
    </div>
  );
}
