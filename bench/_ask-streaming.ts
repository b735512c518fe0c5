/**
 * The LLM side of `npm run bench -- ask`, against the stand-in provider server streaming its answers:
 * - first token: a question asked through browser mode (its web server, the real IPC dispatcher and
 *   handlers, the scheduler, the OpenAI-compatible client) until its first 'answer:token' frame
 *   arrives on the page's event stream, less the moment the server wrote its first chunk; beside it,
 *   the peer: a bare fetch of the same streamed answer from the server, first chunk read. Warm-up,
 *   then alternating runs, medians. Target: within 50 ms of the server sending it.
 * - priority: 24 background calls (a 80 ms provider call each, low priority) under a limit of 4, so
 *   20 wait; then the user's question. How long it waited until its request reached the server, and
 *   how many queued calls it overtook; beside it, the same question sent at low priority (first in,
 *   first out). Medians of 15 rounds after 2 warm-up rounds.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../src/main/core/core';
import { createDispatcher } from '../src/main/ipc/dispatcher';
import { createHandlers } from '../src/main/ipc/handlers';
import { startWebServer } from '../src/main/web';
import { briefInputSchema } from '../src/shared/brief';
import { ProviderServer } from '../test/support/provider-server';
import { writeRendererStandIn } from '../test/support/renderer-stand-in';
import { median, round } from './_measure';

const FIRST_TOKEN_WARMUP = 5;
const FIRST_TOKEN_REPEAT = 40;
const PRIORITY_WARMUP = 2;
const PRIORITY_ROUNDS = 15;
const SLOTS = 4;
const QUEUED = 20;
const BACKGROUND_MS = 80;

export async function streamingSection(): Promise<{ first_token_overhead_ms: number; priority_wait_ms: number }> {
  const firstToken = await firstTokenOverhead();
  const priority = await priorityWait();
  return { first_token_overhead_ms: firstToken, priority_wait_ms: priority };
}

/** A core on a fresh folder with an offline run of three personas, its questions going to the server's OpenAI-compatible endpoint. */
async function coreFor(server: ProviderServer, scheduler: Parameters<typeof createCore>[0]['scheduler'] = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-ask-stream-'));
  const core = createCore({ dataDir: dir, resources: null, env: {}, monitor: { autoStart: false }, scheduler });
  const { run, document } = await core.generate(briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 3, level: 'standard', seed: 5 }));
  core.settings.update({ provider: 'openai', openai: { baseUrl: `${server.url}/v1`, model: 'local-model', stream: true } });
  const done = () => {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { core, dir, runId: run.id, personaId: document.personas[0]!.id!, done };
}

async function firstTokenOverhead(): Promise<number> {
  const server = await ProviderServer.start({ script: (r) => (r.chat ? { latencyMs: 5, chunks: 12, intervalMs: 4 } : {}) });
  const { core, runId, personaId, done } = await coreFor(server);
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-ask-page-'));
  writeRendererStandIn(rendererDir);
  const web = await startWebServer({ dispatch: createDispatcher(createHandlers(core)), rendererDir, secretRegistry: core.secretRegistry });
  const agent = new http.Agent({ keepAlive: true });
  // The page's event stream: when each request's first answer:token frame arrived.
  const arrivals = new Map<string, number>();
  const stream = await new Promise<http.IncomingMessage>((resolve) => http.get(`${web.url}/api/events?token=${web.token}`, resolve));
  stream.setEncoding('utf8');
  let pending = '';
  stream.on('data', (chunk: string) => {
    const at = performance.now();
    pending += chunk;
    for (let end = pending.indexOf('\n\n'); end >= 0; end = pending.indexOf('\n\n')) {
      const frame = pending.slice(0, end);
      pending = pending.slice(end + 2);
      if (!frame.startsWith('event: answer:token')) continue;
      const { requestId } = JSON.parse(frame.slice(frame.indexOf('data: ') + 6)) as { requestId: string };
      if (!arrivals.has(requestId)) arrivals.set(requestId, at);
    }
  });
  const invoke = (channel: string, body: unknown) =>
    new Promise<{ ok: boolean }>((resolve, reject) => {
      const req = http.request(`${web.url}/api/invoke/${channel}`, { method: 'POST', agent, headers: { Authorization: `Bearer ${web.token}`, 'Content-Type': 'application/json' } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve(JSON.parse(text) as { ok: boolean }));
      });
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  const sentAt = (question: string) => server.requests.find((r) => r.chat?.question === question)!.firstChunkAt!;
  let n = 0;
  const ours = async () => {
    const requestId = randomUUID();
    const question = `Question ${++n}: what would stop you from ordering?`;
    const answer = await invoke('interviews:ask', { requestId, runId, personaId, question });
    if (!answer.ok) throw new Error(`interviews:ask failed: ${JSON.stringify(answer)}`);
    await waitFor(() => arrivals.has(requestId));
    return arrivals.get(requestId)! - sentAt(question);
  };
  const peer = async () => {
    const question = `Peer ${++n}: what would stop you from ordering?`;
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'local-model', stream: true, messages: [{ role: 'system', content: 'You are Ana, one of the personas of a product workshop.' }, { role: 'user', content: question }] }),
    });
    const reader = response.body!.getReader();
    await reader.read();
    const at = performance.now();
    while (!(await reader.read()).done);
    return at - sentAt(question);
  };
  try {
    for (let i = 0; i < FIRST_TOKEN_WARMUP; i++) for (const fn of [ours, peer]) await fn();
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < FIRST_TOKEN_REPEAT; i++) {
      times[0].push(await ours());
      times[1].push(await peer());
    }
    const [mine, bare] = times.map((t) => median(t)) as [number, number];
    const how = `${FIRST_TOKEN_REPEAT} runs, alternating, after ${FIRST_TOKEN_WARMUP} warm-up`;
    console.log(`${'first token: server → page (IPC, SSE)'.padEnd(44)} median ${mine.toFixed(2).padStart(8)} ms   max ${Math.max(...times[0]).toFixed(2).padStart(8)}   (${how})`);
    console.log(`${'first token: server → bare fetch (peer)'.padEnd(44)} median ${bare.toFixed(2).padStart(8)} ms   max ${Math.max(...times[1]).toFixed(2).padStart(8)}   (${how})`);
    console.log(`target: first token within 50 ms of the server sending it (${mine < 50 ? 'met' : 'MISSED'}); the app's path adds ${(mine - bare).toFixed(2)} ms to a bare client's`);
    return round(mine);
  } finally {
    stream.destroy();
    agent.destroy();
    await web.close();
    done();
    fs.rmSync(rendererDir, { recursive: true, force: true });
    await server.close();
  }
}

async function priorityWait(): Promise<number> {
  const server = await ProviderServer.start({ script: (r) => (r.route === 'models' ? { latencyMs: BACKGROUND_MS } : {}) });
  const { core, runId, personaId, done } = await coreFor(server, { limits: { initial: SLOTS, max: SLOTS, adaptive: false } });
  let n = 0;
  const round_ = async (asUser: boolean) => {
    const calls = Array.from({ length: SLOTS + QUEUED }, () => background(core, server));
    await waitFor(() => core.scheduler.load().queued === QUEUED);
    const question = `Round ${++n}: what would you change first?`;
    const asked = performance.now();
    if (asUser) await core.asking.interviews.ask({ runId, personaId, question });
    else await lowPriorityQuestion(core, server, question);
    await Promise.all(calls);
    const reached = server.requests.find((r) => r.chat?.question === question)!;
    const overtaken = server.requests.filter((r) => r.route === 'models' && r.at > reached.at).length;
    return { wait: reached.at - asked, overtaken };
  };
  try {
    for (let i = 0; i < PRIORITY_WARMUP; i++) for (const asUser of [true, false]) await round_(asUser);
    const ours: Array<{ wait: number; overtaken: number }> = [];
    const fifo: Array<{ wait: number; overtaken: number }> = [];
    for (let i = 0; i < PRIORITY_ROUNDS; i++) {
      ours.push(await round_(true));
      fifo.push(await round_(false));
    }
    const wait = median(ours.map((r) => r.wait));
    const how = `${PRIORITY_ROUNDS} rounds, alternating, after ${PRIORITY_WARMUP} warm-up; ${SLOTS} slots, ${QUEUED} queued ${BACKGROUND_MS} ms calls`;
    console.log(`${'question at high priority: wait'.padEnd(44)} median ${wait.toFixed(2).padStart(8)} ms   overtook ${median(ours.map((r) => r.overtaken))} of ${QUEUED} queued   (${how})`);
    console.log(`${'same question first in, first out (peer)'.padEnd(44)} median ${median(fifo.map((r) => r.wait)).toFixed(2).padStart(8)} ms   overtook ${median(fifo.map((r) => r.overtaken))} of ${QUEUED} queued`);
    console.log(`target: the question goes ahead of the ${QUEUED} queued background calls (${Math.min(...ours.map((r) => r.overtaken)) >= QUEUED - 1 ? 'met' : 'MISSED'})`);
    return round(wait);
  } finally {
    done();
    await server.close();
  }
}

/** Background work as preloading is: a provider call at low priority. */
function background(core: Core, server: ProviderServer): Promise<string> {
  return core.scheduler.call({ provider: 'openai', kind: 'generate', priority: 'low', run: (signal) => fetch(`${server.url}/v1/models`, { signal }).then((r) => r.text()) });
}

/** The peer: the same chat request sent through the scheduler at the background's priority. */
function lowPriorityQuestion(core: Core, server: ProviderServer, question: string): Promise<string> {
  const body = JSON.stringify({ model: 'local-model', stream: false, messages: [{ role: 'system', content: 'You are Ana, one of the personas of a product workshop.' }, { role: 'user', content: question }] });
  return core.scheduler.call({ provider: 'openai', kind: 'ask', priority: 'low', run: (signal) => fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal }).then((r) => r.text()) });
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) throw new Error('timed out waiting in the benchmark');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
