/**
 * What a caller hands the scheduler (a call's spec) and what the monitor hears back (one attempt's
 * outcome). The call kinds are the latency series the IPC contract's status reports.
 */
import type { SchedulerStatus } from '../../shared/performance';
import type { CallError, CallErrorCode } from './call-error';

export type Priority = 'high' | 'medium' | 'low';
export type CallKind = keyof SchedulerStatus['providers'][number]['latency'];

export interface CallSpec<T> {
  provider: string;
  kind: CallKind;
  /** high: the user's current generation or question; medium: regenerations; low: preloading. */
  priority: Priority;
  /** Units of work the call carries (personas asked for): timeouts scale with it. */
  units?: number;
  /** The caller's cancel. */
  signal?: AbortSignal;
  /** The whole call's budget from now, queueing and retries included; by default from observed latency. */
  deadlineMs?: number;
  /**
   * Whether a failure may be retried, besides its being retryable: a streamed answer that has
   * already shown the user some text is not started over (default: every retryable failure is).
   */
  mayRetry?: (error: CallError) => boolean;
  /**
   * One attempt; must honour its signal. `baseUrl` is the model server the endpoint router chose
   * for it, when the provider has several (undefined: the provider's own address).
   */
  run: (signal: AbortSignal, attempt: number, baseUrl?: string) => Promise<T>;
}

/** One attempt as the monitor sees it: how long it took and, when it failed, why. */
export interface CallEvent {
  provider: string;
  kind: CallKind;
  ms: number;
  error?: CallErrorCode;
}
