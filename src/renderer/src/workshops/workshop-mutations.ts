/**
 * Changes to workshops: create (which makes it current), switch, rename, archive or restore, delete.
 * Each settles only once the lists and counts shown have been read again, so a dialog stays busy
 * until the screen shows the outcome; the run on screen never outlives its workshop.
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { RequestOf, ResponseOf, RunDetail, WorkshopSummary } from '../../../shared/ipc/types';
import { useApi } from '../app/api-context';
import { announce } from '../app/announcer';
import { queryKeys } from '../app/query-keys';
import { plural } from '../ui/labels';
import { cachedRunsOf, forgetRunData, invalidateRunLists } from '../workshop/run-queries';
import { leaveRun, useWorkshopState } from '../workshop/workshop-state';
import { workshopLabel } from './workshop-queries';

type AppInfo = ResponseOf<'app:info'>;
type WorkshopFields = Omit<RequestOf<'workshops:update'>, 'workshopId'>;

/** The run on screen as cached, if there is one. */
export function shownRun(queryClient: QueryClient): RunDetail | undefined {
  const { runId } = useWorkshopState.getState();
  return runId ? queryClient.getQueryData<RunDetail>(queryKeys.runs.detail(runId)) : undefined;
}

function setCurrent(queryClient: QueryClient, workshopId: string): void {
  queryClient.setQueryData<AppInfo>(queryKeys.appInfo, (info) => (info ? { ...info, currentWorkshopId: workshopId } : info));
}

/** The workshop becomes current; the run on screen, if it is another workshop's, leaves the screen with the one left. */
function becameCurrent(queryClient: QueryClient, workshopId: string, keepRun: boolean): void {
  setCurrent(queryClient, workshopId);
  const run = shownRun(queryClient);
  if (!keepRun && run && run.workshopId !== workshopId) leaveRun();
}

/** Lists, counts and the current workshop, read again. */
async function refresh(queryClient: QueryClient): Promise<void> {
  await Promise.all([invalidateRunLists(queryClient), queryClient.invalidateQueries({ queryKey: queryKeys.appInfo })]);
}

export function useCreateWorkshop() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (fields: RequestOf<'workshops:create'>) => {
      const created = await api.call('workshops:create', fields);
      // Creating one is to work in it: it becomes the current workshop.
      return api.call('workshops:select', { workshopId: created.id });
    },
    onSuccess: async (workshop) => {
      becameCurrent(queryClient, workshop.id, false);
      await refresh(queryClient);
      announce(`Workshop ${workshopLabel(workshop)} created: new runs go there`);
    },
  });
}

/** Makes a workshop current; `keepRun` when a run of it is being opened (History's Open). */
export function useSelectWorkshop() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ workshopId }: { workshopId: string; keepRun?: boolean }) => api.call('workshops:select', { workshopId }),
    onSuccess: (workshop, { keepRun = false }) => {
      becameCurrent(queryClient, workshop.id, keepRun);
      void refresh(queryClient);
      if (!keepRun) announce(`Switched to ${workshopLabel(workshop)}: new runs go there`);
    },
  });
}

export function useUpdateWorkshop() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ workshopId, fields }: { workshopId: string; fields: WorkshopFields }) => api.call('workshops:update', { workshopId, ...fields }),
    onSuccess: async (workshop) => {
      await refresh(queryClient);
      announce(`Workshop saved: ${workshopLabel(workshop)}`);
    },
  });
}

export function useArchiveWorkshop() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ workshop, archived }: { workshop: WorkshopSummary; archived: boolean }) => api.call('workshops:archive', { workshopId: workshop.id, archived }),
    onSuccess: async (workshop, { archived }) => {
      // Archiving the current workshop makes another current: the core says which.
      await refresh(queryClient);
      announce(archived ? `${workshopLabel(workshop)} archived: hidden from the lists, still found by search` : `${workshopLabel(workshop)} restored`);
    },
  });
}

export function useDeleteWorkshop() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ workshop, deleteBackups }: { workshop: WorkshopSummary; deleteBackups: boolean }) => api.call('workshops:delete', { workshopId: workshop.id, deleteBackups }),
    onSuccess: async (result, { workshop }) => {
      // Nothing of the workshop stays readable here: its runs' details go from the cache, and from the screen.
      if (shownRun(queryClient)?.workshopId === workshop.id) leaveRun();
      for (const runId of cachedRunsOf(queryClient, workshop.id)) forgetRunData(queryClient, runId);
      setCurrent(queryClient, result.currentWorkshopId);
      await refresh(queryClient);
      const { runs, personas } = result.deleted;
      const backups = result.backupsDeleted > 0 ? ` and ${plural(result.backupsDeleted, 'backup')}` : '';
      announce(`Workshop ${workshop.name} deleted: ${plural(runs, 'run')}, ${plural(personas, 'persona')}${backups}`);
    },
  });
}
