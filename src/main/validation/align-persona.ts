/**
 * Stage 3b of repair: read one raw persona object into a draft keyed by schema fields, through the
 * alias table. Sub-objects such as `demographics` are flattened, `city` at the top level moves
 * into the location, B2B fields into the b2b block; keys the schema does not know are dropped and
 * reported, never kept.
 */
import type { CulturalCategory, Level } from '../../shared/persona';
import { normalizeKey, resolveKey, type B2bField, type KeyScope, type LocationField, type PersonaField } from './field-aliases';
import { isRecord, type RawRecord } from './find-personas';

export interface PersonaDraft {
  fields: Partial<Record<PersonaField, unknown>>;
  location: Partial<Record<LocationField | 'text', unknown>>;
  culture: Partial<Record<CulturalCategory, unknown>>;
  /** Culture given as text or a list of "Music: X" lines rather than by category. */
  cultureText: unknown[];
  b2b: Partial<Record<B2bField, unknown>>;
  /** Schema pointer → the raw key it was read from, when that key was not the schema's own. */
  renamed: Map<string, string>;
  /** Keys dropped: raw JSON pointer and why. */
  dropped: Array<{ path: string; why: string }>;
}

const UNKNOWN = 'dropped: not a field of the persona schema';

const LIST_FIELDS: ReadonlySet<string> = new Set(['goals', 'painPoints', 'values', 'interests', 'channels', 'buyingCriteria', 'objections']);
/** Keys that read as objections in a B2B persona and as pain points elsewhere. */
const B2B_CONCERN_KEYS = new Set(['concerns', 'hesitations', 'reservations']);

export function alignPersona(raw: RawRecord, level: Level): PersonaDraft {
  const draft: PersonaDraft = { fields: {}, location: {}, culture: {}, cultureText: [], b2b: {}, renamed: new Map(), dropped: [] };
  walk(draft, raw, 'persona', '', level, 0);
  return draft;
}

function put<K extends string>(draft: PersonaDraft, bag: Partial<Record<K, unknown>>, field: K, value: unknown, pointer: string, rawPath: string) {
  const existing = bag[field];
  if (existing === undefined) {
    bag[field] = value;
    if (rawPath !== pointer) draft.renamed.set(pointer, rawPath.slice(1));
    return;
  }
  // A second key for the same list (challenges and frustrations) adds to it; for a text the first wins.
  if (LIST_FIELDS.has(field)) bag[field] = [...toArray(existing), ...toArray(value)];
  else draft.dropped.push({ path: rawPath, why: `dropped: a second value for ${pointer}, which was already read` });
}

function toArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function walk(draft: PersonaDraft, node: RawRecord, scope: KeyScope, path: string, level: Level, depth: number): void {
  for (const key in node) {
    const value = unwrapFieldObject(node[key]);
    if (value === null || value === undefined) continue;
    const rawPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (scope === 'persona' && level === 'b2b' && B2B_CONCERN_KEYS.has(normalizeKey(key))) {
      put(draft, draft.b2b, 'objections', value, '/b2b/objections', rawPath);
      continue;
    }
    const target = resolveKey(scope, key);
    if (!target) {
      draft.dropped.push({ path: rawPath, why: UNKNOWN });
      continue;
    }
    switch (target.kind) {
      case 'ignore':
        break;
      case 'field':
        if (isRecord(value) && depth < 3 && !isNameObject(value) && target.field !== 'name' && hasKnownKeys(value)) walk(draft, value, 'persona', rawPath, level, depth + 1);
        else put(draft, draft.fields, target.field, value, `/${target.field}`, rawPath);
        break;
      case 'location':
        if (target.field) put(draft, draft.location, target.field, value, `/location/${target.field}`, rawPath);
        else if (isRecord(value) && depth < 3) walk(draft, value, 'location', rawPath, level, depth + 1);
        else put(draft, draft.location, 'text', value, '/location', rawPath);
        break;
      case 'culture':
        if (target.category) put(draft, draft.culture, target.category, value, `/culturalProfile/${target.category}`, rawPath);
        else if (isRecord(value) && depth < 3) walk(draft, value, 'culture', rawPath, level, depth + 1);
        else draft.cultureText.push(...toArray(value));
        break;
      case 'b2b':
        if (target.field) put(draft, draft.b2b, target.field, value, `/b2b/${target.field}`, rawPath);
        else if (isRecord(value) && depth < 3) walk(draft, value, 'b2b', rawPath, level, depth + 1);
        else draft.dropped.push({ path: rawPath, why: UNKNOWN });
        break;
      case 'flatten':
        if (isRecord(value) && depth < 3) walk(draft, value, 'persona', rawPath, level, depth + 1);
        else draft.dropped.push({ path: rawPath, why: UNKNOWN });
        break;
    }
  }
}

function isNameObject(value: RawRecord): boolean {
  return Object.keys(value).some((k) => /^(?:first|last|given|family|sur)_?name$|^first$|^last$/i.test(k));
}

/** A sub-object under a field key (`profile: {age, city}`) is read as more fields, not as the field. */
function hasKnownKeys(value: RawRecord): boolean {
  let known = 0;
  for (const key in value) if (resolveKey('persona', key) !== undefined) known++;
  return known >= 2;
}

const FIELD_VALUE = /^(?:content|value|answer|text)$/i;
const FIELD_COMMENT = /^(?:insights?|reasoning|rationale|explanation|notes?|source|confidence|justification|why|comment|evidence)$/i;

/** `{content: 46, insights: "Mid-career"}`: a value wrapped with the model's comment on it is the value. */
function unwrapFieldObject(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  const inner = keys.find((k) => FIELD_VALUE.test(k));
  if (inner === undefined || keys.length > 4 || !keys.every((k) => k === inner || FIELD_COMMENT.test(k))) return value;
  return value[inner];
}
