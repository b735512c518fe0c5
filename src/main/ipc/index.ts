/**
 * The ipc module: the contract's dispatcher (every request parsed, every AppError mapped) and the thin handlers.
 * Its whole public surface; docs/ARCHITECTURE.md says what it may import.
 */
export { bindBroadcasts } from './broadcasts';
export { createDispatcher } from './dispatcher';
export type { Dispatch } from './dispatcher';
export { createHandlers } from './handlers';
