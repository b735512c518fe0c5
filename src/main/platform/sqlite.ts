/** Opens a SQLite file the way both databases want it: WAL, foreign keys, migrations in order. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { chmodQuietly } from './data-dir';

export type SqliteDatabase = Database.Database;

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for another runtime (Electron's ABI). */
  nativeBinding?: string;
  /** Run SQLite's quick_check before writing anything, so a damaged file is refused untouched. */
  verify?: boolean;
  /** Zero deleted content (replaced keys, deleted runs and personas, purged cache entries), so it does not linger in free pages. */
  secureDelete?: boolean;
}

/**
 * Why a file would not open: damaged (a backup can replace it), written by a newer version (an
 * update opens it), or unavailable (permissions, a full disk, another program holding it: the file
 * itself is fine, so nothing may be done to it).
 */
export type OpenFailure = 'damaged' | 'newer_version' | 'unavailable';

export class DatabaseOpenError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    advice: string,
    readonly failure: OpenFailure,
  ) {
    super(`${path.basename(file)} at ${file} could not be opened: ${reason}. ${advice}`);
    this.name = 'DatabaseOpenError';
  }
}

const ADVICE: Record<OpenFailure, string> = {
  damaged: 'The file was left untouched; restore it from a backup, or move it aside to start with an empty one.',
  newer_version: 'Update Persona Studio to open it; the file was left untouched.',
  unavailable: 'The file was left untouched; check that the folder is writable, the disk has space and no other program holds the file, then start again.',
};

export function openDatabase(file: string, migrations: readonly string[], options: OpenOptions = {}): SqliteDatabase {
  const onDisk = file !== ':memory:' && file !== '';
  if (onDisk) fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  // Checked on a read-only connection first: closing it never folds a WAL into a file we refuse.
  if (onDisk && fs.existsSync(file)) preflight(file, binding, migrations.length, options.verify ?? false);
  // 0600 before SQLite writes a byte: it creates the -wal and -shm files with the database's own mode.
  if (onDisk) makePrivate(file);
  let db: SqliteDatabase;
  try {
    db = new Database(file, binding);
  } catch (error) {
    throw openError(file, error);
  }
  try {
    db.pragma('busy_timeout = 3000');
    db.pragma('journal_mode = WAL');
    // Set exactly, whatever the umask: a WAL left by another program or version keeps its own mode.
    if (onDisk) for (const suffix of ['-wal', '-shm']) if (fs.existsSync(file + suffix)) chmodQuietly(file + suffix, 0o600);
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // Deleted and replaced rows (an old API key, a removed persona) are zeroed, not left in free pages.
    if (options.secureDelete) db.pragma('secure_delete = ON');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw openError(file, error);
  }
}

/** Creates the file empty (SQLite reads a 0-byte file as a new database) or tightens it, mode 0600. */
function makePrivate(file: string): void {
  if (fs.existsSync(file)) return chmodQuietly(file, 0o600);
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
    // Exactly 0600 whatever the umask took away: the owner must be able to write it.
    if (process.platform !== 'win32') fs.chmodSync(file, 0o600);
  } catch {
    // A folder we cannot write to, or another process made it first: SQLite's own open decides.
  }
}

/** Reads the version and, when asked, checks every page, without writing anything. */
function preflight(file: string, binding: { nativeBinding?: string }, known: number, verify: boolean): void {
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file, { ...binding, readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 3000');
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > known) {
      throw new DatabaseOpenError(file, `it was written by a newer version of Persona Studio (schema ${current}, this version knows ${known})`, ADVICE.newer_version, 'newer_version');
    }
    if (verify) {
      const problems = db.pragma('quick_check(5)', { simple: false }) as Array<{ quick_check: string }>;
      if (problems[0]?.quick_check !== 'ok') {
        throw new DatabaseOpenError(file, `its integrity check failed (${problems.map((p) => p.quick_check).join('; ') || 'no answer'})`, ADVICE.damaged, 'damaged');
      }
    }
  } catch (error) {
    throw openError(file, error);
  } finally {
    db?.close();
  }
}

/** SQLite's own word decides whether a file is damaged; anything else leaves it alone. */
export function openError(file: string, error: unknown): DatabaseOpenError {
  if (error instanceof DatabaseOpenError) return error;
  const code = (error as { code?: unknown }).code;
  const damaged = typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
  const failure: OpenFailure = damaged ? 'damaged' : 'unavailable';
  return new DatabaseOpenError(file, describe(error), ADVICE[failure], failure);
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
