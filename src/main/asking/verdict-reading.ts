/**
 * A model's concept verdict read leniently: the JSON found in the text (code fences and prose
 * around it ignored, a broken object repaired with jsonrepair), a likelihood given as "4" or 4.0
 * taken as 4, a field named in other words ("pain points", "income") mapped onto the profile's
 * fields, and a reason whose field cannot be told dropped rather than guessed. What cannot be read
 * (no likelihood from 1 to 5) is reported, so the caller can fall back honestly.
 */
import { jsonrepair } from 'jsonrepair';
import { z } from 'zod';
import { PROFILE_FIELDS, type ProfileField } from '../../shared/conversations';

export interface ModelVerdict {
  likelihood: 1 | 2 | 3 | 4 | 5;
  reasons: Array<{ text: string; field: ProfileField }>;
  objections: Array<{ text: string; field: ProfileField }>;
  changeMind: string;
}

/** Other names models give the profile's fields. */
const FIELD_ALIASES: Record<string, ProfileField> = {
  goal: 'goals',
  painpoint: 'painPoints',
  pain: 'painPoints',
  pains: 'painPoints',
  frustrations: 'painPoints',
  value: 'values',
  interest: 'interests',
  habits: 'interests',
  channel: 'channels',
  income: 'incomeBracket',
  price: 'incomeBracket',
  budget: 'incomeBracket',
  job: 'occupation',
  work: 'occupation',
  city: 'location',
  country: 'location',
  culture: 'culturalProfile',
  tastes: 'culturalProfile',
  family: 'household',
};

const BY_NAME = new Map<string, ProfileField>([...PROFILE_FIELDS.map((f) => [squash(f), f] as const), ...Object.entries(FIELD_ALIASES)]);

const looseReason = z.object({ text: z.string().trim().min(1), field: z.string() });
const looseVerdict = z.object({
  likelihood: z.coerce.number(),
  reasons: z.array(z.unknown()).catch([]).default([]),
  objections: z.array(z.unknown()).catch([]).default([]),
  changeMind: z.string().catch('').default(''),
});

export function readModelVerdict(text: string): { verdict: ModelVerdict } | { problem: string } {
  const json = jsonIn(text);
  if (json === undefined) return { problem: 'its answer held no JSON object' };
  const parsed = looseVerdict.safeParse(json);
  if (!parsed.success) return { problem: 'its answer had no likelihood' };
  const likelihood = parsed.data.likelihood;
  if (!Number.isFinite(likelihood) || Math.round(likelihood) < 1 || Math.round(likelihood) > 5) return { problem: `its likelihood (${String((json as { likelihood?: unknown }).likelihood)}) is not from 1 to 5` };
  return {
    verdict: {
      likelihood: Math.round(likelihood) as ModelVerdict['likelihood'],
      reasons: reasonsOf(parsed.data.reasons),
      objections: reasonsOf(parsed.data.objections),
      changeMind: parsed.data.changeMind.trim(),
    },
  };
}

function reasonsOf(items: readonly unknown[]): ModelVerdict['reasons'] {
  return items.flatMap((item) => {
    const reason = looseReason.safeParse(item);
    const field = reason.success ? BY_NAME.get(squash(reason.data.field)) : undefined;
    return reason.success && field ? [{ text: reason.data.text, field }] : [];
  });
}

/** The outermost JSON object in the text, repaired when it is broken; undefined when there is none. */
function jsonIn(text: string): unknown {
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  const end = text.lastIndexOf('}');
  const candidate = end > start ? text.slice(start, end + 1) : text.slice(start);
  for (const attempt of [candidate, () => jsonrepair(candidate)]) {
    try {
      const value = JSON.parse(typeof attempt === 'string' ? attempt : attempt()) as unknown;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      // the next attempt, if any
    }
  }
  return undefined;
}

/** "Pain points", "pain_points" and "painPoints" alike. */
function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}
