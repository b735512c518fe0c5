/** The renderer's one way to the core: typed from the contract, errors raised as ApiError. */
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

/** The bridge the preload (or browser mode) installed, if any. */
export const api: ApiClient | null = window.personaStudio ? createApiClient(window.personaStudio) : null;
