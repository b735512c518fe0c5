/**
 * The stand-in server's strictness: what each real API refuses, refused here with the same status
 * and the same shape of body (messages as the APIs word them, shortened). Each rule names the
 * documentation it follows:
 * - Gemini (ai.google.dev API reference): the key (400 API_KEY_INVALID, 403 without one); a
 *   Content's role other than "user" or "model";
 *   GenerationConfig.seed an int32; temperature in [0, 2]; responseSchema the OpenAPI subset (an
 *   unknown field is a 400), never together with responseJsonSchema, either one only with
 *   responseMimeType application/json; a schema too complex for serving (threshold scripted).
 * - OpenAI (Chat Completions reference; Structured Outputs › Supported schemas; reasoning guide): a
 *   message role the API does not define; with strict: true every
 *   object sets additionalProperties: false and requires every property, and only supported
 *   keywords appear; reasoning models take no temperature but their default.
 * - Ollama (api/types.go, docs/api/errors.mdx): with truncate: false, a prompt longer than the
 *   context is a 400.
 * - Qloo (Insights API, Entity Type Parameter Guide): filter.type required; destinations require
 *   signal.interests.entities; a location query must resolve to a known locality.
 */
import type { ProviderServerOptions, ReceivedRequest } from './provider-server';
import { errorBody, tokensOf } from './wire-shapes';

export interface Refusal {
  status: number;
  body: string;
  /** Which rule refused it, for tests that count refusals. */
  rule: string;
}

/** The documented reasoning models that take only their default temperature (gpt-5-chat and GPT-5.1 on take one). */
const DEFAULT_TEMPERATURE_ONLY = /^(?:o\d+(?:-[a-z]+)*|gpt-5(?:-(?:mini|nano|pro))?)(?:-\d{4}-\d{2}-\d{2})?$/i;
const INT32_MAX = 2 ** 31 - 1;
/** The Schema object's fields (OpenAPI 3.0 subset as Gemini takes it). */
const GEMINI_SCHEMA_FIELDS = new Set(['type', 'format', 'title', 'description', 'nullable', 'enum', 'maxItems', 'minItems', 'properties', 'required', 'minProperties', 'maxProperties', 'minLength', 'maxLength', 'pattern', 'example', 'anyOf', 'propertyOrdering', 'default', 'items', 'minimum', 'maximum']);
/** Keywords OpenAI's strict mode supports. */
const STRICT_KEYWORDS = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'anyOf', '$defs', '$ref', 'description', 'title', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems']);
/** Message roles in the Chat Completions API reference. */
const OPENAI_ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);
/** The template's own tokens around the messages (role markers). */
export const OLLAMA_TEMPLATE_TOKENS = 32;

export function refusalFor(request: ReceivedRequest, options: ProviderServerOptions, localities: ReadonlySet<string>): Refusal | undefined {
  if (request.wire === 'gemini') return geminiRefusal(request, options);
  if (request.wire === 'openai') return openAiRefusal(request, options);
  if (request.wire === 'ollama') return ollamaRefusal(request, options);
  return qlooRefusal(request, options, localities);
}

function geminiRefusal(request: ReceivedRequest, options: ProviderServerOptions): Refusal | undefined {
  const key = request.headers['x-goog-api-key'];
  if (!key) return gemini(403, 'auth', "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");
  if (options.keys?.gemini !== undefined && key !== options.keys.gemini) {
    return gemini(400, 'API_KEY_INVALID', 'API key not valid. Please pass a valid API key.', [
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } },
    ]);
  }
  if (request.route !== 'chat') return undefined;
  // Content.role: "Must be either 'user' or 'model'" (API reference, Content).
  const contents = (request.body as { contents?: Array<{ role?: string }> }).contents ?? [];
  const badRole = contents.findIndex((c) => c.role !== undefined && c.role !== 'user' && c.role !== 'model');
  if (badRole >= 0) return gemini(400, 'role', `Please use a valid role: user, model. (contents[${badRole}].role "${contents[badRole]!.role}")`);
  const config = ((request.body as { generationConfig?: Record<string, unknown> }).generationConfig ?? {}) as Record<string, unknown>;
  const seed = config.seed;
  if (seed !== undefined && (!Number.isInteger(seed) || (seed as number) > INT32_MAX || (seed as number) < -INT32_MAX - 1)) return gemini(400, 'seed', `Invalid value at 'generation_config.seed' (TYPE_INT32), ${String(seed)}`);
  const temperature = config.temperature;
  if (temperature !== undefined && (typeof temperature !== 'number' || temperature < 0 || temperature > 2)) return gemini(400, 'temperature', 'temperature must be in the range [0.0, 2.0].');
  const { responseSchema, responseJsonSchema, responseMimeType } = config;
  if (responseSchema !== undefined && responseJsonSchema !== undefined) return gemini(400, 'both-schemas', 'responseSchema and responseJsonSchema cannot both be set.');
  if ((responseSchema !== undefined || responseJsonSchema !== undefined) && responseMimeType !== 'application/json') return gemini(400, 'mime-type', 'responseMimeType must be application/json when a response schema is set.');
  if (responseSchema !== undefined) {
    const unknown = unknownField(responseSchema, 'generation_config.response_schema');
    if (unknown) return gemini(400, 'schema-field', `Invalid JSON payload received. Unknown name "${unknown.name}" at '${unknown.at}': Cannot find field.`);
  }
  const schema = responseSchema ?? responseJsonSchema;
  if (schema !== undefined && options.geminiSchemaLimit !== undefined && countProperties(schema) > options.geminiSchemaLimit) {
    return gemini(400, 'schema-complexity', 'The specified schema produces a constraint that has too many states for serving. Typical causes of this error are schemas with lots of text, long array length limits or complex value matchers.');
  }
  return undefined;
}

function openAiRefusal(request: ReceivedRequest, options: ProviderServerOptions): Refusal | undefined {
  if (options.keys?.openai !== undefined && request.headers.authorization !== `Bearer ${options.keys.openai}`) {
    return { status: 401, rule: 'invalid_api_key', body: errorBody('openai', 401, 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.', { code: 'invalid_api_key' }) };
  }
  if (request.route !== 'chat') return undefined;
  // The roles the Chat Completions reference defines; anything else is a 400 invalid_value on that message.
  const messages = (request.body as { messages?: Array<{ role?: string }> }).messages ?? [];
  const badRole = messages.findIndex((m) => !OPENAI_ROLES.has(m.role ?? ''));
  if (badRole >= 0) {
    return { status: 400, rule: 'role', body: errorBody('openai', 400, `Invalid value: '${messages[badRole]!.role ?? ''}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`, { param: `messages[${badRole}].role`, code: 'invalid_value' }) };
  }
  const body = request.body as { model?: string; temperature?: number; response_format?: { type?: string; json_schema?: { name?: string; strict?: boolean; schema?: unknown } } };
  const model = body.model ?? '';
  const onlyDefault = DEFAULT_TEMPERATURE_ONLY.test(model) || (options.defaultTemperatureModels ?? []).includes(model);
  if (onlyDefault && body.temperature !== undefined && body.temperature !== 1) {
    return { status: 400, rule: 'temperature', body: errorBody('openai', 400, `Unsupported value: 'temperature' does not support ${body.temperature} with this model. Only the default (1) value is supported.`, { param: 'temperature', code: 'unsupported_value' }) };
  }
  const format = body.response_format?.json_schema;
  if (body.response_format?.type === 'json_schema' && format?.strict === true) {
    const problem = strictProblem(format.schema, []);
    if (problem) return { status: 400, rule: 'strict-schema', body: errorBody('openai', 400, `Invalid schema for response_format '${format.name ?? ''}': ${problem}`, { param: 'response_format' }) };
  }
  return undefined;
}

function ollamaRefusal(request: ReceivedRequest, options: ProviderServerOptions): Refusal | undefined {
  if (request.route !== 'chat') return undefined;
  const body = request.body as { truncate?: boolean };
  const context = ollamaContext(request, options);
  if (body.truncate === false && context.promptTokens > context.numCtx) return { status: 400, rule: 'context', body: errorBody('ollama', 400, 'the input length exceeds the context length') };
  return undefined;
}

function qlooRefusal(request: ReceivedRequest, options: ProviderServerOptions, localities: ReadonlySet<string>): Refusal | undefined {
  if (options.keys?.qloo !== undefined && request.headers['x-api-key'] !== options.keys.qloo) return { status: 401, rule: 'auth', body: errorBody('qloo', 401, 'Invalid API key') };
  const type = request.query.get('filter.type');
  if (!type) return { status: 400, rule: 'filter.type', body: errorBody('qloo', 400, 'filter.type is required') };
  if (type === 'urn:entity:destination' && !request.query.get('signal.interests.entities')) {
    return { status: 400, rule: 'destination-interests', body: errorBody('qloo', 400, 'urn:entity:destination requires signal.interests.entities') };
  }
  for (const name of ['signal.location.query', 'filter.location.query']) {
    const place = request.query.get(name);
    if (place !== null && !localities.has(place.trim().toLowerCase())) return { status: 400, rule: 'locality', body: errorBody('qloo', 400, `${name}: no locality matches "${place}"`) };
  }
  return undefined;
}

/** What an Ollama chat request asks of the context, as the stand-in model counts it. */
export function ollamaContext(request: ReceivedRequest, options: ProviderServerOptions): { numCtx: number; promptTokens: number } {
  const body = request.body as { options?: { num_ctx?: number }; messages?: Array<{ content?: string }> };
  const asked = body.options?.num_ctx ?? options.ollamaDefaultContext ?? 4_096;
  // Ollama loads a model with no more context than it was trained for.
  const numCtx = Math.min(asked, options.ollamaTrainedContext ?? Number.POSITIVE_INFINITY);
  const promptTokens = OLLAMA_TEMPLATE_TOKENS + (body.messages ?? []).reduce((n, m) => n + tokensOf(m.content ?? ''), 0);
  return { numCtx, promptTokens };
}

function gemini(status: number, rule: string, message: string, details?: object[]): Refusal {
  return { status, rule, body: errorBody('gemini', status, message, details ? { details } : {}) };
}

/** The first field outside the Schema object, with the path Gemini names it at. */
function unknownField(schema: unknown, at: string): { name: string; at: string } | undefined {
  if (schema === null || typeof schema !== 'object') return undefined;
  for (const [key, value] of Object.entries(schema)) {
    if (!GEMINI_SCHEMA_FIELDS.has(key)) return { name: key, at };
    if (key === 'properties') {
      for (const [name, inner] of Object.entries(value as object)) {
        const found = unknownField(inner, `${at}.properties[${name}].value`);
        if (found) return found;
      }
    } else if (key === 'items') {
      const found = unknownField(value, `${at}.items`);
      if (found) return found;
    } else if (key === 'anyOf') {
      for (const [i, inner] of (value as unknown[]).entries()) {
        const found = unknownField(inner, `${at}.any_of[${i}]`);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function countProperties(schema: unknown): number {
  if (schema === null || typeof schema !== 'object') return 0;
  let count = 0;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties') count += Object.keys(value as object).length + Object.values(value as object).reduce((n: number, inner) => n + countProperties(inner), 0);
    else if (key === 'items' || key === 'anyOf') count += Array.isArray(value) ? value.reduce((n: number, inner) => n + countProperties(inner), 0) : countProperties(value);
  }
  return count;
}

/** The first thing strict mode refuses in a schema, worded as OpenAI words it. */
function strictProblem(schema: unknown, path: readonly string[]): string | undefined {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return `In context=(${path.join(', ')}), schema must be a JSON Schema object.`;
  const node = schema as Record<string, unknown>;
  if (path.length === 0 && (node.type !== 'object' || 'anyOf' in node)) return "the root schema must be an object, not 'anyOf'.";
  const context = `In context=(${path.map((p) => `'${p}'`).join(', ')})`;
  for (const key of Object.keys(node)) if (!STRICT_KEYWORDS.has(key)) return `${context}, '${key}' is not permitted.`;
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes('object')) {
    if (node.additionalProperties !== false) return `${context}, 'additionalProperties' is required to be supplied and to be false.`;
    const properties = (node.properties ?? {}) as Record<string, unknown>;
    const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
    const missing = Object.keys(properties).find((name) => !required.has(name));
    if (missing) return `${context}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
    for (const [name, inner] of Object.entries(properties)) {
      const problem = strictProblem(inner, [...path, 'properties', name]);
      if (problem) return problem;
    }
  }
  if (node.items !== undefined) {
    const problem = strictProblem(node.items, [...path, 'items']);
    if (problem) return problem;
  }
  for (const [i, inner] of ((node.anyOf as unknown[] | undefined) ?? []).entries()) {
    const problem = strictProblem(inner, [...path, 'anyOf', String(i)]);
    if (problem) return problem;
  }
  return undefined;
}
