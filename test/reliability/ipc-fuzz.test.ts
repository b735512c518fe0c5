/**
 * Hostile IPC (issue 9): the seeded fuzzer across every channel, short under `npm test`, the full
 * 10,000 payloads with RELIABILITY=long; then exact cases for what the fuzzer found.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { createDispatcher, type HandlerContext } from '../../src/main/ipc/dispatcher';
import { createHandlers } from '../../src/main/ipc/handlers';
import { startWebServer } from '../../src/main/web';
import { contract } from '../../src/shared/ipc/contract';
import { tempDir } from '../helpers';
import { formatIpcFuzzLine, runIpcFuzz } from './ipc-fuzzer';
import { LONG } from './suite-size';
import { recordingHandlers } from '../support/recording-handlers';
import { writeRendererStandIn } from '../support/renderer-stand-in';

const PAYLOADS = LONG ? 10_000 : 1_500;
const HEAP_GROWTH_LIMIT_MB = 64;
const noEvents: HandlerContext = { emit: () => {} };

function deeplyNested(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('hostile IPC fuzzer', () => {
  it(
    `answers ${PAYLOADS} seeded hostile payloads with typed results, no crash, no unparsed request in a handler`,
    async () => {
      const report = await runIpcFuzz({ seed: 9, payloads: PAYLOADS, dataDir: tempDir(), viaHttpShare: 0.05 });
      console.log(formatIpcFuzzLine(report));
      expect(report.problems).toEqual([]);
      expect(report.payloads).toBe(PAYLOADS);
      expect(report.crashes).toBe(0);
      expect(report.untyped).toBe(0);
      expect(report.unparsedReachedHandler).toBe(0);
      expect(report.responseMismatches).toBe(0);
      // Typed, but a hostile payload that makes a handler fail unexpectedly is still a bug.
      expect(report.byCode['internal'] ?? 0).toBe(0);
      expect(report.prototypePollution).toEqual([]);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(report.coreAnswersAfter).toBe(true);
      expect(report.heapGrowthMb).toBeLessThan(HEAP_GROWTH_LIMIT_MB);
      expect(report.channelsExercised).toEqual(Object.keys(contract).sort());
      expect(report.accepted).toBeGreaterThan(0);
      expect(report.byCode['invalid_request']).toBeGreaterThan(0);
      expect(report.byCode['unknown_channel']).toBeGreaterThan(0);
      expect(report.viaHttp).toBeGreaterThan(0);
      expect(report.longestErrorMessage).toBeLessThan(1_000);
    },
    LONG ? 900_000 : 60_000,
  );

  it('refuses a __proto__ key in a settings change and leaves the settings as they were', async () => {
    const core = createCore({ dataDir: tempDir(), resources: null, env: {} });
    try {
      const dispatch = createDispatcher(createHandlers(core));
      const before = await dispatch('settings:get', {}, noEvents);
      const result = await dispatch('settings:update', JSON.parse('{"change":{"__proto__":{"provider":"ollama","polluted":1}}}'), noEvents);
      expect(result).toEqual({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('__proto__'), field: 'change.__proto__' } });
      expect(await dispatch('settings:get', {}, noEvents)).toEqual(before);
      expect(core.settings.get().provider).toBe('offline');
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    } finally {
      core.close();
    }
  });

  it('refuses prototype keys anywhere inside an edited persona before the handler', async () => {
    const { calls, handlers } = recordingHandlers(async () => ({}));
    const dispatch = createDispatcher(handlers);
    const cases: Array<[unknown, string]> = [
      [JSON.parse('{"name":"Ada","__proto__":{"polluted":1}}'), 'persona.__proto__'],
      [JSON.parse('{"name":"Ada","culture":{"music":[{"__proto__":{"polluted":1}}]}}'), 'persona.culture.music.0.__proto__'],
      [{ name: 'Ada', constructor: { prototype: { polluted: 1 } } }, 'persona.constructor'],
      [{ name: 'Ada', extra: { prototype: { polluted: 1 } } }, 'persona.extra.prototype'],
    ];
    for (const [persona, field] of cases) {
      const result = await dispatch('personas:edit', { personaId: 'p1', persona }, noEvents);
      expect(result, field).toMatchObject({ ok: false, error: { code: 'invalid_request', field } });
    }
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('gives the edit handler a copy of plain data, never the caller’s objects', async () => {
    let received: unknown;
    const { handlers } = recordingHandlers(async () => ({}));
    const dispatch = createDispatcher({ ...handlers, 'personas:edit': async (request) => ((received = request), { persona: {} as never, edits: 1 }) });
    const persona = { name: 'Ada', culture: { music: ['Air'] } };
    await dispatch('personas:edit', { personaId: 'p1', persona }, noEvents);
    expect(received).toEqual({ personaId: 'p1', persona });
    const copy = (received as { persona: typeof persona }).persona;
    expect(copy).not.toBe(persona);
    expect(copy.culture).not.toBe(persona.culture);
    for (const value of [new Date(0), new Map(), () => 1, NaN, 10n]) {
      const result = await dispatch('personas:edit', { personaId: 'p1', persona: { name: 'Ada', extra: value } }, noEvents);
      expect(result, String(value)).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'persona.extra' } });
    }
  });

  it('answers a 10,000-deep payload with invalid_request, not a RangeError', async () => {
    const { calls, handlers } = recordingHandlers(async () => ({}));
    const dispatch = createDispatcher(handlers);
    const deep = deeplyNested(10_000);
    const deepArray = JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`) as unknown;
    const requests: Array<[string, unknown]> = [
      ['personas:edit', { personaId: 'p1', persona: deep }],
      ['personas:edit', { personaId: 'p1', persona: { name: 'Ada', notes: deepArray } }],
      ['generation:run', { requestId: '5b0e7c8e-9d0a-4c47-8f3e-0f6f3f1c2a10', brief: deep }],
      ['settings:update', { change: deep }],
      ['app:info', deep],
      ['runs:get', deepArray],
    ];
    for (const [channel, payload] of requests) {
      const result = await dispatch(channel, payload, noEvents);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining(channel) } });
    }
    expect(calls).toEqual([]);
  });

  it('answers payloads whose getters or proxy traps throw with invalid_request, never a rejection', async () => {
    const { calls, handlers } = recordingHandlers(async () => ({}));
    const dispatch = createDispatcher(handlers);
    const throwing = {
      get runId(): string {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    const unprintable = {
      get runId(): string {
        throw Object.assign(Object.create(null) as object, { toString: undefined });
      },
    };
    const proxy = new Proxy({ runId: 'r1' }, { ownKeys: () => { throw new Error('trap exploded'); } });
    for (const payload of [throwing, unprintable, proxy, { personaId: 'p1', persona: throwing }]) {
      const channel = 'personaId' in payload ? 'personas:edit' : 'runs:get';
      await expect(dispatch(channel, payload, noEvents)).resolves.toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining(channel) } });
    }
    expect(calls).toEqual([]);
  });

  it('names only the first unknown keys, so an answer stays small whatever the payload', async () => {
    const dispatch = createDispatcher(recordingHandlers(async () => ({})).handlers);
    const manyKeys = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]));
    const many = await dispatch('app:info', manyKeys, noEvents);
    expect(many).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'k0' } });
    expect(JSON.stringify(many).length).toBeLessThan(1_000);
    const longKey = await dispatch('app:info', { ['k'.repeat(100_000)]: 1 }, noEvents);
    expect(longKey.ok).toBe(false);
    expect(JSON.stringify(longKey).length).toBeLessThan(1_000);
  });

  it('answers an HTTP body over 1 MB with a typed 413 and keeps the connection; past 8 MB it answers and closes it', async () => {
    const dataDir = tempDir();
    const rendererDir = path.join(dataDir, 'renderer');
    fs.mkdirSync(rendererDir);
    writeRendererStandIn(rendererDir);
    const server = await startWebServer({ dispatch: createDispatcher(recordingHandlers(async () => ({})).handlers), rendererDir });
    // One keep-alive socket: the request after an oversized one travels on the same connection, unless it was closed.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (channel: string, body: Buffer) =>
      new Promise<{ status: number; text: string; socket: object }>((resolve, reject) => {
        let answered = false;
        const req = http.request(`${server.url}/api/invoke/${channel}`, { method: 'POST', agent, headers: { Authorization: `Bearer ${server.token}`, 'Content-Length': body.length } }, (res) => {
          answered = true;
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, text, socket: req.socket! }));
        });
        // A server that closes after answering may cut the rest of our upload short: that is its answer, not a failure.
        req.on('error', (error) => (answered ? undefined : reject(error)));
        req.end(body);
      });
    try {
      for (const [size, sameConnection] of [[1024 * 1024 + 1, true], [4 * 1024 * 1024, true], [9 * 1024 * 1024, false]] as const) {
        const answer = await post('workshops:create', Buffer.from(`{"name":"${'x'.repeat(size)}"}`));
        expect(answer.status).toBe(413);
        expect(JSON.parse(answer.text)).toEqual({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('1 MB') } });
        const next = await post('app:info', Buffer.from('{}'));
        expect(next.status).toBe(200);
        expect(JSON.parse(next.text)).toEqual({ ok: true, data: {} });
        expect(next.socket === answer.socket, `${size} bytes`).toBe(sameConnection);
      }
    } finally {
      agent.destroy();
      await server.close();
    }
  });
});
