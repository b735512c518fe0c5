/**
 * The prompt and answer schema every LLM provider sends: the template filled from the request
 * (checked by validateTemplate first, so a broken template fails before any call), and the JSON
 * Schema of `{"personas": [...]}` at the request's level, for the APIs that constrain output to one.
 */
import { z } from 'zod';
import { CULTURAL_CATEGORIES, PERSONA_SCHEMAS, type Level } from '../../../shared/persona';
import { CallError } from '../../scheduler';
import { validateTemplate } from '../../validation';
import type { PersonaRequest } from '../types';
import { DEFAULT_PERSONA_PROMPT } from './prompt-template';

export type JsonSchema = Record<string, unknown>;

export interface RenderedPrompt {
  system: string;
  user: string;
  schema: JsonSchema;
}

export const SYSTEM_PROMPT = 'You are a careful UX researcher. You answer with JSON only.';

/** Cultural candidates shown per category: enough to choose from, few enough to keep the prompt short. */
const CANDIDATES_PER_CATEGORY = 12;

export function renderPersonaPrompt(request: PersonaRequest, template = DEFAULT_PERSONA_PROMPT): RenderedPrompt {
  const check = validateTemplate(template, request.level, request.culture);
  if (!check.valid) throw new CallError('bad_request', `The prompt template cannot be used: ${check.errors.map((e) => e.message).join(' ')}`);
  const schema = answerSchema(request.level);
  const { brief } = request;
  const culture = (category: (typeof CULTURAL_CATEGORIES)[number]) =>
    [...request.culture.categories[category]]
      .sort((a, b) => b.relevance - a.relevance)
      .slice(0, CANDIDATES_PER_CATEGORY)
      .map((c) => c.name)
      .join('; ');
  const values: Record<string, string> = {
    brief: brief.description,
    description: brief.description,
    count: String(request.count),
    level: request.level,
    location: brief.location ?? 'as the brief says',
    ageRange: `${request.analysis.ageRange[0]}-${request.analysis.ageRange[1]}`,
    segment: brief.segment ?? 'as the brief says',
    language: brief.language,
    schema: JSON.stringify(schema),
    fields: Object.keys((schema as { properties: { personas: { items: { properties: object } } } }).properties.personas.items.properties).join(', '),
    exclude: request.exclude?.length ? request.exclude.join(', ') : '(none)',
    culture: CULTURAL_CATEGORIES.map((category) => `- ${category}: ${culture(category) || '(none)'}`).join('\n'),
    ...Object.fromEntries(CULTURAL_CATEGORIES.map((category) => [`culture.${category}`, culture(category)])),
  };
  const user = template.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_, name: string) => values[name] ?? '');
  return { system: SYSTEM_PROMPT, user, schema };
}

const schemas = new Map<Level, JsonSchema>();

/** `{"personas": [persona]}` at the level, without the provenance fields the app writes itself. */
export function answerSchema(level: Level): JsonSchema {
  let schema = schemas.get(level);
  if (!schema) {
    const persona = PERSONA_SCHEMAS[level].omit({ meta: true } as never);
    const json = z.toJSONSchema(z.object({ personas: z.array(persona) }), { unrepresentable: 'any', io: 'input' }) as JsonSchema;
    delete json.$schema;
    schema = withoutOpenObjects(json) as JsonSchema;
    schemas.set(level, schema);
  }
  return schema;
}

/** zod writes `additionalProperties: {}` for loose objects; that is the default, and some grammar compilers reject it. */
function withoutOpenObjects(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOpenObjects);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'additionalProperties' && inner !== null && typeof inner === 'object' && Object.keys(inner).length === 0) continue;
    out[key] = withoutOpenObjects(inner);
  }
  return out;
}

/** The system and user turns, for the chat APIs. */
export function chatMessages(prompt: RenderedPrompt): Array<{ role: 'system' | 'user'; content: string }> {
  return [
    { role: 'system', content: prompt.system },
    { role: 'user', content: prompt.user },
  ];
}

/** Personas begun so far in a streamed answer, for progress (each persona object has one "name"). */
export function personasBegun(text: string): number {
  return text.match(/"name"\s*:/g)?.length ?? 0;
}
