/**
 * The core module: createCore(): the composition root the four hosts share (desktop, browser mode, CLI, tests).
 * Its whole public surface; docs/ARCHITECTURE.md says what it may import.
 */
export { APP_ROOT, createCore } from './core';
export type { Core, CoreOptions } from './core';
