/**
 * fetch for provider calls: every failure becomes a CallError that says what went wrong and what to
 * do (a status, a refused connection, a body that is not JSON), and answers are read as text so a
 * malformed body can be reported with its first characters. Streams are read line by line.
 */
import { CallError, codeForStatus, type CallErrorCode } from '../../scheduler';
import type { SecretRegistry } from '../../platform';

/** What a provider's own error body says beyond its status: a better code, its reason code, a wait, its message. */
export interface ErrorReading {
  code?: CallErrorCode;
  reason?: string;
  retryAfterMs?: number;
  message?: string;
}

export interface HttpRequest {
  provider: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
  signal: AbortSignal;
  /** Reads the provider's error body (each API has its own shape); without it, the status decides. */
  readError?: (status: number, body: string) => ErrorReading;
  /** The keys to hide when the error body is quoted. */
  secretRegistry: SecretRegistry;
}

/** Sends the request; a non-2xx status or a network failure throws a CallError. */
export async function send(request: HttpRequest): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method ?? (request.body === undefined ? 'GET' : 'POST'),
      headers: { ...(request.body === undefined ? {} : { 'content-type': 'application/json' }), ...request.headers },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: request.signal,
    });
  } catch (error) {
    if (request.signal.aborted) throw request.signal.reason ?? error;
    throw new CallError('network', `${request.provider} could not be reached at ${origin(request.url)} (${causeOf(error)}). Check that it is running and the address in Settings is right.`, { provider: request.provider });
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    const reading = request.readError?.(response.status, text) ?? {};
    const code = reading.code ?? codeForStatus(response.status);
    // A Retry-After header wins; some APIs (Gemini) say how long to wait only in the body.
    const retryAfterMs = retryAfter(response.headers.get('retry-after')) ?? reading.retryAfterMs;
    const said = reading.message ?? (text ? errorMessageOf(text) : '');
    throw new CallError(code, `${request.provider} answered ${response.status}${statusAdvice(code)}${said ? `: ${excerpt(said, request.secretRegistry)}` : ''}`, {
      provider: request.provider,
      status: response.status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(reading.reason ? { reason: reading.reason } : {}),
    });
  }
  return response;
}

/** The whole body as JSON; a body that is cut off or not JSON is a retryable `malformed`. */
export async function readJson(response: Response, provider: string, signal: AbortSignal, secretRegistry: SecretRegistry): Promise<unknown> {
  const text = await readText(response, provider, signal);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CallError('malformed', `${provider} sent a body that is not JSON (${text.length} characters: ${excerpt(text, secretRegistry)})`, { provider });
  }
}

export async function readText(response: Response, provider: string, signal: AbortSignal): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    if (signal.aborted) throw signal.reason ?? error;
    throw new CallError('network', `${provider} broke off its answer (${causeOf(error)})`, { provider });
  }
}

/** Calls `onLine` with each line of a streamed body as it arrives (NDJSON and server-sent events). */
export async function readLines(response: Response, provider: string, signal: AbortSignal, onLine: (line: string) => void): Promise<void> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  let pending = '';
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      pending += decoder.decode(chunk, { stream: true });
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        const line = pending.slice(0, newline).replace(/\r$/, '');
        pending = pending.slice(newline + 1);
        if (line.trim() !== '') onLine(line);
        newline = pending.indexOf('\n');
      }
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason ?? error;
    if (error instanceof CallError) throw error;
    throw new CallError('network', `${provider} broke off its stream (${causeOf(error)})`, { provider });
  }
  pending += decoder.decode();
  if (pending.trim() !== '') onLine(pending);
}

/** A stream line's JSON, or undefined for keep-alives and partial lines. */
export function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function excerpt(text: string, secretRegistry: SecretRegistry, length = 160): string {
  // Scrubbed before cutting: a key cut in half would no longer be recognised, and half a key is still a leak.
  const flat = secretRegistry.redact(text).replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

/** Joins a base URL from settings and a path, whatever slashes either has. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function statusAdvice(code: CallErrorCode): string {
  switch (code) {
    case 'unauthorized':
      return ' (the API key was refused: check it in Settings)';
    case 'not_found':
      return ' (check the address and the model name in Settings)';
    case 'rate_limited':
      return ' (rate limited: calls slow down and are retried)';
    case 'unavailable':
      return ' (temporarily unavailable: retried)';
    default:
      return '';
  }
}

/** The message inside the common error bodies ({"error": "..."} / {"error": {"message"}} / {"errors": [{"message"}]}). */
function errorMessageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: string | { message?: string }; errors?: Array<{ message?: string }>; message?: string };
    if (typeof body.error === 'string') return body.error;
    return body.error?.message ?? body.errors?.[0]?.message ?? body.message ?? text;
  } catch {
    return text;
  }
}

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
