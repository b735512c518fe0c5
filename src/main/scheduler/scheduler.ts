/**
 * Every outbound call (LLM generations, cultural lookups, probes) goes through one Scheduler. This
 * file is its public face, wiring the parts that do the work: the adaptive concurrency limit
 * (adaptive-limit), dynamic timeouts (call-timeouts), admission and attempts (attempt-queue), the
 * deadline and retries (call-retries), a breaker per provider (provider-breakers) and the status
 * (scheduler-status). A call never outlives its deadline.
 */
import type { EndpointStatus } from '../../shared/insight';
import type { SchedulerStatus } from '../../shared/performance';
import { SecretRegistry } from '../platform';
import { AdaptiveLimit, DEFAULT_LIMITS, type LimitPolicy } from './adaptive-limit';
import { AttemptQueue } from './attempt-queue';
import { callWithRetries, DEFAULT_RETRY, type RetryDeps, type RetryPolicy } from './call-retries';
import type { CallEvent, CallKind, CallSpec } from './call-spec';
import { DEFAULT_TIMEOUTS, timeoutFor, type TimeoutPolicy } from './call-timeouts';
import { DEFAULT_ENDPOINT_POLICY, type EndpointPolicy } from './endpoint-record';
import { EndpointRouter, type EndpointSource } from './endpoint-router';
import { LatencyTracker } from './latency-tracker';
import { DEFAULT_BREAKER, ProviderBreakers, type BreakerPolicy, type BreakerState } from './provider-breakers';
import { DEFAULT_CAPS, pressureOf, type ResourceCaps, type ResourceSample, type ResourceSource } from './resource-sampler';
import { schedulerStatus } from './scheduler-status';

export interface SchedulerOptions {
  limits?: Partial<LimitPolicy>;
  timeouts?: Partial<TimeoutPolicy>;
  retry?: Partial<RetryPolicy>;
  breaker?: Partial<BreakerPolicy>;
  caps?: Partial<ResourceCaps>;
  /** CPU, memory and loop lag; null runs on latency alone (tests, benchmarks of latency). */
  resources?: ResourceSource | null;
  /** The core's API keys, hidden from the errors calls fail with; by default none are known. */
  secretRegistry?: SecretRegistry;
  /** Each provider's model servers (read per call); by default none, and every call goes to the provider's own address. */
  endpoints?: EndpointSource;
  endpointPolicy?: Partial<EndpointPolicy>;
  /** The endpoint breakers' clock, by default performance.now(): tests step it past a pause instead of waiting. */
  endpointClock?: () => number;
}

export class Scheduler {
  readonly latency = new LatencyTracker();
  readonly limit: AdaptiveLimit;
  private readonly attempts: AttemptQueue;
  private readonly breakers: ProviderBreakers;
  private readonly router: EndpointRouter;
  private readonly timeouts: TimeoutPolicy;
  private readonly retry: Readonly<RetryPolicy>;
  /** What every call runs with (call-retries). */
  private readonly callDeps: RetryDeps;
  private readonly resources: ResourceSource | null;
  private readonly unsubscribe: () => void;

  constructor(options: SchedulerOptions = {}) {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const caps = { ...DEFAULT_CAPS, ...options.caps };
    const secretRegistry = options.secretRegistry ?? new SecretRegistry();
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.router = new EndpointRouter(options.endpoints ?? (() => []), { ...DEFAULT_ENDPOINT_POLICY, ...options.endpointPolicy }, options.endpointClock, (provider) => this.breakers.state(provider));
    this.breakers = new ProviderBreakers({ ...DEFAULT_BREAKER, ...options.breaker }, (provider) => this.router.spares(provider));
    // The limit moves the queue's concurrency; the queue reports to the limit: each gets the other here.
    this.limit = new AdaptiveLimit(limits, this.latency, (limit) => {
      this.attempts.concurrency = limit;
    });
    this.attempts = new AttemptQueue({
      concurrency: limits.initial,
      latency: this.latency,
      limit: this.limit,
      timeoutFor: (provider, kind, units, attempt) => timeoutFor(this.latency, this.timeouts, provider, kind, units, attempt),
      secretRegistry,
    });
    this.callDeps = { attempts: this.attempts, breakers: this.breakers, retry: this.retry, minTimeoutMs: this.timeouts.minMs, secretRegistry };
    this.resources = options.resources ?? null;
    this.unsubscribe = this.resources?.subscribe((sample) => this.limit.onResources(pressureOf(sample, caps), sample.at)) ?? (() => {});
  }

  /** Runs a call under the limit, its deadline, retries and its provider's breaker. */
  async call<T>(spec: CallSpec<T>): Promise<T> {
    // Each attempt goes to the server the router picks; the servers a call has tried are kept so a retry goes elsewhere.
    const routed = { provider: spec.provider, units: spec.units ?? 1, tried: new Set<string>(), cancelled: () => spec.signal?.aborted ?? false };
    const run = (signal: AbortSignal, attempt: number) => this.router.run(routed, (baseUrl) => spec.run(signal, attempt, baseUrl));
    return callWithRetries({ ...spec, run }, spec.deadlineMs ?? this.deadlineFor(spec.provider, spec.kind, spec.units ?? 1), this.callDeps);
  }

  /** The provider's model servers with their breaker, load and latency; [] for a provider with none listed. */
  endpoints(provider: string): EndpointStatus[] {
    return this.router.status(provider);
  }

  /** The queue and limit without per-provider detail: cheap enough to read every second. */
  load(): { limit: number; max: number; running: number; queued: number; resources: ResourceSample | null } {
    return { limit: this.limit.value, max: this.limit.max, running: this.attempts.running, queued: this.attempts.queued, resources: this.resources?.latest() ?? null };
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
    return this.breakers.isolate(provider, ms);
  }

  /** Calls `listener` after every attempt; returns the unsubscribe. */
  observe(listener: (event: CallEvent) => void): () => void {
    return this.attempts.observe(listener);
  }

  get timeoutFactor(): number {
    return this.timeouts.factor;
  }

  /** Timeouts become `factor` × p95 from the next attempt on. */
  setTimeoutFactor(factor: number): void {
    this.timeouts.factor = factor;
  }

  breakerState(provider: string): BreakerState {
    return this.breakers.state(provider);
  }

  snapshot(): SchedulerStatus {
    return schedulerStatus({ limit: this.limit, attempts: this.attempts, resources: this.resources, breakers: this.breakers, latency: this.latency, endpoints: this.router });
  }

  close(): void {
    this.breakers.close();
    this.unsubscribe();
    this.attempts.clear();
  }
}
