/** Pinned personas (kept across reloads) and the ones of the run on screen chosen for side-by-side comparison. */
import { create } from 'zustand';

const PINNED = 'persona-studio:pinned';
export const MAX_COMPARED = 4;

function loadPinned(): Set<string> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(PINNED) ?? '[]');
    return new Set(Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

/** A comparison belongs to one run: choosing a persona of another run starts a new one. */
interface Comparison {
  runId: string | null;
  ids: readonly string[];
}

/** The compared ids of this run that are still among its personas (a regenerated persona drops out). */
export function comparedIn(comparison: Comparison, runId: string, personaIds: readonly string[]): string[] {
  return comparison.runId === runId ? comparison.ids.filter((id) => personaIds.includes(id)) : [];
}

interface SelectionState {
  pinned: ReadonlySet<string>;
  compared: Comparison;
  togglePin: (id: string) => void;
  /** Adds or removes a persona of the run shown, whose persona ids are `personaIds`. */
  toggleCompare: (runId: string, id: string, personaIds: readonly string[]) => void;
  clearCompare: () => void;
}

export const useSelectionState = create<SelectionState>((set, get) => ({
  pinned: loadPinned(),
  compared: { runId: null, ids: [] },
  togglePin(id) {
    const pinned = new Set(get().pinned);
    if (pinned.has(id)) pinned.delete(id);
    else pinned.add(id);
    try {
      localStorage.setItem(PINNED, JSON.stringify([...pinned]));
    } catch {
      // Pins then last for this session only.
    }
    set({ pinned });
  },
  toggleCompare(runId, id, personaIds) {
    const ids = comparedIn(get().compared, runId, personaIds);
    if (ids.includes(id)) set({ compared: { runId, ids: ids.filter((c) => c !== id) } });
    else if (ids.length < MAX_COMPARED) set({ compared: { runId, ids: [...ids, id] } });
  },
  clearCompare: () => set({ compared: { runId: null, ids: [] } }),
}));
