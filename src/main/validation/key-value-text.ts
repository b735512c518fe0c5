/**
 * Answers written as YAML or as markdown key-value lists rather than JSON. Real YAML goes through
 * the `yaml` library; what LLMs call YAML is often not (unquoted colons, `**bold**` keys, headings
 * per persona), so a lenient reader follows: headings and repeated `name:` keys start a persona,
 * `key: value` lines set fields, bullets under a key make its list, deeper indents nest objects.
 */
import { parse as parseYaml } from 'yaml';
import { collapseWhitespace } from './coerce-values';
import { resolveKey } from './field-aliases';
import { bracketDepth, MAX_REPAIR_DEPTH, quietly } from './json-syntax';

export type KeyValueRecord = Record<string, unknown>;

/** The personas (or document) a YAML or key-value text holds; undefined when it holds none. */
export function parseKeyValueText(text: string): unknown {
  const yaml = parseStrictYaml(text);
  if (yaml !== undefined) return yaml;
  const personas = parseLenientKeyValues(text);
  return personas.length === 0 ? undefined : personas;
}

const JSON_KEY = /[{,]\s*["“'][^"\n]{1,40}["”']\s*:/g;

function parseStrictYaml(text: string): unknown {
  // JSON that failed to parse is not YAML worth reading, and costs the YAML parser an error per line.
  if (/^\s*[[{"]/.test(text) || (text.match(JSON_KEY) ?? []).length >= 3 || !/^\s*(?:-\s+)?[\w"' ]{1,40}:(?:\s|$)/m.test(text)) return undefined;
  // Deep flow collections are not YAML anyone wrote, and they exhaust the YAML parser's stack.
  if (bracketDepth(text) > MAX_REPAIR_DEPTH) return undefined;
  const value = quietly((): unknown => parseYaml(text, { strict: false, uniqueKeys: false, maxAliasCount: 50, prettyErrors: false }));
  return value !== null && typeof value === 'object' ? value : undefined;
}

const HEADING = /^\s*(?:#{1,6}\s+(.+?)\s*#*\s*$|(?:\*\*|__)((?:persona|profile|user|customer)\b[^*_]*?)(?:\*\*|__)\s*:?\s*$|((?:persona|profile)\s*(?:#\s*)?\d+\b.*?)\s*$)/i;
const NUMBERED_NAME = /^\s*\d{1,2}[.)]\s+(?:\*\*|__)([^*_:]{2,80})(?:\*\*|__)\s*:?\s*$/;
const RULE = /^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$/;
const BULLET = /^(?:[-*•+]|\d{1,2}[.)])\s+/;
const KEY_VALUE = /^(?:\*\*|__)?([^:*_\n][^:\n]{0,48}?)(?:\*\*|__)?\s*:(?:\*\*|__)?(?:\s+(.*)|\s*)$/;

interface Frame {
  indent: number;
  node: KeyValueRecord;
  /** Opened by bullets at the parent key's own indent: a plain line at that indent closes it. */
  items?: boolean;
}

interface OpenKey {
  node: KeyValueRecord;
  key: string;
  indent: number;
  wasItem: boolean;
}

/** Reads personas from markdown or YAML-like lines; returns the objects that have any field. */
export function parseLenientKeyValues(text: string): KeyValueRecord[] {
  const personas: KeyValueRecord[] = [];
  let current: KeyValueRecord = {};
  let stack: Frame[] = [{ indent: -1, node: current }];
  let open: OpenKey | null = null;
  let lastScalar: { node: KeyValueRecord; key: string; indent: number } | null = null;
  // A name taken from a heading yields to a `name:` line under it instead of starting a persona.
  let namedByHeading = false;

  const startPersona = (name?: string) => {
    if (Object.keys(current).length > 0) personas.push(current);
    current = name ? { name } : {};
    namedByHeading = name !== undefined;
    stack = [{ indent: -1, node: current }];
    open = null;
    lastScalar = null;
  };

  for (const rawLine of text.split(/\r?\n/)) {
    if (rawLine.trim() === '' || /^\s*```|^\s*~~~/.test(rawLine)) continue;
    if (RULE.test(rawLine)) {
      startPersona();
      continue;
    }
    const heading = HEADING.exec(rawLine) ?? NUMBERED_NAME.exec(rawLine);
    if (heading) {
      startPersona(nameFromHeading(heading[1] ?? heading[2] ?? heading[3] ?? ''));
      continue;
    }
    const indent = rawLine.replace(/\t/g, '  ').search(/\S/);
    let content = rawLine.trim();
    const isItem = BULLET.test(content);
    if (isItem) content = content.replace(BULLET, '');
    const kv = readKeyValue(content);

    // "- Save time: plan meals ahead" under "Goals:" is an item, not a nested field.
    if (kv && open !== null && isItem && isListKey((open as OpenKey).key) && opensUnder(open, indent, isItem)) {
      const o: OpenKey = open;
      const list = Array.isArray(o.node[o.key]) ? (o.node[o.key] as unknown[]) : [];
      list.push(stripMarkup(content));
      o.node[o.key] = list;
      continue;
    }
    if (kv) {
      const { key, value } = kv;
      if (open && opensUnder(open, indent, isItem)) {
        const existing = open.node[open.key];
        const child: KeyValueRecord = existing && typeof existing === 'object' && !Array.isArray(existing) ? (existing as KeyValueRecord) : {};
        open.node[open.key] = child;
        stack.push({ indent, node: child, items: indent <= open.indent });
      } else {
        while (stack.length > 1) {
          const top = stack[stack.length - 1]!;
          if (top.indent > indent || (top.indent === indent && top.items === true && !isItem)) stack.pop();
          else break;
        }
      }
      const target = stack[stack.length - 1]!.node;
      // A second name at the persona's top level starts the next persona (YAML-like lists of people).
      if (target === current && isNameKey(key)) {
        if (namedByHeading) {
          delete current.name;
          namedByHeading = false;
        } else if (hasName(current)) startPersona();
      }
      const node = stack[stack.length - 1]!.node;
      if (value === '') {
        node[key] = node[key] ?? [];
        open = { node, key, indent, wasItem: isItem };
        lastScalar = null;
      } else {
        node[key] = scalar(value);
        open = null;
        lastScalar = { node, key, indent };
      }
      continue;
    }
    if (open !== null && opensUnder(open, indent, isItem)) {
      const o: OpenKey = open;
      const list = Array.isArray(o.node[o.key]) ? (o.node[o.key] as unknown[]) : [];
      if (isItem || list.length === 0) list.push(stripMarkup(content));
      else list[list.length - 1] = `${String(list[list.length - 1])} ${stripMarkup(content)}`;
      o.node[o.key] = isItem ? list : list.length === 1 ? list[0] : list;
      continue;
    }
    // A deeper line continues the value above; a line at the key's own indent is prose after the data.
    if (lastScalar !== null && indent > (lastScalar as { indent: number }).indent) {
      const s: { node: KeyValueRecord; key: string } = lastScalar;
      s.node[s.key] = `${String(s.node[s.key])} ${stripMarkup(content)}`;
    } else {
      lastScalar = null;
    }
  }
  startPersona();
  return personas.filter((p) => Object.keys(p).some((k) => resolveKey('persona', k) !== undefined));
}

/** A line belongs under the open key when deeper, or a bullet at the indent of a key that was not itself a bullet. */
function opensUnder(open: OpenKey, indent: number, isItem: boolean): boolean {
  return indent > open.indent || (indent === open.indent && isItem && !open.wasItem);
}

function readKeyValue(content: string): { key: string; value: string } | undefined {
  const m = KEY_VALUE.exec(content);
  if (!m) return undefined;
  const key = stripMarkup(m[1]!);
  if (key === '' || /^https?$/i.test(key) || key.split(/\s+/).length > 5) return undefined;
  return { key, value: (m[2] ?? '').trim() };
}

const LIST_FIELDS = new Set(['goals', 'painPoints', 'values', 'interests', 'channels']);

function isListKey(key: string): boolean {
  const target = resolveKey('persona', key);
  if (!target) return false;
  if (target.kind === 'field') return LIST_FIELDS.has(target.field);
  if (target.kind === 'culture') return target.category !== undefined;
  return target.kind === 'b2b' && (target.field === 'buyingCriteria' || target.field === 'objections');
}

function isNameKey(key: string): boolean {
  const target = resolveKey('persona', key);
  return target?.kind === 'field' && target.field === 'name';
}

function hasName(node: KeyValueRecord): boolean {
  return Object.keys(node).some(isNameKey);
}

function stripMarkup(text: string): string {
  return collapseWhitespace(text.replace(/\*\*|__|`/g, ''));
}

/** A YAML-ish scalar: quoted text, an inline list, a number, or plain text. */
function scalar(raw: string): unknown {
  const text = stripMarkup(raw);
  if (/^\[.*\]$/.test(text)) {
    return text
      .slice(1, -1)
      .split(',')
      .map((item) => unquote(item.trim()))
      .filter((item) => item !== '');
  }
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return Number(text);
  return unquote(text);
}

function unquote(text: string): string {
  if (text.length >= 2 && ((text.startsWith('"') && text.endsWith('"')) || (text.startsWith("'") && text.endsWith("'")))) return text.slice(1, -1);
  return text;
}

/** "Persona 1: Marie Dupont — The Busy Parent" → "Marie Dupont"; "Persona 2" → undefined. */
export function nameFromHeading(heading: string): string | undefined {
  let text = stripMarkup(heading)
    .replace(/^[\p{Extended_Pictographic}\uFE0F\u200D\s]+/u, '')
    .replace(/^(?:persona|profile|user|customer)\s*(?:#\s*)?\d*\s*[:.)\-–—]?\s*/i, '')
    .replace(/^\d{1,2}[.)]\s*/, '');
  text = text.split(/\s+[—–-]\s+|\s*\(|\s*,\s+|:\s+/)[0]!.replace(/["“”]/g, '').trim();
  if (text === '' || text.split(/\s+/).length > 5 || resolveKey('persona', text) !== undefined) return undefined;
  return text;
}
