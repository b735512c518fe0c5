/** Interviews a History search finds (titles, questions, answers), each a link that opens its run and the conversation. */
import { useQuery } from '@tanstack/react-query';
import type { MouseEvent } from 'react';
import type { InterviewSummary } from '../../../shared/conversations';
import { messageOf } from '../app/api-client';
import { useApi } from '../app/api-context';
import { interviewSearchQuery } from '../asking/asking-queries';
import { plural } from '../ui/labels';

export function InterviewMatches({ text, onOpen }: { text: string; onOpen: (interview: InterviewSummary) => void }) {
  const api = useApi();
  const found = useQuery(interviewSearchQuery(api, text));
  if (!text) return null;
  if (found.isError) return <p className="field-error">Interviews could not be searched: {messageOf(found.error)}</p>;
  const list = found.data ?? [];
  if (list.length === 0) return null;
  const open = (event: MouseEvent, interview: InterviewSummary) => {
    // The address's hash is the route: the run is opened by the app, then the conversation over it.
    event.preventDefault();
    onOpen(interview);
  };
  return (
    <section className="interview-matches" aria-labelledby="interview-matches-heading">
      <h3 id="interview-matches-heading">{plural(list.length, 'interview')} found</h3>
      <ul>
        {list.map((interview) => (
          <li key={interview.id}>
            <a href="#/workshop" onClick={(e) => open(e, interview)}>
              {interview.title}
            </a>{' '}
            <span className="muted">
              with {interview.personaName} · {plural(interview.turns, 'question')} · {new Date(interview.updatedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
