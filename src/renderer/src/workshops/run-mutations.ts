/**
 * Changes to one run from History: rename, move to another workshop, duplicate, delete. The run's
 * cached detail follows (a new title, a new workshop) or goes; if it is the run on screen and it was
 * deleted, the Workshop shows its empty state instead.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RunSummary, WorkshopSummary } from '../../../shared/ipc/types';
import { useApi } from '../app/api-context';
import { announce } from '../app/announcer';
import { plural } from '../ui/labels';
import { forgetRunData, invalidateRunLists, updateRunSummary } from '../workshop/run-queries';
import { isShown, leaveRun } from '../workshop/workshop-state';

/** A run as lists name it: its title, which is the brief's start until the user names it. */
export const runName = (run: Pick<RunSummary, 'title' | 'description'>): string => run.title || run.description;

export function useRenameRun() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ run, title }: { run: RunSummary; title: string }) => api.call('runs:rename', { runId: run.id, title }),
    onSuccess: async (renamed) => {
      updateRunSummary(queryClient, renamed);
      await invalidateRunLists(queryClient);
      announce(`Run renamed: ${renamed.title}`);
    },
  });
}

export function useMoveRun() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ run, to }: { run: RunSummary; to: WorkshopSummary }) => api.call('runs:move', { runId: run.id, workshopId: to.id }),
    onSuccess: async (moved, { to }) => {
      // The run on screen follows the move: its header then names the workshop it is in.
      updateRunSummary(queryClient, moved);
      await invalidateRunLists(queryClient);
      announce(`Moved “${runName(moved)}” to ${to.name}`);
    },
  });
}

export function useDuplicateRun() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (run: RunSummary) => api.call('runs:duplicate', { runId: run.id }),
    onSuccess: async (copy) => {
      await invalidateRunLists(queryClient);
      announce(`Copy made: ${runName(copy)}`);
    },
  });
}

export function useDeleteRun() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ run, deleteBackups }: { run: RunSummary; deleteBackups: boolean }) => api.call('runs:delete', { runId: run.id, deleteBackups }),
    onSuccess: async (result, { run }) => {
      if (isShown(run.id)) leaveRun();
      forgetRunData(queryClient, run.id);
      await invalidateRunLists(queryClient);
      const backups = result.backupsDeleted > 0 ? ` and ${plural(result.backupsDeleted, 'backup')}` : '';
      announce(`Run deleted: “${runName(run)}”, ${plural(result.deleted.personas, 'persona')}${backups}`);
    },
  });
}
