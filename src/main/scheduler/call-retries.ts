/**
 * A call from start to end: one deadline for all of it (time queued, attempts and backoff all
 * count against it), retries with exponential backoff and jitter for retryable failures only, and
 * the one CallError the caller sees, naming the provider.
 */
import { ExponentialBackoff, type IBackoff } from 'cockatiel';
import type { SecretRegistry } from '../platform';
import type { AttemptQueue } from './attempt-queue';
import { asCallError, CallError } from './call-error';
import type { CallSpec } from './call-spec';
import type { ProviderBreakers } from './provider-breakers';

export interface RetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, initialDelayMs: 250, maxDelayMs: 8_000 };

export interface RetryDeps {
  attempts: AttemptQueue;
  breakers: ProviderBreakers;
  retry: Readonly<RetryPolicy>;
  /** The shortest attempt timeout: a retry is not started with less than a quarter of it left. */
  minTimeoutMs: number;
  secretRegistry: SecretRegistry;
}

/** Runs `spec` within `budget` ms from now, retrying what is worth retrying while the budget allows. */
export async function callWithRetries<T>(spec: CallSpec<T>, budget: number, deps: RetryDeps): Promise<T> {
  const units = spec.units ?? 1;
  const record = deps.breakers.of(spec.provider);
  const deadline = AbortSignal.timeout(Math.max(1, Math.round(budget)));
  const callSignal = spec.signal ? AbortSignal.any([spec.signal, deadline]) : deadline;
  const endsAt = performance.now() + budget;
  const explain = (error: unknown) => explainFailure(error, spec, callSignal, budget, deps);
  record.calls++;
  let backoff: IBackoff<unknown> | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.attempts.run({ spec, record, units, attempt, callSignal, endsAt });
    } catch (raw) {
      const error = explain(raw);
      const remaining = endsAt - performance.now();
      backoff = (backoff ?? new ExponentialBackoff({ initialDelay: deps.retry.initialDelayMs, maxDelay: deps.retry.maxDelayMs })).next(undefined);
      const wait = Math.max(backoff.duration, error.details.retryAfterMs ?? 0);
      if (!error.retryable || spec.mayRetry?.(error) === false || attempt + 1 >= deps.retry.maxAttempts || wait >= remaining - deps.minTimeoutMs / 4) {
        record.failures++;
        throw error;
      }
      record.retries++;
      await sleep(wait, callSignal).catch(() => {
        throw explain(callSignal.reason);
      });
    }
  }
}

/** What a failed attempt means for the caller, as a CallError that names the provider. */
function explainFailure(error: unknown, spec: CallSpec<unknown>, callSignal: AbortSignal, budget: number, deps: RetryDeps): CallError {
  const refusal = deps.breakers.refusal(error, spec.provider);
  if (refusal) return refusal;
  if (callSignal.aborted) {
    if (spec.signal?.aborted) return new CallError('cancelled', 'Cancelled by the user', { provider: spec.provider });
    return new CallError('deadline', `${spec.provider} could not answer within the call's ${(budget / 1000).toFixed(1)} s deadline, retries included`, { provider: spec.provider });
  }
  // The attempt queue has scrubbed its CallErrors already; this covers anything else that got here.
  return asCallError(error, spec.provider).scrubbed(deps.secretRegistry);
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
