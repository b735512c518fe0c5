/**
 * Stage 2 of repair: find the JSON in a text and parse it, repairing its syntax with jsonrepair
 * (comments, trailing commas, single or smart quotes, unquoted keys, Python literals, unescaped
 * quotes and newlines, truncation). A region cut off at the end of the text is reported as truncated.
 */
import { jsonrepair } from 'jsonrepair';

export interface ParsedJson {
  value: unknown;
  /** jsonrepair had to change the text before it parsed. */
  repaired: boolean;
}

export interface JsonRegion {
  start: number;
  end: number;
  /** The text ended before the region's brackets closed. */
  truncated: boolean;
  /** The deepest bracket nesting inside the region. */
  depth: number;
}

/**
 * Nesting deeper than any persona document needs (personas, wrappers and lists stay under a dozen
 * levels): such text is not repaired, because repairing it costs time that grows faster than its length.
 */
export const MAX_REPAIR_DEPTH = 48;

/** The deepest bracket nesting anywhere in a text, outside double-quoted strings. */
export function bracketDepth(text: string): number {
  let deepest = 0;
  for (let start = nextOpening(text, 0); start >= 0; ) {
    const region = matchRegion(text, start);
    deepest = Math.max(deepest, region.depth);
    if (deepest > MAX_REPAIR_DEPTH) return deepest;
    start = nextOpening(text, region.end);
  }
  return deepest;
}

/**
 * Parses JSON as is, else after jsonrepair; undefined when neither reads it. When the text has
 * quotes inside strings that jsonrepair may take for string ends, the reading with those quotes
 * escaped is tried too, and the one holding more keys wins.
 */
/** Characters the JSON repairer may still be handed; each repair attempt spends its text's length. */
export interface RepairBudget {
  chars: number;
}

export function parseLenientJson(text: string, knownInvalid = false, budget: RepairBudget = { chars: Number.POSITIVE_INFINITY }): ParsedJson | undefined {
  if (!knownInvalid) {
    const value = quietly(() => JSON.parse(text) as unknown);
    if (value !== undefined) return { value, repaired: false };
  }
  {
    if (bracketDepth(text) > MAX_REPAIR_DEPTH) return undefined;
    budget.chars -= text.length;
    const plain = repairAndParse(text);
    // A reading whose keys all look like keys did not mistake a quote for a string's end.
    if ((plain && !hasOddKeys(plain.value, 0)) || budget.chars < 0) return plain;
    const escaped = escapeStrayQuotes(text);
    if (escaped === text) return plain;
    budget.chars -= escaped.length;
    const withEscapes = repairAndParse(escaped);
    if (!withEscapes) return plain;
    if (!plain) return withEscapes;
    return countKeys(withEscapes.value, 0) > countKeys(plain.value, 0) ? withEscapes : plain;
  }
}

function hasOddKeys(value: unknown, depth: number): boolean {
  if (depth > 6 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => hasOddKeys(item, depth + 1));
  for (const key in value) if (!KEY_LIKE.test(key) || hasOddKeys((value as Record<string, unknown>)[key], depth + 1)) return true;
  return false;
}

function repairAndParse(text: string): ParsedJson | undefined {
  const value = quietly(() => JSON.parse(jsonrepair(withValidEscapes(text))) as unknown);
  return value === undefined ? undefined : { value, repaired: true };
}

/**
 * A backslash before a character JSON cannot escape ("\,") is dropped before jsonrepair sees the
 * text: jsonrepair recovers from one by rescanning the rest of the text, which on an answer
 * wrapped in a JSON string costs time that grows with the square of its length.
 */
function withValidEscapes(text: string): string {
  return text.includes('\\') ? text.replace(/\\([\s\S])/g, (escape, char: string) => (VALID_ESCAPES.has(char) ? escape : char)) : text;
}
const VALID_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u', "'"]);

/**
 * Runs a parse that may throw, without capturing the stack traces of its expected failures:
 * on deep stacks that capture costs more than the parse itself.
 */
export function quietly<T>(parse: () => T): T | undefined {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } catch {
    return undefined;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Keys that look like keys (short, a few words): a misread string yields long, wordy ones instead. */
function countKeys(value: unknown, depth: number): number {
  if (depth > 6 || value === null || typeof value !== 'object') return 0;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countKeys(item, depth + 1), 0);
  let n = 0;
  for (const key in value) n += (KEY_LIKE.test(key) ? 1 : 0) + countKeys((value as Record<string, unknown>)[key], depth + 1);
  return n;
}

const KEY_LIKE = /^\s*[\p{L}_][\p{L}\p{N}_-]*(?: [\p{L}\p{N}_-]+){0,3}\s*$/u;

/** After a closing quote comes a colon, a bracket, the end, or a comma and then the next member. */
function endsString(text: string, quote: number): boolean {
  let i = quote + 1;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  const next = text[i];
  if (next === undefined || next === ':' || next === '}' || next === ']' || next === '"') return true;
  if (next !== ',') return false;
  NEXT_MEMBER.lastIndex = i + 1;
  return NEXT_MEMBER.test(text);
}

/** What may follow a comma that ends a string: the next value or key, or the end. */
const NEXT_MEMBER = /\s*(?:$|["'“{[\]}\d/-]|true\b|false\b|null\b|[A-Za-z_][\w-]*\s*:)/y;

/** Escapes double quotes inside strings that do not end them: `"She said "never again" to kits"`. */
export function escapeStrayQuotes(text: string): string {
  let out = '';
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString && c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c !== 34 /* " */) continue;
    if (!inString) {
      inString = true;
      continue;
    }
    if (endsString(text, i)) {
      inString = false;
      continue;
    }
    out += `${text.slice(from, i)}\\"`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * The region that starts at an opening bracket and ends where it closes, skipping brackets inside
 * double-quoted strings. Unbalanced to the end of the text means truncated.
 */
export function matchRegion(text: string, start: number): JsonRegion {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
      if (depth === 0) return { start, end: i + 1, truncated: false, depth: deepest };
    }
  }
  return { start, end: text.length, truncated: true, depth: deepest };
}

/** The next `{` or `[` at or after `from`, or -1. */
export function nextOpening(text: string, from: number): number {
  const brace = text.indexOf('{', from);
  const bracket = text.indexOf('[', from);
  if (brace === -1) return bracket;
  if (bracket === -1) return brace;
  return Math.min(brace, bracket);
}

/**
 * When a region runs to the end of the text, the cause may be an unpaired quote rather than a cut:
 * if the text after the last closing bracket reads as prose, the region ends at that bracket.
 */
export function trimTrailingProse(text: string, region: JsonRegion): JsonRegion {
  if (!region.truncated) return region;
  const lastClose = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  if (lastClose <= region.start) return region;
  const tail = text.slice(lastClose + 1);
  const prose = /\p{L}{2,}\s+\p{L}{2,}/u.test(tail) && !/["“”:]/u.test(tail);
  return prose ? { ...region, end: lastClose + 1, truncated: false } : region;
}
