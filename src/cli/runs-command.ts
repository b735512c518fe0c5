/** `persona-studio runs`: list, rename, move, duplicate and delete the saved runs in the data folder. */
import { defaultDataDir } from '../main/platform';
import type { RunSummary } from '../shared/workshop';
import { runTitleSchema } from '../shared/workshop';
import { parseFlags, UsageError, type CliIo } from './args';
import { deletedLine, findWorkshop, refuseWithoutYes, withCore } from './work-helpers';

export const RUNS_USAGE = `persona-studio runs [list [--workshop ID|NAME] [--json]
                     | rename RUN_ID TITLE | move RUN_ID --to ID|NAME | duplicate RUN_ID
                     | delete RUN_ID --yes [--delete-backups]] [--data DIR]

  The saved runs (their ids are printed by generate and by runs list). list (the default) shows the
  current workshop's runs, or those of --workshop. A title made from the brief is used until a run
  is renamed. move takes a run with its personas and edits to another workshop; duplicate makes a
  copy that can be changed without touching the original. delete removes a run with its personas
  and edits for good: without --yes it only says what would go. Backups of app.db taken since
  still hold it; --delete-backups deletes those too.

  --data DIR         data folder (default ${defaultDataDir()})`;

const SUBCOMMANDS = ['list', 'rename', 'move', 'duplicate', 'delete'] as const;

export async function runRuns(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    workshop: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
    yes: { type: 'boolean' },
    'delete-backups': { type: 'boolean' },
    data: { type: 'string' },
  });
  const [sub = 'list', ...args] = positionals;
  if (!(SUBCOMMANDS as readonly string[]).includes(sub)) throw new UsageError(`unknown runs command "${sub}"; use one of ${SUBCOMMANDS.join(', ')}`);
  const expected = { list: 0, rename: 2, move: 1, duplicate: 1, delete: 1 }[sub as (typeof SUBCOMMANDS)[number]];
  if (args.length !== expected) {
    const shape = { list: 'no arguments', rename: 'a RUN_ID and a TITLE', move: 'a RUN_ID', duplicate: 'a RUN_ID', delete: 'a RUN_ID' }[sub as (typeof SUBCOMMANDS)[number]];
    throw new UsageError(`runs ${sub} takes ${shape}${args.length > expected ? ` (unexpected "${args[expected]}"; quote a title with spaces)` : ''}`);
  }
  if (sub === 'move' && !values.to) throw new UsageError('runs move needs --to: the workshop (id or name) to move the run to');
  let title: string | undefined;
  if (sub === 'rename') {
    const parsed = runTitleSchema.safeParse(args[1]);
    if (!parsed.success) throw new UsageError(`the title ${parsed.error.issues[0]!.message}`);
    title = parsed.data;
  }
  const runId = args[0]!;

  return withCore(values.data, io, (core) => {
    if (sub === 'list') {
      const workshop = values.workshop ? findWorkshop(core, values.workshop, '--workshop') : core.store.getWorkshop(core.workshops.currentWorkshopId())!;
      const runs = core.workshops.listRuns(workshop.id, 500);
      if (values.json) io.out(JSON.stringify({ workshop, runs }, null, 2));
      else io.out(runs.length === 0 ? `No runs in "${workshop.name}" yet.` : `Runs in "${workshop.name}":\n${table(runs)}`);
      return 0;
    }
    if (sub === 'rename') {
      const run = core.workshops.renameRun(runId, title!);
      io.out(`Renamed run ${run.id} to "${run.title}".`);
    } else if (sub === 'move') {
      const target = findWorkshop(core, values.to!, '--to');
      const run = core.workshops.moveRun(runId, target.id);
      io.out(`Moved "${run.title}" to "${target.name}".`);
    } else if (sub === 'duplicate') {
      const copy = core.workshops.duplicateRun(runId);
      io.out(`Copied as run ${copy.id}: "${copy.title}".`);
    } else {
      const folder = core.recovery.folder;
      const preview = core.workshops.previewDeletion({ runId });
      const what = `the run "${core.workshops.getRun(runId).title}"`;
      if (!values.yes) return refuseWithoutYes(io, what, preview, folder);
      const result = core.workshops.deleteRun(runId, { deleteBackups: values['delete-backups'] === true });
      io.out(deletedLine(what, result, preview.backups, folder));
    }
    return 0;
  });
}

function table(runs: readonly RunSummary[]): string {
  const rows = [
    ['id', 'started', 'count', 'status', 'title'],
    ...runs.map((r) => [r.id, r.startedAt.slice(0, 16).replace('T', ' '), String(r.count), r.status, r.title]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}
