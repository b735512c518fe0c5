/**
 * Every outbound call (LLM generations, cultural lookups, probes) goes through one Scheduler: one
 * priority queue (p-queue) whose concurrency is the adaptive limit; per attempt a dynamic timeout;
 * retries with exponential backoff and jitter for retryable failures only, within the call's
 * deadline; and a circuit breaker per provider (cockatiel). A call never outlives its deadline:
 * time queued, attempts and backoff all count against it.
 */
import { BrokenCircuitError, CircuitState, IsolatedCircuitError, ConsecutiveBreaker, ExponentialBackoff, circuitBreaker, handleWhen, type CircuitBreakerPolicy, type IBackoff } from 'cockatiel';
import PQueue from 'p-queue';
import { AdaptiveLimit, DEFAULT_LIMITS, type LimitChange, type LimitPolicy } from './adaptive-limit';
import { asCallError, CallError } from './call-error';
import { DEFAULT_TIMEOUTS, timeoutFor, type TimeoutPolicy } from './call-timeouts';
import { costUnits, LatencyTracker, type LatencySummary } from './latency-tracker';
import { DEFAULT_CAPS, pressureOf, type ResourceCaps, type ResourceSample, type ResourceSource } from './resource-sampler';

export type Priority = 'high' | 'medium' | 'low';
export type CallKind = 'generate' | 'culture' | 'probe';

export interface CallSpec<T> {
  provider: string;
  kind: CallKind;
  /** high: the user's current generation; medium: regenerations; low: preloading. */
  priority: Priority;
  /** Units of work the call carries (personas asked for): timeouts scale with it. */
  units?: number;
  /** The caller's cancel. */
  signal?: AbortSignal;
  /** The whole call's budget from now, queueing and retries included; by default from observed latency. */
  deadlineMs?: number;
  /** One attempt; must honour its signal. */
  run: (signal: AbortSignal, attempt: number) => Promise<T>;
}

/** One attempt as the monitor sees it: how long it took and, when it failed, why. */
export interface CallEvent {
  provider: string;
  kind: CallKind;
  ms: number;
  error?: CallError['code'];
}

export interface RetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export interface BreakerPolicy {
  /** Consecutive provider faults that open the breaker. */
  failures: number;
  halfOpenAfterMs: number;
}

export interface SchedulerOptions {
  limits?: Partial<LimitPolicy>;
  timeouts?: Partial<TimeoutPolicy>;
  retry?: Partial<RetryPolicy>;
  breaker?: Partial<BreakerPolicy>;
  caps?: Partial<ResourceCaps>;
  /** CPU, memory and loop lag; null runs on latency alone (tests, benchmarks of latency). */
  resources?: ResourceSource | null;
}

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface ProviderHealth {
  provider: string;
  breaker: BreakerState;
  calls: number;
  failures: number;
  retries: number;
  latency: Partial<Record<CallKind, LatencySummary>>;
}

export interface SchedulerSnapshot {
  limit: number;
  running: number;
  queued: number;
  resources: ResourceSample | null;
  providers: ProviderHealth[];
  recentLimitChanges: LimitChange[];
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, initialDelayMs: 250, maxDelayMs: 8_000 };
export const DEFAULT_BREAKER: BreakerPolicy = { failures: 5, halfOpenAfterMs: 15_000 };

const PRIORITY: Record<Priority, number> = { high: 2, medium: 1, low: 0 };

interface ProviderState {
  breaker: CircuitBreakerPolicy;
  /** The last fault, named when the breaker is open. */
  lastFault?: CallError;
  calls: number;
  failures: number;
  retries: number;
  /** Set while isolate() holds the breaker open. */
  isolation?: NodeJS.Timeout;
}

export class Scheduler {
  readonly latency = new LatencyTracker();
  readonly limit: AdaptiveLimit;
  private readonly queue: PQueue;
  private readonly timeouts: TimeoutPolicy;
  private readonly retry: RetryPolicy;
  private readonly breakerPolicy: BreakerPolicy;
  private readonly caps: ResourceCaps;
  private readonly providers = new Map<string, ProviderState>();
  private readonly resources: ResourceSource | null;
  private readonly unsubscribe: () => void;
  private readonly observers = new Set<(event: CallEvent) => void>();

  constructor(options: SchedulerOptions = {}) {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.breakerPolicy = { ...DEFAULT_BREAKER, ...options.breaker };
    this.caps = { ...DEFAULT_CAPS, ...options.caps };
    this.queue = new PQueue({ concurrency: limits.initial });
    this.limit = new AdaptiveLimit(limits, this.latency, (limit) => {
      this.queue.concurrency = limit;
    });
    this.resources = options.resources ?? null;
    this.unsubscribe = this.resources?.subscribe((sample) => this.limit.onResources(pressureOf(sample, this.caps), sample.at)) ?? (() => {});
  }

  /** Runs a call under the limit, its deadline, retries and its provider's breaker. */
  async call<T>(spec: CallSpec<T>): Promise<T> {
    const units = spec.units ?? 1;
    const state = this.providerState(spec.provider);
    const budget = spec.deadlineMs ?? this.deadlineFor(spec.provider, spec.kind, units);
    const deadline = AbortSignal.timeout(Math.max(1, Math.round(budget)));
    const callSignal = spec.signal ? AbortSignal.any([spec.signal, deadline]) : deadline;
    const endsAt = performance.now() + budget;
    state.calls++;
    let backoff: IBackoff<unknown> | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(spec, state, units, attempt, callSignal, endsAt);
      } catch (raw) {
        const error = this.explain(raw, spec, callSignal, budget);
        const remaining = endsAt - performance.now();
        backoff = (backoff ?? new ExponentialBackoff({ initialDelay: this.retry.initialDelayMs, maxDelay: this.retry.maxDelayMs })).next(undefined);
        const wait = Math.max(backoff.duration, error.details.retryAfterMs ?? 0);
        if (!error.retryable || attempt + 1 >= this.retry.maxAttempts || wait >= remaining - this.timeouts.minMs / 4) {
          state.failures++;
          throw error;
        }
        state.retries++;
        await sleep(wait, callSignal).catch(() => {
          throw this.explain(callSignal.reason, spec, callSignal, budget);
        });
      }
    }
  }

  /** The queue and limit without per-provider detail: cheap enough to read every second. */
  load(): { limit: number; max: number; running: number; queued: number; resources: ResourceSample | null } {
    return { limit: this.limit.value, max: this.limit.max, running: this.queue.pending, queued: this.queue.size, resources: this.resources?.latest() ?? null };
  }

  /** The timeout the next first attempt of this kind would get, for one unit of work. */
  timeoutMs(provider: string, kind: CallKind): number {
    return timeoutFor(this.latency, this.timeouts, provider, kind, 1, 0);
  }

  /** The budget a call gets when its spec names none: enough for the first attempt and its retries at their growing timeouts. */
  deadlineFor(provider: string, kind: CallKind, units: number): number {
    let total = 0;
    for (let attempt = 0; attempt < this.retry.maxAttempts; attempt++) total += timeoutFor(this.latency, this.timeouts, provider, kind, units, attempt);
    return Math.min(this.timeouts.maxMs * 2, total);
  }

  /**
   * Holds a provider's breaker open for `ms`: its calls fail at once, so generations go straight
   * to the offline fallback instead of waiting out deadlines. Returns false if already held.
   */
  isolate(provider: string, ms: number): boolean {
    const state = this.providerState(provider);
    if (state.isolation) return false;
    const handle = state.breaker.isolate();
    state.isolation = setTimeout(() => {
      handle.dispose();
      state.isolation = undefined;
    }, ms).unref();
    return true;
  }

  /** Calls `listener` after every attempt; returns the unsubscribe. */
  observe(listener: (event: CallEvent) => void): () => void {
    this.observers.add(listener);
    return () => this.observers.delete(listener);
  }

  get timeoutFactor(): number {
    return this.timeouts.factor;
  }

  /** Timeouts become `factor` × p95 from the next attempt on. */
  setTimeoutFactor(factor: number): void {
    this.timeouts.factor = factor;
  }

  breakerState(provider: string): BreakerState {
    const state = this.providers.get(provider)?.breaker.state;
    if (state === CircuitState.Open || state === CircuitState.Isolated) return 'open';
    if (state === CircuitState.HalfOpen) return 'half_open';
    return 'closed';
  }

  snapshot(): SchedulerSnapshot {
    return {
      limit: this.limit.value,
      running: this.queue.pending,
      queued: this.queue.size,
      resources: this.resources?.latest() ?? null,
      providers: [...this.providers].map(([provider, state]) => ({
        provider,
        breaker: this.breakerState(provider),
        calls: state.calls,
        failures: state.failures,
        retries: state.retries,
        latency: Object.fromEntries(
          (['generate', 'culture', 'probe'] as const).flatMap((kind) => {
            const summary = this.latency.summary(provider, kind);
            return summary ? [[kind, summary]] : [];
          }),
        ),
      })),
      recentLimitChanges: this.limit.changes().slice(-20),
    };
  }

  close(): void {
    for (const state of this.providers.values()) if (state.isolation) clearTimeout(state.isolation);
    this.unsubscribe();
    this.queue.clear();
  }

  private async attempt<T>(spec: CallSpec<T>, state: ProviderState, units: number, attempt: number, callSignal: AbortSignal, endsAt: number): Promise<T> {
    // p-queue 8 looks at the signal only when it dequeues a task: a call waiting for a slot would outlive its deadline.
    return settledOrAborted(this.queue.add(
      async () => {
        callSignal.throwIfAborted();
        const timeoutMs = Math.min(timeoutFor(this.latency, this.timeouts, spec.provider, spec.kind, units, attempt), endsAt - performance.now());
        const timeout = AbortSignal.timeout(Math.max(1, Math.round(timeoutMs)));
        const signal = AbortSignal.any([callSignal, timeout]);
        const started = performance.now();
        try {
          // Timeouts become CallErrors inside the breaker, so that it counts them as provider faults.
          const value = await state.breaker.execute(async () => {
            try {
              return await spec.run(signal, attempt);
            } catch (error) {
              if (timeout.aborted && !callSignal.aborted) throw new CallError('timeout', `${spec.provider} did not answer within ${Math.round(timeoutMs)} ms`, { provider: spec.provider });
              throw error instanceof CallError || callSignal.aborted ? error : asCallError(error, spec.provider);
            }
          }, signal);
          const ms = performance.now() - started;
          this.latency.record(spec.provider, spec.kind, units, ms);
          this.limit.onSuccess(spec.provider, spec.kind, this.queue.pending, performance.now());
          this.notify({ provider: spec.provider, kind: spec.kind, ms });
          return value;
        } catch (error) {
          // An open breaker refused the call before it reached the provider: not an attempt; nor is one the user cancelled.
          // An attempt cut short by the call's deadline is, for the monitor, a timeout like any other.
          if (!(error instanceof BrokenCircuitError) && !spec.signal?.aborted) {
            const code = callSignal.aborted ? 'timeout' : error instanceof CallError ? error.code : 'network';
            this.notify({ provider: spec.provider, kind: spec.kind, ms: performance.now() - started, error: code });
          }
          if (error instanceof CallError && error.providerFault) state.lastFault = error;
          if (error instanceof CallError && error.overload) {
            const usual = this.latency.perUnit(spec.provider, spec.kind, 0.5);
            this.limit.onOverload(error.message, performance.now(), usual === undefined ? timeoutMs : usual * costUnits(units));
          }
          throw error;
        }
      },
      { priority: PRIORITY[spec.priority], signal: callSignal },
    ) as Promise<T>, callSignal);
  }

  private notify(event: CallEvent): void {
    for (const observer of this.observers) observer(event);
  }

  /** What a failed attempt means for the caller, as a CallError that names the provider. */
  private explain(error: unknown, spec: CallSpec<unknown>, callSignal: AbortSignal, budget: number): CallError {
    if (error instanceof IsolatedCircuitError) {
      return new CallError('circuit_open', `${spec.provider} is paused after repeated failures; generations use the offline engine until it is tried again`, { provider: spec.provider });
    }
    if (error instanceof BrokenCircuitError) {
      const last = this.providers.get(spec.provider)?.lastFault;
      return new CallError('circuit_open', `${spec.provider} failed ${this.breakerPolicy.failures} times in a row${last ? ` (last: ${last.message})` : ''}; calls are paused for ${Math.round(this.breakerPolicy.halfOpenAfterMs / 1000)} s before it is tried again`, { provider: spec.provider });
    }
    if (callSignal.aborted) {
      if (spec.signal?.aborted) return new CallError('cancelled', 'Cancelled by the user', { provider: spec.provider });
      return new CallError('deadline', `${spec.provider} could not answer within the call's ${(budget / 1000).toFixed(1)} s deadline, retries included`, { provider: spec.provider });
    }
    return asCallError(error, spec.provider);
  }

  private providerState(provider: string): ProviderState {
    let state = this.providers.get(provider);
    if (!state) {
      const breaker = circuitBreaker(
        handleWhen((error) => error instanceof CallError && error.providerFault),
        { halfOpenAfter: this.breakerPolicy.halfOpenAfterMs, breaker: new ConsecutiveBreaker(this.breakerPolicy.failures) },
      );
      state = { breaker, calls: 0, failures: 0, retries: 0 };
      this.providers.set(provider, state);
    }
    return state;
  }
}

/** `work`'s outcome, or the signal's reason as soon as it aborts (`work` still settles, unobserved). */
function settledOrAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
