/**
 * A real HTTP server on 127.0.0.1 that speaks the Ollama, OpenAI-compatible, Gemini and Qloo wire
 * formats, for tests and benchmarks (nothing under src/ fakes a provider). It behaves as each API's
 * documentation says: it refuses what the real one refuses (wire-rules.ts) and answers in its real
 * shapes (wire-shapes.ts): finish reasons, token counts, an answer cut where the output or Ollama's
 * context runs out, paged model lists. On top of that, each request is answered as the script
 * says: latency, status, slow streaming, a hang, a reset or cut-off body, malformed JSON, a refusal,
 * an error in the middle of a stream; and with a capacity, latency grows with the requests in
 * flight beyond it. By default an LLM request gets as many valid personas as its prompt asks for,
 * and a persona asked a question answers in the first person (or with a JSON verdict when JSON
 * output is asked for: chat-answers.ts).
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DATASET_DIR } from '../../src/main/platform/app-root';
import { loadDataset } from '../../src/main/world/dataset';
import type { Level } from '../../src/shared/persona';
import { chatAnswer, chatAskedFor, type ChatAsked } from './chat-answers';
import { enginePersonas, type RawPersona } from './llm-answers';
import { ollamaContext, refusalFor } from './wire-rules';
import { CHARS_PER_TOKEN, envelope, errorBody, FINISH, insightsBody, modelsBody, retryInfo, streamEnd, streamError, streamLine, tokensOf } from './wire-shapes';

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
  /** What the prompt asked for (LLM chat routes): how many, at what level, and which names not to reuse. */
  asked?: { count: number; level: Level; exclude: string[] };
  /** A persona asked a question (a chat that is not a persona-generation prompt): its system prompt, turns and question. */
  chat?: ChatAsked;
  /** Set when the client went away before the answer was complete (a cancel or a timeout). */
  aborted: boolean;
  /** performance.now() when it arrived. */
  at: number;
  index: number;
  /** The rule it broke, when the server refused it as the real API would. */
  refused?: string;
  /** performance.now() when the first piece of a streamed answer (or a whole answer) was written to the socket. */
  firstChunkAt?: number;
  /** How the answer ended, in the wire's words (LLM chat routes answered 200). */
  finish?: string;
  /** Ollama: the context the request got, what its prompt and its whole answer needed, and whether both fitted. */
  context?: { numCtx: number; promptTokens: number; answerTokens: number; fits: boolean };
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
  /** A refusal in the wire's own form (Ollama has none: the model writes it as its answer). */
  refusal?: string;
  headers?: Record<string, string>;
  /** Qloo entities' names (default: a few per entity type). */
  entities?: string[];
  /** Stop the answer in the middle of persona n + 1, with the wire's length finish reason (or `finishReason`). */
  cutAfterPersonas?: number;
  /** The finish reason sent, instead of the wire's own for a complete or cut answer (Gemini: OTHER, SAFETY…). */
  finishReason?: string;
  /** Send the wire's mid-stream error after this many chunks, then end the stream. */
  streamErrorAfter?: number;
  /** Gemini: the RetryInfo retryDelay an error carries ("2s"); the real API sends no Retry-After. */
  retryDelay?: string;
}

export type Script = (request: ReceivedRequest) => Scripted | Promise<Scripted>;

export interface ProviderServerOptions {
  script?: Script;
  /** Requests in flight beyond which latency grows as (inFlight / capacity)^1.5. */
  capacity?: number;
  /** The valid key per wire; a request with another is refused in the API's own shape. Unset: any key. */
  keys?: Partial<Record<Wire, string>>;
  /** Gemini's models (models.list), and the largest page it gives (1,000 on the real API; 50 when pageSize is not set). */
  geminiModels?: readonly string[];
  geminiMaxPageSize?: number;
  /** Schema properties beyond which Gemini refuses a schema as too complex for serving; unset, never. */
  geminiSchemaLimit?: number;
  /** OpenAI-compatible models that take only their default temperature, besides the documented reasoning models. */
  defaultTemperatureModels?: readonly string[];
  /** Ollama's context when a request sets no num_ctx (4,096 below 24 GiB of VRAM), and the model's trained context, which caps num_ctx. */
  ollamaDefaultContext?: number;
  ollamaTrainedContext?: number;
  /** Places Qloo resolves; default the bundled dataset's cities and countries. */
  qlooLocalities?: readonly string[];
}

export class ProviderServer {
  readonly requests: ReceivedRequest[] = [];
  inFlight = 0;
  peakInFlight = 0;
  private script: Script;
  private readonly sockets = new Set<Socket>();
  private readonly pool = new Map<Level, RawPersona[]>();
  private readonly localities: ReadonlySet<string>;

  private constructor(
    private readonly server: http.Server,
    private readonly options: ProviderServerOptions,
  ) {
    this.script = options.script ?? (() => ({}));
    const dataset = options.qlooLocalities ? undefined : loadDataset(DATASET_DIR);
    this.localities = new Set((options.qlooLocalities ?? [...dataset!.cities.map((c) => c.name), ...dataset!.countries.map((c) => c.name)]).map((name) => name.toLowerCase()));
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

  /** `count` valid personas at `level` as an LLM's JSON answer, different names per `offset`, none of the names in `exclude` while the pool has others. */
  personasAnswer(count: number, level: Level = 'standard', offset = 0, exclude: readonly string[] = []): string {
    const pool = this.pool.get(level)!;
    const taken = new Set(exclude);
    const order = Array.from({ length: pool.length }, (_, i) => pool[(offset + i) % pool.length]!);
    const fresh = order.filter((persona) => !taken.has(persona.name as string));
    const from = fresh.length >= count ? fresh : order;
    return JSON.stringify({ personas: Array.from({ length: count }, (_, i) => from[i % from.length]) });
  }

  /** Requests the server refused as the real API would. */
  get refusals(): ReceivedRequest[] {
    return this.requests.filter((r) => r.refused !== undefined);
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
    if (routed.route === 'chat') {
      record.asked = askedFor(routed.wire, body);
      const chat = chatAskedFor(routed.wire, body);
      if (chat) record.chat = chat;
    }
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
    const headers = { 'content-type': 'application/json', ...scripted.headers };
    const refusal = refusalFor(request, this.options, this.localities);
    if (refusal) {
      request.refused = refusal.rule;
      res.writeHead(refusal.status, headers).end(refusal.body);
      return;
    }
    const status = scripted.status ?? 200;
    if (status >= 400) {
      const details = request.wire === 'gemini' && scripted.retryDelay ? { details: [retryInfo(scripted.retryDelay)] } : {};
      res.writeHead(status, headers).end(scripted.rawBody ?? errorBody(request.wire, status, `scripted failure ${status}`, details));
      return;
    }
    if (request.route === 'models') return void res.writeHead(200, headers).end(this.modelsBody(request));
    if (request.route === 'insights') return void res.writeHead(200, headers).end(scripted.rawBody ?? insightsBody(request.query, scripted.entities));

    const wire = request.wire as Exclude<Wire, 'qloo'>;
    const asked = request.asked ?? { count: 1, level: 'standard' as Level, exclude: [] };
    // Ollama's model has no refusal field: it writes its refusal as the answer.
    const made = () => (request.chat ? chatAnswer(request.chat) : this.personasAnswer(asked.count, asked.level, request.index * 3, asked.exclude));
    const whole = wire === 'ollama' && scripted.refusal ? scripted.refusal : (scripted.content ?? made());
    const { content, cut } = this.fitted(request, whole, scripted);
    const finish = scripted.finishReason ?? (cut ? FINISH[wire].length : FINISH[wire].stop);
    request.finish = finish;
    const usage = { promptTokens: promptTokensOf(request), answerTokens: tokensOf(content) };
    const refusalText = wire === 'ollama' ? undefined : scripted.refusal;
    if (scripted.rawBody !== undefined || !streamRequested(request)) {
      const body = scripted.rawBody ?? envelope(wire, refusalText ? '' : content, finish, usage, refusalText);
      if (scripted.truncateAt !== undefined) {
        res.writeHead(200, headers);
        res.write(body.slice(0, scripted.truncateAt));
        await delay(5, res);
        res.destroy();
        return;
      }
      if (scripted.dripBody) return this.drip(body, scripted, headers, res);
      request.firstChunkAt = performance.now();
      res.writeHead(200, headers).end(body);
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': wire === 'ollama' ? 'application/x-ndjson' : 'text/event-stream' });
    let sent = 0;
    for (const [i, piece] of split(content, scripted.chunks ?? 8).entries()) {
      if (scripted.streamErrorAfter !== undefined && i >= scripted.streamErrorAfter) return void res.end(streamError(wire));
      const line = streamLine(wire, piece, refusalText);
      if (scripted.truncateAt !== undefined && sent + line.length > scripted.truncateAt) {
        res.write(line.slice(0, Math.max(0, scripted.truncateAt - sent)));
        res.destroy();
        return;
      }
      request.firstChunkAt ??= performance.now();
      res.write(line);
      sent += line.length;
      if (scripted.intervalMs) await delay(scripted.intervalMs, res);
      if (res.destroyed) return;
    }
    res.end(streamEnd(wire, finish, usage));
  }

  /** The answer as far as the model gets: cut where scripted, and for Ollama where the context runs out. */
  private fitted(request: ReceivedRequest, whole: string, scripted: Scripted): { content: string; cut: boolean } {
    let content = scripted.cutAfterPersonas !== undefined ? cutAfterPersonas(whole, scripted.cutAfterPersonas) : whole;
    if (request.wire === 'ollama') {
      const { numCtx, promptTokens } = ollamaContext(request, this.options);
      const answerTokens = tokensOf(whole);
      request.context = { numCtx, promptTokens, answerTokens, fits: promptTokens + answerTokens <= numCtx };
      // Generation stops when the context is full (with shift: false; with a shift, what follows cannot be foretold either).
      const room = Math.max(0, Math.floor((numCtx - promptTokens) * CHARS_PER_TOKEN));
      if (content.length > room) content = content.slice(0, room);
    }
    return { content, cut: content.length < whole.length };
  }

  private modelsBody(request: ReceivedRequest): string {
    if (request.wire !== 'gemini') return modelsBody(request.wire);
    const names = this.options.geminiModels ?? ['gemini-2.5-flash'];
    // models.list: pageSize defaults to 50 and is capped; the page token is opaque to the client.
    const size = Math.min(Number(request.query.get('pageSize') ?? 50) || 50, this.options.geminiMaxPageSize ?? 1_000);
    const from = Number(request.query.get('pageToken') ?? 0);
    const next = from + size < names.length ? String(from + size) : undefined;
    return modelsBody('gemini', { names: names.slice(from, from + size), ...(next ? { nextPageToken: next } : {}) });
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
  const b = body as { messages?: Array<{ content?: string }>; contents?: Array<{ parts?: Array<{ text?: string }> }>; systemInstruction?: { parts?: Array<{ text?: string }> } };
  if (wire === 'gemini') return [...(b.systemInstruction?.parts ?? []), ...(b.contents?.flatMap((c) => c.parts ?? []) ?? [])].map((p) => p.text ?? '').join('\n');
  return b.messages?.map((m) => m.content ?? '').join('\n') ?? '';
}

function promptTokensOf(request: ReceivedRequest): number {
  return tokensOf(promptOf(request.wire, request.body));
}

function askedFor(wire: Wire, body: unknown): { count: number; level: Level; exclude: string[] } {
  const prompt = promptOf(wire, body);
  const count = Number(/Write (\d+) distinct personas/.exec(prompt)?.[1] ?? 1);
  const level = (/at the "(simple|standard|b2b)" level/.exec(prompt)?.[1] ?? 'standard') as Level;
  const excluded = /Do not reuse these names: (.*)/.exec(prompt)?.[1] ?? '(none)';
  return { count, level, exclude: excluded === '(none)' ? [] : excluded.split(', ') };
}

function streamRequested(request: ReceivedRequest): boolean {
  if (request.wire === 'gemini') return request.path.includes(':stream');
  return (request.body as { stream?: boolean }).stream !== false;
}

/** The answer up to the middle of persona n + 1 (the objects of {"personas": [...]}, counted by depth). */
function cutAfterPersonas(text: string, n: number): string {
  let depth = 0;
  let inString = false;
  let closed = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 2 && char === '}' && ++closed === n) {
        const next = text.indexOf('}', i + 1);
        return text.slice(0, next < 0 ? text.length : i + 1 + Math.floor((next - i) / 2));
      }
    }
  }
  return text;
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
