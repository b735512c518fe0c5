/** Milliseconds that may be well under one (a Redis read, a local model server): one decimal below 10 ms. */
import { DASH, formatDuration } from './format';

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return DASH;
  return ms < 10 ? `${ms.toFixed(1)} ms` : formatDuration(ms);
}
