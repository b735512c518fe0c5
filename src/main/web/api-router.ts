/**
 * The local performance API's router. The web server has already checked Host, Origin and the
 * token (the bridge's rules) before a request gets here; this adds the per-route rate limit, turns
 * the query or body into the channel's request, runs it through the same dispatcher as the bridge
 * (so the handler, its checks and its audit are the Dashboard's), and checks the answer against
 * the channel's response schema before it goes out.
 */
import { contract } from '../../shared/ipc/contract';
import type { IpcErrorShape, IpcResult } from '../../shared/ipc/types';
import type { Dispatch } from '../ipc';
import { buildOpenApiDocument } from './api-openapi';
import { RateLimiter } from './api-rate-limit';
import { routesAt, type ApiError, type ApiRoute, type RateLimitOverrides } from './api-routes';

export interface ApiOptions {
  /** Limits replacing the table's for some routes (a benchmark raises them; the app keeps the table's). */
  rateLimits?: RateLimitOverrides;
  /** Records an API POST in the audit; browser mode writes it to the monitor's audit as the user's. */
  audit?: (subject: string, reason: string) => void;
  /** The rate limiter's clock in milliseconds (tests move it instead of waiting); performance.now() by default. */
  clock?: () => number;
}

export interface ApiRequest {
  method: string;
  url: URL;
  /** Who is calling, for the rate limit: the remote address. */
  client: string;
  /** The JSON body; undefined when it is not JSON or too large. */
  readBody(): Promise<unknown>;
  context: Parameters<Dispatch>[2];
}

export interface ApiAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ApiRouter {
  /** Whether a path is one of the API's (then `handle` answers it, whatever the method). */
  owns(pathname: string): boolean;
  handle(request: ApiRequest): Promise<ApiAnswer>;
}

const STATUS_OF: Partial<Record<IpcErrorShape['code'], number>> = { invalid_request: 400, unknown_channel: 404, forbidden: 403, not_found: 404, cancelled: 409 };

export function createApiRouter(dispatch: Dispatch, options: ApiOptions = {}): ApiRouter {
  const limiter = new RateLimiter(options.clock);
  // Built on first ask: its version is the app's, which the core answers through app:info.
  let openApi: Promise<unknown> | null = null;

  async function handle(request: ApiRequest): Promise<ApiAnswer> {
    const candidates = routesAt(request.url.pathname);
    const route = candidates.find((r) => r.method === request.method);
    if (!route) {
      const allowed = candidates.map((r) => r.method).join(', ');
      return { ...failure(405, 'invalid_request', `${request.url.pathname} answers ${allowed} only.`), headers: { Allow: allowed } };
    }
    const limit = options.rateLimits?.[route.id as keyof RateLimitOverrides] ?? route.limit;
    const admission = limiter.take(`${route.id} ${request.client}`, limit);
    if (!admission.allowed) {
      const answer = failure(429, 'rate_limited', `Over the rate limit of ${route.method} ${route.path} (${limit.perSecond} per second, bursts of ${limit.burst}): retry in ${admission.retryAfterS} s.`);
      (answer.body as ApiError).error.retryAfterS = admission.retryAfterS;
      return { ...answer, headers: { 'Retry-After': String(admission.retryAfterS) } };
    }
    if (!route.channel) return { status: 200, body: await (openApi ??= appVersion(request).then(buildOpenApiDocument)) };
    const payload = route.method === 'GET' ? queryOf(request.url) : await request.readBody();
    const unreadable = `${route.method} ${route.path}: the body must be a JSON object under 1 MB (or empty), and each query parameter given once.`;
    const result: IpcResult<unknown> = payload === undefined ? { ok: false, error: { code: 'invalid_request', message: unreadable } } : await dispatch(route.channel, payload, request.context);
    if (route.auditSubject) options.audit?.(route.auditSubject, auditReason(route, result));
    if (!result.ok) return failure(STATUS_OF[result.error.code] ?? 500, result.error.code, result.error.message, result.error.field);
    const checked = contract[route.channel].response.safeParse(result.data);
    if (!checked.success) {
      return failure(500, 'internal', `The answer of ${route.path} did not match its documented schema (${checked.error.issues[0]?.path.join('.') ?? ''}: ${checked.error.issues[0]?.message ?? ''}); this is a bug in Persona Studio: please report it.`);
    }
    return { status: 200, body: checked.data };
  }

  async function appVersion(request: ApiRequest): Promise<string> {
    const info = await dispatch('app:info', {}, request.context);
    const parsed = info.ok ? contract['app:info'].response.safeParse(info.data) : null;
    return parsed?.success ? parsed.data.version : 'unknown';
  }

  return { owns: (pathname) => routesAt(pathname).length > 0, handle };
}

function failure(status: number, code: ApiError['error']['code'], message: string, field?: string): ApiAnswer {
  const body: ApiError = { ok: false, error: { code, message, ...(field ? { field } : {}) } };
  return { status, body };
}

/** Query text to the channel's request: numbers and booleans as such, the rest as text (the channel's schema then judges). */
function queryOf(url: URL): Record<string, unknown> | undefined {
  const query: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    if (values.length !== 1) return undefined;
    const text = values[0]!;
    query[key] = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text === 'true' ? true : text === 'false' ? false : text;
  }
  return query;
}

function auditReason(route: ApiRoute, result: IpcResult<unknown>): string {
  const call = `${route.method} ${route.path} (local API)`;
  if (!result.ok) return `${call} was refused: ${result.error.message}`;
  const id = (result.data as { id?: unknown }).id;
  return typeof id === 'string' ? `${call} started optimization ${id}` : `${call} succeeded`;
}
