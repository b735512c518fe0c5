/** Ollama's /api/chat, with `format` set to the level's JSON Schema; NDJSON when streaming. */
import { z } from 'zod';
import { joinUrl, jsonOrUndefined } from '../http/http-call';
import type { LlmEndpoint } from './llm-settings';
import { chatMessages } from './persona-prompt';
import { RemoteLlmProvider, type WireFormat } from './remote-llm';

export const OLLAMA_DEFAULTS: LlmEndpoint = { baseUrl: 'http://127.0.0.1:11434', model: 'llama3.1:8b', stream: true, temperature: 0.8 };

const answerSchema = z.object({ message: z.object({ content: z.string() }).optional(), done_reason: z.string().optional(), error: z.string().optional() });
const lineSchema = z.object({ message: z.object({ content: z.string().optional() }).optional(), error: z.string().optional() });

const wire: WireFormat = {
  request: (prompt, request, endpoint) => ({
    url: joinUrl(endpoint.baseUrl, '/api/chat'),
    headers: {},
    body: {
      model: endpoint.model,
      messages: chatMessages(prompt),
      format: prompt.schema,
      stream: endpoint.stream,
      options: { seed: request.seed, temperature: endpoint.temperature },
    },
  }),
  answerSchema,
  answerText: (body) => {
    const answer = body as z.infer<typeof answerSchema>;
    return { text: answer.message?.content ?? '', ...(answer.error ? { refusal: answer.error } : {}) };
  },
  streamEvent: (line) => {
    const parsed = lineSchema.safeParse(jsonOrUndefined(line));
    if (!parsed.success) return undefined;
    if (parsed.data.error) return { refusal: parsed.data.error };
    return parsed.data.message?.content ? { text: parsed.data.message.content } : undefined;
  },
  models: (endpoint) => ({ url: joinUrl(endpoint.baseUrl, '/api/tags'), headers: {} }),
  modelNames: (body) => z.object({ models: z.array(z.object({ name: z.string() })) }).safeParse(body).data?.models.map((m) => m.name) ?? [],
};

export class OllamaProvider extends RemoteLlmProvider {
  readonly id = 'ollama';
  readonly label = 'Ollama';
  readonly kind = 'local' as const;
  protected readonly wire = wire;
}
