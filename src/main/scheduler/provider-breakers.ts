/**
 * One circuit breaker per provider (cockatiel) and the counts the status reports. Consecutive
 * provider faults open a breaker; after a pause one test call may close it. isolate() holds one
 * open by hand, and refusal() explains a refused call with the fault that opened the breaker.
 */
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, IsolatedCircuitError, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import type { SchedulerStatus } from '../../shared/performance';
import { CallError } from './call-error';

export type BreakerState = SchedulerStatus['providers'][number]['breaker'];

export interface BreakerPolicy {
  /** Consecutive provider faults that open the breaker. */
  failures: number;
  halfOpenAfterMs: number;
}

export const DEFAULT_BREAKER: BreakerPolicy = { failures: 5, halfOpenAfterMs: 15_000 };

/** A provider's breaker and what has happened to its calls so far. */
export interface ProviderRecord {
  readonly breaker: CircuitBreakerPolicy;
  /** The last fault, named when the breaker is open. */
  lastFault?: CallError;
  calls: number;
  failures: number;
  retries: number;
  /** Set while isolate() holds the breaker open. */
  isolation?: NodeJS.Timeout;
}

export class ProviderBreakers {
  private readonly records = new Map<string, ProviderRecord>();

  constructor(
    private readonly policy: BreakerPolicy,
    /** Whether the provider has another server to take over: a fault of one of several then opens that server's breaker, not the provider's. */
    private readonly spared: (provider: string) => boolean = () => false,
  ) {}

  /** The provider's record, made closed on first use. */
  of(provider: string): ProviderRecord {
    let record = this.records.get(provider);
    if (!record) {
      const breaker = circuitBreaker(
        handleWhen((error) => error instanceof CallError && error.providerFault && !this.spared(provider)),
        { halfOpenAfter: this.policy.halfOpenAfterMs, breaker: new ConsecutiveBreaker(this.policy.failures) },
      );
      record = { breaker, calls: 0, failures: 0, retries: 0 };
      this.records.set(provider, record);
    }
    return record;
  }

  /** Every provider called so far, in the order first seen. */
  all(): ReadonlyMap<string, Readonly<ProviderRecord>> {
    return this.records;
  }

  state(provider: string): BreakerState {
    const state = this.records.get(provider)?.breaker.state;
    if (state === CircuitState.Open || state === CircuitState.Isolated) return 'open';
    if (state === CircuitState.HalfOpen) return 'half_open';
    return 'closed';
  }

  /** Holds the provider's breaker open for `ms`; false if already held. */
  isolate(provider: string, ms: number): boolean {
    const record = this.of(provider);
    if (record.isolation) return false;
    const handle = record.breaker.isolate();
    record.isolation = setTimeout(() => {
      handle.dispose();
      record.isolation = undefined;
    }, ms).unref();
    return true;
  }

  /** The caller's CallError for a call the breaker refused, or undefined when `error` is no refusal. */
  refusal(error: unknown, provider: string): CallError | undefined {
    if (error instanceof IsolatedCircuitError) {
      return new CallError('circuit_open', `${provider} is paused after repeated failures; generations use the offline engine until it is tried again`, { provider });
    }
    if (error instanceof BrokenCircuitError) {
      const last = this.records.get(provider)?.lastFault;
      return new CallError('circuit_open', `${provider} failed ${this.policy.failures} times in a row${last ? ` (last: ${last.message})` : ''}; calls are paused for ${Math.round(this.policy.halfOpenAfterMs / 1000)} s before it is tried again`, { provider });
    }
    return undefined;
  }

  close(): void {
    for (const record of this.records.values()) if (record.isolation) clearTimeout(record.isolation);
  }
}
