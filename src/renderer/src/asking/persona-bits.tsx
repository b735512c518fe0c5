/** Small pieces the group panels share: a link to a persona's card, and the choice of who is asked. */
import type { MouseEvent } from 'react';
import type { Persona } from '../../../shared/persona';
import { FOCUS_IDS, focusWhenShown } from '../app/focus';

type RunPersona = Persona & { id: string };

/**
 * The persona's name, leading to their card. The address's hash is the route, so the link moves
 * focus itself instead of navigating; a persona deleted since has no card and is named only.
 */
export function PersonaLink({ id, name, present }: { id: string; name: string; present: boolean }) {
  if (!present) return <span>{name}</span>;
  const go = (event: MouseEvent) => {
    event.preventDefault();
    focusWhenShown(FOCUS_IDS.heading(id), { toTop: true });
  };
  return (
    <a href={`#${FOCUS_IDS.heading(id)}`} onClick={go}>
      {name}
    </a>
  );
}

interface ChooserProps {
  idPrefix: string;
  personas: readonly RunPersona[];
  chosen: ReadonlySet<string>;
  onChange: (chosen: ReadonlySet<string>) => void;
  disabled?: boolean;
}

/** Checkboxes, one per persona, and All to choose every one again. */
export function PersonaChooser({ idPrefix, personas, chosen, onChange, disabled = false }: ChooserProps) {
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  const all = personas.every((p) => chosen.has(p.id));
  return (
    <fieldset className="persona-chooser" disabled={disabled}>
      <legend>
        Who is asked <span className="muted">({chosen.size} of {personas.length})</span>
      </legend>
      <div className="persona-chooser-options">
        {personas.map((p) => (
          <label key={p.id} htmlFor={`${idPrefix}-${p.id}`}>
            <input type="checkbox" id={`${idPrefix}-${p.id}`} checked={chosen.has(p.id)} onChange={() => toggle(p.id)} />
            {p.name}
          </label>
        ))}
        {/* aria-disabled, not removed: a click must not leave focus on nothing. */}
        <button type="button" className="link-button" aria-disabled={all} onClick={() => !all && onChange(new Set(personas.map((p) => p.id)))}>
          Choose all
        </button>
      </div>
    </fieldset>
  );
}
