/** Two to four personas side by side, field by field. */
import type { Persona } from '../../../shared/persona';
import { CULTURAL_CATEGORIES } from '../../../shared/vocabulary';
import { useSelection } from '../state/selection';

const ROWS: Array<[string, (p: Persona) => string]> = [
  ['Age', (p) => String(p.age)],
  ['Occupation', (p) => p.occupation],
  ['Location', (p) => `${p.location.city}, ${p.location.country}`],
  ['Quote', (p) => p.quote ?? '—'],
  ['Goals', (p) => p.goals.join('; ')],
  ['Pain points', (p) => p.painPoints.join('; ')],
  ...CULTURAL_CATEGORIES.map((c): [string, (p: Persona) => string] => [c.charAt(0).toUpperCase() + c.slice(1), (p) => p.culturalProfile?.[c].join(', ') || '—']),
];

/** The comparison of this run: personas of another run chosen before are not part of it. */
export function ComparePanel({ personas, runId }: { personas: readonly Persona[]; runId: string }) {
  const compared = useSelection((s) => s.compared);
  const clearCompare = useSelection((s) => s.clearCompare);
  const chosen = compared.runId === runId ? compared.ids.map((id) => personas.find((p) => p.id === id)).filter((p): p is Persona => p !== undefined) : [];
  if (chosen.length === 0) return null;
  return (
    <section className="compare" aria-label="Comparison">
      <header>
        <h3>Compare</h3>
        <p className="muted">{chosen.length < 2 ? 'Choose one more persona (up to four) to compare.' : `${chosen.length} personas side by side`}</p>
        <button type="button" className="secondary" onClick={clearCompare}>
          Clear comparison
        </button>
      </header>
      {chosen.length >= 2 && (
        <div className="compare-scroll">
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
        </div>
      )}
    </section>
  );
}
