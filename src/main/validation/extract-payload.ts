/**
 * Stage 1 of repair: find the payload in a raw answer. Fenced blocks first, then JSON regions in
 * the prose (several in a row are JSONL or one block per persona), a double-encoded JSON string,
 * and YAML in a yaml fence. Each payload keeps the text before it, so the caller can tell an
 * example block from the answer. Clean JSON takes the fast path: one JSON.parse.
 */
import { matchRegion, nextOpening, parseLenientJson, quietly, trimTrailingProse, type RepairBudget } from './json-syntax';
import { parseKeyValueText } from './key-value-text';

export interface Payload {
  value: unknown;
  /** The text just before the payload: "Here is an example:" marks a template. */
  lead: string;
  /** The text ended before the payload's brackets closed. */
  truncated: boolean;
  /** Truncated inside a value rather than between two members: that last value is partial. */
  cutInsideValue?: boolean;
}

export type ExtractionNote = 'fences' | 'prose' | 'double-encoded' | 'several-blocks' | 'syntax' | 'truncated' | 'key-value';

export interface Extraction {
  payloads: Payload[];
  notes: Set<ExtractionNote>;
}

/** Regions that would not parse, per block, before giving up: bounds the work on text full of stray brackets. */
const MAX_FAILED_REGIONS = 48;
/** Characters handed to the JSON repairer per block, as a multiple of the block's length. */
const REPAIR_BUDGET_FACTOR = 6;

export function extractPayloads(raw: string): Extraction {
  const notes = new Set<ExtractionNote>();
  const payloads = extractFrom(raw.replace(/^\uFEFF/, ''), '', notes, 0);
  return { payloads, notes };
}

/** The raw answer read as YAML-like or markdown key-value text, for when no JSON held personas. */
export function extractKeyValuePayload(raw: string): Payload | undefined {
  const value = parseKeyValueText(raw.replace(/^[ \t]*(?:`{3,}|~{3,}).*$/gm, ''));
  return value === undefined ? undefined : { value, lead: '', truncated: false };
}

function extractFrom(text: string, lead: string, notes: Set<ExtractionNote>, depth: number): Payload[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const whole = parseWhole(trimmed);
  if (whole !== undefined) return [{ value: whole, lead, truncated: false }];
  if (depth < 2 && trimmed.startsWith('"')) {
    const decoded = decodeJsonString(trimmed);
    if (decoded !== undefined) {
      notes.add('double-encoded');
      return extractFrom(decoded, lead, notes, depth + 1);
    }
  }
  const blocks = fencedBlocks(text);
  if (blocks.length > 0) {
    const found = blocks.flatMap((block) => blockPayloads(block.content, block.lang, lead + block.lead, notes, depth));
    if (found.length > 0) {
      notes.add('fences');
      if (blocks.some((b) => b.lead.trim() !== '') || blocks[blocks.length - 1]!.trailing.trim() !== '') notes.add('prose');
      if (found.length > 1) notes.add('several-blocks');
      return found;
    }
  }
  return blockPayloads(text, '', lead, notes, depth);
}

/** A text that is exactly one JSON value, parsed without repair (the fast path). */
function parseWhole(trimmed: string): unknown {
  const first = trimmed.charCodeAt(0);
  if (first !== 123 && first !== 91) return undefined;
  return quietly(() => JSON.parse(trimmed) as unknown);
}

function decodeJsonString(trimmed: string): string | undefined {
  const parsed = parseLenientJson(trimmed);
  if (typeof parsed?.value !== 'string') return undefined;
  return /^\s*[[{]/.test(parsed.value) ? parsed.value : undefined;
}

function blockPayloads(text: string, lang: string, lead: string, notes: Set<ExtractionNote>, depth: number): Payload[] {
  if (/^(?:ya?ml|markdown|md)$/i.test(lang)) {
    const value = parseKeyValueText(text);
    if (value !== undefined) {
      notes.add('key-value');
      return [{ value, lead, truncated: false }];
    }
  }
  const trimmed = text.trim();
  const whole = parseWhole(trimmed);
  if (whole !== undefined) return [{ value: whole, lead, truncated: false }];
  // parseWhole tried JSON.parse on a text that starts with a bracket: no need to throw again.
  const wholeTried = trimmed.startsWith('{') || trimmed.startsWith('[');
  if (depth < 2 && trimmed.startsWith('"')) {
    const decoded = decodeJsonString(trimmed);
    if (decoded !== undefined) {
      notes.add('double-encoded');
      return extractFrom(decoded, lead, notes, depth + 1);
    }
  }

  const embedded = depth < 2 ? embeddedJsonString(text) : undefined;
  if (embedded !== undefined) {
    const inner = extractFrom(embedded, lead, notes, depth + 1);
    if (inner.length > 0) {
      notes.add('double-encoded');
      notes.add('prose');
      return inner;
    }
  }

  // A block that is one bracketed value (a fenced answer) needs no scan for where its JSON lies.
  if (wholeTried && /[\]}]$/.test(trimmed)) {
    const parsed = parseLenientJson(trimmed, true);
    if (parsed && holdsObject(parsed.value)) {
      notes.add('syntax');
      return [{ value: parsed.value, lead, truncated: false }];
    }
  }

  const payloads: Payload[] = [];
  let pos = 0;
  let previousEnd = 0;
  // Retrying inside a region that would not parse finds the objects that survive, at a cost
  // that grows with each retry: a budget keeps the whole block linear in its length.
  const budget: RepairBudget = { chars: REPAIR_BUDGET_FACTOR * text.length + 4096 };
  for (let failed = 0; failed < MAX_FAILED_REGIONS; ) {
    const start = nextOpening(text, pos);
    if (start < 0) break;
    const region = trimTrailingProse(text, matchRegion(text, start));
    if (budget.chars < 0 && payloads.length + failed > 0) break;
    const regionText = text.slice(region.start, region.end);
    const parsed = parseLenientJson(regionText, wholeTried && regionText.trim() === trimmed, budget);
    if (parsed && holdsObject(parsed.value)) {
      if (parsed.repaired) notes.add('syntax');
      if (region.truncated) notes.add('truncated');
      if (text.slice(previousEnd, region.start).trim() !== '') notes.add('prose');
      const payload: Payload = { value: parsed.value, lead: lead + text.slice(previousEnd, region.start), truncated: region.truncated };
      if (region.truncated) payload.cutInsideValue = !/[,{[]\s*$/.test(text.slice(region.start, region.end));
      payloads.push(payload);
      pos = previousEnd = region.end;
    } else if (parsed) {
      // Brackets around prose ("[France]") parse but hold no object: step over them.
      pos = region.end;
    } else {
      failed++;
      pos = start + 1;
    }
  }
  if (payloads.length > 0 && text.slice(previousEnd).trim() !== '') notes.add('prose');
  if (payloads.length > 1) notes.add('several-blocks');
  return payloads;
}

/**
 * A JSON string literal holding JSON inside prose ("Here is the JSON string: "[{\"name\"...").
 * Recognised by its escaped quotes; the literal runs to its closing quote, or to the end when cut.
 */
function embeddedJsonString(text: string): string | undefined {
  const start = text.search(/"\s*[[{](?:\s|\\[nrt]|[[{])*\\"/);
  if (start < 0) return undefined;
  let end = text.length;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 34 /* " */) {
      end = i + 1;
      break;
    }
  }
  const parsed = parseLenientJson(text.slice(start, end));
  return typeof parsed?.value === 'string' ? parsed.value : undefined;
}

/** Whether a parsed value has any object in it (a bare list of words is prose in brackets). */
function holdsObject(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((item) => (item !== null && typeof item === 'object') || (typeof item === 'string' && /^\s*[[{]/.test(item)));
  return value !== null && typeof value === 'object' && Object.keys(value).length > 0;
}

interface FencedBlock {
  lang: string;
  content: string;
  /** Text between the previous block (or the start) and this one. */
  lead: string;
  /** Text after this block up to the next one or the end. */
  trailing: string;
}

const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})[ \t]*([\w+-]*)[^\n]*$/gm;

/** Markdown fenced blocks; an unclosed last fence (a cut answer) runs to the end. */
function fencedBlocks(text: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let previousEnd = 0;
  FENCE_OPEN.lastIndex = 0;
  for (let open = FENCE_OPEN.exec(text); open; open = FENCE_OPEN.exec(text)) {
    const fence = open[1]!;
    const contentStart = open.index + open[0].length + 1;
    const close = new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`, 'm');
    const rest = text.slice(Math.min(contentStart, text.length));
    const closing = close.exec(rest);
    const contentEnd = closing ? contentStart + closing.index : text.length;
    const blockEnd = closing ? contentStart + closing.index + closing[0].length : text.length;
    if (blocks.length > 0) blocks[blocks.length - 1]!.trailing = text.slice(previousEnd, open.index);
    blocks.push({ lang: open[2] ?? '', content: text.slice(Math.min(contentStart, text.length), contentEnd), lead: text.slice(previousEnd, open.index), trailing: '' });
    previousEnd = blockEnd;
    FENCE_OPEN.lastIndex = blockEnd;
  }
  if (blocks.length > 0) blocks[blocks.length - 1]!.trailing = text.slice(previousEnd);
  return blocks;
}
