/** Every version of a persona, newest first: when, how it came about, which fields changed; Restore on any earlier one. */
import { useQuery } from '@tanstack/react-query';
import type { Persona } from '../../../shared/persona';
import type { PersonaVersion } from '../../../shared/workshop';
import { messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { Dialog, DialogError } from '../ui/Dialog';
import { fieldLabel } from './persona-labels';
import { personaHistoryQuery, useRestorePersona } from './persona-versions';

const KIND_LABELS: Record<PersonaVersion['kind'], string> = { original: 'Generated', edit: 'Edited', regenerate: 'Regenerated', restore: 'Restored' };

const versionName = (version: number) => (version === 0 ? 'Original' : `Version ${version}`);

function changedText({ version, changed }: PersonaVersion): string {
  if (version === 0) return 'As the engine wrote it.';
  return changed.length > 0 ? `Changed: ${changed.map(fieldLabel).join(', ')}.` : 'No field changed.';
}

export function PersonaHistoryDialog({ persona, runId, onClose }: { persona: Persona & { id: string }; runId: string; onClose: () => void }) {
  const api = useApi();
  const history = useQuery(personaHistoryQuery(api, persona.id));
  const restore = useRestorePersona(runId, persona.id);
  const versions = history.data ? [...history.data].reverse() : undefined;
  const latest = history.data?.at(-1)?.version;
  return (
    <Dialog title={`History of ${persona.name}`} onClose={onClose} busy={restore.isPending} initialFocus="heading" wide>
      {versions ? (
        <ol className="versions" aria-label="Versions, newest first">
          {versions.map((v) => {
            const current = v.version === latest;
            const restoring = restore.isPending && restore.variables === v.version;
            return (
              <li key={v.version} className={current ? 'version current' : 'version'}>
                <div className="version-text">
                  <p className="version-head">
                    <strong>{versionName(v.version)}</strong> · {KIND_LABELS[v.kind]} · <time dateTime={v.at}>{new Date(v.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
                    {current && <span className="badge badge-edit">current</span>}
                  </p>
                  <p className="muted">
                    {v.persona.name}, {v.persona.age}, {v.persona.occupation}
                  </p>
                  <p>{changedText(v)}</p>
                </div>
                {!current && (
                  <button
                    type="button"
                    className="secondary"
                    disabled={restore.isPending}
                    aria-label={`Restore ${v.version === 0 ? 'the original' : `version ${v.version}`} of ${persona.name}`}
                    onClick={() => restore.mutate(v.version, { onSuccess: onClose })}
                  >
                    {restoring ? 'Restoring…' : 'Restore'}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      ) : history.isError ? (
        <p className="field-error" role="alert">
          The history could not be read: {messageOf(history.error)}
        </p>
      ) : (
        <p className="muted">Reading the history…</p>
      )}
      <DialogError error={restore.error} fields={[]} />
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose} disabled={restore.isPending}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
