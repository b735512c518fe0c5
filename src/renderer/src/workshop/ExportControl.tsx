/**
 * Export of the run on screen: PDF, JSON, CSV, Markdown or TinyTroupe agents, as a download (Electron asks where to save it).
 * A PDF also takes its template (client or internal report) and paper, starting from the settings' report defaults.
 * Keyed by the run: another run starts with no message, and an export still running for the run before is cancelled.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { EXPORT_FORMATS, PAPER_SIZES, REPORT_TEMPLATES, type ExportFormat, type PaperSize, type ReportTemplate } from '../../../shared/vocabulary';
import { ApiError, messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { focusWhenShown } from '../app/focus';
import { settingsQuery } from '../settings/settings-queries';
import { PAPER_LABELS, TEMPLATE_LABELS } from '../ui/labels';
import { pdfOptions } from './export-options';

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
  // Null until chosen here: the select shows the settings' default, which may arrive after the control.
  const [template, setTemplate] = useState<ReportTemplate | null>(null);
  const [paper, setPaper] = useState<PaperSize | null>(null);
  const defaults = useQuery({ ...settingsQuery(api), select: (view) => view.report, enabled: !disabled }).data;
  const pdf = pdfOptions({ template, paper }, defaults);
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
      const file = await api.call('reports:export', { requestId: id, runId, format, ...(format === 'pdf' ? pdf : {}) });
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
      {format === 'pdf' && (
        <>
          <label htmlFor="export-template" className="visually-hidden">
            Report template
          </label>
          <select id="export-template" value={pdf.template} onChange={(e) => setTemplate(REPORT_TEMPLATES.find((t) => t === e.target.value) ?? null)} disabled={disabled || requestId !== null}>
            {REPORT_TEMPLATES.map((id) => (
              <option key={id} value={id}>
                {TEMPLATE_LABELS[id]}
              </option>
            ))}
          </select>
          <label htmlFor="export-paper" className="visually-hidden">
            Paper size
          </label>
          <select id="export-paper" value={pdf.paper} onChange={(e) => setPaper(PAPER_SIZES.find((p) => p === e.target.value) ?? null)} disabled={disabled || requestId !== null}>
            {PAPER_SIZES.map((id) => (
              <option key={id} value={id}>
                {PAPER_LABELS[id]}
              </option>
            ))}
          </select>
        </>
      )}
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
