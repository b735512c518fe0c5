/**
 * Gemini's generateContent (streamGenerateContent?alt=sse when streaming), JSON output constrained
 * by the answer schema (gemini-schema.ts). The key goes in the x-goog-api-key header, never the URL.
 * What the API reference makes this client do:
 * - GenerationConfig.seed is an int32: the app's 32-bit unsigned seeds are folded into 0..2^31-1
 *   (a seed past it is a 400 INVALID_ARGUMENT, which is not retried).
 * - errors are read as google.rpc.Status (gemini-errors.ts): a bad key, a 429's retryDelay.
 * - finishReason: MAX_TOKENS and any other reason but STOP end the answer early and are reported;
 *   a blocked prompt, or a content stop with no text, is a refusal.
 * - models.list is paged (50 by default, pageSize up to 1000): the probe follows nextPageToken.
 * - a persona's answer (chat): Content.role is "user" or "model" (an earlier answer is the model's
 *   turn), the persona in systemInstruction; JSON output and a schema only for a verdict.
 */
import { z } from 'zod';
import { joinUrl, jsonOrUndefined } from '../http/http-call';
import { geminiStatusSchema, geminiStreamError, readGeminiError } from './gemini-errors';
import { schemaConfig, schemaLesson } from './gemini-schema';
import type { LlmEndpoint } from '../../../shared/settings';
import { RemoteLlmProvider, sendsTemperature, type AnswerPart, type WireFormat } from './remote-llm';


/** The largest page models.list gives (its default is 50). */
const MODELS_PAGE_SIZE = 1000;
const INT32_RANGE = 2 ** 31;

const responseSchema = z.object({
  candidates: z.array(z.object({ content: z.object({ parts: z.array(z.object({ text: z.string().optional(), thought: z.boolean().optional() })).optional() }).optional(), finishReason: z.string().optional() })).optional(),
  promptFeedback: z.object({ blockReason: z.string().optional() }).optional(),
  usageMetadata: z.object({ promptTokenCount: z.number().optional(), candidatesTokenCount: z.number().optional() }).optional(),
  error: geminiStatusSchema.optional(),
});
type GeminiResponse = z.infer<typeof responseSchema>;

/** Finish reasons that stop the answer for what it says (FinishReason enum): a refusal when nothing was written. */
const STOPPED_FOR_CONTENT = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII']);

function read(body: GeminiResponse): AnswerPart {
  if (body.error) return { error: geminiStreamError(body.error) };
  const candidate = body.candidates?.[0];
  const text = (candidate?.content?.parts ?? []).filter((part) => !part.thought).map((part) => part.text ?? '').join('');
  const finish = candidate?.finishReason;
  const blocked = body.promptFeedback?.blockReason ?? (finish && STOPPED_FOR_CONTENT.has(finish) ? finish : undefined);
  const usage = body.usageMetadata;
  return {
    ...(text ? { text } : {}),
    ...(blocked ? { refusal: `stopped for ${blocked}` } : {}),
    ...(finish ? { finish } : {}),
    ...(usage?.promptTokenCount ? { promptTokens: usage.promptTokenCount } : {}),
    ...(usage?.candidatesTokenCount ? { answerTokens: usage.candidatesTokenCount } : {}),
  };
}

/** GenerationConfig.seed is an int32 (generativelanguage v1beta GenerationConfig): the seed folded into its non-negative half. */
export function geminiSeed(seed: number): number {
  return (seed >>> 0) % INT32_RANGE;
}

const headers = (endpoint: LlmEndpoint): Record<string, string> => (endpoint.apiKey ? { 'x-goog-api-key': endpoint.apiKey } : {});

const wire: WireFormat = {
  request: (prompt, request, endpoint, plan) => ({
    url: joinUrl(endpoint.baseUrl, `/v1beta/models/${encodeURIComponent(endpoint.model)}:${endpoint.stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`),
    headers: headers(endpoint),
    body: {
      systemInstruction: { parts: [{ text: prompt.system }] },
      contents: [{ role: 'user', parts: [{ text: prompt.user }] }],
      generationConfig: {
        responseMimeType: 'application/json',
        ...schemaConfig(prompt.schema, plan.lessons),
        ...(sendsTemperature(endpoint, false) ? { temperature: endpoint.temperature } : {}),
        seed: geminiSeed(request.seed),
      },
    },
  }),
  // A persona's answer: the persona in systemInstruction, the turns as contents with Gemini's roles (user, model).
  chat: (request, endpoint, plan) => ({
    url: joinUrl(endpoint.baseUrl, `/v1beta/models/${encodeURIComponent(endpoint.model)}:${endpoint.stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`),
    headers: headers(endpoint),
    body: {
      systemInstruction: { parts: [{ text: request.system }] },
      contents: request.messages.map((m) => ({ role: m.role === 'assistant' ? 'model' : 'user', parts: [{ text: m.content }] })),
      generationConfig: {
        ...(request.schema ? { responseMimeType: 'application/json', ...schemaConfig(request.schema, plan.lessons) } : {}),
        ...(sendsTemperature(endpoint, false) ? { temperature: endpoint.temperature } : {}),
        seed: geminiSeed(request.seed),
      },
    },
  }),
  answerSchema: responseSchema,
  answer: (body) => read(body as GeminiResponse),
  streamEvent: (line) => {
    if (!line.startsWith('data:')) return undefined;
    const parsed = responseSchema.safeParse(jsonOrUndefined(line.slice(5).trim()));
    return parsed.success ? read(parsed.data) : undefined;
  },
  finishField: 'finishReason',
  // STOP is the natural end; FINISH_REASON_UNSPECIFIED says nothing. Anything else ended the answer early.
  isCut: (finish) => finish !== 'STOP' && finish !== 'FINISH_REASON_UNSPECIFIED',
  readError: readGeminiError,
  lessonFrom: (error, _endpoint, lessons) => schemaLesson(error, lessons),
  models: (endpoint, pageToken) => ({
    url: `${joinUrl(endpoint.baseUrl, '/v1beta/models')}?${new URLSearchParams({ pageSize: String(MODELS_PAGE_SIZE), ...(pageToken ? { pageToken } : {}) })}`,
    headers: headers(endpoint),
  }),
  modelPage: (body) => {
    const page = z.object({ models: z.array(z.object({ name: z.string() })).optional(), nextPageToken: z.string().optional() }).safeParse(body).data;
    return { names: page?.models?.map((m) => m.name.replace(/^models\//, '')) ?? [], ...(page?.nextPageToken ? { nextPage: page.nextPageToken } : {}) };
  },
};

export class GeminiProvider extends RemoteLlmProvider {
  readonly id = 'gemini';
  readonly label = 'Gemini';
  readonly kind = 'cloud' as const;
  protected readonly wire = wire;
}
