/** The workshops and the current one (where new runs go), as the Workshop screen and History read them. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WorkshopSummary } from '../../../shared/ipc/types';
import type { ApiClient } from '../app/api-client';
import { useApi } from '../app/api-context';
import { queryKeys, type DeletionTarget } from '../app/query-keys';

export function appInfoQuery(api: ApiClient) {
  return queryOptions({
    queryKey: queryKeys.appInfo,
    queryFn: () => api.call('app:info', {}),
    // Only this window changes the current workshop, and it writes each change here.
    staleTime: Infinity,
  });
}

/** Every workshop, archived ones included (History shows them on demand, search finds their runs). */
export function workshopsQuery(api: ApiClient) {
  return queryOptions({
    queryKey: queryKeys.workshops.list,
    // By name, not the core's last-changed order: a group must not jump when it is renamed, archived or restored under the user's hand.
    queryFn: async () => (await api.call('workshops:list', { includeArchived: true })).workshops.sort(byName),
  });
}

const byName = (a: WorkshopSummary, b: WorkshopSummary): number => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }) || a.createdAt.localeCompare(b.createdAt);

export function deletionPreviewQuery(api: ApiClient, target: DeletionTarget) {
  return queryOptions({
    queryKey: queryKeys.deletionPreview(target),
    queryFn: () => api.call('deletion:preview', target),
    // Counted afresh each time a confirmation opens: what goes is what there is now.
    staleTime: 0,
    gcTime: 0,
  });
}

export const isActive = (workshop: WorkshopSummary): boolean => workshop.archivedAt === null;

/** "Client A" or "Client A (Acme)": a workshop named as lists and announcements say it. */
export const workshopLabel = (workshop: WorkshopSummary): string => (workshop.client ? `${workshop.name} (${workshop.client})` : workshop.name);

export interface CurrentWorkshop {
  /** The workshop new runs go to; undefined until both reads have answered. */
  current: WorkshopSummary | undefined;
  workshops: readonly WorkshopSummary[] | undefined;
  error: unknown;
  retry: () => void;
}

export function useCurrentWorkshop(): CurrentWorkshop {
  const api = useApi();
  const info = useQuery(appInfoQuery(api));
  const list = useQuery(workshopsQuery(api));
  const id = info.data?.currentWorkshopId;
  const failed = [info, list].filter((q) => q.isError && !q.isFetching);
  return {
    current: list.data?.find((w) => w.id === id),
    workshops: list.data,
    error: failed[0]?.error ?? null,
    retry: () => failed.forEach((q) => void q.refetch()),
  };
}
