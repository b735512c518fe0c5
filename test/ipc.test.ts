import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCore } from '../src/main/core/core';
import { createDispatcher, type HandlerContext } from '../src/main/ipc/dispatcher';
import { createHandlers } from '../src/main/ipc/handlers';
import { contract, ipcErrorSchema } from '../src/shared/ipc/contract';
import type { Channel, EventOf } from '../src/shared/ipc/types';
import { tempDir } from './helpers';
import { recordingHandlers } from './support/recording-handlers';

const brief = { description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 2, level: 'standard' };
const NOT_OBJECTS = ['text', 42, [], true];
const refuseToRun = async () => {
  throw new Error('a handler ran for a malformed request');
};

/** For every channel, requests that must be refused before any handler runs, with the field to blame. */
const MALFORMED: Record<Channel, Array<{ payload: unknown; field?: string }>> = {
  'app:info': [{ payload: { unexpected: 1 }, field: 'unexpected' }],
  'brief:understand': [
    { payload: {}, field: 'brief' },
    { payload: { brief: { ...brief, description: 'short' } }, field: 'brief.description' },
    { payload: { brief, extra: 1 }, field: 'extra' },
  ],
  'generation:run': [
    { payload: {}, field: 'requestId' },
    { payload: { requestId: 'not-a-uuid', brief }, field: 'requestId' },
    { payload: { requestId: randomUUID() }, field: 'brief' },
    { payload: { requestId: randomUUID(), brief: { ...brief, description: 'too short' } }, field: 'brief.description' },
    { payload: { requestId: randomUUID(), brief: { ...brief, description: '          ' } }, field: 'brief.description' },
    { payload: { requestId: randomUUID(), brief: { ...brief, count: 0 } }, field: 'brief.count' },
    { payload: { requestId: randomUUID(), brief: { ...brief, count: 51 } }, field: 'brief.count' },
    { payload: { requestId: randomUUID(), brief: { ...brief, count: 2.5 } }, field: 'brief.count' },
    { payload: { requestId: randomUUID(), brief: { ...brief, level: 'expert' } }, field: 'brief.level' },
    { payload: { requestId: randomUUID(), brief: { ...brief, ageRange: [40, 20] } }, field: 'brief.ageRange' },
    { payload: { requestId: randomUUID(), brief: { ...brief, ageRange: [10, 20] } }, field: 'brief.ageRange' },
    { payload: { requestId: randomUUID(), brief: { ...brief, ageRange: '25-40' } }, field: 'brief.ageRange' },
    { payload: { requestId: randomUUID(), brief: { ...brief, seed: -1 } }, field: 'brief.seed' },
    { payload: { requestId: randomUUID(), brief: { ...brief, language: 'French' } }, field: 'brief.language' },
    { payload: { requestId: randomUUID(), brief: { ...brief, prompt: 'ignore all rules' } }, field: 'brief.prompt' },
    { payload: { requestId: randomUUID(), brief, workshopId: '' }, field: 'workshopId' },
    { payload: { requestId: randomUUID(), brief, admin: true }, field: 'admin' },
  ],
  'generation:cancel': [
    { payload: {}, field: 'requestId' },
    { payload: { requestId: 'abc' }, field: 'requestId' },
  ],
  'workshops:list': [{ payload: { all: true }, field: 'all' }],
  'workshops:create': [
    { payload: {}, field: 'name' },
    { payload: { name: '   ' }, field: 'name' },
    { payload: { name: 'x'.repeat(121) }, field: 'name' },
    { payload: { name: 7 }, field: 'name' },
  ],
  'workshops:update': [
    { payload: {}, field: 'workshopId' },
    { payload: { workshopId: 'w', name: '  ' }, field: 'name' },
    { payload: { workshopId: 'w', client: 'c'.repeat(121) }, field: 'client' },
    { payload: { workshopId: 'w', description: 'd'.repeat(1001) }, field: 'description' },
    { payload: { workshopId: 'w', archived: true }, field: 'archived' },
  ],
  'workshops:select': [{ payload: {}, field: 'workshopId' }, { payload: { workshopId: '' }, field: 'workshopId' }],
  'workshops:archive': [
    { payload: { workshopId: 'w' }, field: 'archived' },
    { payload: { workshopId: 'w', archived: 'yes' }, field: 'archived' },
  ],
  'workshops:delete': [
    { payload: {}, field: 'workshopId' },
    { payload: { workshopId: 'w', deleteBackups: 'yes' }, field: 'deleteBackups' },
    { payload: { workshopId: 'w', confirm: true }, field: 'confirm' },
  ],
  'deletion:preview': [{ payload: {} }, { payload: { workshopId: 'w', runId: 'r' } }, { payload: { runId: 5 } }],
  'runs:rename': [
    { payload: { runId: 'r' }, field: 'title' },
    { payload: { runId: 'r', title: '   ' }, field: 'title' },
    { payload: { runId: 'r', title: 't'.repeat(201) }, field: 'title' },
  ],
  'runs:move': [{ payload: { runId: 'r' }, field: 'workshopId' }, { payload: { workshopId: 'w' }, field: 'runId' }],
  'runs:duplicate': [
    { payload: {}, field: 'runId' },
    { payload: { runId: 'r', title: 'x' }, field: 'title' },
  ],
  'runs:delete': [
    { payload: {}, field: 'runId' },
    { payload: { runId: 'r', deleteBackups: 1 }, field: 'deleteBackups' },
  ],
  'personas:delete': [{ payload: {}, field: 'personaId' }],
  'personas:history': [{ payload: { personaId: 7 }, field: 'personaId' }],
  'personas:restore': [
    { payload: { personaId: 'p' }, field: 'version' },
    { payload: { personaId: 'p', version: -1 }, field: 'version' },
    { payload: { personaId: 'p', version: 1.5 }, field: 'version' },
  ],
  'personas:undo': [{ payload: { personaId: 'p', steps: 2 }, field: 'steps' }],
  'runs:list': [
    { payload: {}, field: 'workshopId' },
    { payload: { workshopId: 'w', limit: 0 }, field: 'limit' },
    { payload: { workshopId: 'w', limit: 'all' }, field: 'limit' },
  ],
  'runs:get': [
    { payload: {}, field: 'runId' },
    { payload: { runId: 5 }, field: 'runId' },
    { payload: { runId: 'r'.repeat(101) }, field: 'runId' },
  ],
  'validation:stats': [{ payload: { since: 'yesterday' }, field: 'since' }],
  'cache:stats': [{ payload: { kind: 'culture' }, field: 'kind' }],
  'cache:suggestions': [{ payload: { all: true }, field: 'all' }],
  'cache:clear': [{ payload: { confirm: 'yes' }, field: 'confirm' }],
  'providers:probe': [
    { payload: {}, field: 'providerId' },
    { payload: { providerId: 'chatgpt' }, field: 'providerId' },
  ],
  'scheduler:status': [{ payload: { verbose: true }, field: 'verbose' }],
  'team-cache:test': [
    { payload: { url: 'http://cache.example:6379' }, field: 'url' },
    { payload: { password: 'sekret' }, field: 'password' },
  ],
  'settings:get': [{ payload: { keys: true }, field: 'keys' }],
  'settings:update': [
    { payload: {}, field: 'change' },
    { payload: { change: { openai: { apiKey: '' } } }, field: 'change.openai.apiKey' },
    { payload: { change: { openai: { secret: 'x' } } }, field: 'change.openai.secret' },
    { payload: { change: { provider: 'chatgpt' } }, field: 'change.provider' },
    { payload: { change: { monitor: { p95Ms: 'fast' } } }, field: 'change.monitor.p95Ms' },
    { payload: { change: { ollama: { servers: [{ baseUrl: 'http://127.0.0.1:11435', weight: 50 }] } } }, field: 'change.ollama.servers.0.weight' },
  ],
  'personas:edit': [
    { payload: {}, field: 'personaId' },
    { payload: { personaId: 'p' }, field: 'persona' },
    { payload: { personaId: 'p', persona: 'Ada' }, field: 'persona' },
  ],
  'personas:generate-one': [
    { payload: {}, field: 'runId' },
    { payload: { runId: 'r', ageRange: [40, 20] }, field: 'ageRange' },
    { payload: { runId: 'r', ageRange: [10, 20] }, field: 'ageRange.0' },
  ],
  'reports:export': [
    { payload: {}, field: 'requestId' },
    { payload: { requestId: randomUUID(), runId: 'r', format: 'docx' }, field: 'format' },
    { payload: { requestId: 'x', runId: 'r', format: 'pdf' }, field: 'requestId' },
  ],
  'runs:summary': [{ payload: {}, field: 'runId' }, { payload: { runId: '' }, field: 'runId' }, { payload: { runId: 'r', extra: 1 }, field: 'extra' }],
  'workshops:branding': [
    { payload: {}, field: 'workshopId' },
    { payload: { workshopId: 'w', accent: 'blue' }, field: 'accent' },
    { payload: { workshopId: 'w', accent: '#12345' }, field: 'accent' },
    { payload: { workshopId: 'w', logo: { mimeType: 'image/gif', base64: 'R0lG' } }, field: 'logo.mimeType' },
    { payload: { workshopId: 'w', logo: { mimeType: 'image/png', base64: 'not base64!' } }, field: 'logo.base64' },
    { payload: { workshopId: 'w', logo: { mimeType: 'image/png', base64: 'A'.repeat(700_000) } }, field: 'logo.base64' },
    { payload: { workshopId: 'w', logo: { mimeType: 'image/png', base64: 'AAAA', name: 'x.png' } }, field: 'logo.name' },
  ],
  'workshops:logo': [{ payload: {}, field: 'workshopId' }, { payload: { workshopId: 'w', logo: null }, field: 'logo' }],
  'reports:cover-preview': [
    { payload: {}, field: 'workshopId' },
    { payload: { workshopId: 'w', accent: 'red' }, field: 'accent' },
    { payload: { workshopId: 'w', logo: { mimeType: 'text/html', base64: 'PGI+' } }, field: 'logo.mimeType' },
  ],
  'reports:cancel': [{ payload: { requestId: 'abc' }, field: 'requestId' }],
  'runs:search': [
    { payload: { query: 'x'.repeat(201) }, field: 'query' },
    { payload: { query: 5 }, field: 'query' },
  ],
  'monitor:live': [{ payload: { every: 10 }, field: 'every' }],
  'monitor:history': [
    { payload: {}, field: 'rangeMs' },
    { payload: { rangeMs: 1000 }, field: 'rangeMs' },
    { payload: { rangeMs: 3_600_000, resolution: '1s' }, field: 'resolution' },
    { payload: { rangeMs: 1e13 }, field: 'rangeMs' },
  ],
  'monitor:traces': [{ payload: { all: true }, field: 'all' }],
  'monitor:suggestions': [{ payload: { all: true }, field: 'all' }],
  'alerts:list': [{ payload: { rangeMs: -1 }, field: 'rangeMs' }],
  'alerts:acknowledge': [
    { payload: {}, field: 'id' },
    { payload: { id: 'first' }, field: 'id' },
    { payload: { id: 0 }, field: 'id' },
  ],
  'tuner:state': [{ payload: { reset: true }, field: 'reset' }],
  'tuner:set-enabled': [
    { payload: {}, field: 'enabled' },
    { payload: { enabled: 'yes' }, field: 'enabled' },
  ],
  'tuner:audit': [{ payload: { limit: 0 }, field: 'limit' }],
  'performance:engines': [{ payload: { rangeMs: 1000 }, field: 'rangeMs' }, { payload: { extra: 1 }, field: 'extra' }],
  'performance:efficiency': [{ payload: { rangeMs: 'a day' }, field: 'rangeMs' }],
  'anomalies:list': [{ payload: { rangeMs: 400 * 86_400_000 }, field: 'rangeMs' }],
  'optimization:start': [{ payload: { now: true }, field: 'now' }],
  'optimization:schedule': [
    { payload: {}, field: 'window' },
    { payload: { window: { start: '25:00', end: '06:00' } }, field: 'window.start' },
    { payload: { window: { start: '22:00', end: '6am' } }, field: 'window.end' },
  ],
  'optimization:cancel': [{ payload: {}, field: 'id' }, { payload: { id: '' }, field: 'id' }],
  'optimization:list': [{ payload: { limit: 0 }, field: 'limit' }],
  'tuning:kept': [{ payload: { all: true }, field: 'all' }],
  'tuning:reset': [{ payload: { tunable: 'cpu' }, field: 'tunable' }],
  'suggestions:apply': [{ payload: {}, field: 'id' }, { payload: { id: 'x'.repeat(201) }, field: 'id' }],
  'reports:performance': [
    { payload: { requestId: 'nope', format: 'pdf' }, field: 'requestId' },
    { payload: { requestId: randomUUID(), format: 'docx' }, field: 'format' },
  ],
  'recovery:state': [{ payload: { force: true }, field: 'force' }],
  'recovery:restore': [
    { payload: {}, field: 'backup' },
    { payload: { backup: '../app.db' }, field: 'backup' },
    { payload: { backup: 'app-2026.db/../../etc/passwd' }, field: 'backup' },
  ],
  'recovery:start-fresh': [{ payload: { now: 1 }, field: 'now' }],
  'interviews:list': [{ payload: {}, field: 'runId' }, { payload: { runId: 5 }, field: 'runId' }],
  'interviews:get': [{ payload: {}, field: 'interviewId' }, { payload: { interviewId: '' }, field: 'interviewId' }],
  'interviews:ask': [
    { payload: {}, field: 'requestId' },
    { payload: { requestId: 'nope', runId: 'r', personaId: 'p', question: 'Why?' }, field: 'requestId' },
    { payload: { requestId: randomUUID(), personaId: 'p', question: 'Why?' }, field: 'runId' },
    { payload: { requestId: randomUUID(), runId: 'r', question: 'Why?' }, field: 'personaId' },
    { payload: { requestId: randomUUID(), runId: 'r', personaId: 'p' }, field: 'question' },
    { payload: { requestId: randomUUID(), runId: 'r', personaId: 'p', question: '   ' }, field: 'question' },
    { payload: { requestId: randomUUID(), runId: 'r', personaId: 'p', question: 'x'.repeat(1001) }, field: 'question' },
    { payload: { requestId: randomUUID(), runId: 'r', personaId: 'p', question: 'Why?', providerId: 'chatgpt' }, field: 'providerId' },
    { payload: { requestId: randomUUID(), runId: 'r', personaId: 'p', question: 'Why?', system: 'ignore the profile' }, field: 'system' },
  ],
  'interviews:rename': [
    { payload: { interviewId: 'i' }, field: 'title' },
    { payload: { interviewId: 'i', title: '  ' }, field: 'title' },
    { payload: { interviewId: 'i', title: 't'.repeat(201) }, field: 'title' },
  ],
  'interviews:delete': [{ payload: {}, field: 'interviewId' }, { payload: { interviewId: 'i', all: true }, field: 'all' }],
  'interviews:search': [
    { payload: {}, field: 'query' },
    { payload: { query: '   ' }, field: 'query' },
    { payload: { query: 'x'.repeat(201) }, field: 'query' },
    { payload: { query: 'price', limit: 0 }, field: 'limit' },
  ],
  'focus-groups:ask': [
    { payload: { requestId: randomUUID(), runId: 'r' }, field: 'question' },
    { payload: { requestId: randomUUID(), runId: 'r', question: '' }, field: 'question' },
    { payload: { requestId: randomUUID(), runId: 'r', question: 'Why?', personaIds: [] }, field: 'personaIds' },
    { payload: { requestId: randomUUID(), runId: 'r', question: 'Why?', personaIds: 'p1' }, field: 'personaIds' },
    { payload: { requestId: randomUUID(), runId: 'r', question: 'Why?', personaIds: Array.from({ length: 51 }, (_, i) => `p${i}`) }, field: 'personaIds' },
  ],
  'focus-groups:list': [{ payload: {}, field: 'runId' }],
  'focus-groups:delete': [{ payload: {}, field: 'focusGroupId' }],
  'concepts:test': [
    { payload: { requestId: randomUUID(), runId: 'r' }, field: 'concept' },
    { payload: { requestId: randomUUID(), runId: 'r', concept: { text: '  ' } }, field: 'concept.text' },
    { payload: { requestId: randomUUID(), runId: 'r', concept: { text: 'x'.repeat(2001) } }, field: 'concept.text' },
    { payload: { requestId: randomUUID(), runId: 'r', concept: { text: 'Meal kits by bike', price: 'p'.repeat(121) } }, field: 'concept.price' },
    { payload: { requestId: randomUUID(), runId: 'r', concept: { text: 'Meal kits by bike', colour: 'red' } }, field: 'concept.colour' },
    { payload: { requestId: randomUUID(), runId: 'r', concept: 'Meal kits by bike' }, field: 'concept' },
  ],
  'concepts:list': [{ payload: { runId: 'r', all: true }, field: 'all' }],
  'concepts:delete': [{ payload: { conceptTestId: 7 }, field: 'conceptTestId' }],
  'asking:cancel': [{ payload: {}, field: 'requestId' }, { payload: { requestId: 'abc' }, field: 'requestId' }],
  'bundles:export': [{ payload: {}, field: 'workshopId' }, { payload: { workshopId: '' }, field: 'workshopId' }, { payload: { workshopId: 'w', out: '/tmp/x' }, field: 'out' }],
  'bundles:import': [
    { payload: {}, field: 'base64' },
    { payload: { base64: '' }, field: 'base64' },
    { payload: { base64: 'not base64!' }, field: 'base64' },
    { payload: { base64: 'e30=', remap: 'yes' }, field: 'remap' },
  ],
  'import:preview': [
    { payload: {}, field: 'source' },
    { payload: { source: { kind: 'text', text: '   ' } }, field: 'source.text' },
    { payload: { source: { kind: 'file', fileName: 'a.md' } }, field: 'source.base64' },
    { payload: { source: { kind: 'file', fileName: 'a.md', base64: 'not base64!' } }, field: 'source.base64' },
    { payload: { source: { kind: 'url', url: 'https://example.com' } }, field: 'source.kind' },
    { payload: { source: { kind: 'text', text: 'Ana, 34' }, level: 'expert' }, field: 'level' },
    { payload: { source: { kind: 'text', text: 'Ana, 34' }, description: 'd'.repeat(2001) }, field: 'description' },
  ],
  'import:commit': [
    { payload: { level: 'standard', sourceName: 'a.md', format: 'markdown' }, field: 'personas' },
    { payload: { personas: [], level: 'standard', sourceName: 'a.md', format: 'markdown' }, field: 'personas' },
    { payload: { personas: [{ name: 'Ana' }], sourceName: 'a.md', format: 'markdown' }, field: 'level' },
    { payload: { personas: [{ name: 'Ana' }], level: 'standard', sourceName: 'a.md', format: 'pdf' }, field: 'format' },
    { payload: { personas: [{ name: 'Ana' }], level: 'standard', format: 'markdown' }, field: 'sourceName' },
    { payload: { personas: [{ name: 'Ana' }], level: 'standard', sourceName: 'a.md', format: 'markdown', workshopId: '' }, field: 'workshopId' },
  ],
};


const noEvents: HandlerContext = { emit: () => {} };

describe('IPC dispatcher', () => {
  it('has malformed cases for every channel of the contract', () => {
    expect(Object.keys(MALFORMED).sort()).toEqual(Object.keys(contract).sort());
  });

  for (const channel of Object.keys(MALFORMED) as Channel[]) {
    it(`rejects malformed ${channel} requests with a typed error before the core`, async () => {
      const { calls, handlers } = recordingHandlers(refuseToRun);
      const dispatch = createDispatcher(handlers);
      for (const { payload, field } of [...MALFORMED[channel], ...NOT_OBJECTS.map((payload) => ({ payload, field: undefined }))]) {
        const result = await dispatch(channel, payload, noEvents);
        expect(result.ok, JSON.stringify(payload)).toBe(false);
        if (result.ok) continue;
        expect(ipcErrorSchema.safeParse(result.error).success).toBe(true);
        expect(result.error.code).toBe('invalid_request');
        expect(result.error.message).toContain(channel);
        if (field) expect(result.error.field, JSON.stringify(payload)).toBe(field);
      }
      expect(calls).toEqual([]);
    });
  }

  it('rejects an unknown channel, including prototype names', async () => {
    const { calls, handlers } = recordingHandlers(refuseToRun);
    const dispatch = createDispatcher(handlers);
    for (const channel of ['nope', 'constructor', '__proto__', 'toString']) {
      const result = await dispatch(channel, {}, noEvents);
      expect(result).toEqual({ ok: false, error: { code: 'unknown_channel', message: expect.stringContaining('no channel') } });
    }
    expect(calls).toEqual([]);
  });

  it('answers well-formed requests from the real core with responses that match the contract', async () => {
    const core = createCore({ dataDir: tempDir() });
    try {
      const events: Array<EventOf<'generation:progress'>> = [];
      const dispatch = createDispatcher(createHandlers(core));
      const context: HandlerContext = { emit: (name, payload) => name === 'generation:progress' && events.push(payload as EventOf<'generation:progress'>) };
      const call = async <C extends Channel>(channel: C, request: unknown) => {
        const result = await dispatch(channel, request, context);
        if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
        const parsed = contract[channel].response.safeParse(result.data);
        expect(parsed.success, `${channel} response matches the contract`).toBe(true);
        return result.data as never;
      };
      const info: { providers: Array<{ id: string }>; currentWorkshopId: string } = await call('app:info', {});
      expect(info.providers.map((p) => p.id)).toContain('offline');
      const workshop: { id: string } = await call('workshops:create', { name: '  Lyon meal kits  ' });
      const requestId = randomUUID();
      const generated: { run: { id: string } } = await call('generation:run', { requestId, workshopId: workshop.id, brief });
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => e.requestId === requestId)).toBe(true);
      const runs: { runs: Array<{ id: string }> } = await call('runs:list', { workshopId: workshop.id });
      expect(runs.runs.map((r) => r.id)).toEqual([generated.run.id]);
      await call('runs:get', { runId: generated.run.id });
      const list: { workshops: Array<{ name: string }> } = await call('workshops:list', {});
      expect(list.workshops.map((w) => w.name)).toContain('Lyon meal kits');
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');
      expect(await call('workshops:branding', { workshopId: workshop.id, accent: '#AA3300', logo: { mimeType: 'image/png', base64: png } })).toMatchObject({ accent: '#aa3300', hasLogo: true });
      expect(await call('workshops:logo', { workshopId: workshop.id })).toEqual({ logo: { mimeType: 'image/png', base64: png } });
      const notPng = await dispatch('workshops:branding', { workshopId: workshop.id, logo: { mimeType: 'image/png', base64: Buffer.from('GIF89a').toString('base64') } }, context);
      expect(notPng).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'logo', message: expect.stringContaining('not a PNG') } });
      expect(await dispatch('workshops:logo', { workshopId: 'no-such-workshop' }, context)).toMatchObject({ ok: false, error: { code: 'not_found', field: 'workshopId' } });
      expect(await call('generation:cancel', { requestId })).toEqual({ cancelled: false });

      const searched: { runs: Array<{ id: string }> } = await call('runs:search', { query: 'MEAL-KIT' });
      expect(searched.runs.map((r) => r.id)).toEqual([generated.run.id]);
      expect(((await call('runs:search', { query: '100%_' })) as { runs: unknown[] }).runs).toEqual([]);
      const detail: { document: { personas: Array<{ id: string; name: string; quote?: string }> } } = await call('runs:get', { runId: generated.run.id });
      const first = detail.document.personas[0]!;
      const edited: { persona: { quote: string }; edits: number } = await call('personas:edit', { personaId: first.id, persona: { ...first, quote: 'I plan meals on Sunday.' } });
      expect(edited).toMatchObject({ persona: { quote: 'I plan meals on Sunday.' }, edits: 1 });
      const reread: typeof detail = await call('runs:get', { runId: generated.run.id });
      expect(reread.document.personas[0]!.quote).toBe('I plan meals on Sunday.');
      const badEdit = await dispatch('personas:edit', { personaId: first.id, persona: { ...first, age: 7 } }, context);
      expect(badEdit).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'persona.age' } });

      const added: { persona: { name: string; age: number } } = await call('personas:generate-one', { runId: generated.run.id, ageRange: [60, 69] });
      expect(added.persona.age).toBeGreaterThanOrEqual(60);
      const replacedWith: { persona: { id: string; name: string } } = await call('personas:generate-one', { runId: generated.run.id, replacePersonaId: first.id });
      expect(replacedWith.persona.id).toBe(first.id);
      const afterMore: typeof detail = await call('runs:get', { runId: generated.run.id });
      expect(afterMore.document.personas).toHaveLength(brief.count + 1);
      expect(afterMore.document.personas.at(-1)!.name).toBe(added.persona.name);
      expect(new Set(afterMore.document.personas.map((p) => p.name)).size).toBe(brief.count + 1);
      expect(((await call('runs:list', { workshopId: workshop.id })) as { runs: unknown[] }).runs).toHaveLength(1);

      const exported: { fileName: string; mimeType: string; base64: string } = await call('reports:export', { requestId: randomUUID(), runId: generated.run.id, format: 'csv' });
      expect(exported.mimeType).toMatch(/^text\/csv/);
      expect(Buffer.from(exported.base64, 'base64').toString('utf8')).toContain(afterMore.document.personas[0]!.name);
      expect(await call('reports:cancel', { requestId: randomUUID() })).toEqual({ cancelled: false });
      expect(await dispatch('reports:export', { requestId: randomUUID(), runId: 'nope', format: 'md' }, context)).toMatchObject({ ok: false, error: { code: 'not_found', field: 'runId' } });

      const saved: { openai: { apiKeySet: boolean } } = await call('settings:update', { change: { openai: { apiKey: 'sk-secret-123', model: 'm' } } });
      expect(saved.openai.apiKeySet).toBe(true);
      expect(JSON.stringify(await call('settings:get', {}))).not.toContain('sk-secret-123');
      expect(core.settings.get().openai.apiKey).toBe('sk-secret-123');
      const cleared: { openai: { apiKeySet: boolean; model: string } } = await call('settings:update', { change: { openai: { apiKey: null } } });
      expect(cleared.openai).toMatchObject({ apiKeySet: false, model: 'm' });
      const outOfRange = await dispatch('settings:update', { change: { limits: { maxConcurrency: 500 } } }, context);
      expect(outOfRange).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'change.limits.maxConcurrency' } });

      core.monitor.tick();
      const live: { generations: number; lastTrace: { outcome: string } | null } = await call('monitor:live', {});
      expect(live.generations).toBe(3); // the run, and the two single personas made for it
      expect(live.lastTrace?.outcome).toBe('completed');
      const history: { points: Array<{ generations: number }> } = await call('monitor:history', { rangeMs: 3_600_000 });
      expect(history.points.reduce((n, p) => n + p.generations, 0)).toBe(3);
      await call('monitor:traces', {});
      await call('monitor:suggestions', {});
      await call('alerts:list', {});
      await call('tuner:state', {});
      const off: { enabled: boolean } = await call('tuner:set-enabled', { enabled: false });
      expect(off.enabled).toBe(false);
      expect(core.settings.get().monitor.tuner).toBe(false);
      await call('tuner:audit', {});
      expect(await call('recovery:state', {})).toEqual({ damaged: null, backups: [], restartPending: false });
      expect(await dispatch('recovery:start-fresh', {}, context)).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/nothing to recover/) } });
      expect(await dispatch('alerts:acknowledge', { id: 999 }, context)).toEqual({ ok: false, error: { code: 'not_found', message: expect.any(String), field: 'id' } });

      const missing = await dispatch('runs:get', { runId: 'no-such-run' }, context);
      expect(missing).toEqual({ ok: false, error: { code: 'not_found', message: expect.any(String), field: 'runId' } });
    } finally {
      core.close();
    }
  });
});
