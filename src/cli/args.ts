/** Argument helpers shared by the commands: usage errors that name the flag and the accepted values. */
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Raw text to standard error when it is a terminal, for a line rewritten in place (\r); absent otherwise. */
  errInPlace?: (text: string) => void;
  /** The whole of standard input, for `repair`; undefined when stdin is a terminal. */
  readStdin?: () => Promise<string | undefined>;
}

export function wholeNumber(text: string, flag: string, accepted: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`${flag} must be ${accepted} (got ${JSON.stringify(text)})`);
  return Number(text);
}

export function formatValue(value: unknown): string {
  return typeof value === 'string' && /^-?\d+$/.test(value) ? value : JSON.stringify(value);
}

/** node:util parseArgs errors, said in the command's own terms. */
export function describeParseError(error: Error & { code?: string }, options: readonly string[]): string {
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return `unknown option ${unknown[1]}; the options are ${options.join(', ')}`;
  const missing = /Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument (?:is )?(missing|ambiguous)/.exec(error.message);
  if (missing?.[2] === 'ambiguous') return `${missing[1]} needs a value; for a value starting with "-" write ${missing[1]}=VALUE`;
  if (missing) return `${missing[1]} needs a value`;
  return error.message.split('\n')[0]!;
}

type FlagOptions = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
type FlagConfig<O extends FlagOptions> = { args: string[]; allowPositionals: true; strict: true; options: O };

/** A command's flags and positionals; an unknown or valueless flag is a UsageError listing the flags. */
export function parseFlags<O extends FlagOptions>(argv: readonly string[], options: O): ReturnType<typeof parseArgs<FlagConfig<O>>> {
  try {
    return parseArgs<FlagConfig<O>>({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(describeParseError(error as Error, [...Object.keys(options).map((name) => `--${name}`), '--help']));
  }
}

/** "25-40" → [25, 40]; the bounds themselves are checked with the brief. */
export function ageRange(text: string): [number, number] {
  const m = /^\s*(\d{1,3})\s*-\s*(\d{1,3})\s*$/.exec(text);
  if (!m) throw new UsageError(`--age must be two whole ages from 16 to 99 written MIN-MAX, e.g. 25-40 (got ${JSON.stringify(text)})`);
  return [Number(m[1]), Number(m[2])];
}
