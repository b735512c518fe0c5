/** The workshop's current result: a generation running (progress, cancel) or a run reopened from history, and its edits. */
import { create } from 'zustand';
import type { BriefInput } from '../../../shared/brief';
import type { GenerationProgress, ResponseOf, RunSummary } from '../../../shared/ipc/types';
import type { Persona, PersonaDocument } from '../../../shared/persona';
import { ApiError, api } from '../api/client';

type Status = 'idle' | 'running' | 'loading' | 'done' | 'cancelled' | 'error';
type Fallback = ResponseOf<'generation:run'>['fallback'];

interface GenerationState {
  status: Status;
  requestId: string | null;
  progress: GenerationProgress | null;
  document: PersonaDocument | null;
  run: RunSummary | null;
  fromCache: boolean;
  fallback: Fallback | null;
  error: { message: string; field?: string } | null;
  /** Ids of personas edited in this session. */
  edited: ReadonlySet<string>;
  generate: (brief: BriefInput, providerId?: ProviderChoice) => Promise<void>;
  cancel: () => Promise<void>;
  openRun: (runId: string) => Promise<void>;
  savePersona: (persona: Persona) => Promise<void>;
  /** A new persona in place of this one (the one before is kept as an edit). */
  regenerate: (personaId: string) => Promise<void>;
  /** A new persona for an empty age band, added to the run. */
  fillGap: (ageRange: [number, number]) => Promise<void>;
  /** Ids of personas being regenerated, or 'gap' while a gap is filled. */
  busy: ReadonlySet<string>;
}

export type ProviderChoice = 'offline' | 'ollama' | 'openai' | 'gemini';

/** The run on screen, reopened after a reload. */
const LAST_RUN = 'persona-studio:last-run';
const remember = (runId: string) => {
  try {
    localStorage.setItem(LAST_RUN, runId);
  } catch {
    // Storage may be off (private mode): the workshop simply starts empty next time.
  }
};
export const lastRunId = (): string | null => {
  try {
    return localStorage.getItem(LAST_RUN);
  } catch {
    return null;
  }
};

const describe = (error: unknown) => (error instanceof ApiError ? { message: error.message, ...(error.field ? { field: error.field } : {}) } : { message: String(error) });

export const useGeneration = create<GenerationState>((set, get) => ({
  status: 'idle',
  requestId: null,
  progress: null,
  document: null,
  run: null,
  fromCache: false,
  fallback: null,
  error: null,
  edited: new Set(),
  busy: new Set(),

  async generate(brief, providerId) {
    if (!api || get().status === 'running') return;
    const requestId = crypto.randomUUID();
    set({ status: 'running', requestId, progress: null, error: null });
    const stop = api.on('generation:progress', (progress) => {
      if (progress.requestId === requestId) set({ progress });
    });
    try {
      const result = await api.call('generation:run', { requestId, brief, ...(providerId ? { providerId } : {}) });
      set({ status: 'done', run: result.run, document: result.document, fromCache: result.fromCache, fallback: result.fallback ?? null, edited: new Set() });
      remember(result.run.id);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'cancelled') set({ status: 'cancelled' });
      else set({ status: 'error', error: describe(error) });
    } finally {
      stop();
      set({ requestId: null });
    }
  },

  async cancel() {
    const { requestId } = get();
    if (api && requestId) await api.call('generation:cancel', { requestId });
  },

  async openRun(runId) {
    if (!api) return;
    set({ status: 'loading', error: null });
    try {
      const detail = await api.call('runs:get', { runId });
      set({ status: 'done', run: detail, document: detail.document, fromCache: false, fallback: null, edited: new Set() });
      remember(detail.id);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not_found' && lastRunId() === runId) {
        // The run remembered from last time is gone (its data folder was cleared): start empty.
        localStorage.removeItem(LAST_RUN);
        set({ status: 'idle' });
        return;
      }
      set({ status: 'error', error: describe(error) });
    }
  },

  async regenerate(personaId) {
    const { run } = get();
    if (!api || !run) return;
    set({ busy: new Set([...get().busy, personaId]), error: null });
    try {
      const { persona } = await api.call('personas:generate-one', { runId: run.id, replacePersonaId: personaId });
      const document = get().document!;
      set({ document: { ...document, personas: document.personas.map((p) => (p.id === personaId ? persona : p)) }, edited: new Set([...get().edited, personaId]) });
    } catch (error) {
      set({ error: describe(error) });
    } finally {
      set({ busy: new Set([...get().busy].filter((id) => id !== personaId)) });
    }
  },

  async fillGap(ageRange) {
    const { run } = get();
    if (!api || !run) return;
    set({ busy: new Set([...get().busy, 'gap']), error: null });
    try {
      const { persona } = await api.call('personas:generate-one', { runId: run.id, ageRange });
      const document = get().document!;
      set({ document: { ...document, personas: [...document.personas, persona] } });
    } catch (error) {
      set({ error: describe(error) });
    } finally {
      set({ busy: new Set([...get().busy].filter((id) => id !== 'gap')) });
    }
  },

  async savePersona(persona) {
    const { document } = get();
    if (!api || !document || !persona.id) return;
    const { persona: saved } = await api.call('personas:edit', { personaId: persona.id, persona });
    set({
      document: { ...document, personas: document.personas.map((p) => (p.id === saved.id ? saved : p)) },
      edited: new Set([...get().edited, saved.id!]),
    });
  },
}));
