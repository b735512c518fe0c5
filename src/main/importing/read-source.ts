/**
 * A source to import (pasted text or a dropped file) turned into what repair reads: the text of the
 * answer, with the format it was recognised as; or a workshop bundle, which is not read persona by
 * persona but imported whole. Formats are told apart by extension first, then by content, because
 * pasted text and standard input have no extension.
 */
import { BUNDLE_FORMAT, type Bundle } from '../../shared/bundle';
import { IMPORT_EXTENSIONS, type ImportFormat } from '../../shared/importing';
import { readTinyPersonSpecs } from '../validation';
import { readBundle } from '../workshops';
import { docxText } from './docx-text';
import { csvPersonas } from './csv-personas';
import { refuse } from './refuse';

/** A source as bytes or text, with the name the user knows it by. */
export type SourceInput = { kind: 'text'; text: string; name: string } | { kind: 'file'; fileName: string; bytes: Uint8Array };

export type ReadSource =
  | { kind: 'personas'; sourceName: string; format: ImportFormat; raw: string }
  | { kind: 'bundle'; sourceName: string; bundle: Bundle };

const GZIP = [0x1f, 0x8b];
const ZIP = [0x50, 0x4b];
const EXTENSIONS = IMPORT_EXTENSIONS.join(', ');

export async function readSource(input: SourceInput): Promise<ReadSource> {
  if (input.kind === 'text') return readText(input.text, input.name, null);
  const { fileName: name, bytes } = input;
  const extension = extensionOf(name);
  if (bytes.length === 0) throw refuse(`${name} is empty; choose the file that holds the personas`);
  if (bytes[0] === GZIP[0] && bytes[1] === GZIP[1]) return bundleOf(bytes, name);
  if (extension === '.docx') return { kind: 'personas', sourceName: name, format: 'docx', raw: await docxText(bytes, name) };
  if (extension === '.gz') throw refuse(`${name} is not gzipped, so it is not a workshop bundle; choose a bundle made by "Export workshop", or the file itself without .gz`);
  if (extension !== null && !(IMPORT_EXTENSIONS as readonly string[]).includes(extension)) {
    throw refuse(`${name}: ${extension} files cannot be imported; choose a ${EXTENSIONS} file, or paste its text`);
  }
  if (bytes[0] === ZIP[0] && bytes[1] === ZIP[1]) throw refuse(`${name} is a compressed (zip) file, not text; save it as .docx, .md, .txt, .json or .csv and import that`);
  const text = decodeText(bytes, name);
  return readText(text, name, extension);
}

/** Reads text by its extension, or by its content when it has none. */
async function readText(text: string, sourceName: string, extension: string | null): Promise<ReadSource> {
  const trimmed = text.trim();
  if (trimmed === '') throw refuse(`${sourceName} is empty; paste or choose text that describes people`);
  if (extension === '.csv') return { kind: 'personas', sourceName, ...csvPersonas(text, sourceName) };
  if (extension === '.jsonl' || extension === '.ndjson') return jsonLines(trimmed, sourceName, true) ?? { kind: 'personas', sourceName, format: 'jsonl', raw: text };
  const json = /^[[{]/.test(trimmed) ? parseJson(trimmed) : undefined;
  if (json !== undefined) return fromJson(json.value, text, sourceName);
  if (extension === '.json') return { kind: 'personas', sourceName, format: 'json', raw: text };
  if (extension === null) {
    const lines = /^[[{]/.test(trimmed) ? jsonLines(trimmed, sourceName, false) : undefined;
    if (lines) return lines;
  }
  // A CSV table pasted, or saved as .txt or .md: models and spreadsheets hand tables over either way.
  if (looksLikeCsv(trimmed)) return { kind: 'personas', sourceName, ...csvPersonas(trimmed, sourceName) };
  return { kind: 'personas', sourceName, format: looksLikeMarkdown(text) ? 'markdown' : 'text', raw: text };
}

/** A parsed JSON value: this app's own run export, a workshop bundle, TinyTroupe specs, or any JSON repair reads. */
function fromJson(value: unknown, text: string, sourceName: string): ReadSource {
  if (isRecord(value) && value.format === BUNDLE_FORMAT) return bundleOf(Buffer.from(text, 'utf8'), sourceName);
  if (isRecord(value) && value.schemaVersion === 1 && Array.isArray(value.personas)) return { kind: 'personas', sourceName, format: 'persona-studio', raw: text };
  const tiny = readTinyPersonSpecs(value);
  if (tiny && tiny.length > 0) return { kind: 'personas', sourceName, format: 'tinytroupe', raw: JSON.stringify({ personas: tiny }) };
  return { kind: 'personas', sourceName, format: 'json', raw: text };
}

/**
 * One JSON value per line. Undefined when the text is not JSON lines (sniffing) — with the
 * extension given, a line that does not parse is left to repair, which mends broken JSON.
 */
function jsonLines(text: string, sourceName: string, declared: boolean): ReadSource | undefined {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const parsed = lines.map((line) => parseJson(line));
  const values = parsed.flatMap((v) => (v ? [v.value] : []));
  if (values.length < parsed.length) return declared ? { kind: 'personas', sourceName, format: 'jsonl', raw: text } : undefined;
  if (!declared && values.length < 2) return undefined;
  // A TinyTroupe spec per line is read as one; anything else goes to repair as a list.
  const items = values.flatMap((v) => readTinyPersonSpecs(v) ?? [v]);
  return { kind: 'personas', sourceName, format: 'jsonl', raw: JSON.stringify({ personas: items }) };
}

function bundleOf(bytes: Uint8Array, sourceName: string): ReadSource {
  return { kind: 'bundle', sourceName, bundle: readBundle(bytes) };
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** UTF-8 (a byte-order mark dropped); NUL bytes or many undecodable bytes mean the file is not text. */
function decodeText(bytes: Uint8Array, name: string): string {
  const text = Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '');
  const broken = (text.match(/\uFFFD/g) ?? []).length;
  if (text.includes('\u0000') || broken > Math.max(8, text.length / 100)) {
    throw refuse(`${name} is not a text file (it holds binary data); save it as .md, .txt, .json, .csv or .docx and import that`);
  }
  return text;
}

const PERSONA_COLUMN = /^["']?(?:(?:full|first|last)?[ _-]?name|age|city|country|location|occupation|job(?:[ _-]?title)?|role|gender|goals?|pain|bio|quote|persona)/i;

/**
 * A CSV table by its content: a header row naming at least two persona fields (name, age, job…),
 * and every row with the same count of the same delimiter (commas, semicolons or tabs; quoted
 * cells may hold any, so they are left out of the count). Prose has sentences with commas, but
 * not rows of the same count under a header of field names.
 */
export function looksLikeCsv(text: string): boolean {
  // Quoted cells may hold delimiters and line breaks: emptied before the rows are counted.
  const lines = text.replace(/"(?:[^"]|"")*"/g, '""').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  for (const delimiter of [',', ';', '\t']) {
    const count = (line: string) => line.split(delimiter).length - 1;
    const columns = count(lines[0]!);
    if (columns < 2) continue;
    const header = lines[0]!.split(delimiter).map((h) => h.trim());
    if (header.filter((h) => PERSONA_COLUMN.test(h)).length < 2 || header.some((h) => h.split(/\s+/).length > 4)) continue;
    if (lines.every((line) => count(line) === columns)) return true;
  }
  return false;
}

/** Headings, bullets or bold labels: the Markdown reading keeps its structure. */
function looksLikeMarkdown(text: string): boolean {
  return /^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|\*\*[^*\n]+\*\*)|^[=-]{3,}\s*$/m.test(text);
}

function extensionOf(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
