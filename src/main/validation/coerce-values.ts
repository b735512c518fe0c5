/**
 * Stage 4 of repair: turn each raw value into the type its field needs. Every function returns
 * the coerced value (undefined when nothing usable is there) and, when it changed the value, a
 * short `how` for the report. They never throw: any input is either read or declined.
 */
import { codePointLength, COMPANY_SIZES, DECISION_POWERS, INCOME_BRACKETS, MAX_LIST_ITEMS, type CompanySize, type DecisionPower, type IncomeBracket } from '../../shared/persona';
import { parseNumberWords } from './number-words';

export interface Coerced<T> {
  value: T | undefined;
  /** Set when the value was changed to fit; undefined when it was already right or absent. */
  how?: string;
}

/** Nothing to read: no value and nothing to report. */
const NOTHING: Coerced<never> = { value: undefined };

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

const AGE_QUALIFIERS: Record<string, number> = { early: 2, mid: 5, middle: 5, late: 8 };

/** An age: 34, "34 years old", "thirty-four", "mid-30s", "30-35", "born 1990"; clamped to 16..99. */
export function coerceAge(raw: unknown, now = new Date()): Coerced<number> {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return NOTHING;
    return clampAge(Math.round(raw), Number.isInteger(raw) ? undefined : `rounded ${raw}`);
  }
  if (typeof raw !== 'string') {
    if (Array.isArray(raw) && raw.length === 2 && raw.every((v) => typeof v === 'number')) return coerceAge(`${raw[0]}-${raw[1]}`, now);
    return NOTHING;
  }
  const text = raw.toLowerCase().replace(/[–—]/g, '-').trim();
  if (text === '' || isPlaceholder(text)) return NOTHING;
  const decade = /\b(early|mid|middle|late)?[\s-]*(\d)0'?s\b/.exec(text);
  const range = /\b(\d{2})\s*(?:-|to|–|and)\s*(\d{2})\b/.exec(text);
  const born = /\b(?:born(?: in)?|b\.|birth year:?)\s*((?:19|20)\d{2})\b/.exec(text);
  if (born) return clampAge(now.getUTCFullYear() - Number(born[1]), `computed from the birth year ${born[1]}`);
  if (range && Number(range[1]) < Number(range[2])) {
    const mean = Math.floor((Number(range[1]) + Number(range[2])) / 2 + 0.5);
    return clampAge(mean, `took the middle of "${raw.trim()}"`);
  }
  if (decade) {
    const base = Number(decade[2]) * 10;
    const offset = decade[1] ? (AGE_QUALIFIERS[decade[1]] ?? 5) : 5;
    return clampAge(base + offset, `read "${decade[0].trim()}" as ${base + offset}`);
  }
  const number = /\d+(?:\.\d+)?/.exec(text);
  if (number) {
    const value = Number(number[0]);
    if (value >= 1900 && value <= now.getUTCFullYear()) return clampAge(now.getUTCFullYear() - value, `computed from the birth year ${value}`);
    const age = Math.round(value);
    return clampAge(age, String(age) === text ? 'turned text into a number' : `read ${age} from "${raw.trim()}"`);
  }
  const words = /\b(early|mid|middle|late)?[\s-]*(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/.exec(text);
  if (words) {
    const base = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(words[2]!) * 10 + 20;
    const offset = words[1] ? (AGE_QUALIFIERS[words[1]] ?? 5) : 5;
    return clampAge(base + offset, `read "${words[0].trim()}" as ${base + offset}`);
  }
  const spelled = parseNumberWords(text);
  if (spelled !== undefined) return clampAge(spelled, `read "${raw.trim()}" as ${spelled}`);
  return NOTHING;
}

function clampAge(age: number, how: string | undefined): Coerced<number> {
  if (age < 16) return { value: 16, how: `raised ${age} to the minimum age 16` };
  if (age > 99) return { value: 99, how: `lowered ${age} to the maximum age 99` };
  return { value: age, how };
}

/** Income bracket from words ("Upper middle class") or a yearly amount ("€45,000/year"). */
export function coerceIncomeBracket(raw: unknown): Coerced<IncomeBracket> {
  if (typeof raw === 'number') return bracketForAmount(raw, String(raw));
  if (typeof raw !== 'string') return NOTHING;
  const text = raw.toLowerCase().trim();
  const dashed = text.replace(/[\s_]+/g, '-');
  if ((INCOME_BRACKETS as readonly string[]).includes(dashed)) return { value: dashed as IncomeBracket, how: dashed === raw ? undefined : `read "${raw}" as ${dashed}` };
  const amount = parseAmount(text);
  if (amount !== undefined) return bracketForAmount(/month|\/mo\b|monthly/.test(text) ? amount * 12 : amount, raw);
  const words = (re: RegExp) => re.test(text);
  let value: IncomeBracket | undefined;
  if (words(/upper[\s-]*middle|upper[\s-]*mid\b/)) value = 'upper-middle';
  else if (words(/(?:lower|low)[\s-]*middle|lower[\s-]*mid\b|working[\s-]class/)) value = 'lower-middle';
  else if (words(/\b(?:high|affluent|wealthy|rich|upper|top|very comfortable)\b/)) value = 'high';
  else if (words(/\b(?:low|modest|limited|tight|poor|minimum wage|student budget)\b/)) value = 'low';
  else if (words(/\b(?:middle|medium|average|moderate|mid|comfortable)\b/)) value = 'middle';
  return value ? { value, how: `read "${raw}" as ${value}` } : { value: undefined, how: `dropped "${raw}": not an income bracket` };
}

function bracketForAmount(amount: number, raw: string): Coerced<IncomeBracket> {
  const value: IncomeBracket = amount < 20_000 ? 'low' : amount < 35_000 ? 'lower-middle' : amount < 70_000 ? 'middle' : amount < 120_000 ? 'upper-middle' : 'high';
  return { value, how: `read the amount "${raw}" as ${value}` };
}

/** The first amount in a text: "€45,000", "45k", "1.2m", "R$ 8.000"; the upper end of a range is ignored. */
function parseAmount(text: string): number | undefined {
  const m = /(\d{1,3}(?:[,. ]\d{3})+|\d+(?:\.\d+)?)\s*(k|m|thousand|million)?\b/.exec(text);
  if (!m) return undefined;
  const digits = /[,. ]\d{3}(?:\D|$)/.test(m[1]!) ? m[1]!.replace(/[,. ]/g, '') : m[1]!;
  let value = Number(digits);
  const unit = m[2];
  if (unit === 'k' || unit === 'thousand') value *= 1_000;
  if (unit === 'm' || unit === 'million') value *= 1_000_000;
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

const SIZE_WORDS: ReadonlyArray<readonly [RegExp, CompanySize]> = [
  [/\b(?:freelanc\w*|solo\w*|sole trader|self[\s-]employed|one[\s-]person|micro)\b/, '1-10'],
  [/\b(?:enterprise|multinational|global corporation|fortune 500|corporation|conglomerate|very large)\b/, '1000+'],
  [/\b(?:mid[\s-]?(?:size[d]?|market)|medium[\s-]?(?:size[d]?)?|mittelstand)\b/, '51-200'],
  [/\b(?:large)\b/, '201-1000'],
  [/\b(?:start[\s-]?up|small|smb|sme|scale[\s-]?up)\b/, '11-50'],
];

function sizeBucket(n: number): CompanySize {
  return n <= 10 ? '1-10' : n <= 50 ? '11-50' : n <= 200 ? '51-200' : n <= 1000 ? '201-1000' : '1000+';
}

function parseCount(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(k)?$/.exec(text.replace(/,(?=\d{3})/g, ''));
  if (!m) return Number.NaN;
  return Number(m[1]) * (m[2] ? 1000 : 1);
}

/** Company size bucket from "about 40 employees", "200-500", "5,000+ staff", "startup". */
export function coerceCompanySize(raw: unknown): Coerced<CompanySize> {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw > 0 ? { value: sizeBucket(raw), how: `read ${raw} employees as ${sizeBucket(raw)}` } : NOTHING;
  if (typeof raw !== 'string') return NOTHING;
  const text = raw.toLowerCase().replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
  if ((COMPANY_SIZES as readonly string[]).includes(text)) return { value: text as CompanySize, how: text === raw ? undefined : 'trimmed whitespace' };
  const compact = text.replace(/(\d),(\d{3})/g, '$1$2');
  const range = /(\d+(?:\.\d+)?k?)\s*(?:-|to)\s*(\d+(?:\.\d+)?k?)/.exec(compact);
  if (range) {
    const lo = parseCount(range[1]!);
    const hi = parseCount(range[2]!);
    if (lo > 0 && hi >= lo) {
      const value = sizeBucket(Math.round((lo + hi) / 2));
      return { value, how: `read "${raw}" as ${value}` };
    }
  }
  const single = /(\d+(?:\.\d+)?k?)\s*(\+)?/.exec(compact);
  if (single) {
    const n = parseCount(single[1]!);
    if (n > 0) {
      const value = single[2] && n >= 1000 ? '1000+' : sizeBucket(n);
      return { value, how: `read "${raw}" as ${value}` };
    }
  }
  for (const [pattern, value] of SIZE_WORDS) if (pattern.test(text)) return { value, how: `read "${raw}" as ${value}` };
  return { value: undefined, how: `dropped "${raw}": not a company size` };
}

const POWER_RULES: ReadonlyArray<readonly [RegExp, DecisionPower]> = [
  [/gate[\s-]?keep|procurement|purchasing (?:dept|department|team|officer|manager)|vendor management|legal review|security review|it review|compliance review|blocker/, 'gatekeeper'],
  [/influenc|recommend|champion|evaluat|advis|consult|shortlist|technical buyer|input|co[\s-]?decide|shared/, 'influencer'],
  [/decision[\s-]?maker|final (?:say|decision|call|sign)|budget (?:owner|holder|authority)|economic buyer|approv|sign[s]?[\s-]?off|signator|owns the (?:budget|decision)|full authority|decides|\bhigh\b|\bceo\b|\bowner\b/, 'decision-maker'],
  [/end[\s-]?user|\buser\b|practitioner|operator|daily use|hands[\s-]?on|\blow\b|\bnone\b/, 'user'],
  [/\bmedium\b|\bmoderate\b|\bpartial\b/, 'influencer'],
];

/** Decision power from "Decision Maker", "Final say on budget", "champion", "Procurement gatekeeper". */
export function coerceDecisionPower(raw: unknown): Coerced<DecisionPower> {
  if (typeof raw !== 'string') return NOTHING;
  const text = raw.toLowerCase().trim();
  const dashed = text.replace(/[\s_]+/g, '-');
  if ((DECISION_POWERS as readonly string[]).includes(dashed)) return { value: dashed as DecisionPower, how: dashed === raw ? undefined : `read "${raw}" as ${dashed}` };
  for (const [pattern, value] of POWER_RULES) if (pattern.test(text)) return { value, how: `read "${raw}" as ${value}` };
  return { value: undefined, how: `dropped "${raw}": not a decision power` };
}
