/** The run on screen, remembered so that a reload reopens it. */
const LAST_RUN = 'persona-studio:last-run';

export function rememberRun(runId: string): void {
  try {
    localStorage.setItem(LAST_RUN, runId);
  } catch {
    // Storage may be off (private mode): the workshop simply starts empty next time.
  }
}

export function lastRunId(): string | null {
  try {
    return localStorage.getItem(LAST_RUN);
  } catch {
    return null;
  }
}

export function forgetRun(): void {
  try {
    localStorage.removeItem(LAST_RUN);
  } catch {
    // Nothing was stored either.
  }
}
