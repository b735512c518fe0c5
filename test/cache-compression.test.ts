/**
 * cache.db stores large values compressed when that saves space, reads files written before it did,
 * reports its storage efficiency, and keeps its statistics across restarts until a clear. Real
 * cache.db files in temp folders; generation entries are offline-engine persona documents.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generationEntries } from '../bench/insight-cache';
import { CACHE_DB_MIGRATIONS } from '../src/main/cache/cache-schema';
import { keyFor } from '../src/main/cache/cache-keys';
import { ManualClock } from '../src/main/cache/clock';
import { TieredCache, type TieredCacheOptions } from '../src/main/cache/tiered-cache';
import zlib from 'node:zlib';
import { PERSONA_DICTIONARY_V1 } from '../src/main/cache/compression-dictionary';
import { decodeValue, ENCODING } from '../src/main/cache/value-codec';
import { tempDir } from './helpers';

const open: TieredCache[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const cache of open.splice(0)) cache.close();
});

function makeCache(file: string, options: Partial<TieredCacheOptions> = {}): TieredCache {
  const cache = new TieredCache({ file, clock: new ManualClock(), ...options });
  open.push(cache);
  return cache;
}

function closeCache(cache: TieredCache): void {
  cache.close();
  open.splice(open.indexOf(cache), 1);
}

/** The rows as cache.db holds them, read with a connection of the test's own. */
function storedRows(file: string): Array<{ key: string; encoding: number; size: number; plain: number; stored: string | Buffer }> {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT key, encoding, size, plain_size AS plain, value AS stored FROM entries').all() as never;
  } finally {
    db.close();
  }
}

const generation = (seed: number) => keyFor('generation', { description: 'meal kits for parents', seed });

describe('compressed values in cache.db', () => {
  it('stores persona documents compressed, reads them back exactly, and keeps small values plain', async () => {
    const file = path.join(tempDir(), 'cache.db');
    const entries = await generationEntries(6);
    const cache = makeCache(file, { l1MaxEntries: 1 });
    for (const { key, value } of entries) cache.set(key, value);
    cache.set(generation(1), { personas: [], report: { valid: true, score: 100, issues: [] } });
    closeCache(cache);

    const rows = storedRows(file);
    const small = rows.find((row) => row.key === generation(1).key)!;
    expect(small).toMatchObject({ encoding: ENCODING.plain });
    expect(typeof small.stored).toBe('string');
    const large = rows.filter((row) => row.key !== generation(1).key);
    expect(large.every((row) => row.encoding === ENCODING.deflateDictV1Ascii && Buffer.isBuffer(row.stored) && row.size < row.plain * 0.9)).toBe(true);

    const reopened = makeCache(file, { l1MaxEntries: 1 });
    for (const { key, value } of entries) expect(reopened.getSync(key)).toEqual(value);
    expect(reopened.stats().kinds.generation.l2Hits).toBe(entries.length);
  });

  it('stores generation entries in at most 40 % of their plain bytes, and says so in its stats', async () => {
    const file = path.join(tempDir(), 'cache.db');
    const entries = await generationEntries(30);
    const cache = makeCache(file);
    for (const { key, value } of entries) cache.set(key, value);
    const { storage, l2, l2Kinds } = cache.stats();
    const plain = entries.reduce((sum, e) => sum + Buffer.byteLength(JSON.stringify(e.value)), 0);
    expect(storage.plainBytes).toBe(plain);
    expect(storage.storedBytes).toBe(l2.bytes);
    expect(storage.ratio).not.toBeNull();
    expect(storage.ratio!).toBeLessThanOrEqual(0.4);
    expect(l2Kinds.generation).toEqual({ entries: 30, storedBytes: l2.bytes, plainBytes: plain });
    expect(l2Kinds.culture).toEqual({ entries: 0, storedBytes: 0, plainBytes: 0 });
  });

  it('reads rows compressed before the ASCII form as UTF-8, and ASCII rows as the same text', () => {
    const json = JSON.stringify({ name: 'Inès Guérin', city: 'Kraków', quote: '“Assez.”' });
    const utf8Row = zlib.deflateRawSync(json, { level: 6, dictionary: PERSONA_DICTIONARY_V1 });
    expect(decodeValue(utf8Row, ENCODING.deflateDictV1)).toBe(json);
    const asciiRow = zlib.deflateRawSync(JSON.stringify(JSON.parse(json)).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), { level: 6, dictionary: PERSONA_DICTIONARY_V1 });
    expect(JSON.parse(decodeValue(asciiRow, ENCODING.deflateDictV1Ascii))).toEqual(JSON.parse(json));
  });

  it('budgets and evicts by the bytes stored, not the plain ones', async () => {
    const file = path.join(tempDir(), 'cache.db');
    const entries = await generationEntries(10);
    const stored = makeCache(file);
    for (const { key, value } of entries) stored.set(key, value);
    const { storage } = stored.stats();
    closeCache(stored);

    // A budget the plain JSON would exceed but the stored bytes fit: nothing is evicted.
    const budget = Math.ceil((storage.storedBytes + storage.plainBytes) / 2);
    const cache = makeCache(path.join(tempDir(), 'cache.db'), { l2MaxBytes: budget });
    for (const { key, value } of entries) cache.set(key, value);
    expect(cache.stats().l2).toMatchObject({ entries: 10, evictions: 0 });
    expect(cache.stats().l2.bytes).toBeLessThanOrEqual(budget);
  });

  it('reads a cache.db written before compression, after migrating it', () => {
    const file = path.join(tempDir(), 'cache.db');
    // The file as the previous version left it: schema 2, plain rows, no encoding column.
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    for (const migration of CACHE_DB_MIGRATIONS.slice(0, 2)) old.exec(migration);
    old.pragma('user_version = 2');
    const key = generation(7);
    const json = JSON.stringify({ personas: [{ name: 'Léa Martin', age: 34 }], report: { valid: true, score: 90, issues: [] }, padding: 'x'.repeat(3000) });
    old
      .prepare('INSERT INTO entries (key, kind, canonical, value, size, expires_at, stale_until, quality, hits, last_access) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0, 0)')
      .run(key.key, 'generation', key.canonical, json, Buffer.byteLength(json), Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    old.close();

    const cache = makeCache(file);
    expect(cache.getSync(key)).toEqual(JSON.parse(json));
    expect(cache.stats().storage).toEqual({ plainBytes: Buffer.byteLength(json), storedBytes: Buffer.byteLength(json), ratio: 1 });
    closeCache(cache);
    expect(storedRows(file)).toEqual([expect.objectContaining({ key: key.key, encoding: ENCODING.plain, plain: Buffer.byteLength(json) })]);
  });

  it('drops a row whose compressed value is damaged and answers it as a miss', async () => {
    const file = path.join(tempDir(), 'cache.db');
    const [entry] = await generationEntries(1);
    const cache = makeCache(file, { l1MaxEntries: 1 });
    cache.set(entry!.key, entry!.value);
    cache.set(generation(2), 'pushes the entry out of L1');
    const db = new Database(file);
    db.prepare('UPDATE entries SET value = ? WHERE key = ?').run(Buffer.from('not deflate at all'), entry!.key.key);
    db.close();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(cache.getSync(entry!.key)).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be read'));
    expect(cache.holds(entry!.key.key)).toBe(false);
  });
});

describe('cache statistics across restarts', () => {
  it('counts on from the last session, since its first start, until a clear', async () => {
    const file = path.join(tempDir(), 'cache.db');
    const clock = new ManualClock();
    const first = makeCache(file, { clock });
    const key = keyFor('culture', { themes: ['food'], countries: ['FR'], ageRange: [28, 40] });
    await first.get(key, async () => 'loaded');
    first.getSync(key);
    const since = first.stats().since;
    closeCache(first);

    clock.advance(60_000);
    const second = makeCache(file, { clock });
    second.getSync(key);
    expect(second.stats()).toMatchObject({ since, loads: 1, kinds: { culture: { gets: 3, l1Hits: 1, l2Hits: 1, misses: 1 } } });
    // The maintenance sweep saves them too, so a crash loses at most what came after it.
    await second.sweep();
    second.getSync(key);

    const counted = second.hitCounts();
    second.clear();
    // The monitor differences these every second: a clear must not make them go back.
    expect(second.hitCounts()).toEqual(counted);
    const cleared = second.stats();
    expect(cleared.since).toBe(clock.now());
    expect(cleared.kinds.culture).toMatchObject({ gets: 0, l1Hits: 0, l2Hits: 0, misses: 0 });
    expect(cleared.loads).toBe(0);
    closeCache(second);
    const third = makeCache(file, { clock });
    expect(third.stats()).toMatchObject({ since: clock.now(), loads: 0, kinds: { culture: { gets: 0 } } });
  });

  it('starts from zero, with a warning, when the saved statistics do not read', () => {
    const file = path.join(tempDir(), 'cache.db');
    closeCache(makeCache(file));
    const db = new Database(file);
    db.prepare("INSERT OR REPLACE INTO stats (name, value) VALUES ('meter', ?)").run('{"since": "yesterday", "kinds": 3');
    db.close();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const cache = makeCache(file);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('saved cache statistics in cache.db could not be read'));
    expect(cache.stats()).toMatchObject({ loads: 0, kinds: { culture: { gets: 0 } } });
  });
});
