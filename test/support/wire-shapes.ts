/**
 * What the stand-in provider server answers, in each API's real shapes: whole answers, stream
 * lines with their finish reasons and token counts, error bodies (Gemini's google.rpc.Status,
 * OpenAI's error object, Ollama's {"error": "…"}), mid-stream errors, model lists (Gemini's paged)
 * and Qloo's insights. Free of vitest, so benchmarks can use it.
 */
import type { Wire } from './provider-server';

/** A token of the stand-in's models: about 3.5 characters of JSON (a client must not count on it). */
export const CHARS_PER_TOKEN = 3.5;

export function tokensOf(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** How an answer ends, in each API's words. */
export const FINISH: Record<Exclude<Wire, 'qloo'>, { stop: string; length: string }> = {
  ollama: { stop: 'stop', length: 'length' },
  openai: { stop: 'stop', length: 'length' },
  gemini: { stop: 'STOP', length: 'MAX_TOKENS' },
};

export interface Usage {
  promptTokens: number;
  answerTokens: number;
}

export function envelope(wire: Wire, content: string, finish: string, usage: Usage, refusal?: string): string {
  if (wire === 'ollama') {
    return JSON.stringify({ model: 'test', created_at: new Date().toISOString(), message: { role: 'assistant', content }, done: true, done_reason: finish, prompt_eval_count: usage.promptTokens, eval_count: usage.answerTokens });
  }
  if (wire === 'openai') {
    return JSON.stringify({
      id: 'chatcmpl-test',
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: refusal ? null : content, refusal: refusal ?? null }, finish_reason: finish }],
      usage: { prompt_tokens: usage.promptTokens, completion_tokens: usage.answerTokens, total_tokens: usage.promptTokens + usage.answerTokens },
    });
  }
  if (refusal) return JSON.stringify({ promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: usage.promptTokens } });
  return JSON.stringify({
    candidates: [{ content: { role: 'model', parts: [{ text: content }] }, finishReason: finish, index: 0 }],
    usageMetadata: { promptTokenCount: usage.promptTokens, candidatesTokenCount: usage.answerTokens, totalTokenCount: usage.promptTokens + usage.answerTokens },
  });
}

export function streamLine(wire: Wire, piece: string, refusal?: string): string {
  if (wire === 'ollama') return `${JSON.stringify({ model: 'test', created_at: new Date().toISOString(), message: { role: 'assistant', content: piece }, done: false })}\n`;
  if (wire === 'openai') return sse({ id: 'chatcmpl-test', object: 'chat.completion.chunk', choices: [{ index: 0, delta: refusal ? { refusal } : { content: piece }, finish_reason: null }] });
  if (refusal) return sse({ promptFeedback: { blockReason: 'SAFETY' } });
  return sse({ candidates: [{ content: { role: 'model', parts: [{ text: piece }] }, index: 0 }] });
}

/** The stream's last line(s): the finish reason and the token counts. */
export function streamEnd(wire: Wire, finish: string, usage: Usage): string {
  if (wire === 'ollama') return `${JSON.stringify({ model: 'test', created_at: new Date().toISOString(), message: { role: 'assistant', content: '' }, done: true, done_reason: finish, prompt_eval_count: usage.promptTokens, eval_count: usage.answerTokens })}\n`;
  if (wire === 'openai') return `${sse({ id: 'chatcmpl-test', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: finish }] })}data: [DONE]\n\n`;
  return sse({ candidates: [{ content: { role: 'model', parts: [{ text: '' }] }, finishReason: finish, index: 0 }], usageMetadata: { promptTokenCount: usage.promptTokens, candidatesTokenCount: usage.answerTokens } });
}

/** An error sent in the middle of a stream, after which the stream ends. */
export function streamError(wire: Wire): string {
  // docs/api/errors.mdx: the status is already sent, so the error is a line of its own.
  if (wire === 'ollama') return `${JSON.stringify({ error: 'an error was encountered while running the model' })}\n`;
  if (wire === 'openai') return sse({ error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } });
  return sse({ error: { code: 500, message: 'An internal error has occurred.', status: 'INTERNAL' } });
}

const GOOGLE_STATUS: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED' };

/** An error body in the wire's shape; `details` are google.rpc detail messages (Gemini only). */
export function errorBody(wire: Wire, status: number, message: string, extra: { details?: object[]; type?: string; param?: string | null; code?: string | null } = {}): string {
  if (wire === 'gemini') return JSON.stringify({ error: { code: status, message, status: GOOGLE_STATUS[status] ?? 'UNKNOWN', ...(extra.details ? { details: extra.details } : {}) } });
  if (wire === 'openai') return JSON.stringify({ error: { message, type: extra.type ?? (status >= 500 ? 'server_error' : 'invalid_request_error'), param: extra.param ?? null, code: extra.code ?? null } });
  if (wire === 'ollama') return JSON.stringify({ error: message });
  return JSON.stringify({ success: false, error: { message } });
}

/** google.rpc.RetryInfo, as a 429 from Gemini carries it. */
export function retryInfo(retryDelay: string): object {
  return { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay };
}

export function modelsBody(wire: Wire, geminiPage?: { names: readonly string[]; nextPageToken?: string }): string {
  if (wire === 'ollama') return JSON.stringify({ models: ['llama3.1:8b', 'qwen2.5:7b'].map((name) => ({ name, model: name, modified_at: '2025-01-01T00:00:00Z', size: 4_920_753_328, digest: 'sha256:test' })) });
  if (wire === 'openai') return JSON.stringify({ object: 'list', data: [{ id: 'local-model', object: 'model', created: 1_700_000_000, owned_by: 'test' }] });
  return JSON.stringify({
    models: (geminiPage?.names ?? []).map((name) => ({ name: `models/${name}`, supportedGenerationMethods: ['generateContent', 'countTokens'], inputTokenLimit: 1_048_576, outputTokenLimit: 65_536 })),
    ...(geminiPage?.nextPageToken ? { nextPageToken: geminiPage.nextPageToken } : {}),
  });
}

/** Qloo's insights: entities with ids, popularity, affinity and tags (a genre, and for media where it streams). */
export function insightsBody(query: URLSearchParams, names?: readonly string[]): string {
  const type = query.get('filter.type') ?? 'urn:entity:artist';
  const label = type.split(':').pop()!;
  const restaurants = type === 'urn:entity:place' && (query.get('filter.tags') ?? '').includes('urn:tag:genre:place:restaurant');
  const where = query.get('filter.location.query');
  const list = names ?? Array.from({ length: Number(query.get('take') ?? 5) }, (_, i) => `Qloo ${placeKind(label, restaurants, i)} ${i + 1}${where ? ` in ${where}` : ''}`);
  const media = ['movie', 'tv_show', 'podcast', 'artist'].includes(label);
  return JSON.stringify({
    success: true,
    results: {
      entities: list.map((name, i) => ({
        name,
        entity_id: `${label}-${i}`,
        type: 'urn:entity',
        subtype: type,
        popularity: 0.9 - i * 0.01,
        tags: [
          { tag_id: 'urn:tag:genre:test', name: 'Test Genre', type: 'urn:tag:genre' },
          ...(media ? [{ tag_id: 'urn:tag:streaming_service:media:netflix', name: 'Netflix', type: 'urn:tag:streaming_service:media' }] : []),
        ],
        query: { affinity: 0.95 - i * 0.02 },
      })),
    },
    duration: 12,
  });
}

/** A place lookup without the restaurant tag is all sorts of places. */
function placeKind(label: string, restaurants: boolean, i: number): string {
  if (label !== 'place') return label;
  return restaurants ? 'restaurant' : (['hotel', 'landmark', 'restaurant', 'shop'][i % 4] ?? 'place');
}

function sse(data: object): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}
