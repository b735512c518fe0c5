/**
 * The OpenAI-compatible client against the strict stand-in: Structured Outputs in strict mode with
 * a strict-ready schema, no temperature for models that take only their default, errors in the
 * middle of a stream, finish_reason "length".
 */
import { describe, expect, it } from 'vitest';
import { answerSchema } from '../src/main/providers/llm/persona-prompt';
import { OpenAiCompatibleProvider } from '../src/main/providers/llm/openai-compatible';
import { Scheduler } from '../src/main/scheduler/scheduler';
import { endpoint, requestFor, serve, signal } from './support/rules-fixture';

const openai = (baseUrl: string, extra: Parameters<typeof endpoint>[1] = {}) => new OpenAiCompatibleProvider(() => endpoint(`${baseUrl}/v1`, { apiKey: 'sk-test', ...extra }));
type Sent = { temperature?: number; response_format: { json_schema: { strict?: boolean; schema: Record<string, unknown> } } };
const sent = (body: unknown) => body as Sent;

async function post(url: string, body: object): Promise<{ status: number; body: { error: { message: string; param: string | null; code: string | null } } }> {
  const response = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { error: { message: string; param: string | null; code: string | null } } };
}

describe('the stand-in refuses what OpenAI refuses', () => {
  it('strict: true with a schema that is not strict-ready; a temperature for a reasoning model', async () => {
    const server = await serve();
    const strict = (schema: object) => ({ model: 'gpt-4o', messages: [], stream: false, response_format: { type: 'json_schema', json_schema: { name: 'personas', strict: true, schema } } });
    expect(await post(server.url, strict(answerSchema('standard')))).toMatchObject({ status: 400, body: { error: { param: 'response_format', message: expect.stringMatching(/'additionalProperties' is required to be supplied and to be false/) } } });
    expect(await post(server.url, strict({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['a'], additionalProperties: false }))).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/Missing 'b'/) } } });
    expect(await post(server.url, strict({ type: 'object', properties: { a: { type: 'string', minLength: 1 } }, required: ['a'], additionalProperties: false }))).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/'minLength' is not permitted/) } } });
    expect(await post(server.url, { model: 'o3-mini', messages: [], stream: false, temperature: 0.8 })).toMatchObject({ status: 400, body: { error: { param: 'temperature', code: 'unsupported_value' } } });
    expect((await post(server.url, { model: 'o3-mini', messages: [], stream: false })).status).toBe(200);
  });
});

describe('OpenAI-compatible client', () => {
  it('asks for strict Structured Outputs with a strict-ready schema, and the strict server takes it', async () => {
    const server = await serve();
    for (const stream of [false, true]) await openai(server.url, { stream }).generate(await requestFor(2), { signal: signal() });
    for (const request of server.requests) {
      const format = sent(request.body).response_format.json_schema;
      expect(format.strict).toBe(true);
      expect(request.refused).toBeUndefined();
      // Optional fields became required and nullable, as strict mode asks.
      const persona = (format.schema as { properties: { personas: { items: { required: string[]; properties: Record<string, unknown> } } } }).properties.personas.items;
      expect(persona.required).toEqual(Object.keys(persona.properties));
      expect(persona.properties.education).toEqual({ anyOf: [{ type: 'string' }, { type: 'null' }] });
      expect(persona.properties.name).toEqual({ type: 'string' });
    }
  });

  it('the nulls strict mode makes a model write for what it had nothing for are removed before repair', async () => {
    const server = await serve();
    const answer = JSON.parse(server.personasAnswer(1)) as { personas: Array<Record<string, unknown>> };
    answer.personas[0]!.gender = null;
    answer.personas[0]!.education = null;
    server.setScript(() => ({ content: JSON.stringify(answer) }));
    const output = await openai(server.url).generate(await requestFor(1), { signal: signal() });
    const persona = output.format === 'text' ? (JSON.parse(output.text) as { personas: Array<Record<string, unknown>> }).personas[0]! : {};
    expect(persona).not.toHaveProperty('gender');
    expect(persona).not.toHaveProperty('education');
    expect(persona.name).toBe(answer.personas[0]!.name);
  });

  it('sends no temperature to the models that take only their default (o-series, GPT-5, -mini, -nano), and one to the others', async () => {
    const server = await serve();
    for (const model of ['o3-mini', 'o1', 'o4-mini-2025-04-16', 'gpt-5', 'gpt-5-mini', 'gpt-5-nano-2025-08-07', 'openai/o3', 'gpt-4o', 'gpt-5-chat-latest', 'local-model']) {
      await openai(server.url, { model, temperature: 0.7 }).generate(await requestFor(1), { signal: signal() });
    }
    expect(server.refusals).toHaveLength(0);
    expect(server.requests.map((r) => sent(r.body).temperature)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined, 0.7, 0.7, 0.7]);
  });

  it('a model that refuses a temperature (400, param "temperature") is asked again without one, and remembered', async () => {
    const server = await serve({ defaultTemperatureModels: ['house-reasoner'] });
    const provider = openai(server.url, { model: 'house-reasoner' });
    await provider.generate(await requestFor(1), { signal: signal() });
    await provider.generate(await requestFor(1), { signal: signal() });
    expect(server.requests.map((r) => [r.refused, sent(r.body).temperature])).toEqual([['temperature', 0.5], [undefined, undefined], [undefined, undefined]]);
  });

  it('"model default" sends no temperature whatever the model', async () => {
    const server = await serve();
    await openai(server.url, { model: 'gpt-4o', temperatureMode: 'model_default' }).generate(await requestFor(1), { signal: signal() });
    expect(sent(server.requests[0]!.body)).not.toHaveProperty('temperature');
  });

  it('an error event in the middle of a stream is a server error, retried, never a short answer', async () => {
    const server = await serve({ script: (r) => (r.index === 0 ? { streamErrorAfter: 3 } : {}) });
    const provider = openai(server.url, { stream: true });
    await expect(provider.generate(await requestFor(3), { signal: signal() })).rejects.toMatchObject({ code: 'server_error', message: expect.stringMatching(/while streaming.*server had an error/) });
    const scheduler = new Scheduler({ resources: null, retry: { initialDelayMs: 5, maxDelayMs: 20 } });
    server.setScript((r) => (r.index === 1 ? { streamErrorAfter: 3 } : {}));
    const output = await scheduler.call({ provider: 'openai', kind: 'generate', priority: 'high', run: async (s) => provider.generate(await requestFor(3), { signal: s }) });
    expect(output.format === 'text' && (JSON.parse(output.text) as { personas: unknown[] }).personas).toHaveLength(3);
    expect(server.requests).toHaveLength(3);
    scheduler.close();
  });

  it('finish_reason "length" is a cut answer, streamed or not', async () => {
    const server = await serve({ script: () => ({ cutAfterPersonas: 1 }) });
    for (const stream of [false, true]) {
      expect(await openai(server.url, { stream }).generate(await requestFor(4), { signal: signal() })).toMatchObject({ cut: { reason: 'finish_reason "length"', complete: 1 } });
    }
  });
});
