/** The ranges the dashboard shows: the live minute, or an hour, a day or a week of history. */
import type { HistoryResolution } from '../../../shared/metrics';

export type HistoryRangeId = '1h' | '24h' | '7d';
export type RangeId = 'live' | HistoryRangeId;

export interface RangeOption {
  id: RangeId;
  label: string;
}

export const RANGES: readonly RangeOption[] = [
  { id: 'live', label: 'Live' },
  { id: '1h', label: '1 h' },
  { id: '24h', label: '24 h' },
  { id: '7d', label: '7 d' },
];

/** What monitor:history is asked for each range. */
export const HISTORY_REQUESTS: Record<HistoryRangeId, { rangeMs: number; resolution: HistoryResolution }> = {
  '1h': { rangeMs: 3_600_000, resolution: '1m' },
  '24h': { rangeMs: 86_400_000, resolution: '5m' },
  '7d': { rangeMs: 7 * 86_400_000, resolution: '1h' },
};
