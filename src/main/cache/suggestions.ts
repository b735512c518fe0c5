/**
 * optimizationSuggestions: advice on the cache's settings, each with the last hour's evidence for it
 * (L1 too small, time-to-live too short, cache.db full, preloading wasted). Each names the setting
 * as the Settings screen labels it, so the user finds it and the dashboard's Apply can change it.
 */
import { formatBytes } from '../../shared/monitor-units';
import type { CacheSuggestion, CacheTierStats } from '../../shared/performance';
import type { WindowCounter } from './cache-stats';
import type { HourWindow } from './hour-window';

export interface SuggestionInputs {
  window: HourWindow<WindowCounter>;
  l1: Pick<CacheTierStats, 'maxBytes'>;
  l2: Pick<CacheTierStats, 'bytes' | 'maxBytes'>;
  preload: { loaded: number; used: number };
}

export function optimizationSuggestions({ window, l1, l2, preload }: SuggestionInputs): CacheSuggestion[] {
  const suggestions: CacheSuggestion[] = [];
  const l2Hits = window.total('l2Hits');
  const afterEviction = window.total('l2HitsAfterL1Eviction');
  if (l2Hits >= 20 && afterEviction / l2Hits >= 0.3) {
    const share = Math.round((afterEviction / l2Hits) * 100);
    suggestions.push({
      id: 'l1_too_small',
      advice: `The memory cache (L1) is too small: raise Settings › Cache › Memory cache budget from ${formatBytes(l1.maxBytes)} to about ${formatBytes(l1.maxBytes * 2)}.`,
      evidence: `${share}% of the ${l2Hits} L2 hits in the last hour were entries evicted from L1.`,
    });
  }
  const misses = window.total('misses');
  const expired = window.total('expiredMisses');
  if (misses >= 20 && expired / misses >= 0.3) {
    suggestions.push({
      id: 'ttl_too_short',
      advice: 'Entries expire before they are asked for again: raise Settings › Cache › Shortest entry lifetime.',
      evidence: `${expired} of the ${misses} misses in the last hour found an expired entry.`,
    });
  }
  const evictions = window.total('l2Evictions');
  if (evictions >= 20 && l2.bytes >= l2.maxBytes * 0.9) {
    suggestions.push({
      id: 'l2_too_small',
      advice: `cache.db is full: raise Settings › Cache › cache.db budget from ${formatBytes(l2.maxBytes)}.`,
      evidence: `${evictions} entries were evicted from L2 in the last hour; it holds ${formatBytes(l2.bytes)} of ${formatBytes(l2.maxBytes)}.`,
    });
  }
  if (preload.loaded >= 20 && preload.used / preload.loaded < 0.2) {
    suggestions.push({
      id: 'preload_wasted',
      advice: 'Preloading warms entries nobody asks for: lower Settings › Cache › Lookups preloaded after each, or turn Preloading off.',
      evidence: `${preload.used} of ${preload.loaded} preloaded entries were used.`,
    });
  }
  return suggestions;
}
