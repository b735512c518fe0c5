/**
 * Stage 3a of repair: find the persona objects inside the payloads, whatever wraps them
 * (`{personas}`, `{data: {personas}}`, `{persona}`, a bare object, personas keyed by name,
 * JSON strings inside JSON), and leave out example and template blocks.
 */
import { isPlaceholder } from './coerce-values';
import { extractPayloads, type Payload } from './extract-payload';
import { GROUP_KEYS, normalizeKey, resolveKey } from './field-aliases';

export type RawRecord = Record<string, unknown>;

export interface PersonaCandidate {
  raw: RawRecord;
  /** The key the persona was filed under, when it reads as the persona's name. */
  keyName?: string;
  /** The last persona of a payload cut off at the end of the text. */
  truncated: boolean;
  /** The cut fell inside this persona's last value, which is therefore partial. */
  cutInsideValue?: boolean;
  /** Already known to be in the schema's own keys with clean values. */
  canonical?: boolean;
  /** The name is a role or archetype title because the answer gave no personal name. */
  archetype?: boolean;
}

export type ShapeNote = 'unwrapped' | 'keyed-by-name' | 'skipped-example' | 'skipped-template' | 'duplicate';

export interface FoundPersonas {
  candidates: PersonaCandidate[];
  notes: Set<ShapeNote>;
}

export function isRecord(value: unknown): value is RawRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const MAX_DEPTH = 6;
const flattenGroups = new Set(GROUP_KEYS.flatten);

/** How many persona fields an object carries (counting stops at `enough`); group sub-objects count by their own fields. */
export function personaScore(value: RawRecord, depth = 0, enough = Number.POSITIVE_INFINITY): number {
  let score = 0;
  // A location's city and country are one field of the persona, as are culture's categories.
  let groups = 0;
  for (const key in value) {
    if (score >= enough) break;
    const target = resolveKey('persona', key);
    if (!target || target.kind === 'ignore') continue;
    if (target.kind === 'location' || target.kind === 'culture' || target.kind === 'b2b') {
      const bit = target.kind === 'location' ? 1 : target.kind === 'culture' ? 2 : 4;
      if ((groups & bit) === 0) score++;
      groups |= bit;
      continue;
    }
    if (target.kind === 'flatten' || (target.kind === 'field' && isRecord(value[key]) && flattenGroups.has(normalizeKey(key)))) {
      const inner = value[key];
      if (depth < 2 && isRecord(inner)) score += personaScore(inner, depth + 1);
      continue;
    }
    score++;
  }
  return score;
}

function isPersonaLike(value: unknown): boolean {
  return isRecord(value) && personaScore(value, 0, 2) >= 2 && !holdsPersonaList(value);
}

/** A wrapper such as `{title, description, personas: [...]}` is not itself a persona. */
function holdsPersonaList(value: RawRecord): boolean {
  for (const key in value) {
    const inner = value[key];
    if (!Array.isArray(inner) || inner.length === 0 || typeof inner[0] !== 'object') continue;
    for (const item of inner) if (isRecord(item) && personaScore(item, 0, 2) >= 2) return true;
  }
  return false;
}

const WRAPPER_WORDS = new Set(['personas', 'persona', 'data', 'result', 'results', 'output', 'response', 'items', 'profiles', 'users', 'customers', 'answer', 'content', 'segments', 'archetypes', 'list', 'entries', 'records', 'people', 'payload', 'body', 'json']);

/** A key such as "Marie Dupont" names the persona under it; "persona_1" or "data" does not. */
function keyAsName(key: string): string | undefined {
  const trimmed = key.trim();
  const normalized = normalizeKey(trimmed);
  if (WRAPPER_WORDS.has(normalized) || resolveKey('persona', trimmed) !== undefined) return undefined;
  if (/^(?:persona|user|customer|profile|segment|item|p|archetype)?[\s_-]*#?\d+$/i.test(trimmed)) return undefined;
  if (trimmed.length > 60 || !/\p{L}/u.test(trimmed)) return undefined;
  return /^\p{Lu}/u.test(trimmed) || /\s/.test(trimmed) ? trimmed.replace(/^(?:persona|profile)\s*\d*\s*[:\-–—]\s*/i, '') : undefined;
}

function personasIn(value: unknown, depth: number, notes: Set<ShapeNote>): Array<Omit<PersonaCandidate, 'truncated'>> {
  if (depth > MAX_DEPTH) return [];
  if (typeof value === 'string') {
    // A wrapper's text field can hold the whole answer again: JSON, fenced JSON, prose around it.
    if (value.length < 20 || !/[[{]/.test(value)) return [];
    return extractPayloads(value).payloads.flatMap((payload) => personasIn(payload.value, depth + 1, notes));
  }
  if (Array.isArray(value)) {
    return value.flatMap((item) => (isPersonaLike(item) ? [{ raw: item as RawRecord }] : personasIn(item, depth + 1, notes)));
  }
  if (!isRecord(value)) return [];
  if (isPersonaLike(value)) return [{ raw: value }];

  const named = Object.entries(value).filter((entry): entry is [string, RawRecord] => isPersonaLike(entry[1]));
  if (named.length > 0) {
    const names = named.map(([key]) => keyAsName(key));
    if (names.some((n) => n !== undefined)) notes.add('keyed-by-name');
    else notes.add('unwrapped');
    return named.map(([key, raw]) => {
      const keyName = keyAsName(key);
      return keyName === undefined ? { raw } : { raw, keyName };
    });
  }
  let best: Array<Omit<PersonaCandidate, 'truncated'>> = [];
  let bestKey = '';
  for (const key in value) {
    const found = personasIn(value[key], depth + 1, notes);
    if (found.length > best.length) {
      best = found;
      bestKey = key;
    }
  }
  // `{personas: [...]}` is the document's own shape; anything else wrapped them.
  if (best.length > 0 && !(depth === 0 && bestKey === 'personas')) notes.add('unwrapped');
  return best;
}

const EXAMPLE_WORDS = /\b(?:example|sample|template|format|schema|structure|blueprint|skeleton|like this|for instance|e\.g\.)\b/gi;
const ANSWER_WORDS = /\b(?:here (?:are|is) (?:the|your|my)|actual|final|answer|result|personas? \d|above|same (?:format|structure))\b/gi;

function lastIndex(pattern: RegExp, text: string): number {
  let index = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) index = m.index;
  return index;
}

/** The text before the block introduces an example rather than the answer. */
function introducesExample(lead: string): boolean {
  const recent = lead.slice(-200);
  const example = lastIndex(EXAMPLE_WORDS, recent);
  return example >= 0 && example > lastIndex(ANSWER_WORDS, recent);
}

/** Most of the block's texts are placeholders ("string", "<name>", "..."): a template, not data. */
function isTemplate(candidates: ReadonlyArray<{ raw: RawRecord }>): boolean {
  let texts = 0;
  let placeholders = 0;
  const visit = (value: unknown, depth: number) => {
    if (depth > 4) return;
    if (typeof value === 'string') {
      texts++;
      if (value.length <= 48 && (isPlaceholder(value) || /^(?:john|jane) doe$/i.test(value.trim()))) placeholders++;
    } else if (Array.isArray(value)) value.forEach((v) => visit(v, depth + 1));
    else if (isRecord(value)) for (const key in value) visit(value[key], depth + 1);
  };
  candidates.forEach((c) => visit(c.raw, 0));
  return texts > 0 && placeholders / texts >= 0.5;
}

/** Persona candidates from all payloads, examples and templates left out, duplicates merged. */
export function findPersonas(payloads: readonly Payload[]): FoundPersonas {
  const notes = new Set<ShapeNote>();
  const blocks = payloads.map((payload) => {
    const found = personasIn(payload.value, 0, notes);
    // A lone block is the answer whatever it holds; templates matter only beside the real one.
    return { payload, found, template: payloads.length > 1 && found.length > 0 && isTemplate(found), example: introducesExample(payload.lead) };
  });
  if (blocks.some((b) => b.template)) notes.add('skipped-template');
  const usable = blocks.filter((b) => b.found.length > 0 && !b.template);
  const answers = usable.filter((b) => !b.example);
  const chosen = answers.length > 0 ? answers : usable;
  if (chosen.length < usable.length) notes.add('skipped-example');

  const candidates: PersonaCandidate[] = [];
  const byName = new Map<string, number>();
  for (const block of chosen) {
    block.found.forEach((found, i) => {
      const truncated = block.payload.truncated && i === block.found.length - 1;
      const candidate: PersonaCandidate = { ...found, truncated, ...(truncated && block.payload.cutInsideValue ? { cutInsideValue: true } : {}) };
      const name = nameOf(candidate);
      const seen = name === undefined ? undefined : byName.get(name);
      if (seen !== undefined) {
        // The same persona twice (a corrected repeat): keep the fuller one, in the first place.
        notes.add('duplicate');
        if (Object.keys(candidate.raw).length > Object.keys(candidates[seen]!.raw).length) candidates[seen] = candidate;
        return;
      }
      if (name !== undefined) byName.set(name, candidates.length);
      candidates.push(candidate);
    });
  }
  return { candidates, notes };
}

/** The name a candidate carries under any key the alias table reads as the name. */
export function nameOf(candidate: PersonaCandidate): string | undefined {
  if (candidate.keyName) return candidate.keyName;
  const direct = candidate.raw.name;
  if (typeof direct === 'string') return direct.trim() || undefined;
  for (const key in candidate.raw) {
    const target = resolveKey('persona', key);
    if (target?.kind === 'field' && target.field === 'name') {
      const value = candidate.raw[key];
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    }
  }
  return undefined;
}
