/** The workshop's current result: a generation running (progress, cancel) or a run reopened from history, and its edits. */
import { create } from 'zustand';
import type { BriefInput } from '../../../shared/brief';
import { ageBandLabel } from '../../../shared/coverage';
import type { GenerationProgress, ResponseOf, RunSummary } from '../../../shared/ipc/types';
import type { Persona, PersonaDocument } from '../../../shared/persona';
import { UNSAVED_RUN_PREFIX, type ProviderId } from '../../../shared/vocabulary';
import { ApiError, api, messageOf } from '../api/client';
import { plural } from '../components/labels';
import { announce } from './announcer';
import { useBrief } from './brief';
import { FOCUS_IDS, focusWhenShown } from './focus';

type Status = 'idle' | 'running' | 'loading' | 'done' | 'cancelled' | 'error';
/** Who opens a run: the user (History's Open), or the workshop reopening the run it showed before a reload. */
type Opener = 'user' | 'reload';
type Fallback = ResponseOf<'generation:run'>['fallback'];

interface GenerationState {
  status: Status;
  requestId: string | null;
  progress: GenerationProgress | null;
  document: PersonaDocument | null;
  run: RunSummary | null;
  fromCache: boolean;
  fallback: Fallback | null;
  /** Why the last generation or opening failed (with status 'error'); `field` is the brief's field at fault. */
  error: { message: string; field?: string } | null;
  /** Why the last Regenerate or Fill gap on the run shown failed, whatever the status. */
  actionError: string | null;
  /** Ids of personas edited in this session. */
  edited: ReadonlySet<string>;
  /** What is being made for a run: busyKey(runId, personaId) while a persona is regenerated, busyKey(runId, GAP) while a gap is filled. */
  busy: ReadonlySet<string>;
  generate: (brief: BriefInput, providerId?: ProviderId) => Promise<void>;
  cancel: () => Promise<void>;
  /** Shows a saved run and fills the composer with its brief; a generation running is cancelled first. */
  openRun: (runId: string, opener?: Opener) => Promise<void>;
  savePersona: (persona: Persona) => Promise<void>;
  /** A new persona in place of this one (the one before is kept as an edit). */
  regenerate: (personaId: string) => Promise<void>;
  /** A new persona for an empty age band, added to the run. */
  fillGap: (ageRange: [number, number]) => Promise<void>;
  dismissActionError: () => void;
}

/** The busy entry of a gap being filled. */
export const GAP = 'gap';
export const busyKey = (runId: string, what: string): string => `${runId}:${what}`;

/** Whether a run was saved: one that was not (made for an existing run) cannot be edited, regenerated, filled or exported. */
export const isSavedRun = (run: RunSummary): boolean => !run.id.startsWith(UNSAVED_RUN_PREFIX);

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

/** The composer's field named by an error's path ("brief.description", "brief.ageRange.0"), if any. */
const BRIEF_FIELDS = ['description', 'count', 'level', 'segment', 'location', 'ageRange', 'seed'] as const;
export type BriefField = (typeof BRIEF_FIELDS)[number];
export function briefFieldOf(path: string | undefined): BriefField | undefined {
  const [root, key] = (path ?? '').split('.');
  return root === 'brief' ? BRIEF_FIELDS.find((f) => f === key) : undefined;
}

const describe = (error: unknown) => ({ message: messageOf(error), ...(error instanceof ApiError && error.field ? { field: error.field } : {}) });
const adding = (entries: ReadonlySet<string>, entry: string) => new Set([...entries, entry]);
const removing = (entries: ReadonlySet<string>, entry: string) => new Set([...entries].filter((e) => e !== entry));

/** Counts the calls that change the run shown (generate, openRun): an opening's reply is shown only if no later call was made. */
let shownSeq = 0;

export const useGeneration = create<GenerationState>((set, get) => {
  /** The run shown, when it was saved (the only kind a persona can be made or edited for). */
  const savedRunId = (): string | null => {
    const { run } = get();
    return run && isSavedRun(run) ? run.id : null;
  };
  /** The document shown, if it is still the one of this run (a reply may come after another run was opened). */
  const documentOf = (runId: string): PersonaDocument | null => {
    const { run, document } = get();
    return run?.id === runId ? document : null;
  };
  const failAction = (message: string) => {
    set({ actionError: message });
    focusWhenShown(FOCUS_IDS.actionError, { onlyIfLost: true });
  };

  return {
    status: 'idle',
    requestId: null,
    progress: null,
    document: null,
    run: null,
    fromCache: false,
    fallback: null,
    error: null,
    actionError: null,
    edited: new Set(),
    busy: new Set(),

    async generate(brief, providerId) {
      if (!api || get().status === 'running') return;
      const requestId = crypto.randomUUID();
      shownSeq++;
      set({ status: 'running', requestId, progress: null, error: null });
      announce(`Generating ${plural(brief.count, 'persona')}…`);
      focusWhenShown(FOCUS_IDS.cancel, { onlyIfLost: true });
      // openRun clears requestId: from then on, this generation's events and reply are not shown.
      const current = () => get().requestId === requestId;
      const stop = api.on('generation:progress', (progress) => {
        if (progress.requestId === requestId && current()) set({ progress });
      });
      try {
        const result = await api.call('generation:run', { requestId, brief, ...(providerId ? { providerId } : {}) });
        if (!current()) return;
        set({
          status: 'done',
          requestId: null,
          run: result.run,
          document: result.document,
          fromCache: result.fromCache,
          fallback: result.fallback ?? null,
          edited: new Set(),
          actionError: null,
        });
        remember(result.run.id);
        const written = result.fallback ? `, ${result.fallback.personas} written by the offline engine` : '';
        announce(`${plural(result.document.personas.length, 'persona')} ready${written}`);
        focusWhenShown(FOCUS_IDS.results, { onlyIfLost: true });
      } catch (error) {
        if (!current()) return;
        if (error instanceof ApiError && error.code === 'cancelled') {
          set({ status: 'cancelled', requestId: null });
          announce('Generation cancelled');
          focusWhenShown(FOCUS_IDS.generate, { onlyIfLost: true });
        } else {
          const failure = describe(error);
          set({ status: 'error', requestId: null, error: failure });
          const field = briefFieldOf(failure.field);
          // The field at fault takes focus whatever had it: its message is what to read next.
          if (field) focusWhenShown(FOCUS_IDS.briefField(field));
          else focusWhenShown(FOCUS_IDS.runError, { onlyIfLost: true });
        }
      } finally {
        stop();
      }
    },

    async cancel() {
      const { requestId } = get();
      if (api && requestId) await api.call('generation:cancel', { requestId });
    },

    async openRun(runId, opener = 'user') {
      if (!api) return;
      // One generation at a time: the one running gives way to the run asked for (its reply is ignored either way).
      if (get().status === 'running') get().cancel().catch(() => undefined);
      const seq = ++shownSeq;
      set({ status: 'loading', requestId: null, progress: null, error: null });
      try {
        const detail = await api.call('runs:get', { runId });
        if (seq !== shownSeq) return;
        set({ status: 'done', run: detail, document: detail.document, fromCache: false, fallback: null, edited: new Set(), actionError: null });
        remember(detail.id);
        // After a reload the draft the user left wins over the brief of the run shown with it.
        if (opener === 'user' || !useBrief.getState().restored) useBrief.getState().fillFromRun(detail);
        if (opener === 'user') {
          announce(`Run opened: ${plural(detail.document?.personas.length ?? 0, 'persona')}`);
          focusWhenShown(FOCUS_IDS.results, { toTop: true });
        }
      } catch (error) {
        if (seq !== shownSeq) return;
        if (error instanceof ApiError && error.code === 'not_found' && lastRunId() === runId) {
          // The run remembered from last time is gone (its data folder was cleared): start empty.
          localStorage.removeItem(LAST_RUN);
          set({ status: 'idle' });
          return;
        }
        set({ status: 'error', error: describe(error) });
        if (opener === 'user') focusWhenShown(FOCUS_IDS.runError);
      }
    },

    async regenerate(personaId) {
      const runId = savedRunId();
      if (!api || !runId) return;
      const key = busyKey(runId, personaId);
      set({ busy: adding(get().busy, key), actionError: null });
      try {
        const { persona } = await api.call('personas:generate-one', { runId, replacePersonaId: personaId });
        const document = documentOf(runId);
        if (!document) return;
        const before = document.personas.find((p) => p.id === personaId);
        set({ document: { ...document, personas: document.personas.map((p) => (p.id === personaId ? persona : p)) }, edited: adding(get().edited, personaId) });
        announce(`${before?.name ?? 'The persona'} was replaced by ${persona.name}`);
        if (persona.id) focusWhenShown(FOCUS_IDS.regenerateButton(persona.id), { onlyIfLost: true });
      } catch (error) {
        if (documentOf(runId)) failAction(`Regenerating the persona failed: ${messageOf(error)}`);
      } finally {
        set({ busy: removing(get().busy, key) });
      }
    },

    async fillGap(ageRange) {
      const runId = savedRunId();
      if (!api || !runId) return;
      const key = busyKey(runId, GAP);
      set({ busy: adding(get().busy, key), actionError: null });
      try {
        const { persona } = await api.call('personas:generate-one', { runId, ageRange });
        const document = documentOf(runId);
        if (!document) return;
        set({ document: { ...document, personas: [...document.personas, persona] } });
        announce(`${persona.name}, ${persona.age}, added for ages ${ageBandLabel(ageRange)}`);
        if (persona.id) focusWhenShown(FOCUS_IDS.heading(persona.id), { onlyIfLost: true });
      } catch (error) {
        if (documentOf(runId)) failAction(`Filling the gap (ages ${ageBandLabel(ageRange)}) failed: ${messageOf(error)}`);
      } finally {
        set({ busy: removing(get().busy, key) });
      }
    },

    async savePersona(persona) {
      const runId = savedRunId();
      if (!api || !runId || !persona.id) return;
      const { persona: saved } = await api.call('personas:edit', { personaId: persona.id, persona });
      const document = documentOf(runId);
      if (!document) return;
      set({
        document: { ...document, personas: document.personas.map((p) => (p.id === saved.id ? saved : p)) },
        edited: adding(get().edited, saved.id!),
      });
      announce(`Edit to ${saved.name} saved`);
    },

    dismissActionError: () => set({ actionError: null }),
  };
});
