/** Handlers for every contract channel that only record being called, for tests of what reaches a handler. */
import type { Handlers } from '../../src/main/ipc/dispatcher';
import { contract } from '../../src/shared/ipc/contract';

export function recordingHandlers(answer: (channel: string) => Promise<unknown>): { calls: string[]; handlers: Handlers } {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    Object.keys(contract).map((channel) => [
      channel,
      async () => {
        calls.push(channel);
        return answer(channel);
      },
    ]),
  ) as unknown as Handlers;
  return { calls, handlers };
}
