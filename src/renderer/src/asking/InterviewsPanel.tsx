/** The run's interviews: start one with a persona, open one to read or continue it, rename or delete it. */
import { useId, useState, type FormEvent } from 'react';
import type { InterviewSummary } from '../../../shared/conversations';
import type { Persona } from '../../../shared/persona';
import { messageOf } from '../app/api-client';
import { announce } from '../app/announcer';
import { focusWhenShown } from '../app/focus';
import { Dialog, DialogError, DialogField, fieldMessage } from '../ui/Dialog';
import { plural } from '../ui/labels';
import { whenText } from './ask-labels';
import { openConversation } from './ask-state';
import { useDeleteInterview, useRenameInterview } from './asking-mutations';
import { useInterviews } from './asking-queries';

type RunPersona = Persona & { id: string };

const openButtonId = (interviewId: string) => `interview-open-${interviewId}`;
export const INTERVIEW_START_ID = 'interview-start-persona';

export function InterviewsPanel({ runId, personas }: { runId: string; personas: readonly RunPersona[] }) {
  const interviews = useInterviews(runId);
  const [personaId, setPersonaId] = useState(personas[0]?.id ?? '');
  const [dialog, setDialog] = useState<{ kind: 'rename' | 'delete'; interview: InterviewSummary } | null>(null);
  const start = (event: FormEvent) => {
    event.preventDefault();
    if (personas.some((p) => p.id === personaId)) openConversation({ personaId, interviewId: null });
  };
  const list = interviews.data ?? [];
  return (
    <div className="ask-panel">
      <form className="ask-start" onSubmit={start}>
        <label htmlFor={INTERVIEW_START_ID}>Interview</label>
        <select id={INTERVIEW_START_ID} value={personaId} onChange={(e) => setPersonaId(e.target.value)}>
          {personas.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button type="submit" className="primary">
          Start interview
        </button>
      </form>
      {interviews.isError && <p className="field-error">The interviews could not be read: {messageOf(interviews.error)}</p>}
      {interviews.isPending ? (
        <p className="muted">Loading…</p>
      ) : list.length === 0 ? (
        <p className="muted">No interviews yet: start one here or with Interview on a persona card. They are kept with the run.</p>
      ) : (
        <ul className="ask-list" aria-label="Interviews of this run">
          {list.map((interview) => (
            <li key={interview.id} className="ask-row">
              <div className="ask-row-text">
                <span className="ask-row-title">{interview.title}</span>
                <span className="muted">
                  with {interview.personaName} · {plural(interview.turns, 'question')} · {whenText(interview.updatedAt)}
                </span>
              </div>
              <div className="ask-row-actions">
                <button type="button" id={openButtonId(interview.id)} className="secondary" aria-label={`Open interview: ${interview.title}, with ${interview.personaName}`} onClick={() => openConversation({ personaId: interview.personaId, interviewId: interview.id })}>
                  Open
                </button>
                <button type="button" className="secondary" aria-label={`Rename interview: ${interview.title}`} onClick={() => setDialog({ kind: 'rename', interview })}>
                  Rename
                </button>
                <button type="button" className="secondary" aria-label={`Delete interview: ${interview.title}`} onClick={() => setDialog({ kind: 'delete', interview })}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {dialog?.kind === 'rename' && <RenameInterviewDialog runId={runId} interview={dialog.interview} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && <DeleteInterviewDialog runId={runId} interview={dialog.interview} onClose={() => setDialog(null)} />}
    </div>
  );
}

function RenameInterviewDialog({ runId, interview, onClose }: { runId: string; interview: InterviewSummary; onClose: () => void }) {
  const rename = useRenameInterview(runId);
  const [title, setTitle] = useState(interview.title);
  const id = `${useId()}-title`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rename.isPending) return;
    rename.mutate(
      { interviewId: interview.id, title },
      {
        onSuccess: (saved) => {
          onClose();
          announce(`Interview renamed: ${saved.title}`);
        },
      },
    );
  };
  return (
    <Dialog title="Rename interview" onClose={onClose} busy={rename.isPending} initialFocus={id}>
      <form onSubmit={submit}>
        <p className="muted">With {interview.personaName}.</p>
        <DialogField id={id} label="Title" value={title} onChange={setTitle} required maxLength={200} error={fieldMessage(rename.error, 'title', 'The title')} />
        <DialogError error={rename.error} fields={['title']} />
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose} disabled={rename.isPending}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={rename.isPending}>
            {rename.isPending ? 'Saving…' : 'Save title'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function DeleteInterviewDialog({ runId, interview, onClose }: { runId: string; interview: InterviewSummary; onClose: () => void }) {
  const remove = useDeleteInterview(runId);
  const cancelId = `${useId()}-cancel`;
  const confirm = () => {
    remove.mutateAsync(interview.id).then(
      () => {
        onClose();
        announce(`Interview deleted: ${interview.title}`);
        // Its row is gone: the start form stays where it was.
        focusWhenShown(INTERVIEW_START_ID);
      },
      () => undefined,
    );
  };
  return (
    <Dialog title={`Delete the interview “${interview.title}”?`} onClose={onClose} busy={remove.isPending} initialFocus={cancelId}>
      <p>
        Its {plural(interview.turns, 'question')} and {interview.personaName}’s answers are deleted for good. {interview.personaName} stays in the run.
      </p>
      <DialogError error={remove.error} fields={[]} />
      <div className="dialog-actions">
        <button type="button" id={cancelId} className="secondary" onClick={onClose} disabled={remove.isPending}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={confirm} disabled={remove.isPending}>
          {remove.isPending ? 'Deleting…' : 'Delete interview'}
        </button>
      </div>
    </Dialog>
  );
}
