/**
 * What changes the run on screen: a generation (with progress events and Cancel) and the opening of
 * a saved run. A reply is shown only if it is still the one wanted: the generation still running
 * (by its request id) or the run asked for last.
 */
import { useMemo } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { BriefInput } from '../../../shared/brief';
import type { ResponseOf } from '../../../shared/ipc/types';
import type { ProviderId } from '../../../shared/vocabulary';
import { ApiError, messageOf, type ApiClient } from '../app/api-client';
import { useApi } from '../app/api-context';
import { announce } from '../app/announcer';
import { FOCUS_IDS, focusWhenShown } from '../app/focus';
import { queryKeys } from '../app/query-keys';
import { plural } from '../ui/labels';
import { useBriefState } from './brief-state';
import { forgetRun, lastRunId, rememberRun } from './last-run';
import { detailOfGenerated, invalidateRunLists, runDetailQuery } from './run-queries';
import { briefFieldOf, useWorkshopState, type Opener } from './workshop-state';

export interface RunActions {
  generate: (brief: BriefInput, providerId?: ProviderId) => Promise<void>;
  cancel: () => Promise<void>;
  /** Shows a saved run and fills the composer with its brief; a generation running is cancelled first. */
  openRun: (runId: string, opener?: Opener) => Promise<void>;
}

const describe = (error: unknown) => ({ message: messageOf(error), ...(error instanceof ApiError && error.field ? { field: error.field } : {}) });

function createRunActions(api: ApiClient, queryClient: QueryClient): RunActions {
  const state = useWorkshopState;

  const cancel = async (): Promise<void> => {
    const { requestId } = state.getState();
    if (requestId) await api.call('generation:cancel', { requestId });
  };

  const generate = async (brief: BriefInput, providerId?: ProviderId): Promise<void> => {
    if (state.getState().status === 'running') return;
    const requestId = crypto.randomUUID();
    // Any run still being opened gives way to this generation.
    state.setState({ status: 'running', requestId, opening: null, progress: null, error: null });
    announce(`Generating ${plural(brief.count, 'persona')}…`);
    focusWhenShown(FOCUS_IDS.cancel, { onlyIfLost: true });
    // openRun clears requestId: from then on, this generation's events and reply are not shown.
    const current = () => state.getState().requestId === requestId;
    const stop = api.on('generation:progress', (progress) => {
      if (progress.requestId === requestId && current()) state.setState({ progress });
    });
    try {
      // The run goes to the workshop the screen shows as current.
      const workshopId = queryClient.getQueryData<ResponseOf<'app:info'>>(queryKeys.appInfo)?.currentWorkshopId;
      const result = await api.call('generation:run', { requestId, brief, ...(workshopId ? { workshopId } : {}), ...(providerId ? { providerId } : {}) });
      if (!current()) return;
      queryClient.setQueryData(queryKeys.runs.detail(result.run.id), detailOfGenerated(result));
      state.setState({
        status: 'done',
        requestId: null,
        runId: result.run.id,
        fromCache: result.fromCache,
        fallback: result.fallback ?? null,
        edited: new Set(),
        actionError: null,
      });
      rememberRun(result.run.id);
      const written = result.fallback ? `, ${result.fallback.personas} written by the offline engine` : '';
      announce(`${plural(result.document.personas.length, 'persona')} ready${written}`);
      focusWhenShown(FOCUS_IDS.results, { onlyIfLost: true });
    } catch (error) {
      if (!current()) return;
      if (error instanceof ApiError && error.code === 'cancelled') {
        state.setState({ status: 'cancelled', requestId: null });
        announce('Generation cancelled');
        focusWhenShown(FOCUS_IDS.generate, { onlyIfLost: true });
      } else {
        const failure = describe(error);
        state.setState({ status: 'error', requestId: null, error: failure });
        const field = briefFieldOf(failure.field);
        // The field at fault takes focus whatever had it: its message is what to read next.
        if (field) focusWhenShown(FOCUS_IDS.briefField(field));
        else focusWhenShown(FOCUS_IDS.runError, { onlyIfLost: true });
      }
    } finally {
      stop();
      // A run is recorded whatever its outcome (completed, failed or cancelled).
      void invalidateRunLists(queryClient);
    }
  };

  const openRun = async (runId: string, opener: Opener = 'user'): Promise<void> => {
    // One generation at a time: the one running gives way to the run asked for (its reply is ignored either way).
    if (state.getState().status === 'running') cancel().catch(() => undefined);
    const request = { runId, opener };
    state.setState({ status: 'loading', opening: request, requestId: null, progress: null, error: null });
    const wanted = () => state.getState().opening === request;
    try {
      // Asked afresh, not from the cache: what the user opens is the run as saved now.
      const detail = await queryClient.fetchQuery({ ...runDetailQuery(api, runId), staleTime: 0 });
      if (!wanted()) return;
      state.setState({ status: 'done', opening: null, runId, fromCache: false, fallback: null, edited: new Set(), actionError: null });
      rememberRun(runId);
      // After a reload the draft the user left wins over the brief of the run shown with it.
      const brief = useBriefState.getState();
      if (opener === 'user' || !brief.restored) brief.fillFromRun(detail);
      if (opener === 'user') {
        announce(`Run opened: ${plural(detail.document?.personas.length ?? 0, 'persona')}`);
        focusWhenShown(FOCUS_IDS.results, { toTop: true });
      }
    } catch (error) {
      if (!wanted()) return;
      if (error instanceof ApiError && error.code === 'not_found' && lastRunId() === runId) {
        // The run remembered from last time is gone (its data folder was cleared): start empty.
        forgetRun();
        state.setState({ status: 'idle', opening: null });
        return;
      }
      state.setState({ status: 'error', opening: null, error: describe(error) });
      if (opener === 'user') focusWhenShown(FOCUS_IDS.runError);
    }
  };

  return { generate, cancel, openRun };
}

export function useRunActions(): RunActions {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMemo(() => createRunActions(api, queryClient), [api, queryClient]);
}
