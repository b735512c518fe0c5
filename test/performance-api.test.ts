/**
 * The local performance API in browser mode: a real core on a temp data folder behind the real web
 * server on 127.0.0.1, called over HTTP. The rate limiter's clock is moved by hand, so nothing waits.
 */
import http from 'node:http';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../src/shared/ipc/contract';
import { createCore, type Core } from '../src/main/core/core';
import { createDispatcher } from '../src/main/ipc/dispatcher';
import { createHandlers } from '../src/main/ipc/handlers';
import { API_ROUTES, apiErrorSchema, startBrowserMode, startWebServer, type BrowserMode, type WebServer } from '../src/main/web';
import { tempDir } from './helpers';
import { writeRendererStandIn } from './support/renderer-stand-in';

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** The web server over a real core, with a clock the test moves for the rate limiter. */
async function start() {
  const core: Core = createCore({ dataDir: tempDir() });
  closers.push(() => core.close());
  const clock = { ms: 0 };
  const server: WebServer = await startWebServer({
    dispatch: createDispatcher(createHandlers(core)),
    rendererDir: writeRendererStandIn(tempDir()),
    api: { clock: () => clock.ms, audit: (subject, reason) => core.monitor.auditUserAction(subject, 'started', reason) },
  });
  closers.push(() => server.close());
  return { core, server, clock, auth: { Authorization: `Bearer ${server.token}` } };
}

function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; json: unknown; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, json: body ? (JSON.parse(body) as unknown) : null, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** The fields OpenAPI 3.1 requires of a document, an operation and a response (no meta-schema ships in node_modules). */
const openApiShape = z.object({
  openapi: z.string().regex(/^3\.1\.\d+$/),
  info: z.object({ title: z.string().min(1), version: z.string().min(1) }),
  paths: z.record(
    z.string().startsWith('/'),
    z.partialRecord(
      z.enum(['get', 'post', 'put', 'delete', 'patch']),
      z.object({
        operationId: z.string(),
        parameters: z.array(z.object({ name: z.string(), in: z.enum(['query', 'header', 'path', 'cookie']), schema: z.record(z.string(), z.unknown()) })).optional(),
        requestBody: z.object({ content: z.record(z.string(), z.object({ schema: z.unknown() })) }).optional(),
        responses: z.record(z.string().regex(/^[1-5]\d\d$/), z.object({ description: z.string() })),
      }),
    ),
  ),
  components: z.object({
    schemas: z.record(z.string(), z.record(z.string(), z.unknown())),
    securitySchemes: z.record(z.string(), z.object({ type: z.literal('http'), scheme: z.literal('bearer') })),
  }),
  security: z.array(z.record(z.string(), z.array(z.string()))).min(1),
});

describe('local performance API', () => {
  it('answers each GET route with its contract response schema', async () => {
    const { server, auth } = await start();
    const metrics = await request(`${server.url}/api/performance/metrics`, { headers: auth });
    expect(metrics.status).toBe(200);
    expect(contract['monitor:live'].response.parse(metrics.json).score).toBeDefined();
    const cache = await request(`${server.url}/api/performance/cache`, { headers: auth });
    expect(cache.status).toBe(200);
    contract['cache:stats'].response.parse(cache.json);
    const engines = await request(`${server.url}/api/performance/engines?rangeMs=3600000`, { headers: auth });
    expect(engines.status, JSON.stringify(engines.json)).toBe(200);
    contract['performance:engines'].response.parse(engines.json);
  });

  it('refuses a malformed query with 400 naming the field', async () => {
    const { server, auth } = await start();
    const short = await request(`${server.url}/api/performance/engines?rangeMs=5`, { headers: auth });
    expect(short.status).toBe(400);
    expect(apiErrorSchema.parse(short.json).error).toMatchObject({ code: 'invalid_request', field: 'rangeMs' });
    const unknown = await request(`${server.url}/api/performance/engines?since=1`, { headers: auth });
    expect(unknown.status).toBe(400);
    expect((await request(`${server.url}/api/performance/metrics`, { method: 'DELETE', headers: auth })).headers['allow']).toBe('GET');
  });

  it('holds to the bridge rules: token, Host, Origin and Sec-Fetch-Site', async () => {
    const { server, auth } = await start();
    for (const route of API_ROUTES) {
      const url = `${server.url}${route.path}`;
      const method = route.method;
      expect((await request(url, { method })).status).toBe(401);
      expect((await request(url, { method, headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await request(url, { method, headers: { ...auth, Origin: 'http://evil.example' } })).status).toBe(403);
      expect((await request(url, { method, headers: { ...auth, Origin: 'http://127.0.0.1:1' } })).status).toBe(403);
      expect((await request(url, { method, headers: { ...auth, Origin: 'null' } })).status).toBe(403);
      expect((await request(url, { method, headers: { ...auth, 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
      expect((await request(url, { method, headers: { ...auth, Host: 'evil.example:80' } })).status).toBe(421);
      // The token in the query is for the event stream only.
      expect((await request(`${url}?token=${server.token}`, { method })).status).toBe(401);
    }
    const refused = await request(`${server.url}/api/performance/metrics`, { headers: { ...auth, Origin: 'http://evil.example' } });
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers 429 with Retry-After over a route limit, and again after that many seconds', async () => {
    const { server, clock, auth } = await start();
    const url = `${server.url}/api/performance/metrics`;
    for (let i = 0; i < 100; i++) expect((await request(url, { headers: auth })).status).toBe(200);
    const limited = await request(url, { headers: auth });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
    expect(apiErrorSchema.parse(limited.json).error).toMatchObject({ code: 'rate_limited', retryAfterS: retryAfter, message: expect.stringMatching(/retry in 1 s/) });
    // Another route has its own bucket.
    expect((await request(`${server.url}/api/performance/cache`, { headers: auth })).status).toBe(200);
    clock.ms += retryAfter * 1000;
    expect((await request(url, { headers: auth })).status).toBe(200);
  });

  it('POST /optimize starts an optimization through the Dashboard path, audits it, and allows one per 10 s', async () => {
    const { core, server, clock, auth } = await start();
    const url = `${server.url}/api/performance/optimize`;
    const started = await request(url, { method: 'POST', headers: auth });
    expect(started.status).toBe(200);
    const optimization = contract['optimization:start'].response.parse(started.json);
    expect(core.monitor.steering.optimizationList(10).map((o) => o.id)).toContain(optimization.id);
    const audit = core.monitor.auditLog(50);
    expect(audit).toContainEqual(expect.objectContaining({ source: 'user', step: 'started', subject: 'api', reason: expect.stringContaining(optimization.id) }));
    expect(audit).toContainEqual(expect.objectContaining({ source: 'user', step: 'started', subject: `optimization ${optimization.id}` }));

    const again = await request(url, { method: 'POST', headers: auth, body: '{}' });
    expect(again.status).toBe(429);
    expect(again.headers['retry-after']).toBe('10');
    clock.ms += 10_000;
    expect((await request(url, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"extra":1}' })).status).toBe(400);
    // A refused POST is in the audit too, saying why.
    expect(core.monitor.auditLog(50)).toContainEqual(expect.objectContaining({ subject: 'api', reason: expect.stringContaining('refused') }));
    clock.ms += 10_000;
    expect((await request(url, { method: 'POST', headers: auth, body: '{"unterminated' })).status).toBe(400);
    clock.ms += 10_000;
    expect((await request(url, { method: 'POST', headers: auth, body: '{}' })).status).toBe(200);
  });

  it('serves an OpenAPI 3.1 document that matches the route table and validates real answers', async () => {
    const { server, auth } = await start();
    const answer = await request(`${server.url}/api/openapi.json`, { headers: auth });
    expect(answer.status).toBe(200);
    const document = openApiShape.parse(answer.json);
    expect(document.info.version).toBe(JSON.parse((await import('node:fs')).readFileSync('package.json', 'utf8')).version);
    const documented = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    for (const ops of Object.values(document.paths)) for (const op of Object.values(ops)) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '429']));
    expect(document.paths['/api/performance/engines']!.get!.parameters).toContainEqual(expect.objectContaining({ name: 'rangeMs', in: 'query' }));
    expect(document.paths['/api/performance/optimize']!.post!.requestBody).toBeDefined();

    // Each documented response schema, compiled by ajv as JSON Schema 2020-12, accepts the route's real answer.
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(answer.json as object, 'openapi');
    for (const route of API_ROUTES) {
      // From the document as served: the shape check above keeps only the fields it names.
      const raw = (answer.json as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> }>> }).paths;
      const schema = raw[route.path]![route.method.toLowerCase()]!.responses['200']!.content['application/json']!.schema;
      const validate = ajv.getSchema(`openapi${schema.$ref}`)!;
      const real = await request(`${server.url}${route.path}`, { method: route.method, headers: auth });
      expect(real.status, JSON.stringify(real.json)).toBe(200);
      expect(validate(real.json), `${route.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const validateError = ajv.getSchema('openapi#/components/schemas/ApiError')!;
    const refused = await request(`${server.url}/api/performance/metrics`);
    expect(validateError(refused.json)).toBe(true);
  });

  it('is wired in browser mode: the POST reaches the monitor audit of the core it serves', async () => {
    const app: BrowserMode = await startBrowserMode({ core: { dataDir: tempDir() }, rendererDir: writeRendererStandIn(tempDir()) });
    closers.push(() => app.close());
    const started = await request(`${app.server.url}/api/performance/optimize`, { method: 'POST', headers: { Authorization: `Bearer ${app.server.token}` } });
    expect(started.status).toBe(200);
    expect(app.core.monitor.auditLog(20)).toContainEqual(expect.objectContaining({ source: 'user', step: 'started', subject: 'api' }));
  });
});
