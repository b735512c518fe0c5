/**
 * The one error type outbound calls fail with. Providers classify their failures into it (HTTP
 * status, network, malformed answer, refusal); the scheduler reads `retryable` to decide on a retry
 * and `overload` to lower its concurrency, and the pipeline reads the code to explain a fallback.
 * `details.reason` carries the provider's own reason code when its error body names one (Gemini's
 * ErrorInfo reason, OpenAI's code and param), for a provider that can fix its request and ask again.
 * Providers may quote the key they refused: the scheduler hands callers `scrubbed()` copies.
 */
import type { SecretRegistry } from '../platform';

export type CallErrorCode =
  | 'timeout'
  | 'deadline'
  | 'network'
  | 'rate_limited'
  | 'unavailable'
  | 'server_error'
  | 'bad_request'
  | 'unauthorized'
  | 'not_found'
  | 'malformed'
  | 'refused'
  | 'circuit_open'
  | 'cancelled';

const RETRYABLE: ReadonlySet<CallErrorCode> = new Set(['timeout', 'network', 'rate_limited', 'unavailable', 'server_error', 'malformed']);
/** Failures that say the provider has more work than it can take: the limit falls on these. */
const OVERLOAD: ReadonlySet<CallErrorCode> = new Set(['timeout', 'rate_limited', 'unavailable']);
/** Failures that count against a provider's circuit breaker (a wrong key or a refusal does not). */
const PROVIDER_FAULT: ReadonlySet<CallErrorCode> = new Set(['timeout', 'network', 'rate_limited', 'unavailable', 'server_error']);

export class CallError extends Error {
  override name = 'CallError';
  constructor(
    readonly code: CallErrorCode,
    message: string,
    readonly details: { provider?: string; status?: number; retryAfterMs?: number; reason?: string } = {},
  ) {
    super(message);
  }

  /** This failure with the registry's keys hidden from its message: itself when none is in it. */
  scrubbed(secretRegistry: SecretRegistry): CallError {
    const message = secretRegistry.redact(this.message);
    return message === this.message ? this : new CallError(this.code, message, this.details);
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  get overload(): boolean {
    return OVERLOAD.has(this.code);
  }

  get providerFault(): boolean {
    return PROVIDER_FAULT.has(this.code);
  }
}

/** The code an HTTP status maps to. */
export function codeForStatus(status: number): CallErrorCode {
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 408) return 'timeout';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  if (status >= 500) return 'server_error';
  return 'bad_request';
}

/** Any thrown value as a CallError; unknown errors are not retried. */
export function asCallError(error: unknown, provider?: string): CallError {
  if (error instanceof CallError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CallError('bad_request', message, provider ? { provider } : {});
}
