/** cache.db's schema, one migration per version (openDatabase runs those the file has not had), and its page size. */
import type { SqliteDatabase } from '../platform';

export const CACHE_DB_MIGRATIONS: readonly string[] = [
  `CREATE TABLE entries (
     key TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     canonical TEXT NOT NULL,
     value TEXT NOT NULL,
     size INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     stale_until INTEGER NOT NULL,
     quality REAL,
     hits INTEGER NOT NULL DEFAULT 0,
     last_access INTEGER NOT NULL
   ) WITHOUT ROWID;
   CREATE INDEX entries_stale ON entries (stale_until);
   CREATE TABLE accesses (
     id INTEGER PRIMARY KEY,
     at INTEGER NOT NULL,
     kind TEXT NOT NULL,
     key TEXT NOT NULL,
     canonical TEXT NOT NULL,
     previous_key TEXT
   );`,
  'CREATE INDEX accesses_previous ON accesses (previous_key);',
  // Rows written before compression are plain, and their plain size is their size.
  `ALTER TABLE entries ADD COLUMN encoding INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE entries ADD COLUMN plain_size INTEGER;
   UPDATE entries SET plain_size = size;
   CREATE TABLE stats (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;`,
  // Successors are predicted from the history read in order (preload-prediction.ts): nothing looks rows up by
  // previous_key, and the index only cost a write per logged request. IF EXISTS: a file may have lost it already.
  'DROP INDEX IF EXISTS accesses_previous;',
  // Whether an entry was preloaded and not yet asked for, kept with the row: a preload is counted used once, at
  // the first get that finds it fresh, whether L1 still holds it or cache.db answers (after an eviction or a restart).
  'ALTER TABLE entries ADD COLUMN preloaded INTEGER NOT NULL DEFAULT 0;',
];

/** Measured on generation entries: 4096-byte pages store them compressed in 0.46 of the plain file's bytes, 2048 in 0.36. */
const PAGE_BYTES = 2048;
/**
 * Values of a few KB (most generations, compressed) spill into overflow pages, which waste on
 * average half a page each: smaller pages waste less. Only an empty file is converted (a VACUUM,
 * which WAL forbids changing the page size around), so opening a full cache stays quick.
 */
export function smallPages(db: SqliteDatabase): void {
  if (db.pragma('page_size', { simple: true }) === PAGE_BYTES) return;
  if ((db.prepare('SELECT COUNT(*) AS n FROM entries').get() as { n: number }).n > 0) return;
  db.pragma('journal_mode = DELETE');
  db.pragma(`page_size = ${PAGE_BYTES}`);
  db.exec('VACUUM');
  db.pragma('journal_mode = WAL');
}
