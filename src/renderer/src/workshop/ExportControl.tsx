/**
 * Export of the run on screen: PDF, JSON, CSV, Markdown or TinyTroupe agents, as a download (Electron asks where to save it).
 * Keyed by the run: another run starts with no message, and an export still running for the run before is cancelled.
 */
import { useEffect, useRef, useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/vocabulary';
import { ApiError, messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { focusWhenShown } from '../app/focus';

const EXPORT_BUTTON = 'export-button';
const CANCEL_BUTTON = 'export-cancel';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  pdf: 'PDF report',
  json: 'JSON (persona document)',
  csv: 'CSV (a row per persona)',
  md: 'Markdown',
  tinytroupe: 'TinyTroupe agents (JSON)',
};

export function ExportControl({ runId, disabled = false }: { runId: string; disabled?: boolean }) {
  const api = useApi();
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [requestId, setRequestId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const link = useRef<HTMLAnchorElement>(null);
  /** The export in flight; cleared when the control goes away, which cancels it. */
  const pending = useRef<{ id: string | null }>({ id: null });

  useEffect(() => {
    const current = pending.current;
    return () => {
      const id = current.id;
      current.id = null;
      if (id) api.call('reports:cancel', { requestId: id }).catch(() => undefined);
    };
  }, [api]);

  const run = async () => {
    const id = crypto.randomUUID();
    pending.current.id = id;
    setRequestId(id);
    setMessage(null);
    focusWhenShown(CANCEL_BUTTON, { onlyIfLost: true });
    try {
      const file = await api.call('reports:export', { requestId: id, runId, format });
      const anchor = link.current;
      if (pending.current.id !== id || !anchor) return;
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
      anchor.href = url;
      anchor.download = file.fileName;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage({ error: false, text: `Exported ${file.fileName}` });
    } catch (error) {
      const cancelled = error instanceof ApiError && error.code === 'cancelled';
      setMessage({ error: !cancelled, text: cancelled ? 'Export cancelled; no file was made.' : `Export failed: ${messageOf(error)}` });
    } finally {
      if (pending.current.id === id) pending.current.id = null;
      setRequestId(null);
      focusWhenShown(EXPORT_BUTTON, { onlyIfLost: true });
    }
  };

  return (
    <div className="export-control">
      <label htmlFor="export-format" className="visually-hidden">
        Export format
      </label>
      <select id="export-format" value={format} onChange={(e) => setFormat(EXPORT_FORMATS.find((f) => f === e.target.value) ?? 'pdf')} disabled={disabled || requestId !== null}>
        {EXPORT_FORMATS.map((id) => (
          <option key={id} value={id}>
            {FORMAT_LABELS[id]}
          </option>
        ))}
      </select>
      {requestId ? (
        <button type="button" id={CANCEL_BUTTON} className="secondary" onClick={() => void api.call('reports:cancel', { requestId })}>
          Cancel export
        </button>
      ) : (
        <button type="button" id={EXPORT_BUTTON} className="secondary" onClick={() => void run()} disabled={disabled}>
          Export
        </button>
      )}
      {/* Always there, so that a screen reader hears each message as it changes. */}
      <span role="status" className={message?.error ? 'field-error' : 'muted'}>
        {requestId ? 'Exporting…' : message?.text}
      </span>
      <a ref={link} hidden aria-hidden="true" />
    </div>
  );
}
