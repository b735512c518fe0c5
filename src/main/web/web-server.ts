/**
 * Browser mode: the same core and renderer build, served on 127.0.0.1 only. Every API call needs
 * the per-launch token, and Host and Origin must name this server, so neither another site in the
 * browser nor a DNS-rebinding page can drive the core. Requests go through the same dispatcher as
 * Electron IPC; events reach the page as server-sent events.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { EventChannel, EventOf } from '../../shared/ipc/types';
import type { Dispatch } from '../ipc';
import { cspOf, SecretRegistry } from '../platform';
import { createApiRouter, type ApiOptions } from './api-router';

export interface WebServerOptions {
  dispatch: Dispatch;
  /** The renderer build (out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
  /** The API keys to hide from a failure's text; by default none are known. */
  secretRegistry?: SecretRegistry;
  /** The local performance API's rate limits and audit (api-router.ts). */
  api?: ApiOptions;
}

export interface WebServer {
  url: string;
  token: string;
  /** The address to open: the page with its token. */
  launchUrl: string;
  /** Sends an event to every open page. */
  emit<E extends EventChannel>(event: E, payload: EventOf<E>): void;
  /** Whether any page has its event stream open. */
  hasListeners(): boolean;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const secretRegistry = options.secretRegistry ?? new SecretRegistry();
  const rendererDir = path.resolve(options.rendererDir);
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`No renderer build in ${rendererDir}; run npm run build first.`);
  }
  // The page's own policy, sent as a header too: a header also covers what a meta tag cannot (framing).
  const csp = cspOf(fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8')) ?? '';
  if (!csp) throw new Error(`${path.join(rendererDir, 'index.html')} declares no Content-Security-Policy; browser mode will not serve a page without one.`);
  const streams = new Set<http.ServerResponse>();
  const emit = <E extends EventChannel>(event: E, payload: EventOf<E>) => {
    if (streams.size === 0) return;
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  };

  const api = createApiRouter(options.dispatch, options.api);
  let origin = '';
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: secretRegistry.redact(String(error)) } });
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    if (req.headers.host !== new URL(origin).host && req.headers.host !== `localhost:${new URL(origin).port}`) {
      return send(res, 421, { ok: false, error: { code: 'forbidden', message: 'Wrong Host header.' } });
    }
    if (req.headers.origin !== undefined && req.headers.origin !== origin && req.headers.origin !== `http://localhost:${new URL(origin).port}`) {
      return send(res, 403, { ok: false, error: { code: 'forbidden', message: 'Cross-origin requests are refused.' } });
    }
    if (url.pathname.startsWith('/api/')) {
      // Browsers label requests another site started; only the page itself (or no browser at all) may call.
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') {
        return send(res, 403, { ok: false, error: { code: 'forbidden', message: 'Requests started by another site are refused.' } });
      }
      // In the query only for the event stream: EventSource cannot set a header, fetch can.
      const queryToken = url.pathname === '/api/events' && req.method === 'GET' ? url.searchParams.get('token') : null;
      const given = req.headers.authorization?.replace(/^Bearer /, '') ?? queryToken ?? '';
      if (!sameToken(given, token)) return send(res, 401, { ok: false, error: { code: 'forbidden', message: 'Missing or wrong token.' } });
      if (url.pathname === '/api/events' && req.method === 'GET') return openStream(res);
      if (api.owns(url.pathname)) {
        const readBody = async () => {
          const body = await readJson(req);
          if (body === FAR_TOO_LARGE) res.shouldKeepAlive = false;
          return typeof body === 'symbol' ? undefined : body;
        };
        const answer = await api.handle({ method: req.method ?? 'GET', url, client: req.socket.remoteAddress ?? '', readBody, context: { emit } });
        return send(res, answer.status, answer.body, answer.headers);
      }
      const match = /^\/api\/invoke\/([\w:.-]+)$/.exec(url.pathname);
      if (match && req.method === 'POST') {
        const body = await readJson(req);
        if (body === TOO_LARGE) return send(res, 413, { ok: false, error: { code: 'invalid_request', message: 'The body is over 1 MB.' } });
        if (body === FAR_TOO_LARGE) {
          res.shouldKeepAlive = false;
          return send(res, 413, { ok: false, error: { code: 'invalid_request', message: 'The body is over 1 MB; the connection is closed.' } });
        }
        if (body === INVALID) return send(res, 400, { ok: false, error: { code: 'invalid_request', message: 'The body must be JSON under 1 MB.' } });
        return send(res, 200, await options.dispatch(match[1]!, body, { emit }));
      }
      return send(res, 404, { ok: false, error: { code: 'unknown_channel', message: `No API at ${url.pathname}.` } });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false, error: { code: 'forbidden', message: 'Method not allowed.' } });
    return serveStatic(url.pathname, res);
  }

  function openStream(res: http.ServerResponse) {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  function serveStatic(pathname: string, res: http.ServerResponse) {
    const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(rendererDir, `.${relative}`);
    const inside = file.startsWith(rendererDir + path.sep);
    const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(rendererDir, 'index.html');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      ...(target.endsWith('.html') ? { 'Content-Security-Policy': csp } : {}),
      'Content-Type': CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream',
      'Cache-Control': target.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    fs.createReadStream(target).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    token,
    launchUrl: `${origin}/?token=${token}`,
    emit,
    hasListeners: () => streams.size > 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const INVALID = Symbol('invalid');
const TOO_LARGE = Symbol('too large');
const FAR_TOO_LARGE = Symbol('far too large');
/** Past this, the rest of a body is not read: the answer closes the connection instead. */
const MAX_DRAINED_BYTES = 8 * MAX_BODY_BYTES;

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read on past the limit, keeping nothing: dropping the request would reset the socket, so the
  // caller (and its next request on the same keep-alive connection) got a reset instead of the answer.
  const ended = await new Promise<boolean>((resolve) => {
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAINED_BYTES) {
        req.off('data', onData);
        req.pause();
        resolve(false);
      }
    };
    req.on('data', onData);
    req.once('end', () => resolve(true));
    req.once('error', () => resolve(false));
  });
  if (!ended) return FAR_TOO_LARGE;
  if (size > MAX_BODY_BYTES) return TOO_LARGE;
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return INVALID;
  }
}
