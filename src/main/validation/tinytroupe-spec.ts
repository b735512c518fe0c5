/** TinyTroupe's agent specification as zod schemas (the trust boundary for specs read from files); docs/TINYTROUPE.md has the mapping. */
import { z } from 'zod';
import type { PersonaLocation } from '../../shared/persona';

/** The top-level key of this app's extension in a spec. */
export const TINYTROUPE_EXTENSION_KEY = 'persona_studio';
export const TINYTROUPE_EXTENSION_VERSION = 1;

const stringList = z.array(z.string());

/** The `persona` dict as TinyTroupe's documentation and examples/agents/*.agent.json show it; loose, as TinyTroupe takes any key. */
export const tinyPersonaSchema = z.looseObject({
  name: z.string().min(1),
  age: z.union([z.number(), z.string(), z.null()]).optional(),
  gender: z.string().nullable().optional(),
  nationality: z.string().nullable().optional(),
  residence: z.string().nullable().optional(),
  education: z.string().nullable().optional(),
  long_term_goals: stringList.optional(),
  occupation: z.union([z.string(), z.looseObject({ title: z.string().optional(), organization: z.string().optional(), description: z.string().optional() }), z.null()]).optional(),
  style: z.string().optional(),
  personality: z.looseObject({ traits: stringList.optional(), big_five: z.record(z.string(), z.string()).optional() }).optional(),
  preferences: z.looseObject({ interests: stringList.optional(), likes: stringList.optional(), dislikes: stringList.optional() }).optional(),
  beliefs: stringList.optional(),
  skills: stringList.optional(),
  behaviors: z.union([z.looseObject({}), stringList]).optional(),
  health: z.string().optional(),
  relationships: z.array(z.looseObject({ name: z.string(), description: z.string() })).optional(),
  other_facts: stringList.optional(),
});

/** This app's extension: the persona's fields that no TinyTroupe field carries exactly, in this app's names. */
export const tinyTroupeExtensionSchema = z.looseObject({
  version: z.int().min(1),
  fields: z.record(z.string(), z.unknown()),
});

/** One agent specification, current format. */
export const tinyPersonSpecSchema = z.looseObject({
  type: z.literal('TinyPerson'),
  persona: tinyPersonaSchema,
  [TINYTROUPE_EXTENSION_KEY]: tinyTroupeExtensionSchema.optional(),
});

export type TinyPersona = z.infer<typeof tinyPersonaSchema>;
export type TinyPersonSpec = z.infer<typeof tinyPersonSpecSchema>;

export function formatResidence(location: PersonaLocation): string {
  return [location.city, location.region, location.country].filter((part): part is string => !!part).join(', ');
}

/** "Lyon, France" → city and country; "Austin, Texas, USA" → with the region; "Germany" → the country alone. */
export function parseResidence(residence: string): Record<string, unknown> {
  const parts = residence
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 1) return { country: parts[0] };
  const location: Record<string, unknown> = { city: parts[0], country: parts[parts.length - 1] };
  if (parts.length > 2) location.region = parts.slice(1, -1).join(', ');
  return location;
}
