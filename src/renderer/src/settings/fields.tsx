/**
 * The settings inputs: each with a visible label (its accessible name), an optional hint, and its
 * error in a .field-error paragraph tied to the input by aria-describedby, with aria-invalid set.
 */
import type { ReactNode } from 'react';
import { LABELS, fieldId, type FieldPath } from './model';

interface FieldBase {
  path: FieldPath;
  error: string | undefined;
  hint?: ReactNode;
  disabled?: boolean;
}

function ids(path: FieldPath, error: string | undefined, hint: ReactNode, extra?: string) {
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, extra, hintId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function Notes({ hint, hintId, error, errorId }: { hint: ReactNode; hintId: string | undefined; error: string | undefined; errorId: string | undefined }) {
  return (
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
  const { id, hintId, errorId, describedBy } = ids(path, error, hint);
  return (
    <div className="settings-field">
      <label htmlFor={id}>{LABELS[path]}</label>
      <input
        id={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        list={list}
        disabled={disabled}
        spellCheck={false}
        autoCapitalize="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <Notes hint={hint} hintId={hintId} error={error} errorId={errorId} />
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
  const { id, hintId, errorId, describedBy } = ids(path, error, hint);
  return (
    <div className="settings-field">
      <label htmlFor={id}>{LABELS[path]}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        min={min}
        max={max}
        step={step ?? 'any'}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <Notes hint={hint} hintId={hintId} error={error} errorId={errorId} />
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
  const { id, hintId, errorId, describedBy } = ids(path, error, hint);
  return (
    <div className="settings-field">
      <label htmlFor={id}>{LABELS[path]}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const chosen = options.find((o) => o.value === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Notes hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

export function CheckboxField({ path, error, hint, disabled, checked, onChange }: FieldBase & { checked: boolean; onChange: (checked: boolean) => void }) {
  const { id, hintId, errorId, describedBy } = ids(path, error, hint);
  return (
    <div className="settings-field">
      <div className="settings-check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <label htmlFor={id}>{LABELS[path]}</label>
      </div>
      <Notes hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

/**
 * An API key: a password input that is never prefilled. When a key is saved it says "Key set" and
 * offers "Remove key" (named "Remove <label>", as each card has one); typing a new value and saving
 * replaces the key.
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
}: FieldBase & { value: string; onChange: (value: string) => void; isSet: boolean; onRemove: () => void; busy: boolean }) {
  const stateId = `${fieldId(path)}-state`;
  const { id, hintId, errorId, describedBy } = ids(path, error, hint, stateId);
  return (
    <div className="settings-field">
      <div className="settings-key-head">
        <label htmlFor={id}>{LABELS[path]}</label>
        <span id={stateId} className={isSet ? 'settings-key-state is-set' : 'settings-key-state'}>
          {isSet ? 'Key set' : 'No key set'}
        </span>
      </div>
      <div className="settings-key-row">
        <input
          id={id}
          type="password"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={isSet ? 'Type to replace' : 'Paste a key'}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        {isSet && (
          <button type="button" className="secondary" onClick={onRemove} disabled={disabled || busy} aria-label={`Remove ${LABELS[path]}`}>
            Remove key
          </button>
        )}
      </div>
      <Notes hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}
