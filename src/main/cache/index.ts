export { keyFor } from './cache-keys';
export type { Clock } from './clock';
export { TieredCache } from './tiered-cache';
export type { CacheAlert } from './tiered-cache';
