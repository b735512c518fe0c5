/** Events that are not answers to one request: the monitor's live view, sent to every window. */
import type { Core } from '../core';
import type { EventChannel, EventOf } from '../../shared/ipc/types';

export function bindBroadcasts(core: Core, emit: <E extends EventChannel>(event: E, payload: EventOf<E>) => void, receiving?: () => boolean): () => void {
  return core.monitor.onLive((live) => emit('monitor:live', live), receiving);
}
