import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../src/main/core/core';
import { createDispatcher } from '../src/main/ipc/dispatcher';
import { createHandlers } from '../src/main/ipc/handlers';
import { startWebServer, type WebServer } from '../src/main/web';
import { tempDir } from './helpers';
import { writeRendererStandIn } from './support/renderer-stand-in';

let server: WebServer | undefined;
let core: Core | undefined;

afterEach(async () => {
  await server?.close();
  core?.close();
  server = undefined;
  core = undefined;
});

async function start() {
  const rendererDir = tempDir();
  writeRendererStandIn(rendererDir);
  core = createCore({ dataDir: tempDir() });
  server = await startWebServer({ dispatch: createDispatcher(createHandlers(core)), rendererDir });
  return server;
}

function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only and serves the renderer build', async () => {
    const s = await start();
    expect(new URL(s.url).hostname).toBe('127.0.0.1');
    const page = await request(`${s.url}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Persona Studio');
    expect((await request(`${s.url}/assets/app.js`)).headers['content-type']).toMatch(/javascript/);
  });

  it('requires the launch token on every API call', async () => {
    const s = await start();
    const call = (headers: Record<string, string>) =>
      request(`${s.url}/api/invoke/app:info`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
    expect((await call({})).status).toBe(401);
    expect((await call({ Authorization: 'Bearer wrong' })).status).toBe(401);
    const ok = await call({ Authorization: `Bearer ${s.token}` });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, data: { providers: expect.arrayContaining([expect.objectContaining({ id: 'offline' })]) } });
  });

  it('refuses foreign Host and Origin headers even with the token', async () => {
    const s = await start();
    const auth = { Authorization: `Bearer ${s.token}` };
    expect((await request(`${s.url}/api/invoke/app:info`, { method: 'POST', headers: { ...auth, Host: 'evil.example:80' }, body: '{}' })).status).toBe(421);
    expect((await request(`${s.url}/api/invoke/app:info`, { method: 'POST', headers: { ...auth, Origin: 'http://evil.example' }, body: '{}' })).status).toBe(403);
  });

  it('never serves files outside the renderer build', async () => {
    const s = await start();
    const escaped = await request(`${s.url}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(escaped.body).not.toContain('root:');
    expect(escaped.body).toContain('Persona Studio');
  });

  it('answers malformed JSON and malformed requests with typed errors', async () => {
    const s = await start();
    const headers = { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' };
    const broken = await request(`${s.url}/api/invoke/runs:get`, { method: 'POST', headers, body: '{"runId": ' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.code).toBe('invalid_request');
    const invalid = await request(`${s.url}/api/invoke/runs:get`, { method: 'POST', headers, body: '{"runId": 5}' });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'runId' } });
  });

  it('streams progress events to the page while a generation runs', async () => {
    const s = await start();
    const received: string[] = [];
    const stream = await new Promise<http.IncomingMessage>((resolve) => http.get(`${s.url}/api/events?token=${s.token}`, resolve));
    stream.on('data', (chunk: Buffer) => received.push(chunk.toString()));
    const requestId = randomUUID();
    const result = await request(`${s.url}/api/invoke/generation:run`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ requestId, brief: { description: 'Meal kits for busy parents in Lyon', count: 3, level: 'standard' } }),
    });
    expect(JSON.parse(result.body).ok).toBe(true);
    stream.destroy();
    const text = received.join('');
    expect(text).toContain('event: generation:progress');
    expect(text).toContain(`"requestId":"${requestId}","phase":"store"`);
  });

  it("streams a persona's answer to the page as answer:token events", async () => {
    const s = await start();
    const headers = { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' };
    const generated = JSON.parse((await request(`${s.url}/api/invoke/generation:run`, { method: 'POST', headers, body: JSON.stringify({ requestId: randomUUID(), brief: { description: 'Meal kits for busy parents in Lyon', count: 2, level: 'standard' } }) })).body);
    const received: string[] = [];
    const stream = await new Promise<http.IncomingMessage>((resolve) => http.get(`${s.url}/api/events?token=${s.token}`, resolve));
    stream.on('data', (chunk: Buffer) => received.push(chunk.toString()));
    const requestId = randomUUID();
    const body = JSON.stringify({ requestId, runId: generated.data.run.id, personaId: generated.data.document.personas[0].id, question: 'What would stop you from ordering?' });
    const asked = JSON.parse((await request(`${s.url}/api/invoke/interviews:ask`, { method: 'POST', headers, body })).body);
    expect(asked.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    stream.destroy();
    const frames = received.join('').split('\n\n').filter((f) => f.startsWith('event: answer:token'));
    expect(frames.length).toBeGreaterThan(1);
    const texts = frames.map((f) => JSON.parse(f.split('\ndata: ')[1]!) as { requestId: string; text: string });
    expect(texts.every((t) => t.requestId === requestId)).toBe(true);
    expect(texts.map((t) => t.text).join('')).toBe(asked.data.turn.answer.text);
  });
});
