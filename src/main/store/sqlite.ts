/** Opens a SQLite file the way both databases want it: WAL, foreign keys, migrations in order. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type SqliteDatabase = Database.Database;

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for another runtime (Electron's ABI). */
  nativeBinding?: string;
  /** Run SQLite's quick_check before writing anything, so a damaged file is refused untouched. */
  verify?: boolean;
}

/** Why a file would not open: it is damaged (a backup can replace it), or written by a newer version. */
export type OpenFailure = 'damaged' | 'newer_version';

export class DatabaseOpenError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    advice: string,
    readonly failure: OpenFailure = 'damaged',
  ) {
    super(`${path.basename(file)} at ${file} could not be opened: ${reason}. ${advice}`);
    this.name = 'DatabaseOpenError';
  }
}

export function openDatabase(file: string, migrations: readonly string[], options: OpenOptions = {}): SqliteDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: SqliteDatabase;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new DatabaseOpenError(file, describe(error), 'Check that the folder is writable and the file is a SQLite database.');
  }
  try {
    refuseNewerSchema(db, file, migrations.length);
    if (options.verify) verifyPages(db);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 3000');
    // Deleted and replaced rows (an old API key, a removed persona) are zeroed, not left in free pages.
    db.pragma('secure_delete = ON');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError(
      file,
      describe(error),
      'The file was left untouched; restore it from a backup, or move it aside to start with an empty one.',
    );
  }
}

/** Checked before anything is written, so a newer app's file stays byte for byte as it was. */
function refuseNewerSchema(db: SqliteDatabase, file: string, known: number): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > known) {
    throw new DatabaseOpenError(
      file,
      `it was written by a newer version of Persona Studio (schema ${current}, this version knows ${known})`,
      'Update Persona Studio to open it; the file was left untouched.',
      'newer_version',
    );
  }
}

function verifyPages(db: SqliteDatabase): void {
  const problems = db.pragma('quick_check(5)', { simple: false }) as Array<{ quick_check: string }>;
  const first = problems[0]?.quick_check;
  if (first !== 'ok') throw new Error(`its integrity check failed (${problems.map((p) => p.quick_check).join('; ') || 'no answer'})`);
}

function migrate(db: SqliteDatabase, migrations: readonly string[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
