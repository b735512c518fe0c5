/** Two to four personas side by side, field by field. */
import type { ReactNode } from 'react';
import type { Persona } from '../../../shared/persona';
import { CATEGORY_LABELS, CULTURAL_CATEGORIES } from '../../../shared/vocabulary';
import { announce } from '../app/announcer';
import { FOCUS_IDS, focusWhenShown } from '../app/focus';
import { plural } from '../ui/labels';
import { useSelectionState } from './selection-state';

function Items({ items }: { items: readonly string[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

const ROWS: Array<[string, (p: Persona) => ReactNode]> = [
  ['Age', (p) => p.age],
  ['Occupation', (p) => p.occupation],
  ['Location', (p) => `${p.location.city}, ${p.location.country}`],
  ['Quote', (p) => p.quote ?? '—'],
  ['Goals', (p) => <Items items={p.goals} />],
  ['Pain points', (p) => <Items items={p.painPoints} />],
  ...CULTURAL_CATEGORIES.map((c): [string, (p: Persona) => ReactNode] => [CATEGORY_LABELS[c], (p) => p.culturalProfile?.[c].join(', ') || '—']),
];

/** The comparison of this run: personas of another run chosen before are not part of it. */
export function ComparePanel({ personas, runId }: { personas: readonly Persona[]; runId: string }) {
  const compared = useSelectionState((s) => s.compared);
  const clearCompare = useSelectionState((s) => s.clearCompare);
  const chosen = compared.runId === runId ? compared.ids.map((id) => personas.find((p) => p.id === id)).filter((p): p is Persona => p !== undefined) : [];
  if (chosen.length === 0) return null;
  const clear = () => {
    clearCompare();
    announce('Comparison cleared');
    // The panel and its button go away: the results heading is the nearest place that stays.
    focusWhenShown(FOCUS_IDS.results);
  };
  return (
    <section className="compare" aria-labelledby={FOCUS_IDS.compare}>
      <header>
        <h3 id={FOCUS_IDS.compare} tabIndex={-1}>
          Comparison
        </h3>
        <p className="muted">{chosen.length < 2 ? 'Choose one more persona (up to four) to compare.' : `${plural(chosen.length, 'persona')} side by side`}</p>
        <button type="button" className="secondary" onClick={clear}>
          Clear comparison
        </button>
      </header>
      {chosen.length >= 2 && (
        <table>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Field</span>
              </th>
              {chosen.map((p) => (
                <th key={p.id} scope="col">
                  {p.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {chosen.map((p) => (
                  <td key={p.id}>{value(p)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
