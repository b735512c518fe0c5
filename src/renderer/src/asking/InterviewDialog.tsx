/**
 * A conversation with one persona, in a dialog sized to the window: the turns so far (they scroll),
 * the answer streaming with Cancel, and the question field, which keeps focus from one question to
 * the next. A new interview is saved with its first answer; later questions continue it.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { InterviewTurn } from '../../../shared/conversations';
import type { Persona } from '../../../shared/persona';
import { ApiError, messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { announce } from '../app/announcer';
import { focusWhenShown } from '../app/focus';
import { Dialog } from '../ui/Dialog';
import { plural } from '../ui/labels';
import { MAX_QUESTION_LENGTH } from '../../../shared/vocabulary';
import { openConversation, type Conversation } from './ask-state';
import { interviewQuery } from './asking-queries';
import { cancelAsk, useAskInterview } from './asking-mutations';
import { AnswerView, StreamingAnswer } from './AnswerView';
import { useStreamedText } from './stream-state';

type RunPersona = Persona & { id: string };

/** The first words of an answer, for the status line: enough to hear that it came, not a whole paragraph. */
const ANNOUNCED_CHARS = 240;
const firstWords = (text: string) => (text.length <= ANNOUNCED_CHARS ? text : `${text.slice(0, text.lastIndexOf(' ', ANNOUNCED_CHARS))}…`);

export function InterviewDialog({ runId, persona, conversation, onClose }: { runId: string; persona: RunPersona; conversation: Conversation; onClose: () => void }) {
  const api = useApi();
  const id = useId();
  const inputId = `${id}-question`;
  const transcript = useRef<HTMLOListElement>(null);
  const [draft, setDraft] = useState('');
  const ask = useAskInterview(runId);
  const interview = useQuery(interviewQuery(api, runId, conversation.interviewId));
  const asking = ask.isPending ? ask.variables : null;
  const streamed = useStreamedText(asking?.requestId ?? null, persona.id);

  // The reply's turn until the interview read again holds it (one frame, or the read of a new interview).
  const history = interview.data?.history ?? [];
  const replied = ask.data && ask.data.interview.id === conversation.interviewId && !history.some((t) => t.id === ask.data.turn.id) ? [ask.data.turn] : [];
  const turns: InterviewTurn[] = [...history, ...replied];

  useEffect(() => {
    // The newest words in view as they come, as in any conversation.
    const list = transcript.current?.parentElement;
    if (list) list.scrollTop = list.scrollHeight;
  }, [turns.length, streamed, asking]);

  const submit = (question: string) => {
    const text = question.trim();
    if (ask.isPending || !text) return;
    setDraft('');
    ask.mutate(
      { requestId: crypto.randomUUID(), personaId: persona.id, interviewId: conversation.interviewId, question: text },
      {
        onSuccess: ({ interview: saved, turn }) => {
          openConversation({ personaId: persona.id, interviewId: saved.id });
          const answer = turn.answer;
          announce(answer.cut ? `${persona.name}’s answer was cut off: ${answer.cutReason ?? ''} Retry is offered.` : `${persona.name} answered: ${firstWords(answer.text)}`);
        },
        onError: (error) => {
          // Nothing was saved: the question goes back into the field, to ask again or change.
          setDraft((now) => now || text);
          announce(error instanceof ApiError && error.code === 'cancelled' ? 'Cancelled before the answer began; nothing was saved' : `No answer: ${messageOf(error)}`);
        },
      },
    );
    // Focus stays in the field for the next question (a click on Ask or Retry took it away).
    focusWhenShown(inputId);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(draft);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter asks, as in a chat; Shift+Enter is a new line.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit(draft);
    }
  };
  const startNew = () => {
    ask.reset();
    openConversation({ personaId: persona.id, interviewId: null });
    focusWhenShown(inputId);
  };
  const cancel = () => {
    if (asking) void cancelAsk(api, asking.requestId);
    // Cancel goes away with the request: the field is where the user goes on.
    focusWhenShown(inputId);
  };
  const failed = ask.isError && !(ask.error instanceof ApiError && ask.error.code === 'cancelled') ? ask.error : null;
  const cancelled = ask.isError && !failed;

  useEffect(() => {
    // Opened from History over a run that is still opening: this field, not the results heading, is where the user goes.
    focusWhenShown(inputId);
  }, [inputId]);

  return (
    <Dialog title={`Interview with ${persona.name}`} onClose={onClose} busy={ask.isPending} initialFocus={inputId} className="modal-chat">
      <div className="chat-head">
        <p className="muted">
          {persona.age} · {persona.occupation} · {persona.location.city}
          {interview.data && ` · “${interview.data.title}”, ${plural(interview.data.turns, 'question')}`}
        </p>
        {conversation.interviewId && (
          <button type="button" className="secondary small-button" onClick={startNew} disabled={ask.isPending}>
            New interview
          </button>
        )}
      </div>
      <section className="chat-transcript" aria-label={`Conversation with ${persona.name}`} tabIndex={0}>
        {conversation.interviewId && interview.isPending && <p className="muted">Loading the conversation…</p>}
        {turns.length === 0 && !asking && !conversation.interviewId && (
          <p className="muted chat-empty">
            Ask {persona.name} about their day, what frustrates them, what they would pay for. They answer in the first person, in character, from their profile and the brief.
          </p>
        )}
        {interview.isError && <p className="field-error">This interview could not be read: {messageOf(interview.error)}</p>}
        <ol ref={transcript} className="chat-turns">
          {turns.map((turn) => (
            <li key={turn.id}>
              <p className="chat-question">
                <span className="chat-who">You</span> {turn.question}
              </p>
              <div className="chat-answer">
                <span className="chat-who">{persona.name}</span>
                <AnswerView answer={turn.answer} personaName={persona.name} onRetry={() => submit(turn.question)} retryLabel={`Ask again: ${turn.question}`} retryDisabled={ask.isPending} />
              </div>
            </li>
          ))}
          {asking && (
            <li>
              <p className="chat-question">
                <span className="chat-who">You</span> {asking.question}
              </p>
              <div className="chat-answer">
                <span className="chat-who">{persona.name}</span>
                <StreamingAnswer text={streamed} />
              </div>
            </li>
          )}
        </ol>
      </section>
      <form className="chat-form" onSubmit={onSubmit}>
        {failed && (
          <p className="field-error" role="alert">
            No answer: {messageOf(failed)}{' '}
            <button type="button" className="secondary small-button" onClick={() => submit(ask.variables?.question ?? draft)}>
              Retry
            </button>
          </p>
        )}
        {cancelled && <p className="muted">Cancelled before the answer began; nothing was saved.</p>}
        <label htmlFor={inputId}>Your question to {persona.name}</label>
        <textarea id={inputId} rows={2} value={draft} maxLength={MAX_QUESTION_LENGTH} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKeyDown} aria-describedby={`${id}-hint`} />
        <div className="chat-actions">
          <span id={`${id}-hint`} className="muted chat-hint">
            Enter asks; Shift+Enter starts a new line.
          </span>
          {asking && (
            <button type="button" className="secondary" onClick={cancel}>
              Cancel answer
            </button>
          )}
          <button type="submit" className="primary" aria-disabled={ask.isPending || !draft.trim()}>
            {asking ? 'Answering…' : 'Ask'}
          </button>
          <button type="button" className="secondary" onClick={onClose} disabled={ask.isPending}>
            Close
          </button>
        </div>
      </form>
    </Dialog>
  );
}
