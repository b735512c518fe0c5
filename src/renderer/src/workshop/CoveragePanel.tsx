/**
 * Who the run covers: age spread, gender mix, locations and occupations, as bars. An empty age
 * band within the brief's range gets a "Fill gap" button that adds a persona of those ages.
 */
import { ageBandCounts, tally } from '../../../shared/coverage';
import type { Persona } from '../../../shared/persona';
import { FOCUS_IDS } from '../app/focus';
import { useFillGap, useIsFillingGap } from './persona-mutations';
import { fieldValueText } from './persona-labels';

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

export function CoveragePanel({
  personas,
  ageRange,
  runId,
  disabled,
}: {
  personas: readonly Persona[];
  ageRange?: readonly [number, number] | undefined;
  runId: string;
  /** No gap can be filled (the run was not saved). */
  disabled: boolean;
}) {
  const fillGap = useFillGap(runId);
  const filling = useIsFillingGap(runId);
  const bands = ageBandCounts(personas, ageRange);
  const total = personas.length;
  return (
    <section className="coverage" aria-label="Coverage">
      <figure className="coverage-figure" aria-label="Age spread">
        <figcaption>Age spread</figcaption>
        <ul>
          {bands.map(({ band, label, count: n }) => (
            <li key={label}>
              <span className="coverage-label">{label}</span>
              <span className="coverage-bar" aria-hidden="true">
                <span style={{ width: `${(n / Math.max(1, total)) * 100}%` }} />
              </span>
              {n > 0 ? (
                <span className="coverage-count">{n}</span>
              ) : (
                <button type="button" id={FOCUS_IDS.fillGap(label)} className="link-button" disabled={disabled || filling} onClick={() => fillGap.mutate(band)} aria-label={`Fill gap: ages ${label}`}>
                  {filling ? 'Filling…' : 'Fill gap'}
                </button>
              )}
            </li>
          ))}
        </ul>
      </figure>
      <Bars title="Gender mix" rows={tally(personas.map((p) => (p.gender ? fieldValueText('gender', p.gender) : 'Not stated')))} total={total} />
      <Bars title="Locations" rows={tally(personas.map((p) => p.location.city))} total={total} />
      <Bars title="Occupations" rows={tally(personas.map((p) => p.occupation))} total={total} />
    </section>
  );
}
