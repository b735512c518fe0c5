/**
 * The workshop's client state: which run is on screen (its detail lives in the query cache, see
 * run-queries.ts), a generation running with its progress, and what went wrong. Requests are in
 * run-actions.ts and persona-mutations.ts.
 */
import { create } from 'zustand';
import type { GenerationProgress, ResponseOf } from '../../../shared/ipc/types';
import { FOCUS_IDS, focusWhenShown } from '../app/focus';
import { forgetRun } from './last-run';

export type Status = 'idle' | 'running' | 'loading' | 'done' | 'cancelled' | 'error';
/** Who opens a run: the user (History's Open), or the workshop reopening the run it showed before a reload. */
export type Opener = 'user' | 'reload';
type Fallback = ResponseOf<'generation:run'>['fallback'];

interface WorkshopState {
  status: Status;
  /** The generation running, which its progress events and Cancel name. */
  requestId: string | null;
  progress: GenerationProgress | null;
  /** The run on screen. */
  runId: string | null;
  /** The run asked for last, until its detail arrives: a reply for any other request is not shown. */
  opening: { runId: string; opener: Opener } | null;
  /** What the generation that made the run on screen said of it (nothing for a run opened). */
  fromCache: boolean;
  fallback: Fallback | null;
  /** Why the last generation or opening failed (with status 'error'); `field` is the brief's field at fault. */
  error: { message: string; field?: string } | null;
  /** Why the last Regenerate or Fill gap on the run shown failed, whatever the status. */
  actionError: string | null;
  /** Ids of personas edited in this session. */
  edited: ReadonlySet<string>;
}

export const useWorkshopState = create<WorkshopState>(() => ({
  status: 'idle',
  requestId: null,
  progress: null,
  runId: null,
  opening: null,
  fromCache: false,
  fallback: null,
  error: null,
  actionError: null,
  edited: new Set(),
}));

export const isShown = (runId: string): boolean => useWorkshopState.getState().runId === runId;

export function markEdited(personaId: string, edited = true): void {
  useWorkshopState.setState((state) => {
    const next = new Set(state.edited);
    if (edited) next.add(personaId);
    else next.delete(personaId);
    return { edited: next };
  });
}

/**
 * Takes the run on screen off it (deleted, or of a workshop the user left): the workshop shows its
 * empty state and a reload does not bring the run back. A generation running is left alone.
 */
export function leaveRun(): void {
  const { status } = useWorkshopState.getState();
  useWorkshopState.setState({ runId: null, fromCache: false, fallback: null, actionError: null, edited: new Set(), ...(status === 'done' || status === 'error' ? { status: 'idle', error: null } : {}) });
  forgetRun();
}

/** An action on the run shown failed: the message takes focus unless the user moved on meanwhile. */
/** Shows why an action failed; focus goes to the message unless the user has moved on from `from`, the control that started it. */
export function failAction(message: string, from?: string): void {
  useWorkshopState.setState({ actionError: message });
  focusWhenShown(FOCUS_IDS.actionError, { onlyIfLost: true, ...(from ? { from } : {}) });
}

export const dismissActionError = (): void => useWorkshopState.setState({ actionError: null });

/** The composer's field named by an error's path ("brief.description", "brief.ageRange.0"), if any. */
const BRIEF_FIELDS = ['description', 'count', 'level', 'segment', 'location', 'ageRange', 'seed'] as const;
export type BriefField = (typeof BRIEF_FIELDS)[number];
export function briefFieldOf(path: string | undefined): BriefField | undefined {
  const [root, key] = (path ?? '').split('.');
  return root === 'brief' ? BRIEF_FIELDS.find((f) => f === key) : undefined;
}
