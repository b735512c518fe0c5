/**
 * The web module: browser mode, the local web server (token, Host/Origin checks, CSP) and the core
 * behind it. Its whole public surface; main.ts is the `npm run web` entry. docs/ARCHITECTURE.md
 * says what it may import.
 */
export { startBrowserMode } from './browser-mode';
export type { BrowserMode, BrowserModeOptions } from './browser-mode';
export { openInBrowser } from './open-browser';
export { startWebServer } from './web-server';
export type { WebServer, WebServerOptions } from './web-server';
export { API_ROUTES, apiErrorSchema } from './api-routes';
export type { ApiRoute, RateLimit, RateLimitOverrides } from './api-routes';
export type { ApiOptions } from './api-router';
