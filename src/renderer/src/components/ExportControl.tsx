/** Export of the run on screen: PDF, JSON, CSV or Markdown, as a download (Electron asks where to save it). */
import { useRef, useState } from 'react';
import { ApiError, api } from '../api/client';

const FORMATS = [
  ['pdf', 'PDF report'],
  ['json', 'JSON (persona document)'],
  ['csv', 'CSV (a row per persona)'],
  ['md', 'Markdown'],
] as const;
type Format = (typeof FORMATS)[number][0];

export function ExportControl({ runId }: { runId: string }) {
  const [format, setFormat] = useState<Format>('pdf');
  const [requestId, setRequestId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const link = useRef<HTMLAnchorElement>(null);

  const run = async () => {
    if (!api) return;
    const id = crypto.randomUUID();
    setRequestId(id);
    setMessage(null);
    try {
      const file = await api.call('reports:export', { requestId: id, runId, format });
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
      const anchor = link.current!;
      anchor.href = url;
      anchor.download = file.fileName;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage({ error: false, text: `Exported ${file.fileName}` });
    } catch (error) {
      const cancelled = error instanceof ApiError && error.code === 'cancelled';
      setMessage({ error: !cancelled, text: cancelled ? 'Export cancelled; no file was made.' : `Export failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setRequestId(null);
    }
  };

  return (
    <div className="export-control">
      <label htmlFor="export-format" className="visually-hidden">
        Export format
      </label>
      <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as Format)} disabled={requestId !== null}>
        {FORMATS.map(([id, label]) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </select>
      {requestId ? (
        <>
          <span role="status">Exporting…</span>
          <button type="button" className="secondary" onClick={() => void api?.call('reports:cancel', { requestId })}>
            Cancel export
          </button>
        </>
      ) : (
        <button type="button" className="secondary" onClick={() => void run()}>
          Export
        </button>
      )}
      {message && <span className={message.error ? 'field-error' : 'muted'}>{message.text}</span>}
      <a ref={link} hidden aria-hidden="true" />
    </div>
  );
}
