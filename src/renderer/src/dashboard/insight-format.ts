/** Names and units of what the Engines, Caching and Optimization tabs show; a missing figure reads "—". */
import type { EngineFigureId, EngineProfile } from '../../../shared/insight';
import { DASH, formatDuration, formatNumber, formatRate } from './format';

export function formatFigure(id: EngineFigureId, value: number | null | undefined): string {
  return id.endsWith('_ms') ? formatDuration(value) : formatRate(value);
}

export const BREAKER: Record<EngineProfile['breaker'], string> = { closed: 'working', open: 'paused (breaker open)', half_open: 'testing recovery' };

export const TRENDS: Record<EngineProfile['figures'][number]['trend'], string> = { improving: '↑ improving', degrading: '↓ degrading', stable: '→ stable', unknown: 'trend not known yet' };

export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? DASH : `${Math.round(score)} / 100`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return DASH;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1_048_576) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(bytes / 104_857.6) / 10)} MB`;
}

export function formatMicros(us: number | null | undefined): string {
  if (us === null || us === undefined) return DASH;
  return us < 1000 ? `${Math.round(us)} µs` : formatDuration(us / 1000);
}
