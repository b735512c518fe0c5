/**
 * How a value is stored in cache.db: as its JSON text, or deflated against a persona dictionary
 * when that saves space. Raw deflate at level 6 was picked by measurement on offline-engine personas:
 * with the dictionary it stores ~29 % of their bytes (~43 % without), and inflates faster than level 1 or brotli 1-4
 * (fewer literals to decode), which keeps the L2 hit path close to a plain select + parse.
 */
import zlib from 'node:zlib';
import { SealError, type ValueSeal } from '../platform';
import { asciiJsonText } from './ascii-json';
import { PERSONA_DICTIONARY_V1 } from './compression-dictionary';

/**
 * The per-row `encoding` column. 0 is what rows written before compression read as. SEALED is a
 * flag over the others: the value as encoded, then sealed with the local data key (its aad the
 * entry's key, so a value moved to another row does not open).
 */
export const ENCODING = { plain: 0, deflateDictV1: 1, deflateDictV1Ascii: 2 } as const;
export type Encoding = (typeof ENCODING)[keyof typeof ENCODING];
export const SEALED = 16;

/**
 * The kinds stored compressed: generations (persona documents, large and read rarely) and answers.
 * Culture entries stay plain: small and read on nearly every run, they would pay an inflate per hit
 * to save little.
 */
const COMPRESSED_KINDS: ReadonlySet<string> = new Set(['generation', 'answer']);

/** Below this a value stays plain: its page overhead dwarfs anything compression saves. */
export const COMPRESS_MIN_BYTES = 1024;
/** Compressed only when it saves at least this share of the plain bytes. */
export const COMPRESS_MIN_SAVING = 0.1;

export interface EncodedValue {
  stored: string | Buffer;
  encoding: Encoding;
  /** Bytes as stored (what the budget and eviction count). */
  storedBytes: number;
}

/** `plainBytes` is the JSON's UTF-8 length, already known to the caller. */
export function encodeValue(kind: string, json: string, plainBytes: number, compress = true): EncodedValue {
  if (!compress || plainBytes < COMPRESS_MIN_BYTES || !COMPRESSED_KINDS.has(kind)) return { stored: json, encoding: ENCODING.plain, storedBytes: plainBytes };
  // Deflated as ASCII JSON: a hit then decodes and parses a one-byte string (ascii-json.ts).
  const deflated = zlib.deflateRawSync(asciiJsonText(json), { level: 6, dictionary: PERSONA_DICTIONARY_V1 });
  if (deflated.length > plainBytes * (1 - COMPRESS_MIN_SAVING)) return { stored: json, encoding: ENCODING.plain, storedBytes: plainBytes };
  return { stored: deflated, encoding: ENCODING.deflateDictV1Ascii, storedBytes: deflated.length };
}

/** Compressed first (sealed bytes do not compress), then sealed with `key` as its aad. */
export function encodeSealed(kind: string, json: string, plainBytes: number, compress: boolean, seal: ValueSeal, key: string): { stored: Buffer; encoding: number; storedBytes: number } {
  const inner = encodeValue(kind, json, plainBytes, compress);
  const stored = seal.seal(typeof inner.stored === 'string' ? Buffer.from(inner.stored, 'utf8') : inner.stored, key);
  return { stored, encoding: inner.encoding | SEALED, storedBytes: stored.length };
}

/**
 * The JSON text of a stored value, opening a sealed one with `seal` (a plain row from before sealing
 * reads as it is); throws CorruptValueError when it cannot be decoded or opened.
 */
export function decodeStored(stored: string | Buffer, encoding: number, key: string, seal: ValueSeal | undefined): string {
  if ((encoding & SEALED) === 0) return decodeValue(stored, encoding);
  if (!seal || !Buffer.isBuffer(stored)) throw new CorruptValueError('a sealed value cannot be opened without the data key it was sealed with');
  let opened: Buffer;
  try {
    opened = seal.open(stored, key);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    throw new CorruptValueError(`a sealed value did not open (${error.message})`);
  }
  const inner = encoding & ~SEALED;
  return decodeValue(inner === ENCODING.plain ? opened.toString('utf8') : opened, inner);
}

/** Text (a canonical key, which can be the brief as written) sealed for cache.db's text columns. */
const SEALED_TEXT = 's1.';
export function sealText(text: string, key: string, seal: ValueSeal | undefined): string {
  return seal ? SEALED_TEXT + seal.seal(Buffer.from(text, 'utf8'), key).toString('base64') : text;
}

/** The text sealText made; plain text from before sealing reads as it is; undefined when it does not open. */
export function openText(text: string, key: string, seal: ValueSeal | undefined): string | undefined {
  if (!text.startsWith(SEALED_TEXT)) return text;
  if (!seal) return undefined;
  try {
    return seal.open(Buffer.from(text.slice(SEALED_TEXT.length), 'base64'), key).toString('utf8');
  } catch (error) {
    if (error instanceof SealError) return undefined;
    throw error;
  }
}

/** The JSON text of a stored value; throws CorruptValueError when it cannot be decoded. */
export function decodeValue(stored: string | Buffer, encoding: number): string {
  if (encoding === ENCODING.plain && typeof stored === 'string') return stored;
  if ((encoding === ENCODING.deflateDictV1 || encoding === ENCODING.deflateDictV1Ascii) && Buffer.isBuffer(stored)) {
    try {
      // Rows written before the ASCII form hold UTF-8; latin1 reads an ASCII row without a UTF-8 check.
      return zlib.inflateRawSync(stored, { dictionary: PERSONA_DICTIONARY_V1 }).toString(encoding === ENCODING.deflateDictV1Ascii ? 'latin1' : 'utf8');
    } catch (error) {
      throw new CorruptValueError(`a compressed value does not inflate (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  throw new CorruptValueError(`a value is stored with encoding ${encoding} as ${typeof stored === 'string' ? 'text' : 'bytes'}, which this version cannot read`);
}

/** One row's value is unreadable (the file itself may be fine): the row is dropped and read as a miss. */
export class CorruptValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorruptValueError';
  }
}
