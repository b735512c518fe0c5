/** The brief form's generation: running, progress, result, error, cancel. */
import { create } from 'zustand';
import type { BriefInput } from '../../../shared/brief';
import type { GenerationProgress, RunSummary } from '../../../shared/ipc/types';
import type { PersonaDocument } from '../../../shared/persona';
import { ApiError, api } from '../api/client';

type Status = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

interface GenerationState {
  status: Status;
  requestId: string | null;
  progress: GenerationProgress | null;
  document: PersonaDocument | null;
  run: RunSummary | null;
  error: { message: string; field?: string } | null;
  generate: (brief: BriefInput) => Promise<void>;
  cancel: () => Promise<void>;
}

export const useGeneration = create<GenerationState>((set, get) => ({
  status: 'idle',
  requestId: null,
  progress: null,
  document: null,
  run: null,
  error: null,

  async generate(brief) {
    if (!api || get().status === 'running') return;
    const requestId = crypto.randomUUID();
    set({ status: 'running', requestId, progress: null, error: null });
    const stop = api.on('generation:progress', (progress) => {
      if (progress.requestId === requestId) set({ progress });
    });
    try {
      const { run, document } = await api.call('generation:run', { requestId, brief });
      set({ status: 'done', run, document });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'cancelled') set({ status: 'cancelled' });
      else
        set({
          status: 'error',
          error: error instanceof ApiError ? { message: error.message, ...(error.field ? { field: error.field } : {}) } : { message: String(error) },
        });
    } finally {
      stop();
      set({ requestId: null });
    }
  },

  async cancel() {
    const { requestId } = get();
    if (api && requestId) await api.call('generation:cancel', { requestId });
  },
}));
