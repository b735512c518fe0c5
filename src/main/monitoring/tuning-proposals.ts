/** What the tuner may try, from the evidence of the last window and the cache's own suggestions. */
import type { TunableId } from '../../shared/metrics';
import type { Proposal } from './auto-tuner';
import { ratesOf, type WindowSummary } from './metric-series';

export interface ProposalInputs {
  window: WindowSummary;
  cacheSuggestions: ReadonlyArray<{ id: string; evidence: string }>;
  value: (tunable: TunableId) => number | undefined;
  concurrencyMax: number;
}

export function tuningProposals({ window, cacheSuggestions, value, concurrencyMax }: ProposalInputs): Proposal[] {
  const proposals: Proposal[] = [];
  const c = window.counters;
  const suggested = (id: string) => cacheSuggestions.find((s) => s.id === id);
  const l1 = value('l1_bytes');
  const l1Advice = suggested('l1_too_small');
  if (l1 !== undefined && l1Advice) proposals.push({ tunable: 'l1_bytes', to: Math.round(l1 * 1.5), metric: 'hit_rate', reason: `L1 too small: ${l1Advice.evidence}` });
  const ttl = value('ttl_min_ms');
  const ttlAdvice = suggested('ttl_too_short');
  if (ttl !== undefined && ttlAdvice) proposals.push({ tunable: 'ttl_min_ms', to: ttl * 2, metric: 'hit_rate', reason: `entries expire too soon: ${ttlAdvice.evidence}` });
  const limitMean = window.gaugeMean.limit;
  const queuedMax = window.gaugeMax.queued;
  if (limitMean !== null && queuedMax !== null && limitMean >= concurrencyMax - 0.5 && queuedMax >= 1 && c.calls >= 20) {
    proposals.push({ tunable: 'concurrency_max', to: Math.ceil(concurrencyMax * 1.5), metric: 'throughput', reason: `the limit sat at its ceiling of ${concurrencyMax} with up to ${queuedMax} calls queued` });
  }
  const { timeoutRate, repairRate } = ratesOf(window, true);
  const factor = value('timeout_factor');
  if (timeoutRate !== null && timeoutRate > 0.05 && factor !== undefined) {
    proposals.push({ tunable: 'timeout_factor', to: factor * 1.25, metric: 'timeout_rate', reason: `${Math.round(timeoutRate * 100)}% of ${c.calls} calls timed out` });
  }
  const batch = value('batch_size');
  if (repairRate !== null && repairRate > 0.3 && batch !== undefined && batch > 1) {
    proposals.push({ tunable: 'batch_size', to: batch - 1, metric: 'repair_rate', reason: `${Math.round(repairRate * 100)}% of ${c.personas} personas needed repair` });
  }
  return proposals;
}
