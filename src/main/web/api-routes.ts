/**
 * The local performance API's routes, written once: the router answers from this table and the
 * OpenAPI document is generated from it, so the two cannot disagree. Each route maps to a channel
 * of the IPC contract, whose request schema checks what comes in and whose response schema checks
 * (and documents) what goes out.
 */
import { z } from 'zod';
import { IPC_ERROR_CODES, ipcErrorSchema } from '../../shared/ipc/contract';
import type { Channel } from '../../shared/ipc/types';

/** A token bucket's size: `perSecond` tokens come back each second, up to `burst` held at once. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export interface ApiRoute {
  /** The route's short name: the key for its rate limit and its OpenAPI operationId. */
  id: string;
  method: 'GET' | 'POST';
  path: string;
  /** The contract channel it runs; null for the OpenAPI document itself. */
  channel: Channel | null;
  summary: string;
  /** The audit's subject for a POST (every POST is audited). */
  auditSubject?: string;
  limit: RateLimit;
}

export const API_ROUTES = [
  {
    id: 'metrics',
    method: 'GET',
    path: '/api/performance/metrics',
    channel: 'monitor:live',
    summary: "The monitor's live view of the last minute, with the performance score",
    // Dashboards poll this one; a burst covers a few panels refreshing together.
    limit: { perSecond: 50, burst: 100 },
  },
  {
    id: 'cache',
    method: 'GET',
    path: '/api/performance/cache',
    channel: 'cache:stats',
    summary: 'Cache statistics per tier (hits, misses, entries, bytes)',
    limit: { perSecond: 20, burst: 40 },
  },
  {
    id: 'engines',
    method: 'GET',
    path: '/api/performance/engines',
    channel: 'performance:engines',
    summary: 'Engine profiles (speed, failures, quality) over the last rangeMs milliseconds',
    // Reads minutes of history from app.db: dearer than the live view.
    limit: { perSecond: 5, burst: 10 },
  },
  {
    id: 'optimize',
    method: 'POST',
    path: '/api/performance/optimize',
    channel: 'optimization:start',
    summary: "Starts an optimization, as the Dashboard's Optimize button does",
    auditSubject: 'api',
    // Each optimization trials settings for minutes: one start per 10 s is plenty and stops a loop from flooding the audit.
    limit: { perSecond: 0.1, burst: 1 },
  },
  {
    id: 'openapi',
    method: 'GET',
    path: '/api/openapi.json',
    channel: null,
    summary: 'This OpenAPI 3.1 document',
    limit: { perSecond: 5, burst: 10 },
  },
] as const satisfies readonly ApiRoute[];

export type ApiRouteId = (typeof API_ROUTES)[number]['id'];

/** Per-route limits that replace the table's (a benchmark's client raises them; production keeps the table's). */
export type RateLimitOverrides = Partial<Record<ApiRouteId, RateLimit>>;

/** Every error the API answers: the bridge's error shape, plus the rate limit's code and when to retry. */
export const apiErrorSchema = z.object({
  ok: z.literal(false),
  error: ipcErrorSchema.extend({
    code: z.enum([...IPC_ERROR_CODES, 'rate_limited']),
    retryAfterS: z.int().min(1).optional(),
  }),
});
export type ApiError = z.output<typeof apiErrorSchema>;

export function routesAt(pathname: string): readonly ApiRoute[] {
  return API_ROUTES.filter((route) => route.path === pathname);
}
