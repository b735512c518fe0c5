/**
 * /v1/chat/completions with `response_format: json_schema`: OpenAI, llama.cpp server, LM Studio,
 * vLLM. Server-sent events when streaming; a refusal arrives in `message.refusal`. What OpenAI's
 * API reference and guides make this client do:
 * - `strict: true` with a strict-ready schema (strict-schema.ts): without it the schema is a hint.
 * - no `temperature` for reasoning models (o-series; GPT-5, -mini, -nano), which refuse any value
 *   but their default with 400 unsupported_value; a model that refuses it otherwise is remembered.
 * - finish_reason "length" is a cut answer; a `data: {"error": …}` event in the middle of a stream
 *   is an error (retried like a 500), not the end of a short answer.
 * - a persona's answer (chat) sends the conversation with the roles the API defines (system, user,
 *   assistant), the same seed and temperature rules, and a strict schema only for a verdict.
 */
import { z } from 'zod';
import { CallError, type CallErrorCode } from '../../scheduler';
import { joinUrl, jsonOrUndefined, type ErrorReading } from '../http/http-call';
import type { LlmEndpoint } from '../../../shared/settings';
import { chatMessages } from './persona-prompt';
import { RemoteLlmProvider, sendsTemperature, type AnswerPart, type WireFormat } from './remote-llm';
import { strictJsonSchema, withoutNulls } from './strict-schema';


/**
 * Models that accept only their default temperature (OpenAI's reasoning guide: o-series, and GPT-5,
 * GPT-5 mini and nano, whose default reasoning effort is not "none"), with or without a dated
 * snapshot or a gateway's "openai/" prefix. gpt-5-chat and GPT-5.1 onwards take a temperature.
 */
const DEFAULT_TEMPERATURE_ONLY = /^(?:openai\/)?(?:o\d+(?:-[a-z]+)*|gpt-5(?:-(?:mini|nano|pro))?)(?:-\d{4}-\d{2}-\d{2})?$/i;
/** Set when a model refused a temperature in a 400 (param "temperature"): it is sent none from then on. */
const NO_TEMPERATURE = 'no-temperature';

export function takesOnlyDefaultTemperature(model: string): boolean {
  return DEFAULT_TEMPERATURE_ONLY.test(model);
}

const usageSchema = z.object({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional() }).nullable().optional();
const answerSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional(), refusal: z.string().nullable().optional() }), finish_reason: z.string().nullable().optional() })).min(1),
  usage: usageSchema,
});
const errorSchema = z.object({ message: z.string().optional(), type: z.string().nullable().optional(), code: z.union([z.string(), z.number()]).nullable().optional(), param: z.string().nullable().optional() });
const chunkSchema = z.object({
  choices: z.array(z.object({ delta: z.object({ content: z.string().nullable().optional(), refusal: z.string().nullable().optional() }).optional(), finish_reason: z.string().nullable().optional() })).optional(),
  error: errorSchema.optional(),
});

const auth = (endpoint: LlmEndpoint): Record<string, string> => (endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {});

/** OpenAI's error body, {"error": {"message", "type", "param", "code"}}: its code and param as the reason. */
function readError(_status: number, body: string): ErrorReading {
  const parsed = z.object({ error: errorSchema }).safeParse(jsonOrUndefined(body));
  if (!parsed.success) return {};
  const { message, code, param } = parsed.data.error;
  const reason = [code, param].filter((part) => part !== null && part !== undefined && part !== '').join(':');
  return { ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
}

/** An error event in the stream: the status it stands for is not sent, so its type says what it was. */
function streamError(error: z.infer<typeof errorSchema>): CallError {
  const kind = `${error.type ?? ''} ${error.code ?? ''}`;
  const code: CallErrorCode = /rate_limit|quota/i.test(kind) ? 'rate_limited' : 'server_error';
  return new CallError(code, `OpenAI-compatible server failed while streaming its answer: ${error.message ?? kind.trim()}`, { provider: 'openai' });
}

const wire: WireFormat = {
  request: (prompt, request, endpoint, plan) => ({
    url: joinUrl(endpoint.baseUrl, '/chat/completions'),
    headers: auth(endpoint),
    body: {
      model: endpoint.model,
      messages: chatMessages(prompt),
      response_format: { type: 'json_schema', json_schema: { name: 'personas', strict: true, schema: strictJsonSchema(prompt.schema) } },
      stream: endpoint.stream,
      seed: request.seed,
      ...(sendsTemperature(endpoint, takesOnlyDefaultTemperature(endpoint.model) || plan.lessons.has(NO_TEMPERATURE)) ? { temperature: endpoint.temperature } : {}),
    },
  }),
  // A persona's answer: the conversation as system, user and assistant messages; a verdict asked for as a strict schema.
  chat: (request, endpoint, plan) => ({
    url: joinUrl(endpoint.baseUrl, '/chat/completions'),
    headers: auth(endpoint),
    body: {
      model: endpoint.model,
      messages: [{ role: 'system', content: request.system }, ...request.messages],
      ...(request.schema ? { response_format: { type: 'json_schema', json_schema: { name: 'verdict', strict: true, schema: strictJsonSchema(request.schema) } } } : {}),
      stream: endpoint.stream,
      seed: request.seed,
      ...(sendsTemperature(endpoint, takesOnlyDefaultTemperature(endpoint.model) || plan.lessons.has(NO_TEMPERATURE)) ? { temperature: endpoint.temperature } : {}),
    },
  }),
  answerSchema,
  answer: (body) => {
    const answer = body as z.infer<typeof answerSchema>;
    const choice = answer.choices[0]!;
    return {
      text: choice.message.content ?? '',
      ...(choice.message.refusal ? { refusal: choice.message.refusal } : choice.finish_reason === 'content_filter' ? { refusal: 'stopped by the content filter' } : {}),
      ...(choice.finish_reason ? { finish: choice.finish_reason } : {}),
      ...(answer.usage?.prompt_tokens ? { promptTokens: answer.usage.prompt_tokens } : {}),
      ...(answer.usage?.completion_tokens ? { answerTokens: answer.usage.completion_tokens } : {}),
    };
  },
  streamEvent: (line) => {
    if (!line.startsWith('data:')) return undefined;
    const chunk = chunkSchema.safeParse(jsonOrUndefined(line.slice(5).trim())).data;
    if (!chunk) return undefined;
    if (chunk.error) return { error: streamError(chunk.error) };
    const choice = chunk.choices?.[0];
    const part: AnswerPart = {
      ...(choice?.delta?.content ? { text: choice.delta.content } : {}),
      ...(choice?.delta?.refusal ? { refusal: choice.delta.refusal } : choice?.finish_reason === 'content_filter' ? { refusal: 'stopped by the content filter' } : {}),
      ...(choice?.finish_reason ? { finish: choice.finish_reason } : {}),
    };
    return part;
  },
  finishField: 'finish_reason',
  isCut: (finish) => finish === 'length',
  cleanText: withoutNulls,
  readError,
  lessonFrom: (error, endpoint) => (error.code === 'bad_request' && /(^|:)temperature$/.test(error.details.reason ?? '') && sendsTemperature(endpoint, false) ? NO_TEMPERATURE : undefined),
  models: (endpoint) => ({ url: joinUrl(endpoint.baseUrl, '/models'), headers: auth(endpoint) }),
  modelPage: (body) => ({ names: z.object({ data: z.array(z.object({ id: z.string() })) }).safeParse(body).data?.data.map((m) => m.id) ?? [] }),
};

export class OpenAiCompatibleProvider extends RemoteLlmProvider {
  readonly id = 'openai';
  readonly label = 'OpenAI-compatible server';
  readonly kind = 'local' as const;
  protected readonly wire = wire;
}
