/** The renderer's one way to the core: typed from the contract, errors raised as ApiError. */
import { browserModeToken, createWebBridge } from './web-bridge';
import type { Channel, EventChannel, EventOf, IpcErrorCode, PersonaStudioBridge, RequestOf, ResponseOf } from '../../../shared/ipc/types';

export class ApiError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** What to show for a failed call: the core's own message, or the browser's for a network failure. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface ApiClient {
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void;
}

export function createApiClient(bridge: PersonaStudioBridge): ApiClient {
  return {
    async call(channel, request) {
      const result = await bridge.invoke(channel, request);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.field);
      return result.data;
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}

/** The preload's bridge in Electron, or one over HTTP in browser mode; null when the page was opened some other way. */
export function findBridge(): PersonaStudioBridge | null {
  if (window.personaStudio) return window.personaStudio;
  const token = browserModeToken();
  return token ? createWebBridge(token) : null;
}
