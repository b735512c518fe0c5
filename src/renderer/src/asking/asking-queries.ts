/**
 * Reads of what a run's personas were asked. Each list is read afresh when its panel opens (the
 * CLI may have asked meanwhile); an ask or a delete writes its answer here and reads the list again.
 */
import { keepPreviousData, queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../app/api-client';
import { useApi } from '../app/api-context';
import { queryKeys } from '../app/query-keys';

export function interviewsQuery(api: ApiClient, runId: string) {
  return queryOptions({
    queryKey: queryKeys.asking.interviews(runId),
    queryFn: async () => (await api.call('interviews:list', { runId })).interviews,
  });
}

export function interviewQuery(api: ApiClient, runId: string, interviewId: string | null) {
  return queryOptions({
    queryKey: queryKeys.asking.interview(runId, interviewId ?? ''),
    queryFn: interviewId ? () => api.call('interviews:get', { interviewId }) : skipToken,
  });
}

export function focusGroupsQuery(api: ApiClient, runId: string) {
  return queryOptions({
    queryKey: queryKeys.asking.focusGroups(runId),
    queryFn: async () => (await api.call('focus-groups:list', { runId })).focusGroups,
  });
}

export function conceptTestsQuery(api: ApiClient, runId: string) {
  return queryOptions({
    queryKey: queryKeys.asking.conceptTests(runId),
    queryFn: async () => (await api.call('concepts:list', { runId })).conceptTests,
  });
}

/** Interviews of any run whose title, questions or answers hold the text; nothing is asked for an empty search. */
export function interviewSearchQuery(api: ApiClient, text: string) {
  return queryOptions({
    queryKey: queryKeys.asking.search(text),
    queryFn: text ? async () => (await api.call('interviews:search', { query: text, limit: 50 })).interviews : skipToken,
    placeholderData: keepPreviousData,
    // History reads afresh on each visit, as its run lists do.
    gcTime: 0,
  });
}

export const useInterviews = (runId: string) => useQuery(interviewsQuery(useApi(), runId));
export const useFocusGroups = (runId: string) => useQuery(focusGroupsQuery(useApi(), runId));
export const useConceptTests = (runId: string) => useQuery(conceptTestsQuery(useApi(), runId));
