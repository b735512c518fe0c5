/**
 * The settings inputs: each with a visible label (its accessible name), an optional hint, and its
 * error in a .field-error paragraph tied to the input by aria-describedby, with aria-invalid set.
 */
import type { ReactNode } from 'react';
import { fieldId, labelOf, type FieldPath } from './setting-paths';

export interface FieldBase {
  path: FieldPath;
  error: string | undefined;
  hint?: ReactNode;
  disabled?: boolean;
}

/**
 * What every field shares: its ids, the props that tie its control to its label, hint and error
 * (spread onto the input or select), and the hint and error paragraphs themselves.
 */
export function fieldParts({ path, error, hint, disabled }: FieldBase, extraDescription?: string) {
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const control = {
    id,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [errorId, extraDescription, hintId].filter(Boolean).join(' ') || undefined,
  };
  const notes = (
    <>
      {hint && (
        <p className="settings-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </>
  );
  return { id, control, notes };
}

export function TextField({
  path,
  error,
  hint,
  disabled,
  value,
  onChange,
  type = 'text',
  placeholder,
  list,
}: FieldBase & { value: string; onChange: (value: string) => void; type?: 'text' | 'url'; placeholder?: string; list?: string }) {
  const { id, control, notes } = fieldParts({ path, error, hint, disabled });
  return (
    <div className="settings-field">
      <label htmlFor={id}>{labelOf(path)}</label>
      <input
        {...control}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        list={list}
        spellCheck={false}
        autoCapitalize="off"
      />
      {notes}
    </div>
  );
}

export function NumberField({
  path,
  error,
  hint,
  disabled,
  value,
  onChange,
  min,
  max,
  step,
  placeholder,
}: FieldBase & { value: string; onChange: (value: string) => void; min?: number; max?: number; step?: number | 'any'; placeholder?: string }) {
  const { id, control, notes } = fieldParts({ path, error, hint, disabled });
  return (
    <div className="settings-field">
      <label htmlFor={id}>{labelOf(path)}</label>
      <input
        {...control}
        type="number"
        inputMode="decimal"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        min={min}
        max={max}
        step={step ?? 'any'}
        placeholder={placeholder}
      />
      {notes}
    </div>
  );
}

export interface Option<T extends string> {
  value: T;
  label: string;
}

export function SelectField<T extends string>({
  path,
  error,
  hint,
  disabled,
  value,
  options,
  onChange,
}: FieldBase & { value: T; options: readonly Option<T>[]; onChange: (value: T) => void }) {
  const { id, control, notes } = fieldParts({ path, error, hint, disabled });
  return (
    <div className="settings-field">
      <label htmlFor={id}>{labelOf(path)}</label>
      <select
        {...control}
        value={value}
        onChange={(e) => {
          const chosen = options.find((o) => o.value === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {notes}
    </div>
  );
}

export function CheckboxField({ path, error, hint, disabled, checked, onChange }: FieldBase & { checked: boolean; onChange: (checked: boolean) => void }) {
  const { id, control, notes } = fieldParts({ path, error, hint, disabled });
  return (
    <div className="settings-field">
      <div className="settings-check">
        <input
          {...control}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={id}>{labelOf(path)}</label>
      </div>
      {notes}
    </div>
  );
}

/** How a write-only field speaks of its value: an API key by default. */
export interface SecretWords {
  set: string;
  unset: string;
  /** The remove button's text; its name adds the field's label ("Remove key" is named "Remove Qloo API key"). */
  remove: string;
  typeToReplace: string;
  typeNew: string;
}
const KEY_WORDS: SecretWords = { set: 'Key set', unset: 'No key set', remove: 'Remove key', typeToReplace: 'Type to replace', typeNew: 'Paste a key' };

/**
 * An API key (or another secret): a password input that is never prefilled. When one is saved it
 * says "Key set" and offers "Remove key" (named "Remove <label>", as each card has one); typing a
 * new value and saving replaces it.
 */
export function KeyField({
  path,
  error,
  hint,
  disabled,
  value,
  onChange,
  isSet,
  onRemove,
  busy,
  words = KEY_WORDS,
}: FieldBase & { value: string; onChange: (value: string) => void; isSet: boolean; onRemove: () => void; busy: boolean; words?: SecretWords }) {
  const removeWord = words.remove.split(' ')[0] ?? 'Remove';
  const stateId = `${fieldId(path)}-state`;
  const { id, control, notes } = fieldParts({ path, error, hint, disabled }, stateId);
  return (
    <div className="settings-field">
      <div className="settings-key-head">
        <label htmlFor={id}>{labelOf(path)}</label>
        <span id={stateId} className={isSet ? 'settings-key-state is-set' : 'settings-key-state'}>
          {isSet ? words.set : words.unset}
        </span>
      </div>
      <div className="settings-key-row">
        <input
          {...control}
          type="password"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={isSet ? words.typeToReplace : words.typeNew}
        />
        {isSet && (
          <button type="button" className="secondary" onClick={onRemove} disabled={disabled || busy} aria-label={`${removeWord} ${labelOf(path)}`}>
            {words.remove}
          </button>
        )}
      </div>
      {notes}
    </div>
  );
}
