/**
 * The LLM providers and Qloo against a real HTTP server on 127.0.0.1 (test/support/provider-server):
 * request bodies as each API expects them, streaming with progress, refusals, and the whole
 * pipeline with a provider that fails, cancels, or answers short.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../src/main/core/core';
import { loadDataset } from '../src/main/world/dataset';
import { DATASET_DIR } from '../src/main/platform/app-root';
import { BundledCultureSource } from '../src/main/providers/culture/bundled-culture';
import { QlooCultureSource } from '../src/main/providers/culture/qloo-culture';
import { GeminiProvider } from '../src/main/providers/llm/gemini';
import { answerSchema } from '../src/main/providers/llm/persona-prompt';
import { OllamaProvider } from '../src/main/providers/llm/ollama';
import { OpenAiCompatibleProvider } from '../src/main/providers/llm/openai-compatible';
import type { LlmEndpoint } from '../src/shared/settings';
import type { PersonaRequest } from '../src/main/providers/types';
import { CallError } from '../src/main/scheduler/call-error';
import { Scheduler } from '../src/main/scheduler/scheduler';
import { briefInputSchema } from '../src/shared/brief';
import { jsonSchemaValidators, tempDir } from './helpers';
import { personaRequestFor } from './support/llm-answers';
import { ProviderServer } from './support/provider-server';

const dataset = loadDataset(DATASET_DIR);
let request: PersonaRequest;
const servers: ProviderServer[] = [];
const cores: Core[] = [];

beforeAll(async () => {
  request = await personaRequestFor('Eco-friendly meal-kit delivery for busy parents in Lyon', 'standard', 3, 5);
});

afterEach(async () => {
  for (const core of cores.splice(0)) core.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(options: Parameters<typeof ProviderServer.start>[0] = {}): Promise<ProviderServer> {
  const server = await ProviderServer.start(options);
  servers.push(server);
  return server;
}

const endpoint = (baseUrl: string, extra: Partial<LlmEndpoint> = {}): LlmEndpoint => ({ baseUrl, model: 'test-model', stream: false, temperature: 0.5, ...extra });
const signal = () => new AbortController().signal;

describe('request bodies match each API', () => {
  it('Ollama: /api/chat with the model, the level JSON Schema as format, the stream flag and the seed', async () => {
    const server = await serve();
    for (const stream of [false, true]) {
      const output = await new OllamaProvider(() => endpoint(server.url, { stream })).generate(request, { signal: signal() });
      expect(output.format).toBe('text');
    }
    const [plain, streamed] = server.requests;
    expect(plain).toMatchObject({ wire: 'ollama', path: '/api/chat', body: { model: 'test-model', stream: false, options: { seed: 5, temperature: 0.5 } } });
    expect(streamed!.body).toMatchObject({ stream: true });
    const body = plain!.body as { messages: Array<{ role: string; content: string }>; format: { properties: { personas: { items: { required: string[] } } } } };
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[1]!.content).toContain('Write 3 distinct personas at the "standard" level');
    expect(body.format.properties.personas.items.required).toEqual(expect.arrayContaining(['name', 'age', 'culturalProfile']));
  });

  it('OpenAI-compatible: /v1/chat/completions with response_format json_schema and a bearer key', async () => {
    const server = await serve();
    await new OpenAiCompatibleProvider(() => endpoint(`${server.url}/v1`, { apiKey: 'sk-test', stream: true })).generate(request, { signal: signal() });
    const [sent] = server.requests;
    expect(sent).toMatchObject({ wire: 'openai', path: '/v1/chat/completions', headers: { authorization: 'Bearer sk-test' } });
    expect(sent!.body).toMatchObject({ model: 'test-model', stream: true, seed: 5, response_format: { type: 'json_schema', json_schema: { name: 'personas', schema: { type: 'object', required: ['personas'] } } } });
  });

  it('Gemini: generateContent with responseMimeType and the answer schema as responseJsonSchema, the key in a header', async () => {
    const server = await serve();
    const gemini = (stream: boolean) => new GeminiProvider(() => endpoint(server.url, { apiKey: 'g-key', model: 'gemini-2.5-flash', stream }));
    await gemini(false).generate(request, { signal: signal() });
    await gemini(true).generate(request, { signal: signal() });
    const [plain, streamed] = server.requests;
    expect(plain).toMatchObject({ wire: 'gemini', path: '/v1beta/models/gemini-2.5-flash:generateContent', headers: { 'x-goog-api-key': 'g-key' } });
    expect(plain!.query.has('key')).toBe(false);
    expect(streamed!.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent');
    expect(streamed!.query.get('alt')).toBe('sse');
    const config = (plain!.body as { generationConfig: Record<string, unknown> }).generationConfig;
    expect(config.responseMimeType).toBe('application/json');
    // JSON Schema as it is, constraints kept (no lossy OpenAPI conversion), and never both schema fields.
    expect(config.responseJsonSchema).toEqual(answerSchema('standard'));
    expect(config).not.toHaveProperty('responseSchema');
  });

  it('Qloo: one /v2/insights call per entity type with the brief as signals, mapped into cultural candidates', async () => {
    const server = await serve();
    const scheduler = new Scheduler({ resources: null });
    const qloo = new QlooCultureSource(() => ({ baseUrl: server.url, apiKey: 'q-key', take: 5 }), scheduler, new BundledCultureSource(() => dataset));
    const constraints = await qloo.constraintsFor(request.analysis, signal());
    expect(server.requests.map((r) => r.query.get('filter.type')).sort()).toEqual(
      ['urn:entity:artist', 'urn:entity:book', 'urn:entity:brand', 'urn:entity:destination', 'urn:entity:movie', 'urn:entity:place', 'urn:entity:podcast', 'urn:entity:tv_show'],
    );
    for (const sent of server.requests) {
      expect(sent.headers['x-api-key']).toBe('q-key');
      expect(sent.query.get('take')).toBe('5');
      const type = sent.query.get('filter.type');
      // Food is restaurants in the brief's place; destinations come from the audience's other tastes.
      if (type === 'urn:entity:place') expect(sent.query.get('filter.location.query')).toBe('Lyon');
      else if (type === 'urn:entity:destination') expect(sent.query.get('signal.interests.entities')).toMatch(/^artist-0,artist-1,movie-0/);
      else expect(sent.query.get('signal.location.query')).toBe('Lyon');
    }
    expect(constraints.source).toBe('qloo');
    expect(constraints.categories.music.map((c) => c.name)).toEqual(['Qloo artist 1', 'Qloo artist 2', 'Qloo artist 3', 'Qloo artist 4', 'Qloo artist 5']);
    expect(constraints.categories.music[0]).toMatchObject({ tags: ['test genre'], regions: ['FR'] });
    scheduler.close();
  });

  it('Qloo lookups run at the priority they are asked at: preloads queue behind the user', async () => {
    const server = await serve({ script: () => ({ latencyMs: 20 }) });
    const scheduler = new Scheduler({ resources: null, limits: { initial: 1, adaptive: false } });
    const qloo = new QlooCultureSource(() => ({ baseUrl: server.url, apiKey: 'q-key', take: 2 }), scheduler, new BundledCultureSource(() => dataset));
    const preload = qloo.constraintsFor(request.analysis, signal(), 'low');
    const users = qloo.constraintsFor({ ...request.analysis, gender: 'female' }, signal());
    await Promise.all([preload, users]);
    // One call at a time: after the first preload call, the user's seven first lookups go before the other preloads
    // (destinations follow each side's seven, with no demographic signal to tell them apart).
    const order = server.requests.filter((r) => r.query.get('filter.type') !== 'urn:entity:destination').map((r) => (r.query.get('signal.demographics.gender') === 'female' ? 'user' : 'preload'));
    expect(order.slice(1, 8)).toEqual(Array(7).fill('user'));
    scheduler.close();
  });

  it('Qloo categories that fail come from the bundled dataset, and the constraints say which', async () => {
    const server = await serve({ script: (r) => (r.query.get('filter.type') === 'urn:entity:podcast' ? { status: 401 } : {}) });
    const scheduler = new Scheduler({ resources: null });
    const qloo = new QlooCultureSource(() => ({ baseUrl: server.url, apiKey: 'q-key', take: 5 }), scheduler, new BundledCultureSource(() => dataset));
    const constraints = await qloo.constraintsFor(request.analysis, signal());
    expect(constraints.source).toBe('qloo+bundled');
    expect(constraints.fallbackCategories).toEqual(['podcasts']);
    expect(constraints.categories.podcasts.length).toBeGreaterThan(0);
    expect(constraints.categories.podcasts.some((c) => c.name.startsWith('Qloo'))).toBe(false);
    // 401 is not retried: one request for podcasts.
    expect(server.requests.filter((r) => r.query.get('filter.type') === 'urn:entity:podcast')).toHaveLength(1);
    scheduler.close();
  });
});

describe('answers', () => {
  it('streams report personas as they arrive, for each streaming wire', async () => {
    const server = await serve({ script: () => ({ chunks: 30, intervalMs: 2 }) });
    const providers = [
      new OllamaProvider(() => endpoint(server.url, { stream: true })),
      new OpenAiCompatibleProvider(() => endpoint(`${server.url}/v1`, { stream: true })),
      new GeminiProvider(() => endpoint(server.url, { stream: true, apiKey: 'k' })),
    ];
    for (const provider of providers) {
      const progress: number[] = [];
      const output = await provider.generate(request, { signal: signal(), onPersona: (done) => progress.push(done) });
      expect(output.format === 'text' && JSON.parse(output.text).personas).toHaveLength(3);
      expect(progress.at(-1)).toBe(3);
      expect(progress.length).toBeGreaterThanOrEqual(3);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    }
  });

  it('a refusal is a refused CallError for each wire that has one, streamed or not; the answer text for Ollama', async () => {
    const server = await serve({ script: () => ({ refusal: 'I cannot help with that.' }) });
    for (const stream of [false, true]) {
      for (const provider of [new OpenAiCompatibleProvider(() => endpoint(`${server.url}/v1`, { stream })), new GeminiProvider(() => endpoint(server.url, { stream, apiKey: 'k' }))]) {
        await expect(provider.generate(request, { signal: signal() })).rejects.toMatchObject({ code: 'refused' });
      }
      // Ollama has no refusal field: a model that declines writes so, and repair recognises it.
      await expect(new OllamaProvider(() => endpoint(server.url, { stream })).generate(request, { signal: signal() })).resolves.toEqual({ format: 'text', text: 'I cannot help with that.' });
    }
  });

  it('probe lists models, and says what is wrong when nothing answers', async () => {
    const server = await serve();
    const ok = await new OllamaProvider(() => endpoint(server.url, { model: 'llama3.1:8b' })).probe(signal());
    expect(ok).toMatchObject({ reachable: true, models: ['llama3.1:8b', 'qwen2.5:7b'] });
    const wrongModel = await new OllamaProvider(() => endpoint(server.url, { model: 'mistral' })).probe(signal());
    expect(wrongModel.message).toMatch(/no model "mistral"/);
    expect((await new GeminiProvider(() => endpoint(server.url, { apiKey: 'k' })).probe(signal())).models).toEqual(['gemini-2.5-flash']);
    const down = await new OpenAiCompatibleProvider(() => endpoint('http://127.0.0.1:9/v1')).probe(signal());
    expect(down.reachable).toBe(false);
    expect(down.message).toMatch(/could not be reached at http:\/\/127\.0\.0\.1:9.*Check that it is running/);
    const noKey = await new GeminiProvider(() => endpoint(server.url)).probe(signal());
    expect(noKey).toMatchObject({ reachable: false, message: expect.stringMatching(/needs an API key/) });
  });
});

describe('the pipeline with a remote provider', () => {
  const brief = briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 5, level: 'standard', seed: 9 });

  function coreFor(server: ProviderServer, scheduler: Parameters<typeof createCore>[0]['scheduler'] = {}): Core {
    const core = createCore({ dataDir: tempDir(), resources: null, env: {}, scheduler: { retry: { initialDelayMs: 5, maxDelayMs: 20 }, timeouts: { initialPerUnitMs: { generate: 400, culture: 400, probe: 400 }, minMs: 50 }, ...scheduler } });
    core.settings.update({ provider: 'openai', openai: { baseUrl: `${server.url}/v1`, model: 'local-model', stream: false } });
    cores.push(core);
    return core;
  }

  it('splits the count into parallel calls and returns valid personas marked with their source', async () => {
    const server = await serve({ script: () => ({ latencyMs: 20 }) });
    const core = coreFor(server);
    const { document, fallback, run } = await core.generate(brief);
    expect(fallback).toBeUndefined();
    expect(run.provider).toBe('openai');
    expect(document.personas).toHaveLength(5);
    expect(new Set(document.personas.map((p) => p.name)).size).toBe(5);
    expect(document.personas.every((p) => p.meta?.source === 'openai')).toBe(true);
    expect(jsonSchemaValidators().standard(document)).toBe(true);
    // Under the initial limit of 8, five personas go out as five one-persona calls, all at once.
    expect(server.requests.length).toBeGreaterThan(1);
    expect(server.requests.reduce((n, r) => n + r.asked!.count, 0)).toBe(5);
    expect(server.peakInFlight).toBe(server.requests.length);
  });

  it('asks again only for the personas an answer lacked', async () => {
    const server = await serve();
    server.setScript((r) => (r.index === 0 ? { content: server.personasAnswer(Math.max(0, r.asked!.count - 1), 'standard', 10) } : {}));
    const core = coreFor(server, { limits: { initial: 1, adaptive: false } });
    const { document, fallback } = await core.generate(brief);
    expect(fallback).toBeUndefined();
    expect(document.personas).toHaveLength(5);
    expect(server.requests.map((r) => r.asked!.count)).toEqual([5, 1]);
    expect((server.requests[1]!.body as { messages: Array<{ content: string }> }).messages[1]!.content).toContain(document.personas[0]!.name);
  });

  it('falls back to the offline engine for the rest when the provider is down, and says so', async () => {
    const server = await serve({ script: () => ({ status: 503 }) });
    const core = coreFor(server, { breaker: { halfOpenAfterMs: 100 } });
    const { document, fallback } = await core.generate(brief);
    expect(fallback).toMatchObject({ provider: 'offline', personas: 5, reason: expect.stringMatching(/503/) });
    expect(document.personas).toHaveLength(5);
    expect(document.personas.every((p) => p.meta?.source === 'offline')).toBe(true);
    expect(jsonSchemaValidators().standard(document)).toBe(true);
    expect(core.scheduler.breakerState('openai')).toBe('open');
    // Once the provider is back and the breaker half-opens, the same brief is asked again: a fallback is never cached as the provider's answer.
    server.setScript(() => ({}));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const again = await core.generate(brief);
    expect(again.fromCache).toBe(false);
    expect(again.document.personas.every((p) => p.meta?.source === 'openai')).toBe(true);
    expect(core.scheduler.breakerState('openai')).toBe('closed');
  });

  it('mixes sources when only some calls fail', async () => {
    const server = await serve();
    server.setScript((r) => (r.asked!.count === 2 || r.index === 0 ? { status: 400 } : { latencyMs: 5 }));
    const core = coreFor(server, { limits: { initial: 4, adaptive: false } });
    const { document, fallback } = await core.generate(brief);
    expect(document.personas).toHaveLength(5);
    const sources = document.personas.map((p) => p.meta?.source);
    expect(sources).toContain('offline');
    expect(sources).toContain('openai');
    expect(fallback!.personas).toBe(sources.filter((s) => s === 'offline').length);
  });

  it('cancel aborts the HTTP requests in flight', async () => {
    const server = await serve({ script: () => ({ hang: true }) });
    const core = coreFor(server, { timeouts: { initialPerUnitMs: { generate: 60_000 } } });
    const controller = new AbortController();
    const started = performance.now();
    const running = core.generate(brief, { signal: controller.signal });
    await until(() => server.requests.length > 0);
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(performance.now() - started).toBeLessThan(2_000);
    await until(() => server.requests.every((r) => r.aborted));
    expect(server.requests.every((r) => r.aborted)).toBe(true);
  });
});

describe('errors', () => {
  it('a CallError says whether it is retried', () => {
    expect(new CallError('rate_limited', 'x').retryable).toBe(true);
    expect(new CallError('unauthorized', 'x').retryable).toBe(false);
    expect(new CallError('refused', 'x').providerFault).toBe(false);
  });
});

async function until(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
