/** Every field of a persona in words: labels for keys, lists as lists, dates in the reader's locale, no ids. */
import type { Persona } from '../../../shared/persona';
import { byFieldOrder, fieldLabel, fieldValueText, isIdField, pointerLabels } from './persona-labels';

export function AllFields({ persona }: { persona: Persona }) {
  return <FieldList fields={persona} />;
}

function FieldList({ fields }: { fields: object }) {
  const entries = Object.entries(fields)
    .filter(([key, value]) => value !== undefined && !isIdField(key, value))
    .sort(([a], [b]) => byFieldOrder(a, b));
  return (
    <dl className="fields">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{fieldLabel(key)}</dt>
          <dd>
            <FieldValue name={key} value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function FieldValue({ name, value }: { name: string; value: unknown }) {
  // Repairs are recorded as JSON pointers; the reader gets the fields they name.
  const items = (name === 'repaired' || name === 'filled') && Array.isArray(value) ? pointerLabels(value.filter((v): v is string => typeof v === 'string')) : value;
  if (Array.isArray(items)) {
    if (items.length === 0) return <>None</>;
    return (
      <ul>
        {items.map((item, index) => (
          <li key={index}>
            <FieldValue name={name} value={item} />
          </li>
        ))}
      </ul>
    );
  }
  if (items && typeof items === 'object') return <FieldList fields={items} />;
  if (typeof items === 'string' || typeof items === 'number' || typeof items === 'boolean') return <>{items === '' ? '—' : fieldValueText(name, items)}</>;
  return <>—</>;
}
