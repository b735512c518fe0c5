/** A run's detail in the query cache: what the workshop shows, and what its edits change in place. */
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { ResponseOf, RunDetail, RunSummary } from '../../../shared/ipc/types';
import type { Persona, PersonaDocument } from '../../../shared/persona';
import { UNSAVED_RUN_PREFIX } from '../../../shared/vocabulary';
import type { ApiClient } from '../app/api-client';
import { useApi } from '../app/api-context';
import { queryKeys } from '../app/query-keys';

/** Whether a run was saved: one that was not (made while app.db could not be opened) cannot be edited, regenerated, filled, exported or fetched. */
export const isSavedRun = (run: Pick<RunSummary, 'id'>): boolean => !run.id.startsWith(UNSAVED_RUN_PREFIX);

export function runDetailQuery(api: ApiClient, runId: string) {
  return queryOptions({
    queryKey: queryKeys.runs.detail(runId),
    queryFn: () => api.call('runs:get', { runId }),
    enabled: isSavedRun({ id: runId }),
    // The run on screen lives here: it must outlast visits to other screens, and an unsaved run cannot be fetched again.
    // Only this window changes a run, and it writes each change here (updateRunDocument).
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** The run on screen and its document, or undefined while there is none. */
export function useShownRun(runId: string | null): RunDetail | undefined {
  const api = useApi();
  return useQuery({ ...runDetailQuery(api, runId ?? ''), enabled: runId !== null && isSavedRun({ id: runId }) }).data;
}

/** A finished generation as runs:get would give it; the document records the brief it was made from. */
export function detailOfGenerated({ run, document }: ResponseOf<'generation:run'>): RunDetail {
  return { ...run, brief: document.brief ?? { description: run.description, count: run.count, level: run.level }, document, phases: null };
}

export function personasOf(queryClient: QueryClient, runId: string): readonly Persona[] {
  return queryClient.getQueryData<RunDetail>(queryKeys.runs.detail(runId))?.document?.personas ?? [];
}

/** Changes the cached document of a run after the core saved the change; the run's summary is read again, as it was made from the personas before. */
export function updateRunDocument(queryClient: QueryClient, runId: string, change: (document: PersonaDocument) => PersonaDocument): void {
  queryClient.setQueryData<RunDetail>(queryKeys.runs.detail(runId), (run) => (run?.document ? { ...run, document: change(run.document) } : run));
  void invalidateRunSummary(queryClient, runId);
}

/** The run's executive summary (runs:summary), for a saved run. */
export function runSummaryQuery(api: ApiClient, runId: string) {
  return queryOptions({
    queryKey: queryKeys.runs.summary(runId),
    queryFn: () => api.call('runs:summary', { runId }),
    enabled: isSavedRun({ id: runId }),
    // Made from the personas alone: it changes only when they do, and every change of them invalidates it (updateRunDocument).
    staleTime: Infinity,
  });
}

/** The summary is read again: the run's personas changed (an edit, a new one, one deleted, a version restored). */
export function invalidateRunSummary(queryClient: QueryClient, runId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.runs.summary(runId) });
}

/**
 * History's lists and workshop counts after a run was recorded, moved or deleted or its personas
 * changed; settles once the lists shown are read again, so a dialog can stay busy until then.
 */
export async function invalidateRunLists(queryClient: QueryClient): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.runs.lists }), queryClient.invalidateQueries({ queryKey: queryKeys.workshops.all })]);
}

/** Writes a run's new summary (title, workshop) into its cached detail, if it is cached. */
export function updateRunSummary(queryClient: QueryClient, summary: RunSummary): void {
  queryClient.setQueryData<RunDetail>(queryKeys.runs.detail(summary.id), (run) => (run ? { ...run, ...summary } : run));
}

/** A deleted run leaves nothing readable in this window's cache: its detail, its personas' edit histories and what they were asked go. */
export function forgetRunData(queryClient: QueryClient, runId: string): void {
  for (const persona of personasOf(queryClient, runId)) if (persona.id) queryClient.removeQueries({ queryKey: queryKeys.personas.history(persona.id) });
  queryClient.removeQueries({ queryKey: queryKeys.runs.detail(runId) });
  queryClient.removeQueries({ queryKey: queryKeys.runs.summary(runId) });
  queryClient.removeQueries({ queryKey: queryKeys.asking.run(runId) });
  queryClient.removeQueries({ queryKey: queryKeys.asking.searches });
}

/** The ids of the cached runs of a workshop. */
export function cachedRunsOf(queryClient: QueryClient, workshopId: string): string[] {
  return queryClient
    .getQueriesData<RunDetail>({ queryKey: queryKeys.runs.all })
    .flatMap(([, data]) => (data && !Array.isArray(data) && data.workshopId === workshopId ? [data.id] : []));
}
