export { bindBroadcasts } from './broadcasts';
export { createDispatcher } from './dispatcher';
export type { Dispatch } from './dispatcher';
export { createHandlers } from './handlers';
