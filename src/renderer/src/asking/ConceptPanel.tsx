/**
 * Concept tests: the user writes a concept (and a price if there is one); every persona of the run
 * gives a verdict. The result shown is the test run last unless another was opened; two or three
 * tests chosen with Compare are shown side by side above the list.
 */
import { flushSync } from 'react-dom';
import { useId, useState, type FormEvent } from 'react';
import type { ConceptTest } from '../../../shared/conversations';
import type { Persona } from '../../../shared/persona';
import { ApiError, messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { announce } from '../app/announcer';
import { focusWhenShown } from '../app/focus';
import { plural } from '../ui/labels';
import { MAX_CONCEPT_LENGTH } from '../../../shared/vocabulary';
import { formatMean, whenText } from './ask-labels';
import { MAX_COMPARED_CONCEPTS, showConceptTest, toggleCompared, useAskState } from './ask-state';
import { cancelAsk, useDeleteConceptTest, useTestConcept } from './asking-mutations';
import { useConceptTests } from './asking-queries';
import { CONCEPT_COMPARE_ID, ConceptCompare } from './ConceptCompare';
import { ConceptResult } from './ConceptResult';
import { ConfirmDelete } from './ConfirmDelete';

type RunPersona = Persona & { id: string };

export const CONCEPT_TEXT_ID = 'concept-text';
const RESULT_HEADING_ID = 'concept-result';

export function ConceptPanel({ runId, personas }: { runId: string; personas: readonly RunPersona[] }) {
  const api = useApi();
  const id = useId();
  const tests = useConceptTests(runId);
  const test = useTestConcept(runId);
  const remove = useDeleteConceptTest(runId);
  const [text, setText] = useState('');
  const [price, setPrice] = useState('');
  const [deleting, setDeleting] = useState<ConceptTest | null>(null);
  const shownId = useAskState((s) => s.conceptTestId);
  const comparedIds = useAskState((s) => s.compared);
  const list = tests.data ?? [];
  const shown = list.find((t) => t.id === shownId) ?? list[0] ?? null;
  const compared = comparedIds.flatMap((cid) => list.filter((t) => t.id === cid));
  const running = test.isPending ? test.variables : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (test.isPending || !text.trim()) return;
    test.mutate(
      { requestId: crypto.randomUUID(), text: text.trim(), price: price.trim() },
      {
        onSuccess: (done) => {
          showConceptTest(done.id);
          setText('');
          setPrice('');
          announce(`Concept tested: mean likelihood ${formatMean(done.summary.mean)} of 5 across ${plural(done.verdicts.length, 'persona')}`);
        },
        onError: (error) => announce(error instanceof ApiError && error.code === 'cancelled' ? 'Concept test cancelled; nothing was saved' : `The concept test failed: ${messageOf(error)}`),
      },
    );
    focusWhenShown(CONCEPT_TEXT_ID);
  };
  const cancel = () => {
    if (running) void cancelAsk(api, running.requestId);
    // Cancel goes away with the request: the field is where the user goes on.
    focusWhenShown(CONCEPT_TEXT_ID);
  };
  const compare = (conceptTestId: string) => {
    const before = useAskState.getState().compared.length;
    // Rendered at once, so that the comparison, built above the list, can take focus when it appears.
    flushSync(() => toggleCompared(conceptTestId));
    const after = useAskState.getState().compared.length;
    if (before < 2 && after >= 2) focusWhenShown(CONCEPT_COMPARE_ID, { toTop: true });
    else announce(after < 2 ? `Choose ${plural(2 - after, 'more concept test')} to compare` : `${after} concepts compared`);
  };
  const failed = test.isError ? test.error : null;
  const wasCancelled = failed instanceof ApiError && failed.code === 'cancelled';

  return (
    <div className="ask-panel">
      <form className="ask-form" onSubmit={submit}>
        <div className="ask-field">
          <label htmlFor={CONCEPT_TEXT_ID}>Concept</label>
          <textarea id={CONCEPT_TEXT_ID} rows={3} value={text} maxLength={MAX_CONCEPT_LENGTH} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-hint`} />
          <span id={`${id}-hint`} className="muted ask-hint">
            A product idea, an ad line or an offer, in a sentence or two. Each of the {plural(personas.length, 'persona')} says how likely they would buy, and why.
          </span>
        </div>
        <div className="ask-field ask-field-short">
          <label htmlFor={`${id}-price`}>Price (optional)</label>
          <input id={`${id}-price`} value={price} maxLength={120} onChange={(e) => setPrice(e.target.value)} placeholder="€12 a month" />
        </div>
        <div className="ask-actions">
          <button type="submit" className="primary" aria-disabled={test.isPending || !text.trim()}>
            {running ? `Testing with ${plural(personas.length, 'persona')}…` : 'Test concept'}
          </button>
          {running && (
            <button type="button" className="secondary" onClick={cancel}>
              Cancel
            </button>
          )}
        </div>
        {failed && (
          <p className={wasCancelled ? 'muted' : 'field-error'} role="alert">
            {wasCancelled ? 'Concept test cancelled; nothing was saved.' : `The concept test failed: ${messageOf(failed)}`}
          </p>
        )}
      </form>
      {compared.length >= 2 && <ConceptCompare tests={compared} onClear={() => (useAskState.setState({ compared: [] }), focusWhenShown(CONCEPT_TEXT_ID))} />}
      {shown ? <ConceptResult test={shown} headingId={RESULT_HEADING_ID} personas={personas} /> : !tests.isPending && <p className="muted">No concept tested yet.</p>}
      {tests.isError && <p className="field-error">The concept tests could not be read: {messageOf(tests.error)}</p>}
      {list.length > 0 && (
        <section className="ask-history" aria-labelledby={`${id}-earlier`}>
          <h4 id={`${id}-earlier`}>Concept tests of this run</h4>
          <p className="muted">Choose two or three with Compare to see them side by side.</p>
          <ul className="ask-list">
            {list.map((t) => {
              const isCompared = comparedIds.includes(t.id);
              return (
                <li key={t.id} className="ask-row">
                  <div className="ask-row-text">
                    <span className="ask-row-title">{t.concept.text}</span>
                    <span className="muted">
                      {t.concept.price ? `${t.concept.price} · ` : ''}mean {formatMean(t.summary.mean)} of 5 · {whenText(t.testedAt)}
                      {t.id === shown?.id ? ' · shown above' : ''}
                    </span>
                  </div>
                  <div className="ask-row-actions">
                    <label className="ask-compare">
                      <input type="checkbox" checked={isCompared} disabled={!isCompared && comparedIds.length >= MAX_COMPARED_CONCEPTS} onChange={() => compare(t.id)} aria-label={`Compare concept: ${t.concept.text}`} />
                      Compare
                    </label>
                    <button type="button" className="secondary" aria-label={`Open concept test: ${t.concept.text}`} onClick={() => (showConceptTest(t.id), focusWhenShown(RESULT_HEADING_ID, { toTop: true }))}>
                      Open
                    </button>
                    <button type="button" className="secondary" aria-label={`Delete concept test: ${t.concept.text}`} onClick={() => setDeleting(t)}>
                      Delete
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {deleting && (
        <ConfirmDelete
          title="Delete this concept test?"
          what={`“${deleting.concept.text}” and the verdicts of ${plural(deleting.verdicts.length, 'persona')} are deleted for good; the personas stay in the run.`}
          action="Delete concept test"
          mutation={remove}
          target={deleting.id}
          focusAfter={CONCEPT_TEXT_ID}
          done="Concept test deleted"
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
