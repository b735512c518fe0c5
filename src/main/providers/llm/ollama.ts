/**
 * Ollama's /api/chat (docs/api.md, api/types.go), with `format` set to the level's JSON Schema;
 * NDJSON when streaming. What the documentation makes this client do:
 * - `options.num_ctx` sized to the prompt and the answer asked for: Ollama's default context is
 *   small (4,096 tokens below 24 GiB of VRAM, docs/context-length.mdx) and a longer exchange is
 *   cut or shifted. num_ctx is a load-time option (api.Runner): a new value reloads the model, so
 *   it goes up in powers of two, and calls ask for no more personas than fit the largest one.
 * - `truncate: false` and `shift: false` (ChatRequest): a prompt too long for the context is a 400
 *   instead of losing its middle, and an answer that fills the context stops with done_reason
 *   "length" instead of going on with half its context dropped. Older servers ignore both.
 * - done_reason "length" is a cut answer; an {"error": …} line in the stream (docs/api/errors.mdx,
 *   "Errors that occur while streaming") is a server error, retried like a 500, not a refusal.
 * Ollama has no refusal field: a model that declines writes prose, which repair recognises.
 * A persona's answer (chat) goes to the same endpoint with the conversation as system, user and
 * assistant messages, the same options and no `format` unless a JSON verdict is asked for.
 */
import { z } from 'zod';
import type { Level } from '../../../shared/persona';
import { CallError } from '../../scheduler';
import { joinUrl, jsonOrUndefined } from '../http/http-call';
import { chatMessages } from './persona-prompt';
import { RemoteLlmProvider, sendsTemperature, type AnswerPart, type RequestPlan, type WireFormat } from './remote-llm';
import type { TokenBudget } from './token-budget';


/** Ollama's own default context, and the smallest this client asks for (asking less would only reload the model). */
export const MIN_NUM_CTX = 4_096;
/** The largest context this client asks for: its KV cache is about 2 GiB for an 8B model; a batch that needs more is split. */
export const MAX_NUM_CTX = 16_384;
/** The chat template's own tokens (role markers, the system turn's wrapper) and slack for the estimate. */
const TEMPLATE_TOKENS = 256;
/** Set when the server refused a prompt as longer than the context: the estimate was short, so contexts double. */
const DOUBLE_CONTEXT = 'double-context';

const lineSchema = z.object({
  message: z.object({ content: z.string().optional() }).optional(),
  done: z.boolean().optional(),
  done_reason: z.string().optional(),
  prompt_eval_count: z.number().optional(),
  eval_count: z.number().optional(),
  error: z.string().optional(),
});
type OllamaLine = z.infer<typeof lineSchema>;

function part(line: OllamaLine): AnswerPart {
  if (line.error) return { error: new CallError('server_error', `Ollama failed while writing its answer: ${line.error}`, { provider: 'ollama' }) };
  return {
    ...(line.message?.content ? { text: line.message.content } : {}),
    ...(line.done ? { finish: line.done_reason ?? 'stop' } : {}),
    ...(line.prompt_eval_count ? { promptTokens: line.prompt_eval_count } : {}),
    ...(line.eval_count ? { answerTokens: line.eval_count } : {}),
  };
}

/** The context a call asks for: its prompt and answer with room to spare, as a power of two within the bounds. */
export function numCtxFor(plan: RequestPlan): number {
  const needed = (plan.promptTokens + plan.answerTokens + TEMPLATE_TOKENS) * (plan.lessons.has(DOUBLE_CONTEXT) ? 2 : 1);
  let size = MIN_NUM_CTX;
  while (size < needed && size < MAX_NUM_CTX) size *= 2;
  return size;
}

const wire: WireFormat = {
  request: (prompt, request, endpoint, plan) => ({
    url: joinUrl(endpoint.baseUrl, '/api/chat'),
    headers: {},
    body: {
      model: endpoint.model,
      messages: chatMessages(prompt),
      format: prompt.schema,
      stream: endpoint.stream,
      truncate: false,
      shift: false,
      options: { seed: request.seed, num_ctx: numCtxFor(plan), ...(sendsTemperature(endpoint, false) ? { temperature: endpoint.temperature } : {}) },
    },
  }),
  // A persona's answer: the same endpoint and options, the conversation as messages, no format unless a verdict is asked for.
  chat: (request, endpoint, plan) => ({
    url: joinUrl(endpoint.baseUrl, '/api/chat'),
    headers: {},
    body: {
      model: endpoint.model,
      messages: [{ role: 'system', content: request.system }, ...request.messages],
      ...(request.schema ? { format: request.schema } : {}),
      stream: endpoint.stream,
      truncate: false,
      shift: false,
      options: { seed: request.seed, num_ctx: numCtxFor(plan), ...(sendsTemperature(endpoint, false) ? { temperature: endpoint.temperature } : {}) },
    },
  }),
  answerSchema: lineSchema,
  answer: (body) => part(body as OllamaLine),
  streamEvent: (line) => {
    const parsed = lineSchema.safeParse(jsonOrUndefined(line));
    return parsed.success ? part(parsed.data) : undefined;
  },
  finishField: 'done_reason',
  isCut: (finish) => finish === 'length',
  lessonFrom: (error, _endpoint, lessons) => (error.code === 'bad_request' && /context length/i.test(error.message) && !lessons.has(DOUBLE_CONTEXT) ? DOUBLE_CONTEXT : undefined),
  fits: (budget: TokenBudget, key: string, level: Level) => {
    const prompt = budget.promptTokens(key, budget.lastPromptChars(key) ?? 5_000);
    return Math.max(1, Math.floor((MAX_NUM_CTX - prompt - TEMPLATE_TOKENS) / budget.perPersona(key, level)));
  },
  models: (endpoint) => ({ url: joinUrl(endpoint.baseUrl, '/api/tags'), headers: {} }),
  modelPage: (body) => ({ names: z.object({ models: z.array(z.object({ name: z.string() })) }).safeParse(body).data?.models.map((m) => m.name) ?? [] }),
};

export class OllamaProvider extends RemoteLlmProvider {
  readonly id = 'ollama';
  readonly label = 'Ollama';
  readonly kind = 'local' as const;
  protected readonly wire = wire;
}
