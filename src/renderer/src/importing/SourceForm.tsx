/** Where the personas come from: pasted text or a file (chosen, or dropped anywhere on the screen), the level and what they were for. */
import { useRef, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LEVELS, type Level } from '../../../shared/vocabulary';
import { ACCEPTED_FILES, fileSize } from './import-file';
import { clearImportFile, setImportField, takeImportFile, useImportState } from './import-state';

export const IMPORT_IDS = {
  text: 'import-text',
  chooseFile: 'import-choose-file',
  preview: 'import-preview-button',
  error: 'import-error',
  result: 'import-result-heading',
} as const;

const LEVEL_LABELS: Record<Level, string> = { simple: 'Simple', standard: 'Standard', b2b: 'B2B' };

export function SourceForm({ busy, onPreview }: { busy: boolean; onPreview: () => void }) {
  const { text, file, fileError, level, description } = useImportState(
    useShallow((s) => ({ text: s.text, file: s.file, fileError: s.fileError, level: s.level, description: s.description })),
  );
  const picker = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onPreview();
  };
  return (
    <form className="import-form" onSubmit={submit} aria-labelledby="import-source-title">
      <h3 id="import-source-title">Source</h3>
      <label htmlFor={IMPORT_IDS.text}>Paste personas</label>
      <p className="hint" id="import-text-hint">
        Markdown, prose, JSON or CSV: a chat answer, notes or another tool&apos;s export.
      </p>
      <textarea
        id={IMPORT_IDS.text}
        rows={9}
        value={text}
        disabled={file !== null}
        aria-describedby="import-text-hint"
        onChange={(event) => setImportField({ text: event.target.value })}
      />
      <div className="import-file-row">
        <button type="button" className="secondary" id={IMPORT_IDS.chooseFile} onClick={() => picker.current?.click()}>
          Choose file…
        </button>
        <span className="muted">or drop a file here</span>
        <input
          ref={picker}
          type="file"
          accept={ACCEPTED_FILES}
          hidden
          aria-label="File to import"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            event.target.value = '';
            if (chosen) void takeImportFile(chosen);
          }}
        />
      </div>
      {file && (
        <p className="import-file">
          <span>
            File: <strong>{file.fileName}</strong> ({fileSize(file.size)}), used instead of the text.
          </span>{' '}
          <button type="button" className="link-button" onClick={clearImportFile}>
            Use the text instead
          </button>
        </p>
      )}
      {fileError && (
        <p className="field-error" role="alert">
          {fileError}
        </p>
      )}
      <label htmlFor="import-level">Level</label>
      <select id="import-level" value={level} onChange={(event) => setImportField({ level: event.target.value as Level })}>
        {LEVELS.map((value) => (
          <option key={value} value={value}>
            {LEVEL_LABELS[value]}
          </option>
        ))}
      </select>
      <label htmlFor="import-description">What were these personas for? (optional)</label>
      <textarea
        id="import-description"
        rows={2}
        maxLength={2000}
        value={description}
        aria-describedby="import-description-hint"
        onChange={(event) => setImportField({ description: event.target.value })}
      />
      <p className="hint" id="import-description-hint">
        The product and audience: each persona is scored against it.
      </p>
      <button type="submit" className="primary" id={IMPORT_IDS.preview} aria-disabled={busy ? 'true' : undefined}>
        {busy ? 'Reading…' : 'Preview'}
      </button>
    </form>
  );
}
