/**
 * Dynamic timeouts: a call may take `factor` × the p95 latency its provider showed for this kind
 * and size, within bounds, and each retry gets `growth` times more. Before enough calls have been
 * seen, the kind's initial timeout applies.
 */
import { costUnits, type LatencyTracker } from './latency-tracker';

export interface TimeoutPolicy {
  /** Per-unit starting timeout by call kind, before latency has been observed. */
  initialPerUnitMs: Record<string, number>;
  factor: number;
  growth: number;
  minMs: number;
  maxMs: number;
}

export const DEFAULT_TIMEOUTS: TimeoutPolicy = {
  // A local LLM writes a standard persona in 5-30 s; a cultural lookup answers in under 10 s; a
  // persona's answer to a question is a paragraph (a minute at most, with a model still loading).
  initialPerUnitMs: { generate: 45_000, culture: 8_000, probe: 2_500, ask: 30_000 },
  factor: 3,
  growth: 1.5,
  minMs: 1_000,
  maxMs: 300_000,
};

export function timeoutFor(tracker: LatencyTracker, policy: TimeoutPolicy, provider: string, kind: string, units: number, attempt: number): number {
  const p95 = tracker.perUnit(provider, kind, 0.95);
  const base = p95 === undefined ? (policy.initialPerUnitMs[kind] ?? policy.maxMs / 4) : p95 * policy.factor;
  const ms = base * costUnits(units) * policy.growth ** attempt;
  return Math.round(Math.min(policy.maxMs, Math.max(policy.minMs, ms)));
}
