/** A workshop bundle found in the file: what it holds, as a copy or not, and Import workshop; then what was added. */
import { useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../shared/ipc/types';
import type { ImportPreview } from '../../../shared/importing';
import { messageOf } from '../app/api-client';
import { announce } from '../app/announcer';
import { focusWhenShown } from '../app/focus';
import { ErrorNotice } from '../ui/ErrorNotice';
import { bundleCounts } from './import-labels';
import { useImportBundle } from './import-mutations';
import { ImportLinks } from './ImportDone';
import { IMPORT_IDS } from './SourceForm';

type BundleFound = Extract<ImportPreview, { kind: 'bundle' }>;

const BUNDLE_ERROR = 'import-bundle-error';
const DONE = 'import-bundle-done';

function outcome(result: ResponseOf<'bundles:import'>): string {
  if (result.alreadyImported) return `${result.workshopName} was already imported: nothing added.`;
  return `Imported workshop ${result.workshopName}${result.remapped ? ' as a copy' : ''}: ${bundleCounts(result.counts)}.`;
}

export function BundlePreview({ preview, base64, onDone }: { preview: BundleFound; base64: string; onDone: () => void }) {
  const [remap, setRemap] = useState(false);
  const bundle = useImportBundle();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (bundle.isPending) return;
    bundle.mutate(
      { base64, remap },
      {
        onSuccess: (result) => {
          announce(outcome(result));
          focusWhenShown(DONE, { toTop: true });
        },
        onError: () => focusWhenShown(BUNDLE_ERROR),
      },
    );
  };

  if (bundle.isSuccess) {
    return (
      <div className="import-done import-panel">
        <h3 id={DONE} tabIndex={-1}>
          {bundle.data.alreadyImported ? 'Already imported' : 'Workshop imported'}
        </h3>
        <p>{outcome(bundle.data)}</p>
        <ImportLinks>
          <button type="button" className="secondary" onClick={onDone}>
            Import more
          </button>
        </ImportLinks>
      </div>
    );
  }

  return (
    <form className="import-preview import-bundle import-panel" onSubmit={submit} aria-labelledby={IMPORT_IDS.result}>
      <h3 id={IMPORT_IDS.result} tabIndex={-1}>
        Workshop bundle
      </h3>
      <p>
        This file is a workshop bundle: <strong>{preview.workshopName}</strong>, {bundleCounts(preview.counts)}. It is imported whole, with its runs, edits,
        interviews and concept tests.
      </p>
      <p className="muted">{preview.sourceName}</p>
      <label className="import-check">
        <input type="checkbox" checked={remap} onChange={(event) => setRemap(event.target.checked)} />
        Import as a copy (new ids)
      </label>
      <p className="hint">A copy sits beside the workshop if it is already here; otherwise a second import of the same file adds nothing.</p>
      {bundle.isError && (
        <ErrorNotice id={BUNDLE_ERROR}>
          <strong>Nothing was imported.</strong> {messageOf(bundle.error)}
        </ErrorNotice>
      )}
      <div className="import-commit-actions">
        <button type="submit" className="primary" aria-disabled={bundle.isPending ? 'true' : undefined}>
          {bundle.isPending ? 'Importing…' : 'Import workshop'}
        </button>
      </div>
    </form>
  );
}
