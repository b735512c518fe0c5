/**
 * /v1/chat/completions with `response_format: json_schema`: OpenAI, llama.cpp server, LM Studio,
 * vLLM. Server-sent events when streaming; a refusal arrives in `message.refusal`.
 */
import { z } from 'zod';
import { joinUrl, jsonOrUndefined } from '../http/http-call';
import type { LlmEndpoint } from './llm-settings';
import { chatMessages } from './persona-prompt';
import { RemoteLlmProvider, type WireFormat } from './remote-llm';

export const OPENAI_DEFAULTS: LlmEndpoint = { baseUrl: 'http://127.0.0.1:8080/v1', model: 'local-model', stream: true, temperature: 0.8 };

const answerSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional(), refusal: z.string().nullable().optional() }), finish_reason: z.string().nullable().optional() })).min(1),
});
const chunkSchema = z.object({ choices: z.array(z.object({ delta: z.object({ content: z.string().nullable().optional(), refusal: z.string().nullable().optional() }).optional() })) });

const auth = (endpoint: LlmEndpoint): Record<string, string> => (endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {});

const wire: WireFormat = {
  request: (prompt, request, endpoint) => ({
    url: joinUrl(endpoint.baseUrl, '/chat/completions'),
    headers: auth(endpoint),
    body: {
      model: endpoint.model,
      messages: chatMessages(prompt),
      response_format: { type: 'json_schema', json_schema: { name: 'personas', schema: prompt.schema } },
      stream: endpoint.stream,
      seed: request.seed,
      temperature: endpoint.temperature,
    },
  }),
  answerSchema,
  answerText: (body) => {
    const message = (body as z.infer<typeof answerSchema>).choices[0]!.message;
    return { text: message.content ?? '', ...(message.refusal ? { refusal: message.refusal } : {}) };
  },
  streamEvent: (line) => {
    if (!line.startsWith('data:')) return undefined;
    const data = line.slice(5).trim();
    const delta = chunkSchema.safeParse(jsonOrUndefined(data)).data?.choices[0]?.delta;
    if (!delta) return undefined;
    return { ...(delta.content ? { text: delta.content } : {}), ...(delta.refusal ? { refusal: delta.refusal } : {}) };
  },
  models: (endpoint) => ({ url: joinUrl(endpoint.baseUrl, '/models'), headers: auth(endpoint) }),
  modelNames: (body) => z.object({ data: z.array(z.object({ id: z.string() })) }).safeParse(body).data?.data.map((m) => m.id) ?? [],
};

export class OpenAiCompatibleProvider extends RemoteLlmProvider {
  readonly id = 'openai';
  readonly label = 'OpenAI-compatible server';
  readonly kind = 'local' as const;
  protected readonly wire = wire;
}
