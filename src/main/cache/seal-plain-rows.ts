/**
 * Seals what a cache.db from before sealing holds as written: entry values (as they are encoded:
 * plain or deflated), their canonical text and the request history's canonical text, which can be
 * the brief as written. Run once when cache.db is opened with the data key, in batches of one
 * transaction each, then the WAL is truncated so the plain pages are nowhere in the files
 * (secure_delete zeroes the cells the rewrite frees). A row in the stats table marks the file done,
 * so later starts cost one lookup instead of a scan of every entry.
 */
import type { SqliteDatabase, ValueSeal } from '../platform';
import { SEALED, sealText } from './value-codec';

const MARKER = 'sealed_v1';
const BATCH = 256;

type PlainRow = { key: string; canonical: string; value: string | Buffer; encoding: number };

/** Returns how many entries and logged requests it sealed (0 on every start after the first). */
export function sealPlainRows(db: SqliteDatabase, seal: ValueSeal): number {
  const marked = db.prepare<[string], { value: string }>('SELECT value FROM stats WHERE name = ?').get(MARKER);
  if (marked !== undefined) return 0;
  const plainEntries = db.prepare<[number, number], PlainRow>('SELECT key, canonical, value, encoding FROM entries WHERE encoding < ? LIMIT ?');
  const updateEntry = db.prepare('UPDATE entries SET value = @value, encoding = @encoding, size = @size, canonical = @canonical WHERE key = @key');
  const plainAccesses = db.prepare<[number], { id: number; key: string; canonical: string }>("SELECT id, key, canonical FROM accesses WHERE canonical NOT LIKE 's1.%' LIMIT ?");
  const updateAccess = db.prepare<[string, number]>('UPDATE accesses SET canonical = ? WHERE id = ?');
  let sealed = 0;
  for (;;) {
    const rows = plainEntries.all(SEALED, BATCH);
    if (rows.length === 0) break;
    db.transaction(() => {
      for (const row of rows) {
        const value = seal.seal(typeof row.value === 'string' ? Buffer.from(row.value, 'utf8') : row.value, row.key);
        // A canonical text already sealed (a row rewritten meanwhile) is kept as it is.
        const canonical = row.canonical.startsWith('s1.') ? row.canonical : sealText(row.canonical, row.key, seal);
        updateEntry.run({ key: row.key, value, encoding: row.encoding | SEALED, size: value.length, canonical });
      }
    })();
    sealed += rows.length;
  }
  for (;;) {
    const rows = plainAccesses.all(BATCH);
    if (rows.length === 0) break;
    db.transaction(() => {
      for (const row of rows) updateAccess.run(sealText(row.canonical, row.key, seal), row.id);
    })();
    sealed += rows.length;
  }
  db.prepare('INSERT INTO stats (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(MARKER, new Date().toISOString());
  // The WAL may still hold the rows as they were (this session's or an earlier one's): fold and empty it.
  if (sealed > 0) db.pragma('wal_checkpoint(TRUNCATE)');
  return sealed;
}
