/** The dashboard's suggestions, each with the figures behind it: the monitor's own from the last two hours of rollups, and the cache's. */
import type { MonitorSuggestion } from '../../shared/metrics';
import { callLatencyOf, MINUTE, type MinuteRollup } from './rollups';

export interface SuggestionContext {
  now: number;
  rollups: readonly MinuteRollup[];
  /** The timeout a provider's next call would get. */
  timeoutMs: (provider: string) => number;
  validationTarget: number;
}

export function monitorSuggestions({ now, rollups, timeoutMs, validationTarget }: SuggestionContext): MonitorSuggestion[] {
  const lastHour = rollups.filter((r) => r.minute >= now - HOUR);
  const hourBefore = rollups.filter((r) => r.minute >= now - 2 * HOUR && r.minute < now - HOUR);
  const suggestions: MonitorSuggestion[] = [];
  const providers = new Set(lastHour.flatMap((r) => Object.keys(r.calls)));
  for (const provider of providers) {
    const recent = callLatencyOf(lastHour, provider);
    const earlier = callLatencyOf(hourBefore, provider);
    const p95 = recent.quantile(0.95);
    const before = earlier.quantile(0.95);
    if (recent.count < MIN_CALLS || earlier.count < MIN_CALLS || p95 === null || before === null || p95 < before * 2) continue;
    suggestions.push({
      source: 'monitor',
      id: `latency_up:${provider}`,
      advice: `${provider} p95 ${p95 >= before * 2.5 ? 'more than doubled' : 'doubled'} in the last hour: timeouts follow it and are now ${(timeoutMs(provider) / 1000).toFixed(0)} s; a smaller model or fewer personas per call would answer sooner.`,
      evidence: `p95 ${(before / 1000).toFixed(1)} s over ${earlier.count} calls the hour before, ${(p95 / 1000).toFixed(1)} s over ${recent.count} calls in the last hour`,
    });
  }
  const sum = (key: keyof MinuteRollup['counters']) => lastHour.reduce((n, r) => n + r.counters[key], 0);
  const calls = sum('calls');
  const timeouts = sum('timeouts');
  if (calls >= MIN_CALLS && timeouts / calls > 0.05) {
    suggestions.push({
      source: 'monitor',
      id: 'timeouts',
      advice: 'Provider calls time out often: check that the model is loaded and the machine is not swapping, or choose a faster model.',
      evidence: `${timeouts} of ${calls} calls timed out in the last hour`,
    });
  }
  const answers = sum('validationAnswers');
  const succeeded = sum('validationSucceeded');
  if (answers >= 10 && succeeded / answers < validationTarget) {
    suggestions.push({
      source: 'monitor',
      id: 'validation',
      advice: 'Many provider answers held no usable persona: a larger model, or fewer personas per call, usually fixes this.',
      evidence: `${succeeded} of ${answers} answers were usable in the last hour (target ${Math.round(validationTarget * 100)}%)`,
    });
  }
  return suggestions;
}

/** The cache's advice as the dashboard shows it; while the emergency response holds L1 shrunk, its evictions are expected and not advised on. */
export function cacheSuggestions(fromCache: ReadonlyArray<{ id: string; advice: string; evidence: string }>, emergency: boolean): MonitorSuggestion[] {
  return fromCache.filter((s) => !(emergency && s.id === 'l1_too_small')).map((s) => ({ source: 'cache', id: s.id, advice: s.advice, evidence: s.evidence }));
}

const HOUR = 60 * MINUTE;
/** Calls an hour needs before its p95 is compared with the hour before. */
const MIN_CALLS = 20;
