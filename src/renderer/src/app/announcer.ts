/** The one short status line a screen reader hears after an action ("5 personas ready"), instead of whole regions re-read. */
import { create } from 'zustand';

interface AnnouncerState {
  message: string;
  /** Counts the announcements: the same words twice must still change the line, or the second goes unheard. */
  count: number;
  announce: (message: string) => void;
}

export const useAnnouncerState = create<AnnouncerState>((set, get) => ({
  message: '',
  count: 0,
  announce: (message) => set({ message, count: get().count + 1 }),
}));

export const announce = (message: string): void => useAnnouncerState.getState().announce(message);
