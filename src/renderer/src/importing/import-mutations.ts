/**
 * The Import screen's calls: preview a source, save the personas chosen as a run, import a workshop
 * bundle. A save settles once History's lists and the workshop counts have been read again.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestOf } from '../../../shared/ipc/types';
import { useApi } from '../app/api-context';
import { announce } from '../app/announcer';
import { queryKeys } from '../app/query-keys';
import { plural } from '../ui/labels';
import { invalidateRunLists } from '../workshop/run-queries';

export function usePreviewImport() {
  const api = useApi();
  return useMutation({
    mutationFn: (request: RequestOf<'import:preview'>) => api.call('import:preview', request),
    onMutate: () => announce('Reading…'),
    onSuccess: (preview) => {
      announce(preview.kind === 'bundle' ? `Workshop bundle found: ${preview.workshopName}` : `${plural(preview.personas.length, 'persona')} found`);
    },
  });
}

export function useCommitImport() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestOf<'import:commit'>) => api.call('import:commit', request),
    onSuccess: async () => {
      await invalidateRunLists(queryClient);
    },
  });
}

export function useImportBundle() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestOf<'bundles:import'>) => api.call('bundles:import', request),
    onSuccess: async () => {
      await Promise.all([invalidateRunLists(queryClient), queryClient.invalidateQueries({ queryKey: queryKeys.appInfo })]);
    },
  });
}
