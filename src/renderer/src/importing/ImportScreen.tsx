/**
 * The Import screen: personas written elsewhere (pasted, chosen or dropped) are previewed with what
 * was read, repaired and filled, then saved as a run of a workshop; a workshop bundle is imported whole.
 */
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../app/api-client';
import { focusWhenShown } from '../app/focus';
import { ErrorNotice } from '../ui/ErrorNotice';
import { BundlePreview } from './BundlePreview';
import { DropHint } from './DropHint';
import { usePreviewImport } from './import-mutations';
import { clearImportSource, takeImportFile, takePreviewWish, useImportState } from './import-state';
import { PersonaPreview } from './PersonaPreview';
import { IMPORT_IDS, SourceForm } from './SourceForm';
import { useFileDrop } from './use-file-drop';
import './importing.css';

export function ImportScreen() {
  const preview = usePreviewImport();
  const previewWanted = useImportState((s) => s.previewWanted);
  const dragging = useFileDrop((file) => void takeImportFile(file));
  const { mutate, reset } = preview;
  const [nothing, setNothing] = useState(false);

  const run = useCallback(() => {
    const { text, file, level, description } = useImportState.getState();
    if (!file && text.trim() === '') {
      reset();
      setNothing(true);
      focusWhenShown(IMPORT_IDS.error);
      return;
    }
    setNothing(false);
    const source = file ? { kind: 'file' as const, fileName: file.fileName, base64: file.base64 } : { kind: 'text' as const, text };
    const about = description.trim();
    mutate(
      { source, level, ...(about ? { description: about } : {}) },
      {
        onSuccess: () => focusWhenShown(IMPORT_IDS.result, { toTop: true }),
        onError: () => focusWhenShown(IMPORT_IDS.error),
      },
    );
  }, [mutate, reset]);

  /** After an import: the source is cleared for the next one. */
  const startAgain = () => {
    reset();
    clearImportSource();
    focusWhenShown(IMPORT_IDS.text);
  };

  useEffect(() => {
    // A file chosen or dropped (here or on the Workshop) is previewed at once.
    if (previewWanted && takePreviewWish()) run();
  }, [previewWanted, run]);

  const data = preview.data;
  return (
    <div className="import-screen">
      <div className="screen-header">
        <h2>Import personas</h2>
      </div>
      <p className="import-intro muted">Bring in personas you already have: from a chat answer, notes, a research deck or another tool. Check what was read before saving them to a workshop.</p>
      <div className="import-layout">
        <section className="import-source import-panel">
          <SourceForm busy={preview.isPending} onPreview={run} />
        </section>
        <section className="import-result" aria-label="Preview" aria-busy={preview.isPending}>
          {preview.isPending && <p className="import-reading">Reading…</p>}
          {preview.isError && (
            <ErrorNotice id={IMPORT_IDS.error} action={{ label: 'Try again', onClick: run }}>
              <strong>Nothing could be previewed.</strong> {messageOf(preview.error)}
            </ErrorNotice>
          )}
          {preview.isSuccess && data?.kind === 'personas' && <PersonaPreview key={preview.submittedAt} preview={data} request={preview.variables} onDone={startAgain} />}
          {preview.isSuccess && data?.kind === 'bundle' && <BundlePreview key={preview.submittedAt} preview={data} base64={preview.variables.source.kind === 'file' ? preview.variables.source.base64 : ''} onDone={startAgain} />}
          {preview.isIdle && nothing && (
            <ErrorNotice id={IMPORT_IDS.error}>
              <strong>Nothing to preview.</strong> Paste the personas into the box, or choose or drop a file, then press Preview.
            </ErrorNotice>
          )}
          {preview.isIdle && <EmptyPreview />}
        </section>
      </div>
      <DropHint active={dragging} text="Drop the file to preview it: personas or a workshop bundle" />
    </div>
  );
}

function EmptyPreview() {
  return (
    <div className="empty-state import-empty">
      <h3 id={IMPORT_IDS.result} tabIndex={-1}>
        Nothing to preview yet
      </h3>
      <p>Paste the personas or choose a file, then press Preview. Each persona found is listed with what was read, repaired and filled, for you to check before importing.</p>
    </div>
  );
}
