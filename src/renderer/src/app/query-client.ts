/** The one QueryClient: how every read is cached, retried and refreshed. */
import { QueryClient } from '@tanstack/react-query';
import type { IpcErrorCode } from '../../../shared/ipc/types';
import { ApiError } from './api-client';

/** Codes worth asking again: the core failed inside; every other code is its answer to this request. */
const TRANSIENT_CODES: ReadonlySet<IpcErrorCode> = new Set(['internal']);
const MAX_RETRIES = 2;

/** A failure that may pass: the engine out of reach for a moment (not an ApiError) or failing inside. */
export function isTransient(error: unknown): boolean {
  return error instanceof ApiError ? TRANSIENT_CODES.has(error.code) : true;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The engine is local: a read must not wait for the browser to say the network is up.
        networkMode: 'always',
        retry: (failures, error) => failures < MAX_RETRIES && isTransient(error),
        // Screens refresh on their own schedule and on the core's events, not on window focus.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      // A change is never repeated behind the user's back.
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
