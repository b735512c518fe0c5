/**
 * Gemini's errors are a google.rpc.Status: {"error": {code, message, status, details: [...]}}
 * (Gemini API troubleshooting; google/rpc/error_details.proto). Two details change what the
 * client does: an ErrorInfo whose reason is an API key problem (an invalid key is a 400
 * INVALID_ARGUMENT with reason API_KEY_INVALID, not a 401), and a RetryInfo whose retryDelay
 * (a google.protobuf.Duration such as "37s") is how long a 429 asks to wait: there is no Retry-After.
 */
import { z } from 'zod';
import { CallError, type CallErrorCode } from '../../scheduler';
import { jsonOrUndefined, type ErrorReading } from '../http/http-call';

const detailSchema = z.looseObject({ '@type': z.string().optional(), reason: z.string().optional(), retryDelay: z.string().optional() });
export const geminiStatusSchema = z.object({ code: z.number().optional(), message: z.string().optional(), status: z.string().optional(), details: z.array(detailSchema).optional() });
const bodySchema = z.object({ error: geminiStatusSchema });

export type GeminiStatus = z.infer<typeof geminiStatusSchema>;

export function readGeminiError(_status: number, body: string): ErrorReading {
  const parsed = bodySchema.safeParse(jsonOrUndefined(body));
  return parsed.success ? readStatus(parsed.data.error) : {};
}

/** An error object sent in place of a streamed chunk. */
export function geminiStreamError(status: GeminiStatus): CallError {
  const reading = readStatus(status);
  const code: CallErrorCode = reading.code ?? (status.status === 'RESOURCE_EXHAUSTED' ? 'rate_limited' : status.status === 'UNAVAILABLE' ? 'unavailable' : 'server_error');
  return new CallError(code, `Gemini failed while streaming its answer: ${status.message ?? status.status ?? 'no message'}`, {
    provider: 'gemini',
    ...(reading.reason ? { reason: reading.reason } : {}),
    ...(reading.retryAfterMs !== undefined ? { retryAfterMs: reading.retryAfterMs } : {}),
  });
}

function readStatus(status: GeminiStatus): ErrorReading {
  const details = status.details ?? [];
  const reason = details.find((d) => d['@type']?.endsWith('google.rpc.ErrorInfo'))?.reason;
  const retryAfterMs = durationMs(details.find((d) => d['@type']?.endsWith('google.rpc.RetryInfo'))?.retryDelay);
  return {
    // API_KEY_INVALID, API_KEY_EXPIRED, API_KEY_SERVICE_BLOCKED…: the key is the problem, whatever the status.
    ...(reason?.startsWith('API_KEY_') ? { code: 'unauthorized' as const } : {}),
    ...(reason ? { reason } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(status.message ? { message: status.message } : {}),
  };
}

/** A Duration in its JSON form: seconds with an "s" suffix, fractions allowed ("1.5s"). */
function durationMs(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}
