/** What the workshops and runs commands share: the core for one command, a workshop named by id or name, the words for a delete. */
import type { Core } from '../main/core';
import { AppError } from '../main/platform';
import type { DeletionPreview, WorkshopSummary } from '../shared/workshop';
import { UsageError, type CliIo } from './args';
import { openCoreQuietly } from './open-core';

/** Runs `work` on the data folder's core; an AppError (nothing by that id, a refused change) is printed and exits 1. */
export async function withCore(dataDir: string | undefined, io: CliIo, work: (core: Core) => number | Promise<number>): Promise<number> {
  const core = openCoreQuietly(dataDir, io);
  if (!core) return 1;
  try {
    return await work(core);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.err(`error: ${error.message}`);
    return 1;
  } finally {
    core.close();
  }
}

/**
 * The workshop an argument names: its id, else its name (any case, archived ones included). An
 * unknown or ambiguous name is a usage error that lists the choices.
 */
export function findWorkshop(core: Core, text: string, flag = 'the workshop'): WorkshopSummary {
  const all = core.workshops.list({ includeArchived: true });
  const byId = all.find((w) => w.id === text.trim());
  if (byId) return byId;
  const wanted = text.trim().toLocaleLowerCase();
  const named = all.filter((w) => w.name.toLocaleLowerCase() === wanted);
  if (named.length === 1) return named[0]!;
  const choices = (named.length > 1 ? named : all).map((w) => `"${w.name}" (${w.id}${w.archivedAt ? ', archived' : ''})`).join(', ');
  if (named.length > 1) throw new UsageError(`${flag} "${text}" matches ${named.length} workshops; give its id: ${choices}`);
  throw new UsageError(`${flag} "${text}" is not a workshop's id or name; the workshops are ${choices || 'none yet'}`);
}

/** "3 runs, 12 personas and 2 edits", with ", 2 edits and 4 conversations" when there are interviews, focus groups or concept tests. */
export function deletionWords(counts: Pick<DeletionPreview, 'runs' | 'personas' | 'edits' | 'conversations'>): string {
  const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
  if (counts.conversations > 0) return `${n(counts.runs, 'run')}, ${n(counts.personas, 'persona')}, ${n(counts.edits, 'edit')} and ${n(counts.conversations, 'conversation')}`;
  return `${n(counts.runs, 'run')}, ${n(counts.personas, 'persona')} and ${n(counts.edits, 'edit')}`;
}

/** Prints what a delete would remove and refuses: a delete needs --yes. Exit 2, as for a usage error. */
export function refuseWithoutYes(io: CliIo, what: string, preview: DeletionPreview, backupsFolder: string): number {
  io.out(`Deleting ${what} would remove ${deletionWords(preview)} for good.`);
  if (preview.backups > 0) io.out(`${preview.backups} ${preview.backups === 1 ? 'backup' : 'backups'} of app.db in ${backupsFolder} still hold them; add --delete-backups to delete those too.`);
  io.err('error: nothing was deleted; add --yes to delete.');
  return 2;
}

/** The line after a delete, with what the backups still hold. */
export function deletedLine(what: string, result: { deleted: Pick<DeletionPreview, 'runs' | 'personas' | 'edits' | 'conversations'>; backupsDeleted: number }, backupsLeft: number, backupsFolder: string): string {
  const backups =
    result.backupsDeleted > 0
      ? ` ${result.backupsDeleted} ${result.backupsDeleted === 1 ? 'backup that held it was' : 'backups that held it were'} deleted too.`
      : backupsLeft > 0
        ? ` ${backupsLeft} ${backupsLeft === 1 ? 'backup' : 'backups'} in ${backupsFolder} taken before still ${backupsLeft === 1 ? 'holds' : 'hold'} it.`
        : '';
  return `Deleted ${what}: ${deletionWords(result.deleted)}.${backups}`;
}
