/**
 * Gemini's generateContent with responseMimeType application/json and responseSchema (an OpenAPI
 * subset: no additionalProperties). The key goes in the x-goog-api-key header, never the URL.
 * A blocked prompt or a safety stop with no text is a refusal.
 */
import { z } from 'zod';
import { joinUrl, jsonOrUndefined } from '../http/http-call';
import type { LlmEndpoint } from './llm-settings';
import type { JsonSchema } from './persona-prompt';
import { RemoteLlmProvider, type WireFormat } from './remote-llm';

export const GEMINI_DEFAULTS: LlmEndpoint = { baseUrl: 'https://generativelanguage.googleapis.com', model: 'gemini-2.5-flash', stream: true, temperature: 0.8 };

const responseSchema = z.object({
  candidates: z.array(z.object({ content: z.object({ parts: z.array(z.object({ text: z.string().optional(), thought: z.boolean().optional() })).optional() }).optional(), finishReason: z.string().optional() })).optional(),
  promptFeedback: z.object({ blockReason: z.string().optional() }).optional(),
});
type GeminiResponse = z.infer<typeof responseSchema>;

const STOPPED_FOR_CONTENT = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII']);

function read(body: GeminiResponse): { text: string; refusal?: string } {
  const candidate = body.candidates?.[0];
  const text = (candidate?.content?.parts ?? []).filter((part) => !part.thought).map((part) => part.text ?? '').join('');
  const blocked = body.promptFeedback?.blockReason ?? (candidate?.finishReason && STOPPED_FOR_CONTENT.has(candidate.finishReason) ? candidate.finishReason : undefined);
  return { text, ...(blocked ? { refusal: `stopped for ${blocked}` } : {}) };
}

const headers = (endpoint: LlmEndpoint): Record<string, string> => (endpoint.apiKey ? { 'x-goog-api-key': endpoint.apiKey } : {});

const wire: WireFormat = {
  request: (prompt, request, endpoint) => ({
    url: joinUrl(endpoint.baseUrl, `/v1beta/models/${encodeURIComponent(endpoint.model)}:${endpoint.stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`),
    headers: headers(endpoint),
    body: {
      systemInstruction: { parts: [{ text: prompt.system }] },
      contents: [{ role: 'user', parts: [{ text: prompt.user }] }],
      generationConfig: { responseMimeType: 'application/json', responseSchema: openApiSubset(prompt.schema), temperature: endpoint.temperature, seed: request.seed },
    },
  }),
  answerSchema: responseSchema,
  answerText: (body) => read(body as GeminiResponse),
  streamEvent: (line) => {
    if (!line.startsWith('data:')) return undefined;
    const parsed = responseSchema.safeParse(jsonOrUndefined(line.slice(5).trim()));
    if (!parsed.success) return undefined;
    const { text, refusal } = read(parsed.data);
    return { ...(text ? { text } : {}), ...(refusal ? { refusal } : {}) };
  },
  models: (endpoint) => ({ url: joinUrl(endpoint.baseUrl, '/v1beta/models'), headers: headers(endpoint) }),
  modelNames: (body) => z.object({ models: z.array(z.object({ name: z.string() })) }).safeParse(body).data?.models.map((m) => m.name.replace(/^models\//, '')) ?? [],
};

/** responseSchema takes an OpenAPI 3.0 subset: keywords outside it are dropped. */
const OPENAPI_KEYWORDS = new Set(['type', 'format', 'description', 'nullable', 'enum', 'items', 'minItems', 'maxItems', 'properties', 'required', 'minimum', 'maximum', 'minLength', 'maxLength', 'propertyOrdering', 'anyOf']);

export function openApiSubset(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!OPENAPI_KEYWORDS.has(key)) continue;
    if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([name, inner]) => [name, openApiSubset(inner)]));
    else if (key === 'items') out[key] = openApiSubset(value as JsonSchema);
    else if (key === 'anyOf') out[key] = (value as JsonSchema[]).map(openApiSubset);
    else out[key] = value;
  }
  return out;
}

export class GeminiProvider extends RemoteLlmProvider {
  readonly id = 'gemini';
  readonly label = 'Gemini';
  readonly kind = 'cloud' as const;
  protected readonly wire = wire;
}
