/**
 * Keyboard focus after an action that replaces the focused control: it goes to the control or
 * heading that now matters, once React has rendered it, instead of falling to <body>.
 */

/** About a second of frames: long enough for any render, short enough not to surprise later. */
const MAX_FRAMES = 60;

/** Only the latest request is carried out: an older one still waiting for its element gives way. */
let latest = 0;

export interface FocusOptions {
  /** Leave focus alone if it is still on a control (the user moved on while the action ran). */
  onlyIfLost?: boolean;
  /** With onlyIfLost: focus on this control (the one that started the action) counts as lost too. */
  from?: string;
  /** Scroll the element to the top of the page (under the top bar): for panels and headings that open above. */
  toTop?: boolean;
  /** An element found counts only once this accepts it (a row that moved, in its new place; a list once the row left it). */
  accept?: (element: HTMLElement) => boolean;
}

function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected || (active as HTMLButtonElement).disabled === true;
}

function usable(element: HTMLElement | null): element is HTMLElement {
  return element !== null && !(element as HTMLButtonElement).disabled && element.getClientRects().length > 0;
}

/**
 * Focuses the element with this id as soon as it is rendered and enabled; given several ids, the
 * first of them that is (a row that may have gone, then the list that held it).
 */
export function focusWhenShown(ids: string | readonly string[], { onlyIfLost = false, from, toTop = false, accept }: FocusOptions = {}): void {
  const request = ++latest;
  let frames = 0;
  const attempt = () => {
    if (request !== latest) return;
    const element = (typeof ids === 'string' ? [ids] : ids).map((id) => document.getElementById(id)).find((el) => usable(el) && (accept?.(el) ?? true)) ?? null;
    if (!usable(element)) {
      if (++frames < MAX_FRAMES) requestAnimationFrame(attempt);
      return;
    }
    if (onlyIfLost && !focusLost() && !(from !== undefined && document.activeElement?.id === from)) return;
    element.focus({ preventScroll: toTop });
    // Not taken while a modal dialog still makes the page inert: tried again once it has closed.
    if (document.activeElement !== element) {
      if (++frames < MAX_FRAMES) requestAnimationFrame(attempt);
      return;
    }
    if (toTop) element.scrollIntoView({ block: 'start' });
  };
  requestAnimationFrame(attempt);
}

/** Ids of the workshop's focus targets, shared by the components that render them and the actions that move focus. */
export const FOCUS_IDS = {
  generate: 'brief-generate',
  cancel: 'brief-cancel',
  results: 'results-heading',
  resultsArea: 'results',
  compare: 'compare-heading',
  actionError: 'workshop-action-error',
  runError: 'workshop-run-error',
  main: 'main',
  editButton: (personaId: string) => `persona-edit-${personaId}`,
  pinButton: (personaId: string) => `persona-pin-${personaId}`,
  regenerateButton: (personaId: string) => `persona-regenerate-${personaId}`,
  fillGap: (bandLabel: string) => `coverage-fill-${bandLabel.replace(/\W+/g, '-')}`,
  heading: (personaId: string) => `persona-${personaId}`,
  editorField: (personaId: string, field: string) => `persona-editor-${personaId}-${field}`,
  briefField: (field: string) => `brief-${field}`,
  personaHistory: (personaId: string) => `persona-history-${personaId}`,
  personaUndo: (personaId: string) => `persona-undo-${personaId}`,
  workshopSwitch: 'workshop-switch',
  workshopNew: 'workshop-new',
  historyHeading: 'history-heading',
  historyGroup: (workshopId: string) => `history-workshop-${workshopId}`,
  runRename: (runId: string) => `run-rename-${runId}`,
  runMove: (runId: string) => `run-move-${runId}`,
} as const;

/**
 * Brings a panel that just opened below its toggle into view without taking focus from the toggle:
 * all of it when it fits under the top bar, else from its top (so the toggle stays on screen).
 * Not when focus has already left the panel: the page then follows focus instead.
 */
export function revealPanel(panel: HTMLElement): void {
  if (!panel.contains(document.activeElement)) return;
  const topBar = document.querySelector('.topbar')?.getBoundingClientRect().height ?? 0;
  const fits = panel.getBoundingClientRect().height <= window.innerHeight - topBar;
  panel.scrollIntoView({ block: fits ? 'nearest' : 'start' });
}
