/**
 * `persona-studio repair`: a raw LLM answer on stdin, the repaired persona document with its
 * report on stdout. Exit 0 when personas came out, 1 when nothing was recoverable, 2 on usage errors.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { briefSchema, LEVELS, MAX_PERSONAS, personaDocumentSchema, type Brief, type Level } from '../shared/persona';
import { DATASET_DIR } from '../main/platform';
import { repairAnswer } from '../main/generation';
import { NothingRecoverableError } from '../main/validation';
import { loadDataset } from '../main/world';
import { parseFlags, UsageError, wholeNumber, type CliIo } from './args';

export const REPAIR_USAGE = `persona-studio repair [--level LEVEL] [--count N] [--brief-file FILE] < answer.txt

  Reads a raw LLM answer on standard input and prints the repaired persona document, with a report
  of every fix, as JSON. Exit 0 when personas were recovered, 1 when nothing could be.

  --level LEVEL      ${LEVELS.join(' | ')} (default: the brief's level, else standard)
  --count N          personas asked for, 1-${MAX_PERSONAS}: more are cut, fewer reported (default: the brief's count, else all)
  --brief-file FILE  the brief as JSON (or a persona document holding one): missing fields are filled from it`;

export async function runRepair(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseRepairArgs(argv);
  const raw = await io.readStdin?.();
  if (raw === undefined) throw new UsageError('pipe the raw answer on standard input, e.g. persona-studio repair --level standard --count 5 < answer.txt');

  const dataset = loadDataset(DATASET_DIR);
  const level = args.level ?? (args.brief?.level as Level | undefined) ?? 'standard';
  const count = args.count ?? args.brief?.count;
  try {
    const { document } = await repairAnswer(raw, { level, ...(count !== undefined ? { count } : {}), ...(args.brief ? { brief: args.brief } : {}), dataset });
    io.out(JSON.stringify(document, null, 2));
    return 0;
  } catch (error) {
    if (!(error instanceof NothingRecoverableError)) throw error;
    io.err(`error: nothing recoverable: ${error.message}`);
    return 1;
  }
}

interface RepairArgs {
  level?: Level;
  count?: number;
  brief?: Brief;
}

function parseRepairArgs(argv: readonly string[]): RepairArgs {
  const { values, positionals } = parseFlags(argv, { level: { type: 'string' }, count: { type: 'string' }, 'brief-file': { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; repair reads the answer from standard input`);
  const args: RepairArgs = {};
  if (values.level !== undefined) {
    if (!(LEVELS as readonly string[]).includes(values.level)) throw new UsageError(`--level must be one of ${LEVELS.join(', ')} (got ${JSON.stringify(values.level)})`);
    args.level = values.level as Level;
  }
  if (values.count !== undefined) {
    const accepted = `a whole number from 1 to ${MAX_PERSONAS}`;
    const count = wholeNumber(values.count, '--count', accepted);
    if (count < 1 || count > MAX_PERSONAS) throw new UsageError(`--count must be ${accepted} (got ${count})`);
    args.count = count;
  }
  if (values['brief-file'] !== undefined) args.brief = readBriefFile(values['brief-file']);
  return args;
}

const briefFileSchema = z.union([briefSchema, personaDocumentSchema.pick({ schemaVersion: true }).extend({ brief: briefSchema })]);

function readBriefFile(file: string): Brief {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--brief-file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--brief-file ${file} is not JSON (${(error as Error).message})`);
  }
  const parsed = briefFileSchema.safeParse(json);
  if (!parsed.success) {
    const direct = briefSchema.safeParse(json);
    const issue = (direct.success ? parsed.error : direct.error).issues[0]!;
    throw new UsageError(`--brief-file ${file}: ${issue.path.join('.') || 'the brief'} ${issue.message}; a brief needs description (10+ characters), count and level`);
  }
  return 'schemaVersion' in parsed.data ? (parsed.data.brief as Brief) : parsed.data;
}
