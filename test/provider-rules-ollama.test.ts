/**
 * The Ollama client against the strict stand-in, whose model has a context (4,096 tokens unless the
 * request sets num_ctx, capped by what the model was trained for) and stops where it fills, with
 * done_reason "length"; whose errors in the middle of a stream come as {"error": …} lines; and
 * which, told truncate: false, refuses a prompt longer than the context.
 */
import { describe, expect, it } from 'vitest';
import { MAX_NUM_CTX, OllamaProvider } from '../src/main/providers/llm/ollama';
import { Scheduler } from '../src/main/scheduler/scheduler';
import { briefInputSchema } from '../src/shared/brief';
import type { PersonaDocument } from '../src/shared/persona';
import { coreWith, endpoint, requestFor, serve, signal } from './support/rules-fixture';
import { errorBody } from './support/wire-shapes';

const ollama = (baseUrl: string, extra: Parameters<typeof endpoint>[1] = {}) => new OllamaProvider(() => endpoint(baseUrl, { model: 'llama3.1:8b', ...extra }));
const tenStandard = briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 10, level: 'standard', seed: 11 });
const numCtxOf = (body: unknown) => (body as { options: { num_ctx?: number } }).options.num_ctx;

function ollamaCore(server: { url: string }, limit?: number) {
  const core = coreWith(limit ? { limits: { initial: limit, adaptive: false } } : {});
  core.settings.update({ provider: 'ollama', ollama: { baseUrl: server.url, model: 'llama3.1:8b', stream: true } });
  return core;
}

describe('Ollama client', () => {
  it('a 10-persona standard run asks for a context that fits its prompt and its answer', async () => {
    const server = await serve();
    // One call for all ten (a limit of 1), again once the model's usage is known, then in parallel batches.
    const single = ollamaCore(server, 1);
    for (const [core, seed] of [[single, 1], [single, 2], [ollamaCore(server), 3]] as const) {
      const { document, fallback } = await core.generate({ ...tenStandard, seed });
      expect(fallback).toBeUndefined();
      expect(document.personas.map((p) => p.meta?.source)).toEqual(Array(10).fill('ollama'));
      expect(truncation(document)).toBeUndefined();
    }
    for (const request of server.requests) {
      console.log(`ollama: ${request.asked!.count} standard personas, num_ctx ${numCtxOf(request.body)}, prompt ${request.context!.promptTokens} + answer ${request.context!.answerTokens} tokens`);
      expect(request.context!.fits).toBe(true);
      expect(request.finish).toBe('stop');
    }
    expect(numCtxOf(server.requests[0]!.body)).toBe(8_192);
    expect((server.requests[0]!.body as { truncate?: boolean; shift?: boolean })).toMatchObject({ truncate: false, shift: false });
  });

  it('a forced truncation (a model trained for 4,096 tokens) is reported, recovered in smaller calls, and the next run asks for what fits', async () => {
    const server = await serve({ ollamaTrainedContext: 4_096 });
    const core = ollamaCore(server, 1);
    const { document, fallback } = await core.generate(tenStandard);
    expect(fallback).toBeUndefined();
    expect(document.personas.map((p) => p.meta?.source)).toEqual(Array(10).fill('ollama'));
    const [first, ...rest] = server.requests;
    expect(first!.finish).toBe('length');
    const kept = first!.context!.numCtx;
    expect(kept).toBe(4_096);
    const complete = 10 - rest.reduce((n, r) => n + r.asked!.count, 0);
    expect(truncation(document)).toMatchObject({ fixed: true, how: expect.stringMatching(new RegExp(`Ollama cut 1 answer short \\(done_reason "length"\\): the ${10 - complete} personas missing from it were asked for again in calls of at most ${complete}`)) });
    expect(rest.every((r) => r.asked!.count <= complete && r.finish === 'stop')).toBe(true);

    const before = server.requests.length;
    const again = await core.generate({ ...tenStandard, seed: 12 });
    expect(truncation(again.document)).toBeUndefined();
    expect(server.requests.slice(before).every((r) => r.asked!.count <= complete && r.finish === 'stop')).toBe(true);
  });

  it('done_reason "length" is a cut answer, streamed or not', async () => {
    const server = await serve({ script: () => ({ cutAfterPersonas: 2 }) });
    for (const stream of [false, true]) {
      expect(await ollama(server.url, { stream }).generate(await requestFor(4), { signal: signal() })).toMatchObject({ cut: { reason: 'done_reason "length"', complete: 2 } });
    }
  });

  it('an {"error": …} line in the stream is a server error, retried like a 500, not a refusal', async () => {
    const server = await serve({ script: (r) => (r.index === 0 ? { streamErrorAfter: 2 } : {}) });
    const provider = ollama(server.url, { stream: true });
    await expect(provider.generate(await requestFor(2), { signal: signal() })).rejects.toMatchObject({ code: 'server_error', message: expect.stringMatching(/an error was encountered while running the model/) });
    server.setScript((r) => (r.index === 1 ? { streamErrorAfter: 2 } : {}));
    const scheduler = new Scheduler({ resources: null, retry: { initialDelayMs: 5, maxDelayMs: 20 } });
    await scheduler.call({ provider: 'ollama', kind: 'generate', priority: 'high', run: async (s) => provider.generate(await requestFor(2), { signal: s }) });
    expect(server.requests).toHaveLength(3);
    scheduler.close();
  });

  it('with truncate: false a prompt longer than the context is a 400, and the client asks once more with twice the context', async () => {
    const server = await serve({ ollamaDefaultContext: 64 });
    const refused = await fetch(`${server.url}/api/chat`, { method: 'POST', body: JSON.stringify({ model: 'm', stream: false, truncate: false, messages: [{ role: 'user', content: 'x'.repeat(1_000) }] }) });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'the input length exceeds the context length' });

    server.setScript((r) => (r.index === 1 ? { status: 400, rawBody: errorBody('ollama', 400, 'the input length exceeds the context length') } : {}));
    const provider = ollama(server.url);
    await provider.generate(await requestFor(2), { signal: signal() });
    const [asked, doubled] = server.requests.slice(1).map((r) => numCtxOf(r.body)!);
    expect(doubled).toBe(Math.min(MAX_NUM_CTX, asked! * 2));
  });
});

function truncation(document: PersonaDocument) {
  return document.report?.issues.find((issue) => issue.type === 'truncated' && issue.path === '/personas');
}
