/** `persona-studio workshops`: list, create, rename, switch, archive, restore, delete, export and import the workshops in the data folder. */
import fs from 'node:fs';
import { defaultDataDir } from '../main/platform';
import type { Core } from '../main/core';
import type { WorkshopSummary } from '../shared/workshop';
import { workshopFieldsSchema } from '../shared/workshop';
import { parseFlags, UsageError, type CliIo } from './args';
import { deletedLine, findWorkshop, refuseWithoutYes, withCore } from './work-helpers';

export const WORKSHOPS_USAGE = `persona-studio workshops [list [--all] [--json]
                          | create NAME [--client C] [--description D]
                          | rename ID|NAME NEW_NAME [--client C] [--description D]
                          | select ID|NAME | archive ID|NAME | restore ID|NAME
                          | delete ID|NAME --yes [--delete-backups]
                          | export ID|NAME --out FILE | import FILE [--remap]] [--data DIR]

  The workshops in the data folder, shared with the app. list (the default) marks the current one
  with *, where new runs go; --all adds archived ones. select makes one current; archive hides one
  from the lists (its runs stay searchable) until restored. delete removes a workshop with all its
  runs, personas and edits for good: without --yes it only says what would go. Backups of app.db
  taken since still hold it; --delete-backups deletes those too. export writes a workshop with its
  runs, personas, edits, interviews, focus groups and concept tests to one bundle file (gzipped
  JSON); import reads one into this data folder, keeping its ids. Importing the same bundle again
  adds nothing; --remap imports a copy under new ids. A damaged bundle, one from a newer version or
  a file that is not a bundle is refused whole (exit 1).

  --data DIR         data folder (default ${defaultDataDir()})`;

const SUBCOMMANDS = ['list', 'create', 'rename', 'select', 'archive', 'restore', 'delete', 'export', 'import'] as const;

export async function runWorkshops(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    all: { type: 'boolean' },
    json: { type: 'boolean' },
    client: { type: 'string' },
    description: { type: 'string' },
    yes: { type: 'boolean' },
    'delete-backups': { type: 'boolean' },
    out: { type: 'string' },
    remap: { type: 'boolean' },
    data: { type: 'string' },
  });
  const [sub = 'list', ...args] = positionals;
  if (!(SUBCOMMANDS as readonly string[]).includes(sub)) throw new UsageError(`unknown workshops command "${sub}"; use one of ${SUBCOMMANDS.join(', ')}`);
  const expect = (count: number, shape: string) => {
    if (args.length !== count) throw new UsageError(`workshops ${sub} takes ${shape}${args.length > count ? ` (unexpected "${args[count]}"; quote a name with spaces)` : ''}`);
  };
  const fields = (name: string | undefined) => {
    const parsed = workshopFieldsSchema.partial().safeParse({ ...(name !== undefined ? { name } : {}), ...(values.client !== undefined ? { client: values.client } : {}), ...(values.description !== undefined ? { description: values.description } : {}) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UsageError(`${issue.path[0] === 'name' ? 'the name' : `--${String(issue.path[0])}`} ${issue.message}`);
    }
    return parsed.data;
  };
  if (sub === 'create') expect(1, 'a NAME');
  else if (sub === 'rename') expect(2, 'the workshop and its NEW_NAME');
  else if (sub === 'import') expect(1, 'the bundle FILE');
  else if (sub !== 'list') expect(1, "a workshop's ID or NAME");
  else expect(0, 'no arguments');
  if (sub === 'export' && !values.out) throw new UsageError('workshops export needs --out FILE, the bundle file to write');
  const created = sub === 'create' || sub === 'rename' ? fields(args[sub === 'create' ? 0 : 1]) : undefined;

  return withCore(values.data, io, (core) => {
    if (sub === 'list') {
      const workshops = core.workshops.list({ includeArchived: values.all === true });
      const current = core.workshops.currentWorkshopId();
      if (values.json) io.out(JSON.stringify({ currentWorkshopId: current, workshops }, null, 2));
      else io.out(table(workshops, current));
      return 0;
    }
    if (sub === 'create') {
      const workshop = core.workshops.create({ ...created, name: created!.name! });
      io.out(`Created workshop "${workshop.name}" (${workshop.id}).`);
      return 0;
    }
    if (sub === 'import') return importBundle(core, args[0]!, values.remap === true, io);
    const workshop = findWorkshop(core, args[0]!);
    if (sub === 'rename') {
      const renamed = core.workshops.update(workshop.id, created!);
      io.out(`Renamed workshop "${workshop.name}" to "${renamed.name}"${renamed.client ? ` (client ${renamed.client})` : ''}.`);
    } else if (sub === 'select') {
      core.workshops.select(workshop.id);
      io.out(`New runs now go to "${workshop.name}".`);
    } else if (sub === 'export') {
      fs.writeFileSync(values.out!, core.bundles.export(workshop.id));
      io.out(`Exported "${workshop.name}" (${workshop.runCount} runs, ${workshop.personaCount} personas) to ${values.out}.`);
    } else if (sub === 'archive' || sub === 'restore') {
      core.workshops.archive(workshop.id, sub === 'archive');
      io.out(sub === 'archive' ? `Archived "${workshop.name}": hidden from the lists, its runs still found by search.` : `Restored "${workshop.name}".`);
    } else {
      const folder = core.recovery.folder;
      const preview = core.workshops.previewDeletion({ workshopId: workshop.id });
      if (!values.yes) return refuseWithoutYes(io, `the workshop "${workshop.name}"`, preview, folder);
      const result = core.workshops.deleteWorkshop(workshop.id, { deleteBackups: values['delete-backups'] === true });
      io.out(deletedLine(`the workshop "${workshop.name}"`, result, preview.backups, folder));
    }
    return 0;
  });
}

function importBundle(core: Core, file: string, remap: boolean, io: CliIo): number {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    io.err(`error: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}); give the path of a bundle made by "workshops export"`);
    return 1;
  }
  const result = core.bundles.import(bytes, { remap });
  if (result.alreadyImported) {
    io.out(`"${result.workshopName}" (${result.workshopId}) is already imported: nothing added. Use --remap to import a copy under new ids.`);
    return 0;
  }
  const { runs, personas, edits, interviews, focus_groups: groups, concept_tests: concepts } = result.counts;
  io.out(`Imported workshop "${result.workshopName}" (${result.workshopId})${result.remapped ? ' under new ids' : ''}: ${runs} runs, ${personas} personas, ${edits} edits, ${interviews + groups + concepts} conversations.`);
  return 0;
}

function table(workshops: readonly WorkshopSummary[], current: string): string {
  if (workshops.length === 0) return 'No workshops yet: persona-studio workshops create NAME makes one.';
  const rows = [
    ['', 'id', 'name', 'client', 'runs', 'personas', ''],
    ...workshops.map((w) => [w.id === current ? '*' : '', w.id, w.name, w.client ?? '-', String(w.runCount), String(w.personaCount), w.archivedAt ? 'archived' : '']),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 4 || i === 5 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}
