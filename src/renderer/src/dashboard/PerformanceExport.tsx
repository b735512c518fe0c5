/** "Export performance report": the range shown (the live minute reads as the last hour) as PDF or Markdown, a download like a run's export. */
import { useRef, useState } from 'react';
import { messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { useDashboardState } from './dashboard-state';
import { rangeMsOf } from './insight-queries';

type Format = 'pdf' | 'md';
/** The live minute is too short for a report: it covers the last week, as the CLI's default does. */
const WEEK_MS = 7 * 86_400_000;

export function PerformanceExport() {
  const api = useApi();
  const range = useDashboardState((s) => s.range);
  const [format, setFormat] = useState<Format>('pdf');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const link = useRef<HTMLAnchorElement>(null);

  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const file = await api.call('reports:performance', { requestId: crypto.randomUUID(), rangeMs: range === 'live' ? WEEK_MS : rangeMsOf(range), format });
      const anchor = link.current;
      if (!anchor) return;
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
      anchor.href = url;
      anchor.download = file.fileName;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage({ error: false, text: `Exported ${file.fileName}` });
    } catch (error) {
      setMessage({ error: true, text: `Export failed: ${messageOf(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dash-export">
      <label htmlFor="perf-report-format" className="visually-hidden">
        Performance report format
      </label>
      <select id="perf-report-format" value={format} disabled={busy} onChange={(e) => setFormat(e.currentTarget.value === 'md' ? 'md' : 'pdf')}>
        <option value="pdf">PDF</option>
        <option value="md">Markdown</option>
      </select>
      <button type="button" className="dash-button" disabled={busy} onClick={() => void run()}>
        Export performance report
      </button>
      <span role="status" className={message?.error ? 'dash-small dash-failed' : 'dash-small dash-muted'}>
        {busy ? 'Exporting…' : message?.text}
      </span>
      <a ref={link} hidden aria-hidden="true" />
    </div>
  );
}
