/** An answer as the panels show it: its words, a cut answer marked with why and Retry, and where it came from. */
import type { Answer } from '../../../shared/conversations';
import { sourceText } from './ask-labels';

interface Props {
  answer: Answer;
  /** Said in the source line: "drawn only from Maya's goals". */
  personaName: string;
  /** Asks the same question again; offered for a cut answer. */
  onRetry?: (() => void) | undefined;
  /** Names Retry for a screen reader: there may be several on screen. */
  retryLabel?: string;
  /** Retry waits while another question of the same panel runs. */
  retryDisabled?: boolean;
}

export function AnswerView({ answer, personaName, onRetry, retryLabel, retryDisabled = false }: Props) {
  return (
    <>
      {answer.text ? <p className="answer-text">{answer.text}</p> : <p className="answer-text muted">No answer arrived.</p>}
      {answer.cut && (
        <p className="answer-cut">
          {/* The core's reason already says it was cut ("The answer was cut off: you stopped it."). */}
          <strong>{answer.cutReason ?? 'The answer was cut off.'}</strong> {answer.text ? 'What arrived is kept.' : ''}
          {onRetry && (
            <>
              {' '}
              <button type="button" className="secondary small-button" onClick={() => !retryDisabled && onRetry()} aria-label={retryLabel} aria-disabled={retryDisabled}>
                Retry
              </button>
            </>
          )}
        </p>
      )}
      <p className="answer-source">{sourceText(answer, personaName)}</p>
    </>
  );
}

/** An answer still being written: the words so far, or a note until the first arrives. */
export function StreamingAnswer({ text }: { text: string }) {
  return (
    <p className="answer-text answer-streaming" aria-busy="true">
      {text || <span className="muted">Thinking…</span>}
      <span className="caret" aria-hidden="true" />
    </p>
  );
}
