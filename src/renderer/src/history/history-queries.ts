/** History's reads: the workshops and the runs a search or a workshop picks; each visit reads them afresh. */
import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query';
import type { ApiClient } from '../app/api-client';
import { queryKeys, type RunSearch } from '../app/query-keys';

const RUNS_SHOWN = 200;
/**
 * Dropped as soon as History closes: a list kept from the last visit would show counts from
 * before the generations made since, until its refresh lands.
 */
const VISIT_ONLY = 0;

export function workshopsQuery(api: ApiClient) {
  return queryOptions({
    queryKey: queryKeys.workshops,
    queryFn: async () => (await api.call('workshops:list', {})).workshops,
    gcTime: VISIT_ONLY,
  });
}

/** The runs of `search`, asked only once it is settled (undefined until then). */
export function runsQuery(api: ApiClient, search: RunSearch | undefined) {
  return queryOptions({
    queryKey: queryKeys.runs.list(search ?? null),
    queryFn: search ? () => findRuns(api, search) : skipToken,
    // The list shown stays until the next search's answer replaces it.
    placeholderData: keepPreviousData,
    gcTime: VISIT_ONLY,
  });
}

async function findRuns(api: ApiClient, { workshopId, text }: RunSearch) {
  if (workshopId && !text) return (await api.call('runs:list', { workshopId, limit: RUNS_SHOWN })).runs;
  const { runs } = await api.call('runs:search', { query: text, limit: RUNS_SHOWN });
  return workshopId ? runs.filter((r) => r.workshopId === workshopId) : runs;
}
