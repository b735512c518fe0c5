/**
 * The fast path of repair: a persona already in the schema's own keys, with clean texts and lists,
 * needs no alignment or coercion: zod alone decides. Most answers from a good model, and every
 * offline-engine persona, take it.
 */
import { CULTURAL_CATEGORIES } from '../../shared/persona';
import { isCleanList, isCleanQuote, isCleanText, withoutPersonaLabel } from './coerce-values';
import type { Payload } from './extract-payload';
import { isRecord, type FoundPersonas, type RawRecord } from './find-personas';

const TEXT_FIELDS = new Set(['id', 'gender', 'occupation', 'incomeBracket', 'education', 'bio']);
const LIST_FIELDS = new Set(['goals', 'painPoints', 'values', 'interests', 'channels']);
const LOCATION_FIELDS = new Set(['city', 'region', 'country']);
const CATEGORIES: ReadonlySet<string> = new Set(CULTURAL_CATEGORIES);
const B2B_TEXT = new Set(['role', 'industry', 'companySize', 'decisionPower']);
const B2B_LISTS = new Set(['buyingCriteria', 'objections']);

/** Whether repair would keep this persona's keys and values exactly as they are. */
export function isCanonicalPersona(raw: RawRecord): boolean {
  for (const key in raw) {
    const value = raw[key];
    if (TEXT_FIELDS.has(key)) {
      if (typeof value !== 'string' || !isCleanText(value)) return false;
    } else if (LIST_FIELDS.has(key)) {
      if (!isCleanList(value)) return false;
    } else if (key === 'name') {
      if (typeof value !== 'string' || !isCleanText(value) || withoutPersonaLabel(value) !== value) return false;
    } else if (key === 'age') {
      if (typeof value !== 'number') return false;
    } else if (key === 'quote') {
      if (!isCleanQuote(value)) return false;
    } else if (key === 'location') {
      if (!cleanObject(value, (k, v) => LOCATION_FIELDS.has(k) && typeof v === 'string' && isCleanText(v))) return false;
    } else if (key === 'culturalProfile') {
      if (!cleanObject(value, (k, v) => CATEGORIES.has(k) && isCleanList(v))) return false;
    } else if (key === 'b2b') {
      if (!cleanObject(value, (k, v) => (B2B_TEXT.has(k) ? typeof v === 'string' && isCleanText(v) : B2B_LISTS.has(k) && isCleanList(v)))) return false;
    } else {
      return false;
    }
  }
  return true;
}

function cleanObject(value: unknown, fieldIsClean: (key: string, value: unknown) => boolean): boolean {
  if (!isRecord(value)) return false;
  for (const key in value) if (!fieldIsClean(key, value[key])) return false;
  return true;
}

/**
 * The personas of an answer that is exactly the schema's shape (an array, or `{personas: [...]}`)
 * with every persona canonical and distinctly named; undefined sends the answer the long way.
 */
export function canonicalPersonas(payloads: readonly Payload[]): FoundPersonas | undefined {
  if (payloads.length !== 1 || payloads[0]!.truncated) return undefined;
  const value = payloads[0]!.value;
  const list = Array.isArray(value) ? value : isRecord(value) && Object.keys(value).length === 1 && Array.isArray(value.personas) ? value.personas : undefined;
  if (!list || list.length === 0) return undefined;
  const names = new Set<unknown>();
  for (const item of list) {
    if (!isRecord(item) || !isCanonicalPersona(item) || names.has(item.name)) return undefined;
    names.add(item.name);
  }
  return { candidates: list.map((raw: RawRecord) => ({ raw, truncated: false, canonical: true })), notes: new Set() };
}
