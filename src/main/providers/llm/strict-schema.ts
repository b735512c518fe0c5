/**
 * The answer schema as OpenAI's Structured Outputs take it with `strict: true` (platform.openai.com
 * docs, Structured Outputs › Supported schemas; the same rules as openai-python's
 * to_strict_json_schema): every object sets `additionalProperties: false` and lists every property
 * in `required`, so a property that was optional becomes nullable instead; only the supported
 * keywords are kept (string length bounds, for one, are refused), and repair checks what is dropped.
 */
import type { JsonSchema } from './persona-prompt';

/** Keywords strict mode accepts; anything else in a schema is a 400. */
const STRICT_KEYWORDS = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'anyOf', '$defs', '$ref', 'description', 'title',
  'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems',
]);

export function strictJsonSchema(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!STRICT_KEYWORDS.has(key)) continue;
    if (key === 'properties') {
      const required = new Set((schema.required as string[] | undefined) ?? []);
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([name, inner]) => [name, required.has(name) ? strictJsonSchema(inner) : nullable(strictJsonSchema(inner))]),
      );
      out.required = Object.keys(value as object);
    } else if (key === 'required') continue;
    else if (key === 'items') out.items = strictJsonSchema(value as JsonSchema);
    else if (key === 'anyOf') out.anyOf = (value as JsonSchema[]).map(strictJsonSchema);
    else if (key === '$defs') out.$defs = Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([name, inner]) => [name, strictJsonSchema(inner)]));
    else out[key] = value;
  }
  if (out.type === 'object') out.additionalProperties = false;
  return out;
}

/** An optional property, made required: null stands for "not given" (Structured Outputs › All fields must be required). */
function nullable(schema: JsonSchema): JsonSchema {
  return { anyOf: [schema, { type: 'null' }] };
}

/**
 * The answer with the nulls strict mode made the model write for properties it had nothing for,
 * removed: the persona schema has no nullable field, so a null only ever means "not given".
 * Text that is not JSON (a cut answer) is left to repair as it is.
 */
export function withoutNulls(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  return JSON.stringify(dropNulls(parsed));
}

function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(dropNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).flatMap(([key, inner]) => (inner === null ? [] : [[key, dropNulls(inner)]])));
}
