/**
 * The seeds' flow provider for the scheduler benchmark's phase 3, in a worker thread: a real
 * provider is another process, so its CPU work (building and damaging answers) must not run on
 * the event loop being measured. Same process, own thread. Messages: 'reset' → 'reset-done'.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { damageLikeAnLlm } from '../test/support/llm-answers';
import { ProviderServer } from '../test/support/provider-server';

const { lookupMs, fixedMs, perPersonaMs } = workerData as { lookupMs: Record<string, number>; fixedMs: number; perPersonaMs: number };
const server = await ProviderServer.start();
let chatCalls = 0;
server.setScript((request) => {
  if (request.route === 'insights') return { latencyMs: lookupMs[request.query.get('filter.type') ?? ''] ?? fixedMs };
  const count = request.asked?.count ?? 1;
  const latencyMs = fixedMs + perPersonaMs * count;
  // Each flow's first answer is as LLMs often write one: prose, fences, renamed keys, ages as text.
  const first = chatCalls++ === 0;
  return first ? { latencyMs, content: damageLikeAnLlm(JSON.parse(server.personasAnswer(count, 'standard', request.index * 3)).personas) } : { latencyMs };
});
parentPort!.on('message', (message: string) => {
  if (message === 'reset') {
    chatCalls = 0;
    parentPort!.postMessage('reset-done');
  } else if (message === 'close') void server.close().then(() => process.exit(0));
});
parentPort!.postMessage({ url: server.url });
