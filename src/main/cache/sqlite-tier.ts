/**
 * SqliteTier: L2, the statements on cache.db, a SQLite file of its own (never app.db), WAL, values as
 * compact JSON. Access counts are kept in memory and written in batches by the sweep, so a hit costs
 * one select. Opening throws on a file it cannot use; CacheFile decides what to do about it.
 */
import { openDatabase, type SqliteDatabase } from '../platform';
import { IntegrityError } from './corruption';

/** An entry as a hit reads it: value, size, expiresAt, staleUntil, hits (a tuple: no object per read). */
export type L2Row = [value: string, size: number, expiresAt: number, staleUntil: number, hits: number];

export interface StoredEntry {
  key: string;
  kind: string;
  canonical: string;
  json: string;
  size: number;
  expiresAt: number;
  staleUntil: number;
  quality?: number;
  hits: number;
  lastAccess: number;
}

export interface AccessRecord {
  at: number;
  kind: string;
  key: string;
  canonical: string;
  previousKey: string | null;
}

const MIGRATIONS = [
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
];

export class SqliteTier {
  private readonly statements;
  private pendingAccess = new Map<string, { hits: number; lastAccess: number }>();
  bytes: number;

  private constructor(
    readonly file: string,
    private readonly db: SqliteDatabase,
  ) {
    this.statements = {
      get: db.prepare<[string], L2Row>('SELECT value, size, expires_at, stale_until, hits FROM entries WHERE key = ?').raw(true),
      put: db.prepare(
        `INSERT INTO entries (key, kind, canonical, value, size, expires_at, stale_until, quality, hits, last_access)
         VALUES (@key, @kind, @canonical, @json, @size, @expiresAt, @staleUntil, @quality, @hits, @lastAccess)
         ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, canonical = excluded.canonical, value = excluded.value, size = excluded.size,
           expires_at = excluded.expires_at, stale_until = excluded.stale_until, quality = excluded.quality, last_access = excluded.last_access`,
      ),
      entry: db.prepare<[string], Omit<StoredEntry, 'key' | 'quality' | 'lastAccess'>>('SELECT kind, canonical, value AS json, size, expires_at AS expiresAt, stale_until AS staleUntil, hits FROM entries WHERE key = ?'),
      sizeOf: db.prepare<[string], { size: number }>('SELECT size FROM entries WHERE key = ?'),
      delete: db.prepare<[string]>('DELETE FROM entries WHERE key = ?'),
      deleteAccesses: db.prepare<[string]>('DELETE FROM accesses WHERE key = ?'),
      expiredBatch: db.prepare<[number, number], { key: string; size: number }>('SELECT key, size FROM entries WHERE stale_until < ? LIMIT ?'),
      victims: db.prepare<[number], { key: string; size: number }>(
        // Recency and frequency: each hit (up to 16) is worth an hour of recency.
        'SELECT key, size FROM entries ORDER BY last_access + MIN(hits, 16) * 3600000 ASC LIMIT ?',
      ),
      touch: db.prepare<[number, number, string]>('UPDATE entries SET hits = hits + ?, last_access = MAX(last_access, ?) WHERE key = ?'),
      totalBytes: db.prepare<[], { bytes: number | null }>('SELECT SUM(size) AS bytes FROM entries'),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM entries'),
      clear: db.prepare('DELETE FROM entries'),
      logAccess: db.prepare('INSERT INTO accesses (at, kind, key, canonical, previous_key) VALUES (@at, @kind, @key, @canonical, @previousKey)'),
      recentAccesses: db.prepare<[number], AccessRecord>('SELECT at, kind, key, canonical, previous_key AS previousKey FROM accesses ORDER BY id DESC LIMIT ?'),
      trimAccesses: db.prepare<[number]>('DELETE FROM accesses WHERE id <= (SELECT MAX(id) FROM accesses) - ?'),
      successors: db.prepare<[string, number, number], { key: string; times: number }>(
        'SELECT key, COUNT(*) AS times FROM accesses WHERE previous_key = ? GROUP BY key HAVING COUNT(*) >= ? ORDER BY times DESC LIMIT ?',
      ),
    };
    this.bytes = this.statements.totalBytes.get()?.bytes ?? 0;
  }

  /** Opens (creating or migrating) cache.db; throws what openDatabase throws for a file it cannot use. */
  static open(file: string, nativeBinding?: string): SqliteTier {
    // Deleted entries are zeroed: a purged run's personas must not stay readable in free pages.
    const db = openDatabase(file, MIGRATIONS, { secureDelete: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      // Reads are the hot path: map the file and keep up to 32 MB of pages in memory (SQLite's default is 2 MB).
      db.pragma('mmap_size = 268435456');
      db.pragma('cache_size = -32768');
      return new SqliteTier(file, db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  get(key: string): L2Row | undefined {
    return this.statements.get.get(key);
  }

  /** A whole entry with its kind and canonical form (for promoting it without a get). */
  entry(key: string): Omit<StoredEntry, 'key' | 'quality' | 'lastAccess'> | undefined {
    return this.statements.entry.get(key);
  }

  put(entry: StoredEntry): void {
    const previous = this.statements.sizeOf.get(entry.key)?.size ?? 0;
    this.statements.put.run({ ...entry, quality: entry.quality ?? null });
    this.bytes += entry.size - previous;
  }

  delete(key: string): void {
    const previous = this.statements.sizeOf.get(key)?.size;
    if (previous === undefined) return;
    this.statements.delete.run(key);
    this.bytes -= previous;
  }

  /** Deletes entries and every logged request for them in one transaction, then empties the WAL; returns how many entries there were. */
  purge(keys: readonly string[]): number {
    let removed = 0;
    this.db.transaction(() => {
      for (const key of keys) {
        const size = this.statements.sizeOf.get(key)?.size;
        this.pendingAccess.delete(key);
        this.statements.deleteAccesses.run(key);
        if (size === undefined) continue;
        this.statements.delete.run(key);
        this.bytes -= size;
        removed++;
      }
    })();
    // The WAL still holds the pages as they were before the delete: fold it in and truncate it.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return removed;
  }

  /** Remembers a hit; written by `flushAccess`. */
  noteAccess(key: string, at: number): void {
    const pending = this.pendingAccess.get(key);
    if (pending) {
      pending.hits++;
      pending.lastAccess = at;
    } else this.pendingAccess.set(key, { hits: 1, lastAccess: at });
  }

  flushAccess(): void {
    if (this.pendingAccess.size === 0) return;
    const pending = this.pendingAccess;
    this.pendingAccess = new Map();
    this.db.transaction(() => {
      for (const [key, { hits, lastAccess }] of pending) this.statements.touch.run(hits, lastAccess, key);
    })();
  }

  /** Deletes up to `limit` entries past their grace window; returns how many. */
  deleteExpired(now: number, limit: number): number {
    const rows = this.statements.expiredBatch.all(now, limit);
    if (rows.length === 0) return 0;
    this.db.transaction(() => {
      for (const row of rows) this.statements.delete.run(row.key);
    })();
    for (const row of rows) this.bytes -= row.size;
    return rows.length;
  }

  /** Evicts the least valuable entries until the tier fits `maxBytes`; returns the keys evicted. */
  evictTo(maxBytes: number, batch = 64): string[] {
    const evicted: string[] = [];
    while (this.bytes > maxBytes) {
      this.flushAccess();
      const victims = this.statements.victims.all(batch);
      if (victims.length === 0) break;
      this.db.transaction(() => {
        for (const victim of victims) {
          if (this.bytes <= maxBytes) break;
          this.statements.delete.run(victim.key);
          this.bytes -= victim.size;
          evicted.push(victim.key);
        }
      })();
    }
    return evicted;
  }

  /** Reads every page: throws when the file is damaged. Slow on a large file, so run it off start-up. */
  checkIntegrity(): void {
    const check = this.db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new IntegrityError(String(check));
  }

  /** Folds the write-ahead log into the file: reads stop consulting a long WAL after many small writes. */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  count(): number {
    return this.statements.count.get()?.n ?? 0;
  }

  clear(): void {
    this.statements.clear.run();
    this.pendingAccess.clear();
    this.bytes = 0;
  }

  logAccesses(records: readonly AccessRecord[], keep: number): void {
    if (records.length === 0) return;
    this.db.transaction(() => {
      for (const record of records) this.statements.logAccess.run(record);
      this.statements.trimAccesses.run(keep);
    })();
  }

  /** Keys that followed `key` at least `minTimes` times in the access history, most frequent first. */
  successors(key: string, minTimes: number, limit: number): Array<{ key: string; times: number }> {
    return this.statements.successors.all(key, minTimes, limit);
  }

  recentAccesses(limit: number): AccessRecord[] {
    return this.statements.recentAccesses.all(limit).reverse();
  }

  close(): void {
    try {
      this.flushAccess();
    } finally {
      this.db.close();
    }
  }
}
