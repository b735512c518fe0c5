/**
 * The answer schema as generationConfig carries it (Gemini API reference, GenerationConfig):
 * `responseJsonSchema`, JSON Schema as it is, which every current model takes and which keeps the
 * constraints; `responseSchema`, the OpenAPI 3.0 subset, for a model or gateway that refuses the
 * first (keywords outside the subset are dropped: an unknown field is a 400 there); or no schema,
 * only JSON mode with the schema in the prompt, for a model that finds the schema too complex
 * ("too many states for serving", Structured output › Limitations). Never both schema fields.
 */
import type { CallError } from '../../scheduler';
import type { JsonSchema } from './persona-prompt';

/** Lessons, in the order a refused schema falls back through them. */
export const OPENAPI_SCHEMA = 'openapi-schema';
export const NO_SCHEMA = 'no-schema';

/** The Schema object's fields (OpenAPI 3.0 subset); anything else in responseSchema is an "Unknown name" 400. */
const OPENAPI_KEYWORDS = new Set(['type', 'format', 'title', 'description', 'nullable', 'enum', 'items', 'minItems', 'maxItems', 'properties', 'required', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'propertyOrdering', 'anyOf']);

export function schemaConfig(schema: JsonSchema, lessons: ReadonlySet<string>): Record<string, JsonSchema> {
  if (lessons.has(NO_SCHEMA)) return {};
  if (lessons.has(OPENAPI_SCHEMA)) return { responseSchema: openApiSubset(schema) };
  return { responseJsonSchema: schema };
}

/** The next schema form to try after a 400 about the schema; undefined when none is left or the 400 is about something else. */
export function schemaLesson(error: CallError, lessons: ReadonlySet<string>): string | undefined {
  if (error.code !== 'bad_request' || !/schema|too many states|Unknown name "response/i.test(error.message)) return undefined;
  if (!lessons.has(OPENAPI_SCHEMA)) return OPENAPI_SCHEMA;
  return lessons.has(NO_SCHEMA) ? undefined : NO_SCHEMA;
}

/** The OpenAPI subset, with propertyOrdering from the key order (Gemini 2.0 models follow no order without it). */
export function openApiSubset(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!OPENAPI_KEYWORDS.has(key)) continue;
    if (key === 'properties') {
      const properties = value as Record<string, JsonSchema>;
      out.properties = Object.fromEntries(Object.entries(properties).map(([name, inner]) => [name, openApiSubset(inner)]));
      out.propertyOrdering = Object.keys(properties);
    } else if (key === 'items') out.items = openApiSubset(value as JsonSchema);
    else if (key === 'anyOf') out.anyOf = (value as JsonSchema[]).map(openApiSubset);
    else out[key] = value;
  }
  return out;
}
