/** Pinned personas (kept across reloads) and the ones chosen for side-by-side comparison. */
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

interface SelectionState {
  pinned: ReadonlySet<string>;
  compared: readonly string[];
  togglePin: (id: string) => void;
  toggleCompare: (id: string) => void;
  clearCompare: () => void;
}

export const useSelection = create<SelectionState>((set, get) => ({
  pinned: loadPinned(),
  compared: [],
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
  toggleCompare(id) {
    const compared = get().compared;
    if (compared.includes(id)) set({ compared: compared.filter((c) => c !== id) });
    else if (compared.length < MAX_COMPARED) set({ compared: [...compared, id] });
  },
  clearCompare: () => set({ compared: [] }),
}));
