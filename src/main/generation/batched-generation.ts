/**
 * A remote LLM's share of a generation: the count split into calls of the best size for the
 * scheduler's current limit and what the provider says fits one call, run in parallel; each answer
 * repaired on arrival; only the personas a call failed to deliver asked for again; and when the
 * provider stays down (retries spent, breaker open) the rest written by the offline engine, each
 * such persona marked with source "offline". An answer the provider cut short is never silent:
 * its missing personas are asked for again in smaller calls, and the run's report says so.
 */
import type { Persona, ReportIssue } from '../../shared/persona';
import { CallError, asCallError } from '../scheduler';
import type { Priority, Scheduler } from '../scheduler';
import type { CutAnswer, LlmProvider, PersonaRequest, ProviderContext, ProviderOutput } from '../providers';
import { appendRepair, type RepairResult } from '../validation';

/** Rounds of asking again for personas that calls failed to deliver. */
const MAX_ROUNDS = 3;

export interface BatchDeps {
  provider: LlmProvider;
  offline: LlmProvider;
  scheduler: Scheduler;
  priority: Priority;
  /** The most personas one call may ask for; default no limit beyond the plan's. */
  maxBatchSize?: number;
  /** Repairs one answer for `count` personas (throws when nothing is recoverable). */
  /** `fallback` marks the offline engine's answer, kept out of the provider's own validation figures. */
  repair: (output: ProviderOutput, count: number, fallback?: boolean) => RepairResult;
}

export interface Fallback {
  provider: string;
  personas: number;
  reason: string;
}

export interface BatchedResult {
  repaired: RepairResult;
  /** Set when some personas came from the offline engine instead of the provider. */
  fallback?: Fallback;
  calls: number;
  /** Answers the provider cut short, each with the personas its call asked for. */
  cuts: Array<CutAnswer & { asked: number }>;
}

export async function generateInBatches(deps: BatchDeps, request: PersonaRequest, context: ProviderContext): Promise<BatchedResult> {
  const total = request.count;
  let combined: RepairResult | undefined;
  let calls = 0;
  let lastFailure: CallError | undefined;
  const cuts: BatchedResult['cuts'] = [];
  const delivered = () => combined?.document.personas.length ?? 0;
  // Progress never goes back: an answer counted on arrival may lose a duplicate name when the round is combined.
  let shown = 0;
  const report = (done = delivered()) => {
    shown = Math.max(shown, Math.min(total, done));
    context.onPersona?.(shown, total);
  };

  // When a Retry-After from a failed call ends: the scheduler waits one out only within the call's deadline.
  let pausedUntil = 0;
  for (let round = 0; round < MAX_ROUNDS && delivered() < total; round++) {
    // An open breaker still gets the first round: its pause may be over, and the scheduler lets a test call through.
    if (round > 0 && deps.scheduler.breakerState(deps.provider.id) === 'open') break;
    // Asking again at once would ignore the pause the provider asked for: the rest come from the offline engine.
    if (performance.now() < pausedUntil) break;
    const wanted = total - delivered();
    // Asked each round: an answer cut in the last one lowers what fits.
    const sizes = planBatches(wanted, deps.scheduler.limit.value, maxBatch(deps, request));
    const exclude = combined?.document.personas.map((p) => p.name) ?? [];
    // Personas this round's calls have answered so far, reported as each call lands: the time left follows them.
    let arrived = 0;
    const results = await Promise.allSettled(
      sizes.map((count, i) => {
        calls++;
        return deps.scheduler.call({
          provider: deps.provider.id,
          kind: 'generate',
          priority: deps.priority,
          units: count,
          signal: context.signal,
          // baseUrl: the engine's server the scheduler chose for this attempt (one of several).
          run: async (signal, _attempt, baseUrl) => {
            const output = await deps.provider.generate({ ...request, count, seed: callSeed(request.seed, round, i), ...(exclude.length ? { exclude } : {}) }, { signal, ...(baseUrl ? { baseUrl } : {}), ...(context.onFirstToken ? { onFirstToken: context.onFirstToken } : {}) });
            const cut = output.format === 'text' ? output.cut : undefined;
            if (cut) cuts.push({ ...cut, asked: count });
            // Nothing complete before the cut: all of it is asked for again, in smaller calls.
            if (cut?.complete === 0) return undefined;
            try {
              return deps.repair(output, count);
            } catch (error) {
              // An answer with nothing usable in it is worth asking again, like a garbled body.
              throw new CallError('malformed', error instanceof Error ? error.message : String(error), { provider: deps.provider.id });
            }
          },
        }).then((repaired) => {
          arrived += repaired?.document.personas.length ?? 0;
          if (repaired) report(delivered() + arrived);
          return repaired;
        }).catch((error: unknown) => {
          const retryAfterMs = error instanceof CallError ? error.details.retryAfterMs : undefined;
          if (retryAfterMs) pausedUntil = Math.max(pausedUntil, performance.now() + retryAfterMs);
          throw error;
        });
      }),
    );
    context.signal.throwIfAborted();
    for (const result of results) {
      if (result.status === 'rejected') {
        const failure = asCallError(result.reason, deps.provider.id);
        // An open breaker is a consequence; the failure that opened it is the reason worth showing.
        if (failure.code !== 'circuit_open' || !lastFailure) lastFailure = failure;
        continue;
      }
      if (!result.value) continue;
      const personas = distinctFrom(combined, result.value, deps.provider.id);
      combined = combined ? appendRepair(combined, personas, total) : personas;
      report();
    }
    // Failures that another round cannot fix end the rounds now; calls refused by a half-open
    // breaker are asked again once its test call has closed it (an open breaker ends the loop above).
    if (lastFailure && !lastFailure.retryable && lastFailure.code !== 'deadline' && lastFailure.code !== 'circuit_open') break;
  }

  const missing = total - delivered();
  if (missing === 0 && combined) return { repaired: withCuts(combined, cuts, deps, request, true), calls, cuts };
  const reason = lastFailure?.message ?? `${deps.provider.label} returned ${delivered()} of the ${total} personas asked for${cuts.length ? `, its answers cut short (${cutReasons(cuts)})` : ''}`;
  const offline = deps.repair(await deps.offline.generate({ ...request, count: missing, exclude: combined?.document.personas.map((p) => p.name) ?? [] }, { signal: context.signal }), missing, true);
  const marked = withSource(offline, deps.offline.id);
  combined = combined ? appendRepair(combined, marked, total) : marked;
  report();
  return { repaired: withCuts(combined, cuts, deps, request, false), fallback: { provider: deps.offline.id, personas: missing, reason }, calls, cuts };
}

/** The most personas a call asks for: the tuner's cap and what the provider says fits, whichever is lower. */
function maxBatch(deps: BatchDeps, request: PersonaRequest): number | undefined {
  const limits = [deps.maxBatchSize, deps.provider.maxPersonasPerCall?.(request.level)].filter((n): n is number => n !== undefined);
  return limits.length ? Math.min(...limits) : undefined;
}

/**
 * Each call's seed: the run's, moved on per round and call so that a call asked again is not the
 * same draw, kept within 32 bits (each wire maps it onto its API's own range).
 */
export function callSeed(seed: number, round: number, call: number): number {
  return (seed + round * 1000 + call) >>> 0;
}

function cutReasons(cuts: BatchedResult['cuts']): string {
  return [...new Set(cuts.map((cut) => cut.reason))].join(', ');
}

/** The run's report with a line saying which answers were cut and what became of their personas. */
function withCuts(result: RepairResult, cuts: BatchedResult['cuts'], deps: BatchDeps, request: PersonaRequest, recovered: boolean): RepairResult {
  if (cuts.length === 0) return result;
  const lost = cuts.reduce((n, cut) => n + cut.asked - cut.complete, 0);
  const cap = deps.provider.maxPersonasPerCall?.(request.level);
  const issue: ReportIssue = {
    type: 'truncated',
    path: '/personas',
    fixed: recovered,
    how: `${deps.provider.label} cut ${cuts.length} answer${cuts.length === 1 ? '' : 's'} short (${cutReasons(cuts)}): the ${lost} persona${lost === 1 ? '' : 's'} missing from ${cuts.length === 1 ? 'it' : 'them'} ${recovered ? (lost === 1 ? 'was' : 'were') : 'could not all be'} asked for again${cap ? ` in calls of at most ${cap}` : ''}`,
  };
  const report = { ...result.report, valid: result.report.valid && recovered, issues: [...result.report.issues, issue] };
  return { ...result, report, document: { ...result.document, report } };
}

/**
 * Call sizes for `count` personas under a limit of `limit` calls at once. An LLM's time grows with
 * its output (a fixed part plus one per persona), so the plan minimises waves × (1 + size): one
 * persona per call when the limit allows, bigger calls (up to `maxSize`) when it does not.
 */
export function planBatches(count: number, limit: number, maxSize = count): number[] {
  const largest = Math.max(1, Math.min(count, maxSize));
  let best = { size: largest, cost: Number.POSITIVE_INFINITY };
  for (let size = largest; size >= 1; size--) {
    const waves = Math.ceil(Math.ceil(count / size) / Math.max(1, limit));
    const cost = waves * (1 + size);
    if (cost < best.cost) best = { size, cost };
  }
  const sizes: number[] = [];
  for (let left = count; left > 0; left -= best.size) sizes.push(Math.min(best.size, left));
  return sizes;
}

/** The answer's personas with their source, without names already delivered by another call. */
function distinctFrom(combined: RepairResult | undefined, result: RepairResult, source: string): RepairResult {
  const taken = new Set(combined?.document.personas.map((p) => p.name.toLowerCase()) ?? []);
  const keep = result.document.personas.map((p) => !taken.has(p.name.toLowerCase()));
  if (keep.every(Boolean)) return withSource(result, source);
  const personas = result.document.personas.filter((_, i) => keep[i]);
  return withSource({ ...result, document: { ...result.document, personas }, personas: result.personas.filter((_, i) => keep[i]), missing: result.missing + keep.filter((k) => !k).length }, source);
}

function withSource(result: RepairResult, source: string): RepairResult {
  const personas: Persona[] = result.document.personas.map((p) => ({ ...p, meta: { ...p.meta, source } }));
  return { ...result, document: { ...result.document, personas } };
}
