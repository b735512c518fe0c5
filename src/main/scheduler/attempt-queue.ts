/**
 * Admission: every attempt waits in one priority queue (p-queue) whose concurrency is the adaptive
 * limit, then runs under its own timeout inside its provider's breaker. What an attempt shows (its
 * latency, an overload) feeds the limit, and each attempt is reported to the observers. A failure
 * leaves here as a CallError with known API keys hidden: its message reaches the limit's history,
 * the breaker's refusals and the caller.
 */
import { BrokenCircuitError } from 'cockatiel';
import PQueue from 'p-queue';
import type { SecretRegistry } from '../platform';
import type { AdaptiveLimit } from './adaptive-limit';
import { asCallError, CallError } from './call-error';
import type { CallEvent, CallKind, CallSpec, Priority } from './call-spec';
import { costUnits, type LatencyTracker } from './latency-tracker';
import type { ProviderRecord } from './provider-breakers';

export interface AttemptQueueDeps {
  /** Attempts that may run at once, until the limit moves it. */
  concurrency: number;
  latency: LatencyTracker;
  limit: AdaptiveLimit;
  /** An attempt's timeout, from the scheduler's timeout policy and observed latency. */
  timeoutFor: (provider: string, kind: CallKind, units: number, attempt: number) => number;
  secretRegistry: SecretRegistry;
}

/** One attempt of a call: its spec, its provider's record, and the call's signal and end. */
export interface Attempt<T> {
  spec: CallSpec<T>;
  record: ProviderRecord;
  units: number;
  attempt: number;
  callSignal: AbortSignal;
  endsAt: number;
}

export class AttemptQueue {
  private readonly queue: PQueue;
  private readonly observers = new Set<(event: CallEvent) => void>();

  constructor(private readonly deps: AttemptQueueDeps) {
    this.queue = new PQueue({ concurrency: deps.concurrency });
  }

  /** Attempts holding a slot. */
  get running(): number {
    return this.queue.pending;
  }

  /** Attempts waiting for a slot. */
  get queued(): number {
    return this.queue.size;
  }

  set concurrency(limit: number) {
    this.queue.concurrency = limit;
  }

  /** Calls `listener` after every attempt; returns the unsubscribe. */
  observe(listener: (event: CallEvent) => void): () => void {
    this.observers.add(listener);
    return () => this.observers.delete(listener);
  }

  /** Waits for a slot, then runs the attempt; ends at once when the call's signal aborts, even while waiting. */
  run<T>(attempt: Attempt<T>): Promise<T> {
    // p-queue 8 looks at the signal only when it dequeues a task: a call waiting for a slot would outlive its deadline.
    return settledOrAborted(this.queue.add(() => this.execute(attempt), { priority: PRIORITY[attempt.spec.priority], signal: attempt.callSignal }) as Promise<T>, attempt.callSignal);
  }

  clear(): void {
    this.queue.clear();
  }

  private async execute<T>({ spec, record, units, attempt, callSignal, endsAt }: Attempt<T>): Promise<T> {
    const { latency, limit } = this.deps;
    callSignal.throwIfAborted();
    const timeoutMs = Math.min(this.deps.timeoutFor(spec.provider, spec.kind, units, attempt), endsAt - performance.now());
    const timeout = AbortSignal.timeout(Math.max(1, Math.round(timeoutMs)));
    const signal = AbortSignal.any([callSignal, timeout]);
    const started = performance.now();
    try {
      // Timeouts become CallErrors inside the breaker, so that it counts them as provider faults.
      const value = await record.breaker.execute(async () => {
        try {
          return await spec.run(signal, attempt);
        } catch (error) {
          if (timeout.aborted && !callSignal.aborted) throw new CallError('timeout', `${spec.provider} did not answer within ${Math.round(timeoutMs)} ms`, { provider: spec.provider });
          throw error instanceof CallError || callSignal.aborted ? error : asCallError(error, spec.provider);
        }
      }, signal);
      const ms = performance.now() - started;
      latency.record(spec.provider, spec.kind, units, ms);
      limit.onSuccess(spec.provider, spec.kind, this.queue.pending, performance.now());
      this.notify({ provider: spec.provider, kind: spec.kind, ms });
      return value;
    } catch (thrown) {
      const error = thrown instanceof CallError ? thrown.scrubbed(this.deps.secretRegistry) : thrown;
      // An open breaker refused the call before it reached the provider: not an attempt; nor is one the user cancelled.
      // An attempt cut short by the call's deadline is, for the monitor, a timeout like any other.
      if (!(error instanceof BrokenCircuitError) && !spec.signal?.aborted) {
        const code = callSignal.aborted ? 'timeout' : error instanceof CallError ? error.code : 'network';
        this.notify({ provider: spec.provider, kind: spec.kind, ms: performance.now() - started, error: code });
      }
      if (error instanceof CallError && error.providerFault) record.lastFault = error;
      if (error instanceof CallError && error.overload) {
        const usual = latency.perUnit(spec.provider, spec.kind, 0.5);
        limit.onOverload(error.message, performance.now(), usual === undefined ? timeoutMs : usual * costUnits(units));
      }
      throw error;
    }
  }

  private notify(event: CallEvent): void {
    for (const observer of this.observers) observer(event);
  }
}

const PRIORITY: Record<Priority, number> = { high: 2, medium: 1, low: 0 };

/** `work`'s outcome, or the signal's reason as soon as it aborts (`work` still settles, unobserved). */
function settledOrAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
