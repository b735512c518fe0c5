/**
 * Browser mode as one piece: a core over the web server, with its events bound. A recovery choice
 * (restore a backup, start fresh) restarts the core behind the same server, address and token.
 * Used by `npm run web` and the e2e fixture.
 */
import { createCore, type Core, type CoreOptions } from '../core';
import { bindBroadcasts } from '../ipc';
import { createDispatcher, type Dispatch } from '../ipc';
import { createHandlers } from '../ipc';
import { SecretRegistry } from '../platform';
import type { RateLimitOverrides } from './api-routes';
import { startWebServer, type WebServer } from './web-server';

export interface BrowserModeOptions {
  core: CoreOptions;
  rendererDir: string;
  port?: number;
  /** Rate limits of the local API raised for some routes (a benchmark's client); the route table's otherwise. */
  apiRateLimits?: RateLimitOverrides;
  /** Where handler failures are reported (the console by default). */
  onInternalError?: (channel: string, error: unknown) => void;
}

export interface BrowserMode {
  server: WebServer;
  /** The core now serving (a new one after a restart). */
  readonly core: Core;
  close(): Promise<void>;
}

export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  // One registry for every core this server runs: the server and its log outlive a restarted core.
  const secretRegistry = options.core.secretRegistry ?? new SecretRegistry();
  const onInternalError = options.onInternalError ?? ((channel, error) => console.error(`[web] ${channel}: ${secretRegistry.describeForLog(error)}`));
  let core: Core;
  let dispatch: Dispatch;
  let unbind = () => {};
  const open = () => {
    core = createCore({ ...options.core, secretRegistry, onRestartNeeded: restart });
    dispatch = createDispatcher(createHandlers(core), onInternalError, secretRegistry);
  };
  let closed = false;
  const restart = () => {
    if (closed) return;
    unbind();
    core.close();
    try {
      open();
    } catch (error) {
      // The new core would not start: say so on every request rather than take the server down.
      const message = `Persona Studio could not restart: ${secretRegistry.describeForLog(error)}. Restart it by hand.`;
      dispatch = async () => ({ ok: false, error: { code: 'internal', message } });
      console.error(`[web] ${message}`);
      return;
    }
    unbind = bindBroadcasts(core, server.emit, server.hasListeners);
  };
  open();
  // An API POST is the user's action from outside the app's screens: it goes to the same audit as
  // theirs, on whichever core is serving now.
  const api = { audit: (subject: string, reason: string) => core.monitor.auditUserAction(subject, 'started', reason), ...(options.apiRateLimits ? { rateLimits: options.apiRateLimits } : {}) };
  const server = await startWebServer({ dispatch: (channel, payload, context) => dispatch(channel, payload, context), rendererDir: options.rendererDir, secretRegistry, api, ...(options.port !== undefined ? { port: options.port } : {}) });
  unbind = bindBroadcasts(core!, server.emit, server.hasListeners);
  return {
    server,
    get core() {
      return core;
    },
    close: async () => {
      closed = true;
      unbind();
      await server.close();
      core.close();
    },
  };
}
