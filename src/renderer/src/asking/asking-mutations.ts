/**
 * Asking and deleting. An ask streams its tokens (stream-state.ts) under the request id the caller
 * chose, so the panel can show them and Cancel can name the request; its reply is written into the
 * cache and the run's list is read again. Keyed by run: a panel asks useIsMutating whether one runs.
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ConceptTest, FocusGroup, Interview, InterviewSummary } from '../../../shared/conversations';
import type { ApiClient } from '../app/api-client';
import { useApi } from '../app/api-context';
import { mutationKeys, queryKeys } from '../app/query-keys';
import { engineOfRequest, forgetAsked } from './ask-state';
import { closeStream, openStream } from './stream-state';

/** Runs an ask with its tokens taken from the first to the reply. */
async function streamed<T>(requestId: string, ask: () => Promise<T>): Promise<T> {
  openStream(requestId);
  try {
    return await ask();
  } finally {
    closeStream(requestId);
  }
}

/** Stops the ask named; its reply (a cut answer, or a "cancelled" failure) still comes back to the mutation. */
export const cancelAsk = (api: ApiClient, requestId: string): Promise<unknown> => api.call('asking:cancel', { requestId }).catch(() => undefined);

export interface InterviewQuestion {
  requestId: string;
  personaId: string;
  interviewId: string | null;
  question: string;
}

export function useAskInterview(runId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.interviewAsk(runId),
    mutationFn: ({ requestId, personaId, interviewId, question }: InterviewQuestion) =>
      streamed(requestId, () => api.call('interviews:ask', { requestId, runId, personaId, question, ...(interviewId ? { interviewId } : {}), ...engineOfRequest() })),
    onSuccess: ({ interview, turn }, { interviewId }) => {
      const key = queryKeys.asking.interview(runId, interview.id);
      const before = queryClient.getQueryData<Interview>(key);
      // A new interview is whole with its first turn; one continued but not read yet is read afresh.
      if (before || !interviewId) queryClient.setQueryData<Interview>(key, { ...interview, history: [...(before?.history ?? []), turn] });
      else void queryClient.invalidateQueries({ queryKey: key });
      // Not awaited: the answer is shown at once, the list's turn count follows.
      void queryClient.invalidateQueries({ queryKey: queryKeys.asking.interviews(runId) });
    },
  });
}

export function useRenameInterview(runId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ interviewId, title }: { interviewId: string; title: string }) => api.call('interviews:rename', { interviewId, title }),
    onSuccess: async (summary: InterviewSummary) => {
      queryClient.setQueryData<Interview>(queryKeys.asking.interview(runId, summary.id), (old) => (old ? { ...old, ...summary } : old));
      // Settles once the list shows the new title, so the dialog closes on the outcome.
      await invalidateSearches(queryClient, queryKeys.asking.interviews(runId));
    },
  });
}

export function useDeleteInterview(runId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (interviewId: string) => api.call('interviews:delete', { interviewId }),
    onSuccess: async (_, interviewId) => {
      forgetAsked(interviewId);
      queryClient.removeQueries({ queryKey: queryKeys.asking.interview(runId, interviewId) });
      await invalidateSearches(queryClient, queryKeys.asking.interviews(runId));
    },
  });
}

/** A list and History's interview searches, which may show the title changed or the interview gone. */
function invalidateSearches(queryClient: QueryClient, list: readonly unknown[]): Promise<unknown> {
  return Promise.all([queryClient.invalidateQueries({ queryKey: list }), queryClient.invalidateQueries({ queryKey: queryKeys.asking.searches })]);
}

export interface GroupQuestion {
  requestId: string;
  question: string;
  /** The personas asked, in the run's order; all of them when every one was chosen. */
  personaIds: readonly string[];
  all: boolean;
}

/** Puts the new item first in a cached list (the core lists newest first), then reads the list again. */
function prepend<T extends { id: string }>(queryClient: QueryClient, key: readonly unknown[], item: T): Promise<void> {
  queryClient.setQueryData<T[]>(key, (list) => [item, ...(list ?? []).filter((x) => x.id !== item.id)]);
  return queryClient.invalidateQueries({ queryKey: key });
}

export function useAskFocusGroup(runId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.focusGroupAsk(runId),
    mutationFn: ({ requestId, question, personaIds, all }: GroupQuestion) =>
      streamed(requestId, () => api.call('focus-groups:ask', { requestId, runId, question, ...(all ? {} : { personaIds: [...personaIds] }), ...engineOfRequest() })),
    onSuccess: (group: FocusGroup) => void prepend(queryClient, queryKeys.asking.focusGroups(runId), group),
  });
}

export function useDeleteFocusGroup(runId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (focusGroupId: string) => api.call('focus-groups:delete', { focusGroupId }),
    onSuccess: async (_, focusGroupId) => {
      forgetAsked(focusGroupId);
      await queryClient.invalidateQueries({ queryKey: queryKeys.asking.focusGroups(runId) });
    },
  });
}

export interface ConceptRequest {
  requestId: string;
  text: string;
  price: string;
}

export function useTestConcept(runId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.conceptTest(runId),
    mutationFn: ({ requestId, text, price }: ConceptRequest) =>
      streamed(requestId, () => api.call('concepts:test', { requestId, runId, concept: { text, ...(price.trim() ? { price } : {}) }, ...engineOfRequest() })),
    onSuccess: (test: ConceptTest) => void prepend(queryClient, queryKeys.asking.conceptTests(runId), test),
  });
}

export function useDeleteConceptTest(runId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conceptTestId: string) => api.call('concepts:delete', { conceptTestId }),
    onSuccess: async (_, conceptTestId) => {
      forgetAsked(conceptTestId);
      await queryClient.invalidateQueries({ queryKey: queryKeys.asking.conceptTests(runId) });
    },
  });
}
