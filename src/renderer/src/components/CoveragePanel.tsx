/**
 * Who the run covers: age spread, gender mix, locations and occupations, as bars. An empty age
 * band within the brief's range gets a "Fill gap" button that adds a persona of those ages.
 */
import type { Persona } from '../../../shared/persona';
import { useGeneration } from '../state/generation';

const BANDS: Array<[number, number]> = [
  [16, 24],
  [25, 34],
  [35, 44],
  [45, 54],
  [55, 64],
  [65, 99],
];

const bandLabel = ([min, max]: [number, number]) => (max >= 99 ? `${min}+` : `${min}–${max}`);

function counts(values: readonly string[]): Array<[string, number]> {
  const map = new Map<string, number>();
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
  return [...map].sort((a, b) => b[1] - a[1]);
}

function Bars({ title, rows, total }: { title: string; rows: Array<[string, number]>; total: number }) {
  return (
    <figure className="coverage-figure" aria-label={title}>
      <figcaption>{title}</figcaption>
      <ul>
        {rows.slice(0, 6).map(([label, n]) => (
          <li key={label}>
            <span className="coverage-label">{label}</span>
            <span className="coverage-bar" aria-hidden="true">
              <span style={{ width: `${(n / Math.max(1, total)) * 100}%` }} />
            </span>
            <span className="coverage-count">{n}</span>
          </li>
        ))}
        {rows.length > 6 && <li className="muted">and {rows.length - 6} more</li>}
      </ul>
    </figure>
  );
}

export function CoveragePanel({ personas, ageRange }: { personas: readonly Persona[]; ageRange?: readonly [number, number] | undefined }) {
  const fillGap = useGeneration((s) => s.fillGap);
  const filling = useGeneration((s) => s.busy.has('gap'));
  const [low, high] = ageRange ?? [16, 99];
  const bands = BANDS.filter(([min, max]) => max >= low && min <= high).map(([min, max]): [[number, number], number] => [
    [Math.max(min, low), Math.min(max, high)],
    personas.filter((p) => p.age >= min && p.age <= max).length,
  ]);
  const total = personas.length;
  return (
    <section className="coverage" aria-label="Coverage">
      <figure className="coverage-figure" aria-label="Age spread">
        <figcaption>Age spread</figcaption>
        <ul>
          {bands.map(([band, n]) => (
            <li key={bandLabel(band)}>
              <span className="coverage-label">{bandLabel(band)}</span>
              <span className="coverage-bar" aria-hidden="true">
                <span style={{ width: `${(n / Math.max(1, total)) * 100}%` }} />
              </span>
              {n > 0 ? (
                <span className="coverage-count">{n}</span>
              ) : (
                <button type="button" className="link-button" disabled={filling} onClick={() => void fillGap(band)} aria-label={`Fill gap: ages ${bandLabel(band)}`}>
                  {filling ? 'Filling…' : 'Fill gap'}
                </button>
              )}
            </li>
          ))}
        </ul>
      </figure>
      <Bars title="Gender mix" rows={counts(personas.map((p) => p.gender || 'not stated'))} total={total} />
      <Bars title="Locations" rows={counts(personas.map((p) => p.location.city))} total={total} />
      <Bars title="Occupations" rows={counts(personas.map((p) => p.occupation))} total={total} />
    </section>
  );
}
