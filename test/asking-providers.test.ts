/**
 * Asking the personas through an LLM, against the real stand-in provider server: the three wires'
 * chat requests (the persona's profile, the brief and the conversation so far in the prompt, each
 * API's roles), answers streamed in order, a cancel that closes the provider's connection, a fault
 * mid-stream that keeps what arrived, cache hits without a call, concept verdicts read from JSON
 * (and the honest fallback when they cannot be), and a user's question ahead of queued background calls.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createCore, type Core } from '../src/main/core/core';
import { createDispatcher } from '../src/main/ipc/dispatcher';
import { createHandlers } from '../src/main/ipc/handlers';
import { briefInputSchema } from '../src/shared/brief';
import type { Persona } from '../src/shared/persona';
import { tempDir } from './helpers';
import { ProviderServer, type ProviderServerOptions, type Wire } from './support/provider-server';

const servers: ProviderServer[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) core.close();
  for (const server of servers.splice(0)) await server.close();
});

async function serve(options: ProviderServerOptions = {}): Promise<ProviderServer> {
  const server = await ProviderServer.start(options);
  servers.push(server);
  return server;
}

type LlmWire = Exclude<Wire, 'qloo'>;

/** A core with an offline run of three personas, whose questions go to `wire` on the stand-in server. */
async function coreWithRun(server: ProviderServer, wire: LlmWire = 'openai', scheduler: Parameters<typeof createCore>[0]['scheduler'] = {}) {
  const core = createCore({ dataDir: tempDir(), resources: null, env: {}, monitor: { autoStart: false }, scheduler: { retry: { initialDelayMs: 5, maxDelayMs: 20 }, ...scheduler } });
  cores.push(core);
  const { run, document } = await core.generate(briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 3, level: 'standard', seed: 41 }));
  const endpoint = { stream: true, temperature: 0.7 };
  if (wire === 'openai') core.settings.update({ provider: 'openai', openai: { ...endpoint, baseUrl: `${server.url}/v1`, model: 'local-model' } });
  if (wire === 'ollama') core.settings.update({ provider: 'ollama', ollama: { ...endpoint, baseUrl: server.url, model: 'llama3.1:8b' } });
  if (wire === 'gemini') core.settings.update({ provider: 'gemini', gemini: { ...endpoint, baseUrl: server.url, model: 'gemini-2.5-flash', apiKey: 'g-key' } });
  return { core, runId: run.id, personas: document.personas as Array<Persona & { id: string }> };
}

describe('asking a persona through an LLM', () => {
  for (const wire of ['ollama', 'openai', 'gemini'] as const) {
    it(`${wire}: streams the answer in order, with the profile, the brief and the conversation in the prompt`, async () => {
      const server = await serve();
      const { core, runId, personas } = await coreWithRun(server, wire);
      const persona = personas[1]!;
      const tokens: string[] = [];
      const first = await core.asking.interviews.ask({ runId, personaId: persona.id, question: 'What would stop you from ordering?', onToken: (t) => tokens.push(t.text) });
      expect(server.refusals).toEqual([]);
      const request = server.requests.at(-1)!;
      expect(request.chat).toBeDefined();
      expect(tokens.length).toBeGreaterThan(3);
      expect(tokens.join('')).toBe(first.turn.answer.text);
      expect(first.turn.answer).toMatchObject({ cut: false, cutReason: null, fromCache: false, source: { engine: wire } });
      expect(first.turn.answer.firstTokenMs).toBeLessThanOrEqual(first.turn.answer.totalMs);
      expect(first.turn.answer.text).toContain(`Speaking as ${persona.name}`);
      const { system } = request.chat!;
      for (const text of [persona.name, String(persona.age), persona.occupation, persona.location.city, persona.goals[0]!, persona.painPoints[0]!, 'Eco-friendly meal-kit delivery for busy parents in Lyon']) expect(system).toContain(text);
      expect(system).toMatch(/first person/);
      expect(system).toMatch(/Never contradict it/);

      const second = await core.asking.interviews.ask({ runId, personaId: persona.id, interviewId: first.interview.id, question: 'And what would make you order twice?' });
      const turns = server.requests.at(-1)!.chat!.turns;
      const assistant = wire === 'gemini' ? 'model' : 'assistant';
      expect(turns.map((t) => t.role)).toEqual(['user', assistant, 'user']);
      expect(turns.map((t) => t.content)).toEqual(['What would stop you from ordering?', first.turn.answer.text, 'And what would make you order twice?']);
      expect(second.interview).toMatchObject({ id: first.interview.id, turns: 2 });
      expect(core.asking.interviews.get(first.interview.id).history.map((t) => t.question)).toEqual(['What would stop you from ordering?', 'And what would make you order twice?']);
      const times = core.monitor.answerTimes().find((t) => t.engine === wire)!;
      expect(times).toMatchObject({ answers: 2, cut: 0, fromCache: 0 });
      expect(times.firstTokenP50Ms).toBeGreaterThan(0);
    });
  }

  it('sends the whole answer at once when the endpoint does not stream', async () => {
    const server = await serve();
    const { core, runId, personas } = await coreWithRun(server, 'openai');
    core.settings.update({ openai: { stream: false } });
    const tokens: string[] = [];
    const { turn } = await core.asking.interviews.ask({ runId, personaId: personas[0]!.id, question: 'How do you plan dinners?', onToken: (t) => tokens.push(t.text) });
    expect(tokens).toEqual([turn.answer.text]);
    expect((server.requests.at(-1)!.body as { stream: boolean }).stream).toBe(false);
  });

  it('cancel closes the provider request and keeps what had arrived, marked cut', async () => {
    const server = await serve({ script: (r) => (r.chat ? { chunks: 40, intervalMs: 25 } : {}) });
    const { core, runId, personas } = await coreWithRun(server);
    const controller = new AbortController();
    const tokens: string[] = [];
    const asked = core.asking.interviews.ask({
      runId,
      personaId: personas[0]!.id,
      question: 'What do you cook on Sundays?',
      signal: controller.signal,
      onToken: (t) => {
        tokens.push(t.text);
        if (tokens.length === 3) controller.abort();
      },
    });
    const { turn, interview } = await asked;
    await expect.poll(() => server.requests.at(-1)!.aborted).toBe(true);
    expect(server.requests.filter((r) => r.chat)).toHaveLength(1);
    expect(turn.answer.cut).toBe(true);
    expect(turn.answer.cutReason).toMatch(/you stopped it/);
    expect(turn.answer.text).toBe(tokens.join(''));
    expect(core.asking.interviews.get(interview.id).history[0]!.answer.text).toBe(turn.answer.text);

    // Cancelled before the first token: nothing is saved.
    server.setScript(() => ({ latencyMs: 2_000 }));
    const early = new AbortController();
    const pending = core.asking.interviews.ask({ runId, personaId: personas[1]!.id, question: 'Would you order again?', signal: early.signal });
    setTimeout(() => early.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(core.asking.interviews.list(runId)).toHaveLength(1);
  });

  it('asking:cancel over IPC stops the provider request of the question it names; the tokens went out as events', async () => {
    const server = await serve({ script: (r) => (r.chat ? { chunks: 40, intervalMs: 25 } : {}) });
    const { core, runId, personas } = await coreWithRun(server, 'gemini');
    const dispatch = createDispatcher(createHandlers(core));
    const requestId = randomUUID();
    const events: Array<{ requestId: string; personaId: string; text: string }> = [];
    let cancelled: unknown;
    const context = {
      emit: (event: string, payload: unknown) => {
        if (event !== 'answer:token') return;
        events.push(payload as (typeof events)[number]);
        if (events.length === 2) cancelled = dispatch('asking:cancel', { requestId }, context);
      },
    };
    const result = await dispatch('interviews:ask', { requestId, runId, personaId: personas[0]!.id, question: 'What is dinner like at home?' }, context);
    expect(await cancelled).toEqual({ ok: true, data: { cancelled: true } });
    await expect.poll(() => server.requests.at(-1)!.aborted).toBe(true);
    expect(result).toMatchObject({ ok: true, data: { turn: { answer: { cut: true, text: events.map((e) => e.text).join('') } } } });
    expect(events.every((e) => e.requestId === requestId && e.personaId === personas[0]!.id)).toBe(true);
    expect(await dispatch('asking:cancel', { requestId }, context)).toEqual({ ok: true, data: { cancelled: false } });
  });

  it('a fault mid-stream keeps the partial answer, cut, without starting it over; asking again answers whole', async () => {
    const server = await serve({ script: (r) => (r.chat && r.index === 0 ? { chunks: 8, streamErrorAfter: 3 } : {}) });
    const { core, runId, personas } = await coreWithRun(server);
    const tokens: string[] = [];
    const { turn, interview } = await core.asking.interviews.ask({ runId, personaId: personas[0]!.id, question: 'Why do you shop at the market?', onToken: (t) => tokens.push(t.text) });
    expect(server.requests.filter((r) => r.chat)).toHaveLength(1);
    expect(turn.answer.cut).toBe(true);
    expect(turn.answer.cutReason).toMatch(/cut off: .*failed while streaming/);
    expect(turn.answer.text.length).toBeGreaterThan(0);
    expect(turn.answer.text).toBe(tokens.join(''));
    expect(core.asking.interviews.get(interview.id).history[0]!.answer).toMatchObject({ cut: true, text: turn.answer.text });
    const again = await core.asking.interviews.ask({ runId, personaId: personas[0]!.id, interviewId: interview.id, question: 'Why do you shop at the market?' });
    expect(again.turn.answer).toMatchObject({ cut: false, fromCache: false });
    expect(again.turn.answer.text.length).toBeGreaterThan(turn.answer.text.length);
  });

  it('an answer the API stops at its length limit is kept, marked cut in its words, and not cached', async () => {
    const server = await serve({ script: (r) => (r.chat ? { finishReason: 'length' } : {}) });
    const { core, runId, personas } = await coreWithRun(server, 'openai');
    const ask = () => core.asking.interviews.ask({ runId, personaId: personas[0]!.id, question: 'Tell me about your week.' });
    const { turn } = await ask();
    expect(turn.answer).toMatchObject({ cut: true, cutReason: 'OpenAI-compatible server stopped the answer early (finish_reason "length")' });
    expect((await ask()).turn.answer.fromCache).toBe(false);
    expect(server.requests.filter((r) => r.chat)).toHaveLength(2);
  });

  it('the stand-in refuses the roles each API does not define, as the client would otherwise find out', async () => {
    const server = await serve();
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const openai = await post('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'Hi' }, { role: 'model', content: 'Hello' }] });
    expect(openai.status).toBe(400);
    expect(await openai.json()).toMatchObject({ error: { param: 'messages[1].role', code: 'invalid_value' } });
    const gemini = await post('/v1beta/models/gemini-2.5-flash:generateContent', { contents: [{ role: 'assistant', parts: [{ text: 'Hello' }] }] }, { 'x-goog-api-key': 'k' });
    expect(gemini.status).toBe(400);
    expect(server.refusals.map((r) => r.refused)).toEqual(['role', 'role']);
  });

  it('a cancelled concept test saves nothing', async () => {
    const server = await serve({ script: (r) => (r.chat ? { latencyMs: 1_000 } : {}) });
    const { core, runId } = await coreWithRun(server, 'ollama');
    const controller = new AbortController();
    const pending = core.asking.panels.testConcept({ runId, concept: { text: 'Meal kits by bike' }, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: 'cancelled', message: 'The concept test was cancelled; nothing was saved.' });
    expect(core.asking.panels.listTests(runId)).toEqual([]);
    await expect.poll(() => server.requests.filter((r) => r.chat).every((r) => r.aborted)).toBe(true);
  });

  it('a provider that fails before any text is retried, then reported with nothing saved', async () => {
    const server = await serve({ script: (r) => (r.chat ? { status: 500 } : {}) });
    const { core, runId, personas } = await coreWithRun(server);
    await expect(core.asking.interviews.ask({ runId, personaId: personas[0]!.id, question: 'What do you pay for food a week?' })).rejects.toMatchObject({ code: 'generation_failed', message: expect.stringMatching(/could not answer.*Nothing was saved/) });
    expect(server.requests.filter((r) => r.chat).length).toBeGreaterThan(1);
    expect(core.asking.interviews.list(runId)).toEqual([]);
  });

  it('serves a repeated question from the cache without a call, until the persona changes', async () => {
    const server = await serve();
    const { core, runId, personas } = await coreWithRun(server, 'ollama');
    const persona = personas[2]!;
    const ask = () => core.asking.interviews.ask({ runId, personaId: persona.id, question: 'What  would stop you from ordering?' });
    const first = await ask();
    const calls = server.requests.length;
    const tokens: string[] = [];
    const second = await core.asking.interviews.ask({ runId, personaId: persona.id, question: 'What  would stop you from ordering?', onToken: (t) => tokens.push(t.text) });
    expect(server.requests.length).toBe(calls);
    expect(second.turn.answer).toMatchObject({ text: first.turn.answer.text, fromCache: true, cut: false, source: { engine: 'ollama', model: 'llama3.1:8b' } });
    expect(tokens.join('')).toBe(first.turn.answer.text);
    expect(second.interview.id).not.toBe(first.interview.id);
    expect(core.cache.stats().kinds.answer.l1Hits).toBe(1);
    core.workshops.editPersona(persona.id, { ...persona, occupation: 'Night-shift nurse' });
    const third = await ask();
    expect(server.requests.length).toBe(calls + 1);
    expect(third.turn.answer.fromCache).toBe(false);
    expect(server.requests.at(-1)!.chat!.system).toContain('Night-shift nurse');
  });

  it('a focus group asks every persona at once and keeps a failed one as an empty cut answer', async () => {
    const server = await serve();
    const { core, runId, personas } = await coreWithRun(server, 'gemini');
    server.setScript((r) => (r.chat?.persona === personas[1]!.name ? { status: 400 } : { latencyMs: 30 }));
    const tokens = new Map<string, string>();
    const group = await core.asking.panels.askGroup({ runId, question: 'How do you choose what to cook?', onToken: (t) => tokens.set(t.personaId, (tokens.get(t.personaId) ?? '') + t.text) });
    expect(server.peakInFlight).toBeGreaterThanOrEqual(2);
    expect(group.answers.map((a) => a.personaId)).toEqual(personas.map((p) => p.id));
    expect(group.answers[1]!.answer).toMatchObject({ text: '', cut: true, cutReason: expect.stringMatching(/Gemini could not answer/) });
    for (const i of [0, 2]) expect(group.answers[i]!.answer).toMatchObject({ text: tokens.get(personas[i]!.id), cut: false, source: { engine: 'gemini', model: 'gemini-2.5-flash' } });
    expect(core.asking.panels.listGroups(runId)).toEqual([group]);
  });

  it('reads a concept verdict from the JSON the model writes, and falls back to the built-in rules, saying so, when it cannot', async () => {
    const server = await serve();
    const { core, runId, personas } = await coreWithRun(server, 'openai');
    const test = await core.asking.panels.testConcept({ runId, concept: { text: 'Organic meal kits delivered by bike', price: '€60 a week' } });
    expect(server.refusals).toEqual([]);
    const sent = server.requests.filter((r) => r.chat);
    expect(sent).toHaveLength(3);
    expect((sent[0]!.body as { response_format: { type: string; json_schema: { strict: boolean } } }).response_format).toMatchObject({ type: 'json_schema', json_schema: { strict: true } });
    expect(sent[0]!.chat!.question).toContain('Organic meal kits delivered by bike');
    expect(test.verdicts.map((v) => [v.personaId, v.likelihood, v.source.engine, v.rules])).toEqual(personas.map((p) => [p.id, 4, 'openai', []]));
    expect(test.verdicts[0]!.reasons).toEqual([{ text: 'It would save me time on busy evenings.', field: 'goals' }]);
    expect(test.summary.distribution).toEqual([0, 0, 0, 3, 0]);

    server.setScript((r) => (r.chat ? { content: 'I might buy it, it depends.' } : {}));
    const fallback = await core.asking.panels.testConcept({ runId, concept: { text: 'A cookbook subscription', price: '€5 a month' } });
    expect(fallback.verdicts.every((v) => v.source.engine === 'offline')).toBe(true);
    expect(fallback.verdicts[0]!.rules[0]).toMatch(/^OpenAI-compatible server gave no verdict that could be used \(its answer held no JSON object\); this one comes from the built-in rules below\.$/);
    expect(core.asking.panels.listTests(runId).map((t) => t.id)).toEqual([fallback.id, test.id]);
  });

  it("keeps a user's question ahead of queued background calls", async () => {
    const server = await serve();
    const { core, runId, personas } = await coreWithRun(server, 'openai', { limits: { initial: 1, max: 1, adaptive: false } });
    const order: string[] = [];
    const background = Array.from({ length: 20 }, (_, i) =>
      core.scheduler.call({
        provider: 'openai',
        kind: 'generate',
        priority: 'low',
        run: async () => {
          order.push(`background ${i}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    const question = core.asking.interviews.ask({ runId, personaId: personas[0]!.id, question: 'What would you change first?', onToken: () => order.includes('question') || order.push('question') });
    await Promise.all([question, ...background]);
    // One background call holds the only slot when the question arrives; it goes next.
    expect(order.indexOf('question')).toBeLessThanOrEqual(2);
    expect(order.filter((o) => o.startsWith('background'))).toHaveLength(20);
  });
});
