/**
 * A real HTTP server on 127.0.0.1 that speaks the Ollama, OpenAI-compatible, Gemini and Qloo wire
 * formats, for tests and benchmarks (nothing under src/ fakes a provider). Each request is answered
 * as the script says: latency, status, slow streaming, a hang, a reset or cut-off body, malformed
 * JSON, a refusal; and with a capacity, latency grows with the requests in flight beyond it.
 * By default an LLM request gets as many valid personas as its prompt asks for.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Level } from '../../src/shared/persona';
import { enginePersonas, type RawPersona } from './llm-answers';

export type Wire = 'ollama' | 'openai' | 'gemini' | 'qloo';
export type Route = 'chat' | 'models' | 'insights';

export interface ReceivedRequest {
  wire: Wire;
  route: Route;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** What the prompt asked for (LLM chat routes). */
  asked?: { count: number; level: Level };
  /** Set when the client went away before the answer was complete (a cancel or a timeout). */
  aborted: boolean;
  /** performance.now() when it arrived. */
  at: number;
  index: number;
}

export interface Scripted {
  status?: number;
  latencyMs?: number;
  /** The assistant's text (LLM routes), wrapped in the wire's envelope. Default: valid personas. */
  content?: string;
  /** A raw body sent as is, instead of the wire's envelope. */
  rawBody?: string;
  /** Stream the content in this many chunks (for a streaming request), one every `intervalMs`. */
  chunks?: number;
  intervalMs?: number;
  /** Send a non-streamed body in `chunks` pieces too, one every `intervalMs`: a server that crawls. */
  dripBody?: boolean;
  /** Never answer. */
  hang?: boolean;
  /** Destroy the connection before answering. */
  reset?: boolean;
  /** Send this many bytes of the body, then destroy the connection. */
  truncateAt?: number;
  /** A refusal in the wire's own form. */
  refusal?: string;
  headers?: Record<string, string>;
  /** Qloo entities' names (default: a few per entity type). */
  entities?: string[];
}

export type Script = (request: ReceivedRequest) => Scripted | Promise<Scripted>;

export interface ProviderServerOptions {
  script?: Script;
  /** Requests in flight beyond which latency grows as (inFlight / capacity)^1.5. */
  capacity?: number;
}

export class ProviderServer {
  readonly requests: ReceivedRequest[] = [];
  inFlight = 0;
  peakInFlight = 0;
  private script: Script;
  private readonly sockets = new Set<Socket>();
  private readonly pool = new Map<Level, RawPersona[]>();

  private constructor(
    private readonly server: http.Server,
    private readonly options: ProviderServerOptions,
  ) {
    this.script = options.script ?? (() => ({}));
  }

  static async start(options: ProviderServerOptions = {}): Promise<ProviderServer> {
    const server = http.createServer();
    const instance = new ProviderServer(server, options);
    for (const level of ['simple', 'standard', 'b2b'] as const) instance.pool.set(level, await enginePersonas(level, 24, 7));
    server.on('request', (req, res) => void instance.handle(req, res));
    server.on('connection', (socket) => {
      instance.sockets.add(socket);
      socket.on('close', () => instance.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  setScript(script: Script): void {
    this.script = script;
  }

  /** `count` valid personas at `level` as an LLM's JSON answer, different names per `offset`. */
  personasAnswer(count: number, level: Level = 'standard', offset = 0): string {
    const pool = this.pool.get(level)!;
    return JSON.stringify({ personas: Array.from({ length: count }, (_, i) => pool[(offset + i) % pool.length]) });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const text = await new Promise<string>((resolve) => {
      let data = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (data += chunk));
      req.on('end', () => resolve(data));
    });
    const routed = route(req.method ?? 'GET', url.pathname);
    if (!routed) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `no route ${req.method} ${url.pathname}` }));
      return;
    }
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'request body is not JSON' }));
      return;
    }
    const record: ReceivedRequest = { ...routed, method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, aborted: false, at: performance.now(), index: this.requests.length };
    if (routed.route === 'chat') record.asked = askedFor(routed.wire, body);
    this.requests.push(record);
    let finished = false;
    res.on('close', () => {
      if (!finished) record.aborted = true;
    });
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    try {
      const scripted = await this.script(record);
      const load = this.options.capacity && this.inFlight > this.options.capacity ? (this.inFlight / this.options.capacity) ** 1.5 : 1;
      if (scripted.hang) return void (await new Promise((resolve) => res.on('close', resolve)));
      if (scripted.latencyMs) await delay(scripted.latencyMs * load, res);
      if (res.destroyed) return;
      if (scripted.reset) return void req.socket.destroy();
      await this.answer(record, scripted, res);
      finished = true;
    } finally {
      this.inFlight--;
    }
  }

  private async answer(request: ReceivedRequest, scripted: Scripted, res: http.ServerResponse): Promise<void> {
    const status = scripted.status ?? 200;
    const headers = { 'content-type': 'application/json', ...scripted.headers };
    if (status >= 400) {
      const error = scripted.rawBody ?? (request.wire === 'gemini' ? JSON.stringify({ error: { code: status, message: 'scripted failure', status: 'UNAVAILABLE' } }) : JSON.stringify({ error: { message: `scripted failure ${status}` } }));
      res.writeHead(status, headers).end(error);
      return;
    }
    if (request.route === 'models') return void res.writeHead(200, headers).end(modelsBody(request.wire));
    if (request.route === 'insights') return void res.writeHead(200, headers).end(scripted.rawBody ?? insightsBody(request, scripted.entities));

    const content = scripted.content ?? this.personasAnswer(request.asked?.count ?? 1, request.asked?.level ?? 'standard', request.index * 3);
    const streaming = streamRequested(request);
    if (scripted.rawBody !== undefined || !streaming) {
      const body = scripted.rawBody ?? envelope(request.wire, content, scripted.refusal);
      if (scripted.truncateAt !== undefined) {
        res.writeHead(200, headers);
        res.write(body.slice(0, scripted.truncateAt));
        await delay(5, res);
        res.destroy();
        return;
      }
      if (scripted.dripBody) return this.drip(body, scripted, headers, res);
      res.writeHead(200, headers).end(body);
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': request.wire === 'ollama' ? 'application/x-ndjson' : 'text/event-stream' });
    const pieces = split(content, scripted.chunks ?? 8);
    let sent = 0;
    for (const piece of pieces) {
      const line = streamLine(request.wire, piece, false, scripted.refusal);
      if (scripted.truncateAt !== undefined && sent + line.length > scripted.truncateAt) {
        res.write(line.slice(0, Math.max(0, scripted.truncateAt - sent)));
        res.destroy();
        return;
      }
      res.write(line);
      sent += line.length;
      if (scripted.intervalMs) await delay(scripted.intervalMs, res);
      if (res.destroyed) return;
    }
    res.end(streamLine(request.wire, '', true));
  }

  private async drip(body: string, scripted: Scripted, headers: Record<string, string>, res: http.ServerResponse): Promise<void> {
    res.writeHead(200, headers);
    for (const piece of split(body, scripted.chunks ?? 8)) {
      res.write(piece);
      if (scripted.intervalMs) await delay(scripted.intervalMs, res);
      if (res.destroyed) return;
    }
    res.end();
  }
}

function route(method: string, pathname: string): { wire: Wire; route: Route } | undefined {
  if (method === 'POST' && pathname === '/api/chat') return { wire: 'ollama', route: 'chat' };
  if (method === 'GET' && pathname === '/api/tags') return { wire: 'ollama', route: 'models' };
  if (method === 'POST' && pathname === '/v1/chat/completions') return { wire: 'openai', route: 'chat' };
  if (method === 'GET' && pathname === '/v1/models') return { wire: 'openai', route: 'models' };
  if (method === 'POST' && /^\/v1beta\/models\/[^/]+:(stream)?[gG]enerateContent$/.test(pathname)) return { wire: 'gemini', route: 'chat' };
  if (method === 'GET' && pathname === '/v1beta/models') return { wire: 'gemini', route: 'models' };
  if (method === 'GET' && pathname === '/v2/insights') return { wire: 'qloo', route: 'insights' };
  return undefined;
}

function promptOf(wire: Wire, body: unknown): string {
  const b = body as { messages?: Array<{ content?: string }>; contents?: Array<{ parts?: Array<{ text?: string }> }> };
  if (wire === 'gemini') return b.contents?.flatMap((c) => c.parts ?? []).map((p) => p.text ?? '').join('\n') ?? '';
  return b.messages?.map((m) => m.content ?? '').join('\n') ?? '';
}

function askedFor(wire: Wire, body: unknown): { count: number; level: Level } {
  const prompt = promptOf(wire, body);
  const count = Number(/Write (\d+) distinct personas/.exec(prompt)?.[1] ?? 1);
  const level = (/at the "(simple|standard|b2b)" level/.exec(prompt)?.[1] ?? 'standard') as Level;
  return { count, level };
}

function streamRequested(request: ReceivedRequest): boolean {
  if (request.wire === 'gemini') return request.path.includes(':stream');
  return (request.body as { stream?: boolean }).stream !== false;
}

function envelope(wire: Wire, content: string, refusal?: string): string {
  if (wire === 'ollama') return JSON.stringify({ model: 'test', created_at: new Date().toISOString(), message: { role: 'assistant', content: refusal ? '' : content }, done: true, done_reason: 'stop', ...(refusal ? { error: refusal } : {}) });
  if (wire === 'openai') return JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: refusal ? null : content, refusal: refusal ?? null }, finish_reason: 'stop' }] });
  if (refusal) return JSON.stringify({ promptFeedback: { blockReason: 'SAFETY' }, candidates: [] });
  return JSON.stringify({ candidates: [{ content: { role: 'model', parts: [{ text: content }] }, finishReason: 'STOP' }] });
}

function streamLine(wire: Wire, piece: string, last: boolean, refusal?: string): string {
  if (wire === 'ollama') return `${JSON.stringify(last ? { message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop' } : refusal ? { error: refusal } : { message: { role: 'assistant', content: piece }, done: false })}\n`;
  if (wire === 'openai') return last ? 'data: [DONE]\n\n' : `data: ${JSON.stringify({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: refusal ? { refusal } : { content: piece }, finish_reason: null }] })}\n\n`;
  if (last) return `data: ${JSON.stringify({ candidates: [{ content: { role: 'model', parts: [{ text: '' }] }, finishReason: 'STOP' }] })}\n\n`;
  if (refusal) return `data: ${JSON.stringify({ promptFeedback: { blockReason: 'SAFETY' } })}\n\n`;
  return `data: ${JSON.stringify({ candidates: [{ content: { role: 'model', parts: [{ text: piece }] } }] })}\n\n`;
}

function modelsBody(wire: Wire): string {
  if (wire === 'ollama') return JSON.stringify({ models: [{ name: 'llama3.1:8b', model: 'llama3.1:8b' }, { name: 'qwen2.5:7b', model: 'qwen2.5:7b' }] });
  if (wire === 'openai') return JSON.stringify({ object: 'list', data: [{ id: 'local-model', object: 'model' }] });
  return JSON.stringify({ models: [{ name: 'models/gemini-2.5-flash', supportedGenerationMethods: ['generateContent'] }] });
}

function insightsBody(request: ReceivedRequest, names?: string[]): string {
  const type = request.query.get('filter.type') ?? 'urn:entity:artist';
  const label = type.split(':').pop()!;
  const list = names ?? Array.from({ length: Number(request.query.get('take') ?? 5) }, (_, i) => `Qloo ${label} ${i + 1}`);
  return JSON.stringify({
    success: true,
    results: { entities: list.map((name, i) => ({ name, entity_id: `id-${label}-${i}`, type: 'urn:entity', subtype: type, popularity: 0.9 - i * 0.01, tags: [{ tag_id: 'urn:tag:genre:test', name: 'Test Genre' }], query: { affinity: 0.95 - i * 0.02 } })) },
    duration: 12,
  });
}

function split(text: string, chunks: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / chunks));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function delay(ms: number, res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve();
    };
    // The listener goes with its timer: a slow drip waits once per piece on the same response.
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve();
    }, ms);
    res.once('close', onClose);
  });
}
