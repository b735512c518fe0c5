/**
 * isCorruption: whether an error means cache.db itself is damaged. Only SQLite's own word counts (a
 * corrupt page, a file that is not a database, at open or in use) and a failed integrity check:
 * a bug, a full disk or a locked file is no reason to throw the file away.
 */
import Database from 'better-sqlite3';
import { DatabaseOpenError } from '../platform';

/** What the integrity check throws: SQLite read every page and found damage. */
export class IntegrityError extends Error {
  constructor(report: string) {
    super(`integrity check failed: ${report}`);
    this.name = 'IntegrityError';
  }
}

export function isCorruption(error: unknown): boolean {
  if (error instanceof IntegrityError) return true;
  // openDatabase wraps SQLite's errors at open time and has already classified them.
  if (error instanceof DatabaseOpenError) return error.failure === 'damaged';
  return error instanceof Database.SqliteError && isCorruptCode(error.code);
}

/** SQLITE_CORRUPT and SQLITE_NOTADB, with their extended codes (SQLITE_CORRUPT_INDEX, ...). */
function isCorruptCode(code: string): boolean {
  return ['SQLITE_CORRUPT', 'SQLITE_NOTADB'].some((base) => code === base || code.startsWith(`${base}_`));
}
