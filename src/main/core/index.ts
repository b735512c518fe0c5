export { APP_ROOT, createCore } from './core';
export type { Core, CoreOptions } from './core';
