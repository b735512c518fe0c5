/**
 * A modal dialog on the native <dialog> and showModal(): the page behind is inert (Tab stays
 * inside), Esc closes it, and the browser gives focus back to the control that opened it. The
 * parent shows it by rendering it and closes it by no longer rendering it.
 */
import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type SyntheticEvent } from 'react';
import { ApiError, messageOf } from '../app/api-client';
import './dialog.css';

interface DialogProps {
  /** The heading, which names the dialog. */
  title: string;
  /** Esc or Cancel: the parent stops rendering the dialog. */
  onClose: () => void;
  /** While a request runs Esc does nothing: what the dialog started must finish in front of the user. */
  busy?: boolean;
  /**
   * What takes focus on opening: the id of a control (the first field, or Cancel before a delete),
   * or 'heading' where every control would act at once (a list of Restore buttons); else the first control.
   */
  initialFocus?: string;
  wide?: boolean;
  /** A feature's own layout (a conversation sized to the window). */
  className?: string;
  children: ReactNode;
}

export function Dialog({ title, onClose, busy = false, initialFocus, wide = false, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  // Read at opening only: the focus chosen then is the one that matters.
  const firstFocus = useRef(initialFocus);
  useLayoutEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    const first = firstFocus.current === 'heading' ? headingId : firstFocus.current;
    if (first) document.getElementById(first)?.focus();
    // Closed before React removes it, so that the browser returns focus to the opener.
    return () => {
      if (dialog.open) dialog.close();
    };
  }, [headingId]);
  const cancel = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!busy) onClose();
  };
  return (
    <dialog ref={ref} className={['modal', wide ? 'modal-wide' : '', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={headingId} onCancel={cancel} onKeyDown={(e) => keepTabInside(e, ref.current)}>
      <h2 id={headingId} tabIndex={initialFocus === 'heading' ? -1 : undefined}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}

const TABBABLE = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Tab from the last control goes to the first, Shift+Tab from the first to the last: the page
 * behind is inert, but the browser would otherwise pass through its own address bar or <body>.
 */
function keepTabInside(event: KeyboardEvent, dialog: HTMLDialogElement | null): void {
  if (event.key !== 'Tab' || !dialog) return;
  const controls = Array.from(dialog.querySelectorAll<HTMLElement>(TABBABLE)).filter((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  const at = controls.indexOf(document.activeElement as HTMLElement);
  if (event.shiftKey && at <= 0) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && at === controls.length - 1) {
    event.preventDefault();
    first.focus();
  }
}

/** A labelled text field of a dialog's form, with the core's message when it refused the value. */
export function DialogField({ id, label, value, onChange, error, multiline = false, required = false, maxLength }: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
}) {
  const errorId = `${id}-error`;
  const common = { id, value, required, maxLength, ...(error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {}) };
  return (
    <div className="dialog-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} /> : <input {...common} onChange={(e) => onChange(e.target.value)} />}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The core's refusal of one field, said with the field's label: "workshops:create: name must not be
 * empty" for the field "name" reads "Name must not be empty". Undefined for any other failure.
 */
export function fieldMessage(error: unknown, field: string, label: string): string | undefined {
  if (!(error instanceof ApiError) || error.field !== field) return undefined;
  const at = error.message.indexOf(`${field} `);
  return at === -1 ? error.message : `${label} ${error.message.slice(at + field.length + 1)}`;
}

/** A failure no field explains, said inside the dialog. */
export function DialogError({ error, fields }: { error: unknown; fields: readonly string[] }) {
  if (!error || (error instanceof ApiError && error.field && fields.includes(error.field))) return null;
  return (
    <p className="field-error" role="alert">
      {messageOf(error)}
    </p>
  );
}
