/** Whether the executive summary is open: remembered for this browser session (a reload keeps it), open at first. */
import { create } from 'zustand';

const OPEN_KEY = 'persona-studio:summary-open';

function loadOpen(): boolean {
  try {
    return sessionStorage.getItem(OPEN_KEY) !== 'false';
  } catch {
    return true;
  }
}

interface SummaryState {
  open: boolean;
  toggle: () => void;
}

export const useSummaryState = create<SummaryState>((set, get) => ({
  open: loadOpen(),
  toggle: () => {
    const open = !get().open;
    try {
      sessionStorage.setItem(OPEN_KEY, String(open));
    } catch {
      // Storage refused (private mode, quota): the choice lasts until the page is left.
    }
    set({ open });
  },
}));
