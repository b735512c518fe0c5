/**
 * The dashboard's two changes, each shown at once and undone if the core refuses: acknowledging an
 * alert and switching the auto-tuner. The last failure of each stays in the mutation cache, where
 * the error banner finds it with what was asked, so that Retry can ask again.
 */
import { useMutation, useMutationState, useQueryClient, type MutationKey, type QueryClient } from '@tanstack/react-query';
import type { Alert, TunerState } from '../../../shared/ipc/types';
import type { TunedValue } from '../../../shared/insight';
import { useApi } from '../app/api-context';
import { mutationKeys, queryKeys } from '../app/query-keys';

function markAcknowledged(queryClient: QueryClient, id: number, acknowledged: boolean): void {
  queryClient.setQueryData<Alert[]>(queryKeys.alerts, (alerts) => alerts?.map((alert) => (alert.id === id ? { ...alert, acknowledged } : alert)));
}

export function useAcknowledgeAlert() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.acknowledgeAlert,
    mutationFn: (id: number) => api.call('alerts:acknowledge', { id }),
    onMutate: async (id) => {
      // A refresh already on its way would bring the alert back as open.
      await queryClient.cancelQueries({ queryKey: queryKeys.alerts });
      markAcknowledged(queryClient, id, true);
    },
    onError: (_error, id) => markAcknowledged(queryClient, id, false),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.alerts }),
  });
}

interface Timeline {
  state: TunerState;
}

function setTunerState(queryClient: QueryClient, change: (state: TunerState) => TunerState): void {
  queryClient.setQueryData<Timeline>(queryKeys.tuner.timeline, (timeline) => timeline && { ...timeline, state: change(timeline.state) });
}

export function useSetTunerEnabled() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.setTunerEnabled,
    mutationFn: (enabled: boolean) => api.call('tuner:set-enabled', { enabled }),
    onMutate: async (enabled) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.tuner.timeline });
      const before = queryClient.getQueryData<Timeline>(queryKeys.tuner.timeline)?.state.enabled;
      setTunerState(queryClient, (state) => ({ ...state, enabled }));
      return { before };
    },
    onSuccess: (state) => setTunerState(queryClient, () => state),
    onError: (_error, _enabled, asked) => {
      const before = asked?.before;
      if (before !== undefined) setTunerState(queryClient, (state) => ({ ...state, enabled: before }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.tuner.all }),
  });
}

/** The last call under this key, when it failed: its error and what it asked. */
export function useLastFailure<TVariables>(mutationKey: MutationKey): { error: Error; variables: TVariables } | null {
  const calls = useMutationState({ filters: { mutationKey, exact: true }, select: (mutation) => mutation.state });
  const last = calls.at(-1);
  return last?.status === 'error' && last.error ? { error: last.error, variables: last.variables as TVariables } : null;
}

/** Applies a suggestion that names a setting; the settings, the suggestions and the audit change with it. */
export function useApplySuggestion() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.applySuggestion,
    mutationFn: (id: string) => api.call('suggestions:apply', { id }),
    onSuccess: ({ settings }) => queryClient.setQueryData(queryKeys.settings, settings),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.monitor.suggestions }),
        queryClient.invalidateQueries({ queryKey: queryKeys.settings }),
        queryClient.invalidateQueries({ queryKey: queryKeys.tuner.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.cache.all }),
      ]),
  });
}

type OptimizationAsk = { kind: 'start' } | { kind: 'schedule'; start: string; end: string } | { kind: 'cancel'; id: string };

/** Start optimization now, schedule it for quiet hours, or cancel one by id. */
export function useOptimization() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.optimization,
    mutationFn: async (ask: OptimizationAsk): Promise<unknown> => {
      if (ask.kind === 'start') return api.call('optimization:start', {});
      if (ask.kind === 'schedule') return api.call('optimization:schedule', { window: { start: ask.start, end: ask.end } });
      return api.call('optimization:cancel', { id: ask.id });
    },
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.insight.optimizations }), queryClient.invalidateQueries({ queryKey: queryKeys.tuner.all })]),
  });
}

/** Resets one tuned value (or all of them) to the user's own setting. */
export function useResetTuning() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.resetTuning,
    mutationFn: (tunable?: TunedValue['tunable']) => api.call('tuning:reset', tunable ? { tunable } : {}),
    onSuccess: ({ tuned }) => queryClient.setQueryData(queryKeys.insight.tuned, tuned),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.insight.tuned }), queryClient.invalidateQueries({ queryKey: queryKeys.tuner.all })]),
  });
}
