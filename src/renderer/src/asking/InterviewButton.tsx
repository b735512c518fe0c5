/** A persona card's Interview: opens the conversation with this persona, the last one held with them if any. */
import { useQueryClient } from '@tanstack/react-query';
import type { InterviewSummary } from '../../../shared/conversations';
import type { Persona } from '../../../shared/persona';
import { queryKeys } from '../app/query-keys';
import { adoptRun, openConversation } from './ask-state';

export function InterviewButton({ runId, persona, disabled }: { runId: string; persona: Persona & { id: string }; disabled: boolean }) {
  const queryClient = useQueryClient();
  const open = () => {
    // The list is newest first: going back to a persona goes on with the conversation left there.
    const latest = queryClient.getQueryData<InterviewSummary[]>(queryKeys.asking.interviews(runId))?.find((i) => i.personaId === persona.id);
    adoptRun(runId);
    openConversation({ personaId: persona.id, interviewId: latest?.id ?? null });
  };
  return (
    <button type="button" className="secondary" onClick={open} disabled={disabled} aria-label={`Interview ${persona.name}`}>
      Interview
    </button>
  );
}
