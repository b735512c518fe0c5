/**
 * What the "Ask the personas" area of the run on screen shows: the tab, the conversation open (if
 * any), the focus group and concept test shown, and the concept tests chosen for comparison. It
 * belongs to one run: the area resets it when another run is shown, and History sets it for the
 * run it is about to open, so that the interview found there opens with it.
 */
import { create } from 'zustand';
import type { ProviderId } from '../../../shared/vocabulary';

export type AskTab = 'interviews' | 'focus-group' | 'concepts';

export interface Conversation {
  personaId: string;
  /** Null for a new interview, until its first answer is saved. */
  interviewId: string | null;
}

interface AskState {
  runId: string | null;
  tab: AskTab;
  conversation: Conversation | null;
  focusGroupId: string | null;
  conceptTestId: string | null;
  /** Concept tests compared, in the order chosen (at most MAX_COMPARED_CONCEPTS). */
  compared: readonly string[];
  /** The engine that answers; null for the one chosen in Settings. Kept from run to run. */
  engine: ProviderId | null;
}

export const MAX_COMPARED_CONCEPTS = 3;

const fresh = (runId: string | null): Omit<AskState, 'engine'> => ({ runId, tab: 'interviews', conversation: null, focusGroupId: null, conceptTestId: null, compared: [] });

export const useAskState = create<AskState>(() => ({ ...fresh(null), engine: null }));

export const chooseEngine = (engine: ProviderId | null): void => useAskState.setState({ engine });

/** The request's providerId: absent for the engine chosen in Settings. */
export function engineOfRequest(): { providerId?: ProviderId } {
  const { engine } = useAskState.getState();
  return engine ? { providerId: engine } : {};
}

/** Called by the area of a run: the state of another run does not carry over. */
export function adoptRun(runId: string): void {
  if (useAskState.getState().runId !== runId) useAskState.setState(fresh(runId));
}

export const selectTab = (tab: AskTab): void => useAskState.setState({ tab });

export const openConversation = (conversation: Conversation | null): void => useAskState.setState({ conversation });

/** History's link: the run's area opens on its Interviews tab with this conversation. */
export function openInterviewOfRun(runId: string, conversation: Conversation): void {
  useAskState.setState({ ...fresh(runId), conversation });
}

export const showFocusGroup = (focusGroupId: string | null): void => useAskState.setState({ focusGroupId });
export const showConceptTest = (conceptTestId: string | null): void => useAskState.setState({ conceptTestId });

export function toggleCompared(conceptTestId: string): void {
  useAskState.setState(({ compared }) => {
    if (compared.includes(conceptTestId)) return { compared: compared.filter((id) => id !== conceptTestId) };
    return compared.length >= MAX_COMPARED_CONCEPTS ? {} : { compared: [...compared, conceptTestId] };
  });
}

/** A deleted item leaves nothing pointing at it. */
export function forgetAsked(id: string): void {
  useAskState.setState((s) => ({
    conversation: s.conversation?.interviewId === id ? null : s.conversation,
    focusGroupId: s.focusGroupId === id ? null : s.focusGroupId,
    conceptTestId: s.conceptTestId === id ? null : s.conceptTestId,
    compared: s.compared.filter((c) => c !== id),
  }));
}
