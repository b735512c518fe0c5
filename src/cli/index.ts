/**
 * persona-studio: the headless command line over the same core as the app.
 * Exit codes: 0 success, 1 the generation failed, 2 usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { briefInputSchema, type BriefInput } from '../shared/brief';
import { LEVELS, MAX_PERSONAS } from '../shared/persona';
import { createCore } from '../main/core';
import { defaultDataDir } from '../main/data-dir';
import { GenerationError } from '../main/generation/pipeline';

export const USAGE = `Usage: persona-studio generate "<brief>" [options]

Generates personas for a brief with the built-in offline engine and saves them in the data folder.

Options:
  --count N          number of personas, 1-${MAX_PERSONAS} (default 5)
  --level LEVEL      ${LEVELS.join(' | ')} (default standard)
  --location TEXT    where the personas live, e.g. "Lyon, France" (default: read from the brief)
  --age MIN-MAX      age range, e.g. 25-40 (default: read from the brief)
  --seed N           seed for a reproducible result, 0-4294967295
  --json             print the persona document as JSON instead of a summary
  --out FILE         also write the persona document to FILE
  --data DIR         data folder (default ${defaultDataDir()})
  -h, --help         show this help`;

export class UsageError extends Error {}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const FLAG_FOR_FIELD: Record<string, string> = {
  description: 'the brief',
  count: '--count',
  level: '--level',
  location: '--location',
  ageRange: '--age',
  seed: '--seed',
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ReturnType<typeof parseCommand>;
  try {
    args = parseCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}`);
      io.err('Run persona-studio --help for the options.');
      return 2;
    }
    throw error;
  }
  if (args === 'help') {
    io.out(USAGE);
    return 0;
  }

  let core;
  try {
    core = createCore({ dataDir: args.dataDir });
  } catch (error) {
    io.err(`error: ${(error as Error).message}`);
    return 1;
  }
  try {
    const { run, document } = await core.generate(args.brief);
    const json = JSON.stringify(document, null, 2);
    if (args.out) {
      fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
      fs.writeFileSync(args.out, `${json}\n`);
    }
    if (args.json) {
      io.out(json);
    } else {
      io.out(`${document.personas.length} ${document.level} personas from the ${run.provider} engine in ${run.durationMs.toFixed(1)} ms (seed ${run.seed}, score ${run.qualityScore})`);
      document.personas.forEach((p, i) => {
        const where = [p.location.city, p.location.country].join(', ');
        io.out(`${String(i + 1).padStart(3)}. ${p.name}, ${p.age}, ${p.occupation} (${where}) quality ${p.meta?.qualityScore ?? '-'}`);
      });
      io.out(`Saved as run ${run.id} in ${core.store.file}${args.out ? `; document written to ${args.out}` : ''}`);
    }
    return 0;
  } catch (error) {
    io.err(`error: ${error instanceof GenerationError || error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    core.close();
  }
}

function parseCommand(argv: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        count: { type: 'string' },
        level: { type: 'string' },
        location: { type: 'string' },
        age: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
        out: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(describeParseError(error as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help' as const;
  const [command, description, ...extra] = positionals;
  if (command === undefined) throw new UsageError('a command is required: persona-studio generate "<brief>"');
  if (command !== 'generate') throw new UsageError(`unknown command "${command}"; the command is generate`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"; put the whole brief in one pair of quotes`);

  const input: BriefInput = {
    description: description ?? '',
    count: values.count === undefined ? 5 : wholeNumber(values.count, '--count', `a whole number from 1 to ${MAX_PERSONAS}`),
    level: (values.level ?? 'standard') as BriefInput['level'],
    ...(values.location !== undefined ? { location: values.location } : {}),
    ...(values.age !== undefined ? { ageRange: ageRange(values.age) } : {}),
    ...(values.seed !== undefined ? { seed: wholeNumber(values.seed, '--seed', 'a whole number from 0 to 4294967295') } : {}),
  };
  const brief = briefInputSchema.safeParse(input);
  if (!brief.success) {
    const issue = brief.error.issues[0]!;
    const field = String(issue.path[0] ?? 'description');
    const got = field === 'description' ? (input.description.trim() === '' ? ' (it is empty)' : '') : ` (got ${formatValue(valueOf(values, field))})`;
    throw new UsageError(`${FLAG_FOR_FIELD[field] ?? field} ${issue.message}${got}`);
  }
  return { brief: brief.data, json: values.json === true, out: values.out, dataDir: values.data ?? defaultDataDir() };
}

function wholeNumber(text: string, flag: string, accepted: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`${flag} must be ${accepted} (got ${JSON.stringify(text)})`);
  return Number(text);
}

function ageRange(text: string): [number, number] {
  const m = /^\s*(\d{1,3})\s*-\s*(\d{1,3})\s*$/.exec(text);
  if (!m) throw new UsageError(`--age must be two whole ages from 16 to 99 written MIN-MAX, e.g. 25-40 (got ${JSON.stringify(text)})`);
  return [Number(m[1]), Number(m[2])];
}

function formatValue(value: unknown): string {
  return typeof value === 'string' && /^-?\d+$/.test(value) ? value : JSON.stringify(value);
}

function valueOf(values: Record<string, unknown>, field: string): unknown {
  const flag = FLAG_FOR_FIELD[field]?.replace(/^--/, '') ?? field;
  return values[flag];
}

function describeParseError(error: Error & { code?: string }): string {
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return `unknown option ${unknown[1]}; the options are --count, --level, --location, --age, --seed, --json, --out, --data, --help`;
  const missing = /Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument (?:is )?(missing|ambiguous)/.exec(error.message);
  if (missing?.[2] === 'ambiguous') return `${missing[1]} needs a value; for a value starting with "-" write ${missing[1]}=VALUE`;
  if (missing) return `${missing[1]} needs a value`;
  return error.message.split('\n')[0]!;
}
