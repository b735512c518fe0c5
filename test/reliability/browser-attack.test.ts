/**
 * Browser mode's HTTP surface: every request without the token, with a foreign Host (DNS
 * rebinding) or Origin, or started by another site is refused before the dispatcher sees it; the
 * server listens on 127.0.0.1 only and cannot be reached on any other interface.
 */
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../src/main/ipc/dispatcher';
import { startWebServer, type WebServer } from '../../src/main/web';
import { tempDir } from '../helpers';
import { STAND_IN_CSP, writeRendererStandIn } from '../support/renderer-stand-in';

let server: WebServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  const rendererDir = tempDir();
  writeRendererStandIn(rendererDir);
  const reached: string[] = [];
  const dispatch: Dispatch = async (channel) => {
    reached.push(channel);
    return { ok: true, data: {} };
  };
  server = await startWebServer({ dispatch, rendererDir });
  return { s: server, reached };
}

function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'POST', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.method === 'GET' ? undefined : (init.body ?? '{}'));
  });
}

describe('browser mode attack surface', () => {
  it('refuses every forged request before it reaches the dispatcher', async () => {
    const { s, reached } = await start();
    const port = new URL(s.url).port;
    const auth = { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' };
    const attacks: Array<[string, string, Record<string, string>, number]> = [
      ['no token', `${s.url}/api/invoke/app:info`, { 'content-type': 'application/json' }, 401],
      ['wrong token', `${s.url}/api/invoke/app:info`, { authorization: 'Bearer guess' }, 401],
      ['token one character short', `${s.url}/api/invoke/app:info`, { authorization: `Bearer ${s.token.slice(1)}` }, 401],
      ['events without token', `${s.url}/api/events`, {}, 401],
      ['DNS rebinding: a foreign Host', `${s.url}/api/invoke/app:info`, { ...auth, host: `attacker.example:${port}` }, 421],
      ['a Host on another port', `${s.url}/api/invoke/app:info`, { ...auth, host: '127.0.0.1:1' }, 421],
      ['a foreign Origin', `${s.url}/api/invoke/app:info`, { ...auth, origin: 'http://attacker.example' }, 403],
      ['another local page (other port)', `${s.url}/api/invoke/app:info`, { ...auth, origin: 'http://127.0.0.1:1' }, 403],
      ['an opaque origin (sandboxed frame, file page)', `${s.url}/api/invoke/app:info`, { ...auth, origin: 'null' }, 403],
      ['a cross-site request without Origin', `${s.url}/api/invoke/app:info`, { ...auth, 'sec-fetch-site': 'cross-site' }, 403],
      ['a same-site request from another port', `${s.url}/api/invoke/app:info`, { ...auth, 'sec-fetch-site': 'same-site' }, 403],
      ['token in the query from another page', `${s.url}/api/invoke/app:info?token=${s.token}`, { origin: 'http://127.0.0.1:1', 'content-type': 'text/plain' }, 403],
    ];
    for (const [name, url, headers, status] of attacks) {
      const method = url.includes('/api/events') ? 'GET' : 'POST';
      const answer = await request(url, { method, headers });
      expect(answer.status, name).toBe(status);
      expect(JSON.parse(answer.body), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(reached).toEqual([]);
    // The same request with the token, from the page itself, is answered.
    expect((await request(`${s.url}/api/invoke/app:info`, { headers: { ...auth, origin: s.url, 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
    expect(reached).toEqual(['app:info']);
  });

  it('sends the page with its CSP and refuses to be framed', async () => {
    const { s } = await start();
    const page = await request(`${s.url}/`, { method: 'GET' });
    expect(page.headers['content-security-policy']).toBe(STAND_IN_CSP);
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('listens on 127.0.0.1 only: no other interface reaches it', async () => {
    const { s } = await start();
    const port = Number(new URL(s.url).port);
    expect(new URL(s.url).hostname).toBe('127.0.0.1');
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a): a is os.NetworkInterfaceInfo => a !== undefined && !a.internal)
      .map((a) => a.address);
    // ::1 and the wildcard address are loopback too, but a server bound to 127.0.0.1 alone answers on neither.
    for (const address of [...others, '::1']) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = net.connect({ host: address, port, timeout: 1_000 });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('timeout', () => {
          socket.destroy();
          resolve('timeout');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });
});
