/**
 * Stage 4 of repair: turn each raw value into the type its field needs (texts and lists here; ages,
 * incomes, company sizes and decision powers in coerce-brackets.ts). Every function returns
 * the coerced value (undefined when nothing usable is there) and, when it changed the value, a
 * short `how` for the report. They never throw: any input is either read or declined.
 */
import { codePointLength, MAX_LIST_ITEMS } from '../../shared/persona';

export interface Coerced<T> {
  value: T | undefined;
  /** Set when the value was changed to fit; undefined when it was already right or absent. */
  how?: string;
}

/** Nothing to read: no value and nothing to report. */
export const NOTHING: Coerced<never> = { value: undefined };

/** Values LLMs leave from a template or as "don't know": never data. */
const PLACEHOLDER = /^\s*(?:string|number|integer|int|float|boolean|bool|array|object|list|null|none|nil|undefined|n\/?a|tbd|tba|todo|unknown|not specified|not stated|\.{2,}|…|-+|<[^<>]*>|\[[^[\]]*\]|\{\{[^{}]*\}\}|\$\{[^{}]*\}|(?:full )?name here|your (?:text|answer) here|lorem ipsum.*)\s*$/i;

/** ASCII first characters (lowercased with | 0x20) a placeholder can start with: most texts skip the pattern. */
const PLACEHOLDER_GATE = new Uint8Array(128);
for (const ch of 'snifbaoltuy<{$.-') PLACEHOLDER_GATE[ch.charCodeAt(0)] = 1;

/** Placeholders are short; longer texts, and texts no placeholder starts like, skip the pattern. */
export function isPlaceholder(text: string): boolean {
  if (text.length > 48) return false;
  const c = text.charCodeAt(0);
  const gate = c <= 32 || c === 0x2026 || (c < 128 && PLACEHOLDER_GATE[c | 0x20] === 1);
  return gate && PLACEHOLDER.test(text);
}

/** Whitespace other than single ASCII spaces between words. */
const NEEDS_COLLAPSE_SOURCE = String.raw`^\s|\s$|\s\s|[\t\n\r\f\v\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]`;
const NEEDS_COLLAPSE = new RegExp(NEEDS_COLLAPSE_SOURCE);

function needsCollapse(text: string): boolean {
  return NEEDS_COLLAPSE.test(text);
}

/** Trim and collapse whitespace runs; other characters are the writer's. */
export function collapseWhitespace(text: string): string {
  return needsCollapse(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** A text that repair would keep exactly as it is. */
export function isCleanText(text: string): boolean {
  return text !== '' && !needsCollapse(text) && !isPlaceholder(text);
}

/** Cuts to at most `max` code points, at a word boundary when one is near, ending with an ellipsis. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  const base = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,;:.-]+$/u, '')}…`;
}

const TEXT_KEYS = ['name', 'title', 'label', 'value', 'text', 'item', 'content', 'description'];

/** A scalar or a small object as text: `{name: "X"}` → "X". */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return undefined;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of TEXT_KEYS) {
      const found = Object.keys(record).find((k) => k.toLowerCase() === key);
      if (found && typeof record[found] === 'string') return record[found] as string;
    }
  }
  return undefined;
}

/** A single-line text field (name, occupation, city, bio, ...) bounded to `max` code points. */
export function coerceText(raw: unknown, max: number): Coerced<string> {
  let text: string | undefined;
  let how: string | undefined;
  if (typeof raw === 'string') text = raw;
  else if (Array.isArray(raw)) {
    const parts = raw.map(scalarText).filter((p): p is string => p !== undefined && p.trim() !== '');
    if (parts.length > 0) {
      text = parts.join(' ');
      how = 'joined a list into one text';
    }
  } else {
    text = scalarText(raw);
    if (text !== undefined) how = typeof raw === 'number' ? 'turned a number into text' : 'took the text out of an object';
  }
  if (text === undefined) return NOTHING;
  const clean = collapseWhitespace(text);
  if (clean === '' || isPlaceholder(clean)) return { value: undefined, how: `dropped the placeholder "${clean}"` };
  if (clean.length > max && codePointLength(clean) > max) return { value: shorten(clean, max), how: `shortened to ${max} characters` };
  return { value: clean, how };
}

const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [['"', '"'], ['“', '”'], ['„', '“'], ['‘', '’'], ["'", "'"], ['«', '»'], ['»', '«'], ['「', '」']];

/** A quote without the quotation marks around it (the UI adds its own). */
export function coerceQuote(raw: unknown, max: number): Coerced<string> {
  const text = coerceText(raw, Number.MAX_SAFE_INTEGER);
  if (text.value === undefined) return text;
  let value = text.value;
  for (const [open, close] of QUOTE_PAIRS) {
    if (value.length > 2 && value.startsWith(open) && value.endsWith(close)) {
      const inner = value.slice(open.length, -close.length);
      if (!inner.includes(open) || open === close) {
        value = inner.trim();
        break;
      }
    }
  }
  if (codePointLength(value) > max) return { value: shorten(value, max), how: `shortened to ${max} characters` };
  return { value, how: value !== text.value ? 'removed the quotation marks' : text.how };
}

/** A symbol bullet needs a space after it ("-5 %" is not a bullet). */
const SYMBOL_BULLET = /^\s*[-*•·▪‣◦–—]\s+/u;
/** "1. " or "a) ": stripped only when every item of the list has one ("1. FC Köln" alone keeps it). */
const NUMBERING = /^\s*(?:\d{1,2}|[a-z])[.)]\s+/u;
/** Markdown emphasis around the whole item: `**Cooking**`; inside a name (`Sh**ged`) it is the writer's. */
const EMPHASIS = /^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*$/su;

/** What `stripItem` or `collapseWhitespace` would change in an item, in one pattern. */
const ITEM_NEEDS_WORK = new RegExp(`${NEEDS_COLLAPSE_SOURCE}|[,;]$|^[-*•·▪‣◦–—]\\s|^(?:\\*\\*|__).*(?:\\*\\*|__)$`, 'su');

function hasItemMarkup(item: string): boolean {
  return ITEM_NEEDS_WORK.test(item);
}

function stripItem(item: string, numbered: boolean): string {
  const unbulleted = item.replace(numbered ? NUMBERING : SYMBOL_BULLET, '').replace(SYMBOL_BULLET, '');
  return collapseWhitespace(unbulleted.replace(EMPHASIS, '$1')).replace(/[,;]+$/u, '').trim();
}

/** Items cleaned of bullets, emphasis and trailing separators; numbering goes when every item is numbered. */
function stripItems(items: readonly string[]): string[] {
  const numbered = items.length > 1 && items.every((item) => NUMBERING.test(item));
  return items.map((item) => stripItem(item, numbered)).filter((item) => item !== '');
}

/** A list repair would keep exactly as it is: clean, distinct texts. */
export function isCleanList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  let numbered = value.length > 1;
  for (const item of value) {
    if (typeof item !== 'string' || item === '' || hasItemMarkup(item) || isPlaceholder(item)) return false;
    if (numbered && !NUMBERING.test(item)) numbered = false;
  }
  if (numbered) return false;
  // Lists are short: comparing pairs of equal length beats building a set.
  for (let i = 1; i < value.length; i++) {
    const a = value[i] as string;
    for (let j = 0; j < i; j++) {
      const b = value[j] as string;
      if (a.length === b.length && (a === b || a.toLowerCase() === b.toLowerCase())) return false;
    }
  }
  return true;
}

const CONJUNCTION_START = /^(?:but|and|or|so|which|while|because|yet|though|although|as|if|when|that|who|since)\b/i;

/** "Persona 2: Marie Dupont" → "Marie Dupont". */
const PERSONA_LABEL = /^(?:persona|profile)\s*#?\s*\d+\s*[:.\-–—]\s*/i;

export function withoutPersonaLabel(name: string): string {
  const unlabelled = name.replace(PERSONA_LABEL, '').trim();
  return unlabelled === '' ? name : unlabelled;
}

const QUOTED = /^["“„‘'«»「].*["”“’'»«」]$/su;

/** A quote repair would keep as it is (no quotation marks of its own). */
export function isCleanQuote(value: unknown): boolean {
  return typeof value === 'string' && isCleanText(value) && !QUOTED.test(value);
}

/** Splits a text meant as a list: lines or bullets, else semicolons, else short comma-separated parts. */
export function splitListText(text: string): string[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length > 1) return stripItems(lines);
  const line = lines[0] ?? '';
  if (/\s[•·▪]\s/u.test(line)) return stripItems(line.split(/\s[•·▪]\s/u));
  if (line.includes(';')) return stripItems(line.split(';'));
  if (line.includes(',')) {
    // "1,000" is a number, not a list; "Eat well, but cheaply" is one item.
    const parts = line.split(/,(?!\d{3}\b)/).map((p) => p.trim());
    const short = parts.every((p) => p !== '' && p.split(/\s+/).length <= 6 && !CONJUNCTION_START.test(p));
    if (parts.length > 1 && short) return stripItems(parts);
  }
  return stripItems([line]);
}

function listItems(raw: unknown, depth: number): string[] | undefined {
  if (typeof raw === 'string') return splitListText(raw);
  if (typeof raw === 'number') return [String(raw)];
  if (Array.isArray(raw)) {
    if (depth > 2) return [];
    const texts: string[] = [];
    const nested: string[] = [];
    for (const item of raw) {
      if (Array.isArray(item)) {
        nested.push(...(listItems(item, depth + 1) ?? []));
        continue;
      }
      const text = scalarText(item);
      if (text === undefined) continue;
      // An array item holding a bulleted block is several items.
      if (/\n\s*(?:[-*•]|\d{1,2}[.)])\s/.test(text)) nested.push(...splitListText(text));
      else texts.push(text);
    }
    return [...stripItems(texts), ...nested];
  }
  if (raw && typeof raw === 'object') {
    const text = scalarText(raw);
    if (text !== undefined) return stripItems([text]);
    const values = Object.values(raw as Record<string, unknown>);
    if (values.length > 0 && values.every((v) => typeof v === 'string' || typeof v === 'number')) return listItems(values, depth + 1);
  }
  return undefined;
}

/** A list of short texts: split, trimmed, placeholders and duplicates dropped, bounded. */
export function coerceList(raw: unknown, maxItemLength: number): Coerced<string[]> {
  // Most lists are already right: check once instead of rebuilding them.
  if (Array.isArray(raw) && raw.length <= MAX_LIST_ITEMS && isCleanList(raw) && raw.every((item: string) => item.length <= maxItemLength)) return { value: raw as string[] };
  const items = listItems(raw, 0);
  if (items === undefined) return NOTHING;
  const seen = new Set<string>();
  const clean: string[] = [];
  let shortened = false;
  for (const item of items) {
    if (item === '' || isPlaceholder(item)) continue;
    const key = item.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    if (codePointLength(item) > maxItemLength) {
      clean.push(shorten(item, maxItemLength));
      shortened = true;
    } else clean.push(item);
  }
  const bounded = clean.slice(0, MAX_LIST_ITEMS);
  const notes: string[] = [];
  if (!Array.isArray(raw)) notes.push(typeof raw === 'string' ? `split a text into ${bounded.length} items` : 'read a list out of an object');
  if (clean.length > MAX_LIST_ITEMS) notes.push(`kept the first ${MAX_LIST_ITEMS} of ${clean.length} items`);
  if (shortened) notes.push(`shortened items to ${maxItemLength} characters`);
  if (notes.length === 0 && Array.isArray(raw) && !sameStrings(raw, bounded)) notes.push('cleaned the items');
  return { value: bounded, how: notes.length > 0 ? notes.join('; ') : undefined };
}

function sameStrings(raw: readonly unknown[], clean: readonly string[]): boolean {
  return raw.length === clean.length && raw.every((item, i) => item === clean[i]);
}
