/**
 * Smart cache keys: `keyFor(kind, params)` canonicalises the parameters so that equivalent requests
 * share an entry (sorted keys; text lowercased, trimmed, whitespace collapsed, Unicode NFC; sets
 * sorted; empty values dropped; ages bucketed into bands where the kind allows) and hashes it. The
 * canonical text is kept beside the key for debugging and for the usage patterns.
 */
import { createHash } from 'node:crypto';
import { AGE_BANDS, ageBandIndex } from '../../shared/coverage';

export const CACHE_KINDS = ['culture', 'generation', 'answer'] as const;
export type CacheKind = (typeof CACHE_KINDS)[number];

export interface CacheKey {
  kind: CacheKind;
  /** `kind:hash`, what the tiers store under. */
  key: string;
  /** The canonical parameters as JSON. */
  canonical: string;
}

/** How a kind's parameters are canonicalised. */
interface KindRules {
  /** Parameters that are sets: their order does not matter. */
  sets: readonly string[];
  /** Parameters holding an age or an [min, max] range, bucketed into age bands. */
  ageBands: readonly string[];
}

const RULES: Record<CacheKind, KindRules> = {
  // Cultural candidates depend on themes, places and the age bands covered, not on exact ages.
  culture: { sets: ['themes', 'countries', 'regions', 'tags'], ageBands: ['ageRange'] },
  // A generation depends on every word of the brief and its exact ages: nothing is bucketed.
  generation: { sets: [], ageBands: [] },
  // A persona's answer depends on the exact question, the conversation before it and the persona as
  // it is now (the caller hashes the profile and the brief into the key): nothing is a set or a band.
  answer: { sets: [], ageBands: [] },
};

/** The taste dataset's age band of an age: 16-24, 25-34, 35-44, 45-54, 55-64, 65+. */
export function ageBand(age: number): string {
  const [min, max] = AGE_BANDS[ageBandIndex(age)]!;
  return max >= 99 ? `${min}+` : `${min}-${max}`;
}

/** The bands an age range covers, e.g. [28, 40] → ["25-34", "35-44"]. */
export function ageBandsOf(range: readonly [number, number]): string[] {
  const bands = new Set<string>();
  for (let age = range[0]; age <= range[1]; age++) bands.add(ageBand(age));
  return [...bands];
}

export function normalizeText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function canonicalValue(value: unknown, rules: KindRules, name: string | undefined): unknown {
  if (value === undefined || value === null) return undefined;
  if (name !== undefined && rules.ageBands.includes(name)) {
    if (typeof value === 'number') return ageBand(value);
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')) return ageBandsOf(value as [number, number]);
  }
  if (typeof value === 'string') return normalizeText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => canonicalValue(item, rules, undefined)).filter((item) => item !== undefined);
    if (name !== undefined && rules.sets.includes(name)) {
      return [...new Set(items.map((item) => JSON.stringify(item)))].sort().map((item) => JSON.parse(item) as unknown);
    }
    return items;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const inner = canonicalValue((value as Record<string, unknown>)[key], rules, key);
      if (inner !== undefined && !(Array.isArray(inner) && inner.length === 0) && inner !== '') out[key] = inner;
    }
    return out;
  }
  return String(value);
}

export function keyFor(kind: CacheKind, params: Record<string, unknown>): CacheKey {
  const canonical = JSON.stringify(canonicalValue(params, RULES[kind], undefined));
  const hash = createHash('sha256').update(canonical).digest('base64url').slice(0, 27);
  return { kind, key: `${kind}:${hash}`, canonical };
}
