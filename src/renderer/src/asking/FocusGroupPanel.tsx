/**
 * One question to the group (every persona, or those chosen): their answers side by side as they
 * stream, then the summary. Earlier groups of the run are listed to reopen or delete; the one
 * shown is the one asked last unless another was opened.
 */
import { useId, useState, type FormEvent } from 'react';
import type { FocusGroup } from '../../../shared/conversations';
import type { Persona } from '../../../shared/persona';
import { ApiError, messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { announce } from '../app/announcer';
import { focusWhenShown } from '../app/focus';
import { plural } from '../ui/labels';
import { MAX_QUESTION_LENGTH } from '../../../shared/vocabulary';
import { whenText } from './ask-labels';
import { showFocusGroup, useAskState } from './ask-state';
import { cancelAsk, useAskFocusGroup, useDeleteFocusGroup } from './asking-mutations';
import { useFocusGroups } from './asking-queries';
import { ConfirmDelete } from './ConfirmDelete';
import { FocusGroupView, GroupStreaming } from './FocusGroupView';
import { PersonaChooser } from './persona-bits';

type RunPersona = Persona & { id: string };

export const GROUP_QUESTION_ID = 'focus-group-question';
const RESULT_HEADING_ID = 'focus-group-result';

function summaryWords(group: FocusGroup): string {
  const { themes, agree, object } = group.summary;
  return `${plural(group.answers.length, 'persona')} answered; ${plural(themes.length, 'theme')}, ${agree.length} agree, ${object.length} object`;
}

export function FocusGroupPanel({ runId, personas }: { runId: string; personas: readonly RunPersona[] }) {
  const api = useApi();
  const id = useId();
  const groups = useFocusGroups(runId);
  const ask = useAskFocusGroup(runId);
  const remove = useDeleteFocusGroup(runId);
  const [question, setQuestion] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(personas.map((p) => p.id)));
  const [deleting, setDeleting] = useState<FocusGroup | null>(null);
  const shownId = useAskState((s) => s.focusGroupId);
  const list = groups.data ?? [];
  const shown = list.find((g) => g.id === shownId) ?? list[0] ?? null;
  const asking = ask.isPending ? ask.variables : null;
  const asked = personas.filter((p) => chosen.has(p.id));

  const run = (text: string, personaIds: readonly string[]) => {
    if (ask.isPending || !text.trim() || personaIds.length === 0) return;
    const all = personaIds.length === personas.length;
    ask.mutate(
      { requestId: crypto.randomUUID(), question: text.trim(), personaIds, all },
      {
        onSuccess: (group) => {
          showFocusGroup(group.id);
          announce(`Focus group: ${summaryWords(group)}`);
        },
        onError: (error) => announce(error instanceof ApiError && error.code === 'cancelled' ? 'Focus group cancelled; nothing was saved' : `The focus group failed: ${messageOf(error)}`),
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!question.trim() || asked.length === 0) return;
    run(question, asked.map((p) => p.id));
    setQuestion('');
    focusWhenShown(GROUP_QUESTION_ID);
  };
  const cancel = () => {
    if (asking) void cancelAsk(api, asking.requestId);
    // Cancel goes away with the request: the field is where the user goes on.
    focusWhenShown(GROUP_QUESTION_ID);
  };
  const failed = ask.isError ? ask.error : null;
  const askedPersonas = asking ? personas.filter((p) => asking.personaIds.includes(p.id)) : [];

  return (
    <div className="ask-panel">
      <form className="ask-form" onSubmit={submit}>
        <div className="ask-field">
          <label htmlFor={GROUP_QUESTION_ID}>Question for the group</label>
          <textarea id={GROUP_QUESTION_ID} rows={2} value={question} maxLength={MAX_QUESTION_LENGTH} onChange={(e) => setQuestion(e.target.value)} />
        </div>
        <PersonaChooser idPrefix={`${id}-who`} personas={personas} chosen={chosen} onChange={setChosen} />
        <div className="ask-actions">
          <button type="submit" className="primary" aria-disabled={ask.isPending || !question.trim() || asked.length === 0}>
            {asking ? 'Asking…' : asked.length === personas.length ? 'Ask everyone' : `Ask ${plural(asked.length, 'persona')}`}
          </button>
          {asking && (
            <button type="button" className="secondary" onClick={cancel}>
              Cancel
            </button>
          )}
          {asked.length === 0 && <span className="field-error">Choose at least one persona.</span>}
        </div>
        {failed && (
          <p className={failed instanceof ApiError && failed.code === 'cancelled' ? 'muted' : 'field-error'} role="alert">
            {failed instanceof ApiError && failed.code === 'cancelled' ? 'Cancelled before any answer; nothing was saved.' : `The focus group failed: ${messageOf(failed)}`}
          </p>
        )}
      </form>
      {asking ? (
        <GroupStreaming requestId={asking.requestId} question={asking.question} personas={askedPersonas} />
      ) : shown ? (
        <FocusGroupView group={shown} headingId={RESULT_HEADING_ID} personas={personas} onRetry={(personaId) => run(shown.question, [personaId])} busy={ask.isPending} />
      ) : (
        !groups.isPending && <p className="muted">No focus group yet: ask the group a question, and their answers appear side by side with a summary.</p>
      )}
      {groups.isError && <p className="field-error">The focus groups could not be read: {messageOf(groups.error)}</p>}
      {list.length > 0 && (
        <section className="ask-history" aria-labelledby={`${id}-earlier`}>
          <h4 id={`${id}-earlier`}>Focus groups of this run</h4>
          <ul className="ask-list">
            {list.map((g) => (
              <li key={g.id} className="ask-row">
                <div className="ask-row-text">
                  <span className="ask-row-title">{g.question}</span>
                  <span className="muted">
                    {whenText(g.askedAt)} · {plural(g.answers.length, 'persona')}
                    {g.id === shown?.id && !asking ? ' · shown above' : ''}
                  </span>
                </div>
                <div className="ask-row-actions">
                  <button type="button" className="secondary" aria-label={`Open focus group: ${g.question}`} onClick={() => (showFocusGroup(g.id), focusWhenShown(RESULT_HEADING_ID, { toTop: true }))}>
                    Open
                  </button>
                  <button type="button" className="secondary" aria-label={`Delete focus group: ${g.question}`} onClick={() => setDeleting(g)}>
                    Delete
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {deleting && (
        <ConfirmDelete
          title={`Delete the focus group “${deleting.question}”?`}
          what={`Its ${plural(deleting.answers.length, 'answer')} and summary are deleted for good; the personas stay in the run.`}
          action="Delete focus group"
          mutation={remove}
          target={deleting.id}
          focusAfter={GROUP_QUESTION_ID}
          done={`Focus group deleted: ${deleting.question}`}
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
