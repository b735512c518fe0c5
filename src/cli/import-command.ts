/**
 * `persona-studio import FILE|-`: personas written elsewhere (Markdown, prose, JSON, JSON lines,
 * CSV, Word, this app's own exports, TinyTroupe specs) read with the same repair as the app's
 * Import screen and saved as a run marked imported; --dry-run shows what would be saved.
 * Exit 0 when personas were read, 1 when nothing is a persona (or the file cannot be read), 2 on usage errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../main/core';
import { defaultDataDir } from '../main/platform';
import type { ImportedPersona, ImportSource, PersonaImportPreview } from '../shared/importing';
import { LEVELS, type Level } from '../shared/persona';
import { runTitleSchema, type WorkshopSummary } from '../shared/workshop';
import { parseFlags, UsageError, type CliIo } from './args';
import { withCore } from './work-helpers';

export const IMPORT_USAGE = `persona-studio import FILE|- [--workshop NAME] [--level LEVEL] [--title T] [--description D]
                      [--dry-run] [--json] [--data DIR]

  Reads personas from FILE (.md, .txt, .json, .jsonl, .csv, .docx, this app's exports, TinyTroupe
  specs) or, with -, from standard input, and saves them as one run marked "imported". Prints what
  was read as written, repaired to fit and filled because the source lacked it. Exit 1 with the
  reason when nothing in it is a persona (a refusal, empty or unrelated text).

  --workshop NAME    the workshop to import into, by name (any case) or id; made when none has the
                     name (default: the current one, as in the app)
  --level LEVEL      ${LEVELS.join(' | ')} (default standard): the fields each persona must have
  --title T          the run's title (default "Imported from FILE")
  --description D    what the personas are for, at least 10 characters: they are scored against it
  --dry-run          save nothing; with --json print the persona document with its report
  --json             print the result as JSON
  --data DIR         data folder (default ${defaultDataDir()})`;

interface ImportArgs {
  input: string;
  level: Level;
  workshop: string | undefined;
  title: string | undefined;
  description: string | undefined;
  dryRun: boolean;
  json: boolean;
  dataDir: string | undefined;
}

export async function runImport(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseImportArgs(argv);
  const read = await readInput(args.input, io);
  if ('error' in read) {
    io.err(`error: ${read.error}`);
    return 1;
  }
  return withCore(args.dataDir, io, async (core) => {
    const description = args.description !== undefined ? { description: args.description } : {};
    const { preview, document } = await core.importing.inspect({ source: read.source, level: args.level, ...description }, { textName: 'standard input' });
    if (preview.kind === 'bundle') {
      io.err(`error: ${preview.sourceName} is a workshop bundle ("${preview.workshopName}"), not a list of personas; import it whole with: persona-studio workshops import ${args.input}`);
      return 1;
    }
    if (args.dryRun) {
      if (args.json) io.out(JSON.stringify({ ...document, import: importReport(preview) }, null, 2));
      else io.out([`${preview.personas.length} personas in ${preview.sourceName} (${preview.format}); nothing was saved (--dry-run).`, ...personaLines(preview)].join('\n'));
      return 0;
    }
    const workshop = args.workshop === undefined ? core.store.getWorkshop(core.workshops.currentWorkshopId())! : workshopNamed(core, args.workshop);
    const run = core.importing.commit({
      personas: preview.personas.map((p) => p.persona),
      level: args.level,
      workshopId: workshop.id,
      ...(args.title !== undefined ? { title: args.title } : {}),
      ...description,
      sourceName: preview.sourceName,
      format: preview.format,
    });
    if (args.json) io.out(JSON.stringify({ preview, run }, null, 2));
    else io.out([`Imported ${run.count} personas into ${workshop.name} as run ${run.id} (${run.title})`, ...personaLines(preview)].join('\n'));
    return 0;
  });
}

/** The file's bytes (its name tells the format) or standard input's text (its content does). */
async function readInput(input: string, io: CliIo): Promise<{ source: ImportSource } | { error: string }> {
  if (input === '-') {
    const text = await io.readStdin?.();
    if (text === undefined) throw new UsageError('import - reads standard input: pipe the text in, e.g. persona-studio import - < personas.md');
    return { source: { kind: 'text', text } };
  }
  try {
    return { source: { kind: 'file', fileName: path.basename(input), base64: fs.readFileSync(input).toString('base64') } };
  } catch (error) {
    return { error: `cannot read ${input} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}); give the path of a file that describes personas, or - for standard input` };
  }
}

/** A workshop by id or name (any case); a name no workshop has makes one, a name two share is a usage error. */
function workshopNamed(core: Core, text: string): WorkshopSummary {
  const all = core.workshops.list({ includeArchived: true });
  const wanted = text.trim().toLocaleLowerCase();
  const found = all.filter((w) => w.id === text.trim());
  const named = found.length > 0 ? found : all.filter((w) => w.name.toLocaleLowerCase() === wanted);
  if (named.length > 1) throw new UsageError(`--workshop "${text}" matches ${named.length} workshops; give its id: ${named.map((w) => `"${w.name}" (${w.id})`).join(', ')}`);
  const workshop = named[0] ?? core.workshops.create({ name: text.trim() });
  if (workshop.archivedAt) throw new UsageError(`--workshop "${workshop.name}" is archived; restore it first: persona-studio workshops restore ${workshop.id}`);
  return workshop;
}

function personaLines(preview: PersonaImportPreview): string[] {
  const line = (p: ImportedPersona) =>
    `  ${p.persona.name}${p.nameKind === 'archetype' ? ' (archetype: no personal name given)' : ''}: read ${p.read.length}, repaired ${p.repaired.length}, filled ${p.filled.length}${p.filled.length > 0 ? ` (${p.filled.join(', ')})` : ''}; score ${p.score}`;
  return [...preview.personas.map(line), ...preview.notes.map((note) => `  note: ${note}`)];
}

/** The per-persona report beside the document: what each persona's fields came from. */
function importReport(preview: PersonaImportPreview) {
  const { sourceName, format, notes, announced } = preview;
  return { sourceName, format, notes, announced, personas: preview.personas.map(({ persona, read, repaired, filled, nameKind, score }) => ({ name: persona.name, nameKind, score, read, repaired, filled })) };
}

function parseImportArgs(argv: readonly string[]): ImportArgs {
  const { values, positionals } = parseFlags(argv, {
    workshop: { type: 'string' },
    level: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    data: { type: 'string' },
  });
  if (positionals.length === 0) throw new UsageError('import needs the FILE to read, or - for standard input');
  if (positionals.length > 1) throw new UsageError(`import reads one file at a time (unexpected "${positionals[1]}"); quote a path with spaces`);
  if (values.level !== undefined && !(LEVELS as readonly string[]).includes(values.level)) throw new UsageError(`--level must be one of ${LEVELS.join(', ')} (got ${JSON.stringify(values.level)})`);
  if (values.title !== undefined) {
    const title = runTitleSchema.safeParse(values.title);
    if (!title.success) throw new UsageError(`--title ${title.error.issues[0]!.message}`);
  }
  const description = values.description?.trim();
  if (description !== undefined && ([...description].length < 10 || description.length > 2000)) {
    throw new UsageError('--description must be 10 to 2000 characters: what the personas are for, e.g. "meal kits for busy parents in Lyon"');
  }
  return {
    input: positionals[0]!,
    level: (values.level as Level | undefined) ?? 'standard',
    workshop: values.workshop,
    title: values.title,
    description,
    dryRun: values['dry-run'] === true,
    json: values.json === true,
    dataDir: values.data,
  };
}
