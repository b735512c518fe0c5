/**
 * A preview of personas: the summary and the reader's notes, a row per persona to include and
 * rename, where to import them, and Import; once imported, what was saved and where to see it.
 */
import { useState, type FormEvent } from 'react';
import type { RequestOf } from '../../../shared/ipc/types';
import type { PersonaImportPreview } from '../../../shared/importing';
import { messageOf } from '../app/api-client';
import { announce } from '../app/announcer';
import { focusWhenShown } from '../app/focus';
import { ErrorNotice } from '../ui/ErrorNotice';
import { plural } from '../ui/labels';
import { ImportDone } from './ImportDone';
import { previewSummary } from './import-labels';
import { useCommitImport } from './import-mutations';
import { nameFieldId, PreviewRow } from './PreviewRow';
import { IMPORT_IDS } from './SourceForm';
import { TargetFields, useTarget } from './TargetFields';

interface Props {
  preview: PersonaImportPreview;
  request: RequestOf<'import:preview'>;
  onDone: () => void;
}

const COMMIT_ERROR = 'import-commit-error';
const DONE = 'import-done-heading';

export function PersonaPreview({ preview, request, onDone }: Props) {
  const [included, setIncluded] = useState(() => preview.personas.map(() => true));
  const [names, setNames] = useState(() => preview.personas.map((p) => p.persona.name));
  const [checked, setChecked] = useState(false);
  const target = useTarget();
  const commit = useCommitImport();
  const count = included.filter(Boolean).length;
  const nameErrors = names.map((name, i) => (checked && included[i] && name.trim() === '' ? `Give persona ${i + 1} a name, or leave it out.` : null));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (commit.isPending || count === 0) return;
    setChecked(true);
    const unnamed = names.findIndex((name, i) => included[i] && name.trim() === '');
    if (unnamed >= 0) {
      focusWhenShown(nameFieldId(unnamed));
      return;
    }
    const personas = preview.personas.flatMap((item, i) => (included[i] ? [{ ...item.persona, name: names[i]!.trim() }] : []));
    const description = request.description?.trim();
    commit.mutate(
      {
        personas,
        level: preview.level,
        sourceName: preview.sourceName,
        format: preview.format,
        ...(target.workshopId ? { workshopId: target.workshopId } : {}),
        ...(target.title.trim() ? { title: target.title.trim() } : {}),
        ...(description ? { description } : {}),
      },
      {
        onSuccess: ({ run }) => {
          announce(`Imported ${plural(run.count, 'persona')} into ${target.workshopName(run.workshopId)} as ${run.title}`);
          focusWhenShown(DONE, { toTop: true });
        },
        onError: () => focusWhenShown(COMMIT_ERROR),
      },
    );
  };

  if (commit.isSuccess) return <ImportDone headingId={DONE} run={commit.data.run} workshopName={target.workshopName(commit.data.run.workshopId)} onAgain={onDone} />;

  return (
    <form className="import-preview" onSubmit={submit} aria-labelledby={IMPORT_IDS.result}>
      <h3 id={IMPORT_IDS.result} tabIndex={-1}>
        Preview
      </h3>
      <p className="import-summary">{previewSummary(preview)}</p>
      {preview.notes.length > 0 && (
        <ul className="import-notes" aria-label="What the reader noticed">
          {preview.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
      <ol className="import-rows">
        {preview.personas.map((item, i) => (
          <PreviewRow
            key={i}
            index={i}
            item={item}
            included={included[i]!}
            name={names[i]!}
            nameError={nameErrors[i] ?? null}
            onInclude={(value) => setIncluded((all) => all.map((v, j) => (j === i ? value : v)))}
            onName={(value) => setNames((all) => all.map((v, j) => (j === i ? value : v)))}
          />
        ))}
      </ol>
      <div className="import-commit import-panel">
        <TargetFields target={target} />
        {commit.isError && (
          <ErrorNotice id={COMMIT_ERROR}>
            <strong>Nothing was imported.</strong> {messageOf(commit.error)}
          </ErrorNotice>
        )}
        <div className="import-commit-actions">
          <button type="submit" className="primary" aria-disabled={commit.isPending || count === 0 ? 'true' : undefined}>
            {commit.isPending ? 'Importing…' : `Import ${plural(count, 'persona')}`}
          </button>
          {count === 0 && <span className="muted">Include at least one persona.</span>}
        </div>
      </div>
    </form>
  );
}
