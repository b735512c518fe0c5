/** History's runs: those a search or a workshop picks; each visit reads them afresh. */
import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query';
import type { RunSummary } from '../../../shared/ipc/types';
import type { ApiClient } from '../app/api-client';
import { queryKeys, type RunSearch } from '../app/query-keys';

export const RUNS_SHOWN = 200;
/**
 * Dropped as soon as History closes: a list kept from the last visit would show runs from before
 * the generations made since, until its refresh lands.
 */
const VISIT_ONLY = 0;

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

/** A workshop's runs, or what a search finds (titles, briefs, workshop and client names, archived workshops included). */
async function findRuns(api: ApiClient, { workshopId, text }: RunSearch): Promise<RunSummary[]> {
  if (workshopId && !text) return (await api.call('runs:list', { workshopId, limit: RUNS_SHOWN })).runs;
  const { runs } = await api.call('runs:search', { query: text, limit: RUNS_SHOWN });
  return workshopId ? runs.filter((r) => r.workshopId === workshopId) : runs;
}

/** The runs found, by workshop, in the order found. */
export function byWorkshop(runs: readonly RunSummary[]): Map<string, RunSummary[]> {
  const groups = new Map<string, RunSummary[]>();
  for (const run of runs) groups.set(run.workshopId, [...(groups.get(run.workshopId) ?? []), run]);
  return groups;
}
