/** One persona found: Include, its name to fix, who it is, its score, and what was read, repaired and filled. */
import type { ImportedPersona } from '../../../shared/importing';
import { fieldLabel } from './import-labels';

interface Props {
  index: number;
  item: ImportedPersona;
  included: boolean;
  name: string;
  nameError: string | null;
  onInclude: (included: boolean) => void;
  onName: (name: string) => void;
}

export const nameFieldId = (index: number): string => `import-name-${index}`;

function Fields({ title, fields, className, note }: { title: string; fields: readonly string[]; className: string; note?: string }) {
  return (
    <div className={`import-fields ${className}`}>
      <dt>
        {title}
        {note && <span className="import-fields-note"> ({note})</span>}
      </dt>
      <dd>{fields.length ? fields.map(fieldLabel).join(', ') : <span className="muted">none</span>}</dd>
    </div>
  );
}

export function PreviewRow({ index, item, included, name, nameError, onInclude, onName }: Props) {
  const number = index + 1;
  const { persona } = item;
  const place = [persona.location.city, persona.location.country].filter(Boolean).join(', ');
  const errorId = `${nameFieldId(index)}-error`;
  return (
    <li className={included ? 'import-row' : 'import-row import-row-excluded'}>
      <div className="import-row-head">
        <label className="import-include">
          <input type="checkbox" checked={included} onChange={(event) => onInclude(event.target.checked)} />
          Include<span className="visually-hidden"> persona {number}</span>
        </label>
        <div className="import-name">
          <label htmlFor={nameFieldId(index)}>Name of persona {number}</label>
          <input
            id={nameFieldId(index)}
            value={name}
            maxLength={80}
            disabled={!included}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? errorId : undefined}
            onChange={(event) => onName(event.target.value)}
          />
          {nameError && (
            <p className="field-error" id={errorId}>
              {nameError}
            </p>
          )}
        </div>
        <p className="import-score">
          Score <strong>{Math.round(item.score)}</strong>
          <span className="muted">/100</span>
        </p>
      </div>
      <p className="import-who">
        {persona.age} · {persona.occupation} · {place}
        {item.nameKind === 'archetype' && <span className="import-badge">Role title, no personal name</span>}
      </p>
      <dl className="import-report">
        <Fields title="Read" fields={item.read} className="import-read" />
        <Fields title="Repaired" fields={item.repaired} className="import-repaired" />
        <Fields title="Filled" fields={item.filled} className="import-filled" note="not in your text: check before sharing" />
      </dl>
    </li>
  );
}
