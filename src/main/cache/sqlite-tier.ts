/**
 * SqliteTier: L2, the statements on cache.db, a SQLite file of its own (never app.db), WAL, values as
 * compact JSON, deflated when that saves space, then sealed with the local data key, as is the
 * canonical text in entries and accesses, which can be the brief as written (value-codec.ts; `size`
 * is the stored bytes, which the budget counts, `plain_size` the JSON's). Access counts are kept in
 * memory and written in batches by the sweep, so a hit costs one select. Opening throws on a file it
 * cannot use; CacheFile decides what to do about it.
 */
import { openDatabase, type SqliteDatabase, type ValueSeal } from '../platform';
import { CACHE_DB_MIGRATIONS, smallPages } from './cache-schema';
import { IntegrityError } from './corruption';
import { sealPlainRows } from './seal-plain-rows';
import { CorruptValueError, decodeStored, encodeSealed, encodeValue, openText, sealText } from './value-codec';

/** An entry as a hit reads it: JSON value, plain size, expiresAt, staleUntil, hits, and 1 while it is a preload not yet used (a tuple: no object per read). */
export type L2Row = [value: string, size: number, expiresAt: number, staleUntil: number, hits: number, encoding: number, preloaded: number];
/** The row as selected, before its value is decoded. */
type StoredRow = [value: string | Buffer, size: number, expiresAt: number, staleUntil: number, hits: number, encoding: number, preloaded: number];
/** What an entry adds to the tier's totals (selected before a row is replaced or deleted). */
type RowSize = { kind: string; size: number; plain: number };

/** What cache.db holds of one kind: entries and bytes, as stored and as plain JSON. */
export type KindBytes = { kind: string; entries: number; storedBytes: number; plainBytes: number };

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
  /** Preloaded and not yet asked for (see cache-schema.ts). */
  preloaded?: boolean;
}

export type AccessRecord = { at: number; kind: string; key: string; canonical: string; previousKey: string | null };

export class SqliteTier {
  private readonly statements;
  private pendingAccess = new Map<string, { hits: number; lastAccess: number }>();
  /** Bytes as stored, and as plain JSON, of every entry. */
  bytes = 0;
  plainBytes = 0;
  /**
   * Entries and bytes per kind, counted once at open and kept up to date by every write and delete here
   * (nothing else writes entries while the tier is open): stats() reads them without scanning cache.db.
   */
  private readonly kindTotals = new Map<string, KindBytes>();
  /** Off only to measure what compression saves (the storage benchmark). */
  compress = true;

  private constructor(
    readonly file: string,
    private readonly db: SqliteDatabase,
    /** The local data key: values and canonical text sealed at rest; absent only in tests and benchmarks. */
    private readonly seal?: ValueSeal,
  ) {
    this.statements = {
      get: db.prepare<[string], StoredRow>('SELECT value, plain_size, expires_at, stale_until, hits, encoding, preloaded FROM entries WHERE key = ?').raw(true),
      put: db.prepare(
        `INSERT INTO entries (key, kind, canonical, value, size, expires_at, stale_until, quality, hits, last_access, encoding, plain_size, preloaded)
         VALUES (@key, @kind, @canonical, @stored, @storedBytes, @expiresAt, @staleUntil, @quality, @hits, @lastAccess, @encoding, @size, @preloaded)
         ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, canonical = excluded.canonical, value = excluded.value, size = excluded.size,
           encoding = excluded.encoding, plain_size = excluded.plain_size, expires_at = excluded.expires_at, stale_until = excluded.stale_until, quality = excluded.quality, last_access = excluded.last_access,
           preloaded = excluded.preloaded`,
      ),
      entry: db.prepare<[string], Omit<StoredEntry, 'key' | 'quality' | 'lastAccess' | 'json' | 'preloaded'> & { stored: string | Buffer; encoding: number; preloaded: number }>(
        'SELECT kind, canonical, value AS stored, encoding, plain_size AS size, expires_at AS expiresAt, stale_until AS staleUntil, hits, preloaded FROM entries WHERE key = ?',
      ),
      preloadUsed: db.prepare<[string]>('UPDATE entries SET preloaded = 0 WHERE key = ? AND preloaded = 1'),
      sizeOf: db.prepare<[string], RowSize>('SELECT kind, size, plain_size AS plain FROM entries WHERE key = ?'),
      delete: db.prepare<[string]>('DELETE FROM entries WHERE key = ?'),
      deleteAccesses: db.prepare<[string]>('DELETE FROM accesses WHERE key = ?'),
      expiredBatch: db.prepare<[number, number], RowSize & { key: string }>('SELECT key, kind, size, plain_size AS plain FROM entries WHERE stale_until < ? LIMIT ?'),
      victims: db.prepare<[number], RowSize & { key: string }>(
        // Recency and frequency: each hit (up to 16) is worth an hour of recency.
        'SELECT key, kind, size, plain_size AS plain FROM entries ORDER BY last_access + MIN(hits, 16) * 3600000 ASC LIMIT ?',
      ),
      touch: db.prepare<[number, number, string]>('UPDATE entries SET hits = hits + ?, last_access = MAX(last_access, ?) WHERE key = ?'),
      byKind: db.prepare<[], KindBytes>('SELECT kind, COUNT(*) AS entries, SUM(size) AS storedBytes, SUM(plain_size) AS plainBytes FROM entries GROUP BY kind'),
      readStats: db.prepare<[string], { value: string }>('SELECT value FROM stats WHERE name = ?'),
      writeStats: db.prepare<[string, string]>('INSERT INTO stats (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value'),
      clearStats: db.prepare('DELETE FROM stats'),
      clear: db.prepare('DELETE FROM entries'),
      logAccess: db.prepare('INSERT INTO accesses (at, kind, key, canonical, previous_key) VALUES (@at, @kind, @key, @canonical, @previousKey)'),
      recentAccesses: db.prepare<[number], AccessRecord>('SELECT at, kind, key, canonical, previous_key AS previousKey FROM accesses ORDER BY id DESC LIMIT ?'),
      trimAccesses: db.prepare<[number]>('DELETE FROM accesses WHERE id <= (SELECT MAX(id) FROM accesses) - ?'),
    };
    // The one scan: from here on the totals follow the writes.
    for (const { kind, entries, storedBytes, plainBytes } of this.statements.byKind.all()) this.account(kind, entries, storedBytes, plainBytes);
  }

  /** Opens (creating or migrating) cache.db; throws what openDatabase throws for a file it cannot use. */
  static open(file: string, nativeBinding?: string, compress = true, seal?: ValueSeal): SqliteTier {
    // Deleted entries are zeroed: a purged run's personas must not stay readable in free pages.
    const db = openDatabase(file, CACHE_DB_MIGRATIONS, { secureDelete: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      // Reads are the hot path: map the file and keep up to 32 MB of pages in memory (SQLite's default is 2 MB).
      smallPages(db);
      db.pragma('mmap_size = 268435456');
      db.pragma('cache_size = -32768');
      if (seal) sealPlainRows(db, seal);
      return Object.assign(new SqliteTier(file, db, seal), { compress });
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The row with its value decoded; a row whose value cannot be decoded is deleted and read as absent. */
  get(key: string): L2Row | undefined {
    const row = this.statements.get.get(key);
    if (row === undefined) return undefined;
    const json = this.decoded(key, row[0], row[5]);
    if (json === undefined) return undefined;
    // The selected array is ours: reuse it as the L2Row rather than allocate another per hit.
    row[0] = json;
    return row as unknown as L2Row;
  }

  /** A whole entry with its kind and canonical form (for promoting it without a get). */
  entry(key: string): (Omit<StoredEntry, 'key' | 'quality' | 'lastAccess' | 'preloaded'> & { preloaded: boolean }) | undefined {
    const row = this.statements.entry.get(key);
    if (row === undefined) return undefined;
    const json = this.decoded(key, row.stored, row.encoding);
    if (json === undefined) return undefined;
    const { stored: _stored, encoding: _encoding, preloaded, ...rest } = row;
    // A canonical text that does not open reads as empty: it only labels the entry.
    return { ...rest, canonical: openText(rest.canonical, key, this.seal) ?? '', json, preloaded: preloaded === 1 };
  }

  /** A preloaded entry was asked for: it counts as used once, so the row stops saying it is waiting. */
  preloadUsed(key: string): void {
    this.statements.preloadUsed.run(key);
  }

  /** `entry.size` is the JSON's bytes; the row stores what encodeValue makes of it. */
  put(entry: StoredEntry): void {
    const previous = this.statements.sizeOf.get(entry.key);
    const encoded = this.seal ? encodeSealed(entry.kind, entry.json, entry.size, this.compress, this.seal, entry.key) : encodeValue(entry.kind, entry.json, entry.size, this.compress);
    this.statements.put.run({ ...entry, canonical: sealText(entry.canonical, entry.key, this.seal), ...encoded, quality: entry.quality ?? null, preloaded: entry.preloaded === true ? 1 : 0 });
    if (previous !== undefined) this.forget(previous);
    this.account(entry.kind, 1, encoded.storedBytes, entry.size);
  }

  delete(key: string): void {
    const previous = this.statements.sizeOf.get(key);
    if (previous === undefined) return;
    this.statements.delete.run(key);
    this.forget(previous);
  }

  private forget(row: RowSize): void {
    this.account(row.kind, -1, -row.size, -row.plain);
  }

  private account(kind: string, entries: number, storedBytes: number, plainBytes: number): void {
    this.bytes += storedBytes;
    this.plainBytes += plainBytes;
    const totals = this.kindTotals.get(kind);
    if (totals === undefined) this.kindTotals.set(kind, { kind, entries, storedBytes, plainBytes });
    else {
      totals.entries += entries;
      totals.storedBytes += storedBytes;
      totals.plainBytes += plainBytes;
    }
  }

  /** Entries and bytes per kind held (kept as entries are written and deleted: no scan). */
  bytesByKind(): KindBytes[] {
    return [...this.kindTotals.values()].filter((totals) => totals.entries > 0).map((totals) => ({ ...totals }));
  }

  /** A saved document from the stats table (the meter's counters), or undefined. */
  readStats(name: string): string | undefined {
    return this.statements.readStats.get(name)?.value;
  }

  writeStats(name: string, value: string): void {
    this.statements.writeStats.run(name, value);
  }
  clearStats(): void {
    this.statements.clearStats.run();
  }

  private decoded(key: string, stored: string | Buffer, encoding: number): string | undefined {
    try {
      return decodeStored(stored, encoding, key, this.seal);
    } catch (error) {
      if (!(error instanceof CorruptValueError)) throw error;
      console.warn(`[cache] an entry in cache.db could not be read (${error.message}); it was dropped and will be loaded again.`);
      this.delete(key);
      return undefined;
    }
  }

  /** Deletes entries and every logged request for them in one transaction, then empties the WAL; returns how many entries there were. */
  purge(keys: readonly string[]): number {
    const removed: RowSize[] = [];
    this.db.transaction(() => {
      for (const key of keys) {
        const previous = this.statements.sizeOf.get(key);
        this.pendingAccess.delete(key);
        this.statements.deleteAccesses.run(key);
        if (previous === undefined) continue;
        this.statements.delete.run(key);
        removed.push(previous);
      }
    })();
    // Counted once committed: a transaction that fails rolls back, and the totals must not move without it.
    for (const row of removed) this.forget(row);
    // The WAL still holds the pages as they were before the delete: fold it in and truncate it.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return removed.length;
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
    for (const row of rows) this.forget(row);
    return rows.length;
  }

  /** Evicts the least valuable entries until the tier fits `maxBytes`; returns the keys evicted. */
  evictTo(maxBytes: number, batch = 64): string[] {
    const evicted: string[] = [];
    while (this.bytes > maxBytes) {
      this.flushAccess();
      const victims = this.statements.victims.all(batch);
      if (victims.length === 0) break;
      const gone: Array<RowSize & { key: string }> = [];
      let bytes = this.bytes;
      this.db.transaction(() => {
        for (const victim of victims) {
          if (bytes <= maxBytes) break;
          this.statements.delete.run(victim.key);
          bytes -= victim.size;
          gone.push(victim);
        }
      })();
      // Counted once committed, as in purge.
      for (const victim of gone) {
        this.forget(victim);
        evicted.push(victim.key);
      }
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

  /** Entries held (kept as entries are written and deleted: no scan). */
  count(): number {
    let entries = 0;
    for (const totals of this.kindTotals.values()) entries += totals.entries;
    return entries;
  }

  clear(): void {
    this.statements.clear.run();
    this.pendingAccess.clear();
    this.kindTotals.clear();
    this.bytes = 0;
    this.plainBytes = 0;
  }

  logAccesses(records: readonly AccessRecord[], keep: number): void {
    if (records.length === 0) return;
    this.db.transaction(() => {
      for (const record of records) this.statements.logAccess.run({ ...record, canonical: sealText(record.canonical, record.key, this.seal) });
      this.statements.trimAccesses.run(keep);
    })();
  }

  recentAccesses(limit: number): AccessRecord[] {
    return this.statements.recentAccesses.all(limit).reverse().map((record) => ({ ...record, canonical: openText(record.canonical, record.key, this.seal) ?? '' }));
  }

  close(): void {
    try {
      this.flushAccess();
    } finally {
      this.db.close();
    }
  }
}
