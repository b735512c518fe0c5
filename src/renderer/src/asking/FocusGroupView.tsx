/** A focus group's answers side by side (a column per persona), then its summary: themes with quotes, who agrees, who objects. */
import type { FocusGroup } from '../../../shared/conversations';
import type { Persona } from '../../../shared/persona';
import { plural } from '../ui/labels';
import { listInWords, whenText } from './ask-labels';
import { AnswerView, StreamingAnswer } from './AnswerView';
import { PersonaLink } from './persona-bits';
import { useStreamedText } from './stream-state';

type RunPersona = Persona & { id: string };

/** The columns while the group answers: each persona's words as they stream. */
export function GroupStreaming({ requestId, question, personas }: { requestId: string; question: string; personas: readonly RunPersona[] }) {
  return (
    <section className="group-result" aria-label="The group is answering" aria-busy="true">
      <p className="group-question">“{question}”</p>
      <ul className="group-columns">
        {personas.map((p) => (
          <StreamingColumn key={p.id} requestId={requestId} persona={p} />
        ))}
      </ul>
    </section>
  );
}

function StreamingColumn({ requestId, persona }: { requestId: string; persona: RunPersona }) {
  const text = useStreamedText(requestId, persona.id);
  return (
    <li className="group-column">
      <h5>{persona.name}</h5>
      <StreamingAnswer text={text} />
    </li>
  );
}

interface ViewProps {
  group: FocusGroup;
  headingId: string;
  /** The run's personas now: a quote links to the card of one still there. */
  personas: readonly RunPersona[];
  /** Asks this group's question again of the persona whose answer was cut. */
  onRetry: (personaId: string) => void;
  busy: boolean;
}

export function FocusGroupView({ group, headingId, personas, onRetry, busy }: ViewProps) {
  const present = new Set(personas.map((p) => p.id));
  const names = new Map(group.answers.map((a) => [a.personaId, a.personaName]));
  const who = (ids: readonly string[]) =>
    ids.length === 0 ? (
      <span className="muted">nobody said so clearly</span>
    ) : (
      ids.map((id, i) => (
        <span key={id}>
          {i > 0 && (i === ids.length - 1 ? ' and ' : ', ')}
          <PersonaLink id={id} name={names.get(id) ?? 'a persona since deleted'} present={present.has(id)} />
        </span>
      ))
    );
  const { summary } = group;
  return (
    <section className="group-result" aria-labelledby={headingId}>
      <h4 id={headingId} tabIndex={-1} className="group-question">
        “{group.question}”
      </h4>
      <p className="muted">
        Asked {whenText(group.askedAt)} · {plural(group.answers.length, 'persona')}
      </p>
      <ul className="group-columns">
        {group.answers.map((a) => (
          <li key={a.personaId} className="group-column">
            <h5>
              <PersonaLink id={a.personaId} name={a.personaName} present={present.has(a.personaId)} />
            </h5>
            <AnswerView answer={a.answer} personaName={a.personaName} onRetry={present.has(a.personaId) ? () => onRetry(a.personaId) : undefined} retryLabel={`Ask ${a.personaName} again`} retryDisabled={busy} />
          </li>
        ))}
      </ul>
      <div className="group-summary">
        <h5>Summary</h5>
        <p className="muted">
          {summary.method === 'grouped' ? 'Grouped from the answers’ own words: answers that stand on the same part of the profile and share words.' : 'Written by the model from the answers.'}
        </p>
        <dl className="stance">
          <div>
            <dt>Who agrees</dt>
            <dd>{who(summary.agree)}</dd>
          </div>
          <div>
            <dt>Who objects</dt>
            <dd>{who(summary.object)}</dd>
          </div>
        </dl>
        {summary.themes.length === 0 ? (
          <p className="muted">No theme is shared by two answers.</p>
        ) : (
          <ul className="themes" aria-label="Themes">
            {summary.themes.map((theme) => (
              <li key={theme.label}>
                <p>
                  <strong>{theme.label}</strong> <span className="muted">· raised by {listInWords(theme.personaIds.map((id) => names.get(id) ?? 'a persona since deleted'))}</span>
                </p>
                {theme.quotes.map((q) => (
                  <blockquote key={q.personaId}>
                    “{q.text}” — <PersonaLink id={q.personaId} name={q.personaName} present={present.has(q.personaId)} />
                  </blockquote>
                ))}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
