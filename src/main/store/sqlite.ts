/** Opens a SQLite file the way both databases want it: WAL, foreign keys, migrations in order. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type SqliteDatabase = Database.Database;

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for another runtime (Electron's ABI). */
  nativeBinding?: string;
}

export class DatabaseOpenError extends Error {
  constructor(
    readonly file: string,
    reason: string,
    advice: string,
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
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 3000');
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
    );
  }
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
