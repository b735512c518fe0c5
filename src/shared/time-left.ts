/** A generation's time left in words, rounded as a person would say it; the CLI and the Workshop share it. */

/** "about 1 min 20 s left", "less than 10 s left"; capitalised for a sentence of its own. */
export function describeTimeLeft(ms: number, capitalised = false): string {
  const text = timeLeftWords(ms);
  return capitalised ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function timeLeftWords(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 10) return 'less than 10 s left';
  // Finer than the estimate's own spread would be false precision: 5 s steps under a minute, 10 s under ten, then minutes.
  if (seconds < 57.5) return `about ${Math.round(seconds / 5) * 5} s left`;
  if (seconds < 595) {
    const tens = Math.round(seconds / 10) * 10;
    const min = Math.floor(tens / 60);
    const sec = tens % 60;
    return `about ${min} min${sec ? ` ${sec} s` : ''} left`;
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const rest = minutes % 60;
  return `about ${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''} left`;
}
