/**
 * The cache's own bookkeeping, on real cache.db files in temp folders: a preload counted used once, at
 * the first get that finds it fresh, in L1 or in cache.db, and the preload ledger judging by that same
 * count; cache:stats read without scanning cache.db yet matching what the file holds after every kind
 * of change; and a cache.db from before the accesses_previous index was dropped, migrated in place.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CACHE_DB_MIGRATIONS } from '../src/main/cache/cache-schema';
import { keyFor } from '../src/main/cache/cache-keys';
import { ManualClock } from '../src/main/cache/clock';
import type { CacheAlert } from '../src/main/cache/cache-file';
import { TieredCache, type TieredCacheOptions } from '../src/main/cache/tiered-cache';
import { ttlFor } from '../src/main/cache/ttl-policy';
import { PreloadLedger } from '../src/main/providers/culture/preload-prediction';
import type { CacheStats } from '../src/shared/performance';
import { tempDir } from './helpers';

const open: TieredCache[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const cache of open.splice(0)) cache.close();
});

function makeCache(options: Partial<TieredCacheOptions> & { dir?: string } = {}) {
  const { dir = tempDir(), ...rest } = options;
  const clock = (rest.clock as ManualClock | undefined) ?? new ManualClock();
  const alerts: CacheAlert[] = [];
  const cache = new TieredCache({ file: path.join(dir, 'cache.db'), clock, onAlert: (alert) => alerts.push(alert), background: (task) => void task(), ...rest });
  open.push(cache);
  const close = () => {
    open.splice(open.indexOf(cache), 1);
    cache.close();
  };
  return { cache, clock, alerts, dir, file: path.join(dir, 'cache.db'), close };
}

const culture = (theme: string) => keyFor('culture', { themes: [theme], countries: ['FR'], ageRange: [28, 40] });
const generation = (theme: string) => keyFor('generation', { themes: [theme] });

describe('a preload counts as used once: the first get that finds it fresh', () => {
  it('in cache.db, when L1 let the preloaded entry go', async () => {
    const { cache } = makeCache({ l1MaxEntries: 1 });
    expect(await cache.preload(culture('warmed'), async () => 'warm')).toBe(true);
    // L1 holds one entry: this one displaces the preload, which cache.db still holds.
    cache.set(culture('other'), 'other');
    expect(cache.getSync(culture('warmed'))).toBe('warm');
    expect(cache.getSync(culture('warmed'))).toBe('warm');
    expect(cache.stats().preload).toMatchObject({ loaded: 1, used: 1, kinds: { culture: { loaded: 1, used: 1 } } });
  });

  it('after a restart, from cache.db', async () => {
    const first = makeCache();
    await first.cache.preload(culture('warmed'), async () => 'warm');
    first.close();
    const { cache } = makeCache({ dir: first.dir, clock: first.clock });
    expect(cache.stats().preload).toMatchObject({ loaded: 1, used: 0 });
    expect(cache.getSync(culture('warmed'))).toBe('warm');
    expect(cache.getSync(culture('warmed'))).toBe('warm');
    expect(cache.stats().preload).toMatchObject({ loaded: 1, used: 1 });
  });

  it('not when it had expired before anyone asked (served stale within its grace window)', async () => {
    const { cache, clock } = makeCache();
    await cache.preload(culture('warmed'), async () => 'warm');
    const { ttlMs, graceMs } = ttlFor({ kind: 'culture', hits: 0 });
    clock.advance(ttlMs + graceMs / 2);
    expect(cache.getSync(culture('warmed'))).toBe('warm');
    expect(cache.stats().kinds.culture.staleServed).toBe(1);
    expect(cache.stats().preload).toMatchObject({ loaded: 1, used: 0 });
  });

  it('and the preload ledger judges by that same count, never one of its own', async () => {
    const { cache, clock } = makeCache({ l1MaxEntries: 1 });
    const ledger = new PreloadLedger({ minLoads: 2, minUsedShare: 0.5, retryAfterMs: 3_600_000 }, () => clock.now());
    ledger.countFrom(cache);
    cache.preloadVerdicts = ledger;
    expect(ledger.allows('culture')).toBe(true);
    await cache.preload(culture('a'), async () => 'a');
    await cache.preload(culture('b'), async () => 'b');
    // 'a' was evicted from L1 by 'b' and is used from cache.db; 'b' expires unused.
    expect(cache.getSync(culture('a'))).toBe('a');
    const { ttlMs, graceMs } = ttlFor({ kind: 'culture', hits: 0 });
    clock.advance(ttlMs + graceMs + 1);
    expect(cache.getSync(culture('b'))).toBeUndefined();
    const shown = cache.stats().preload.kinds!.culture;
    expect(ledger.stats().culture).toEqual({ loaded: shown.loaded, used: shown.used, stopped: false, stops: 0 });
    expect(shown).toMatchObject({ loaded: 2, used: 1 });
    // A third preload nobody uses: 1 of 3 is under half, so the ledger stops the kind, as the stats say.
    await cache.preload(culture('c'), async () => 'c');
    expect(ledger.allows('culture')).toBe(false);
    expect(cache.stats().preload.kinds!.culture).toMatchObject({ loaded: 3, used: 1, stopped: true, stops: 1 });
    // A clear zeroes the cache's counts; the ledger starts from zero with them.
    cache.clear();
    expect(ledger.stats().culture).toMatchObject({ loaded: 0, used: 0 });
  });
});

/** What cache.db holds, counted by a connection of the test's own. */
function onFile(file: string): Pick<CacheStats, 'l2Kinds'> & { entries: number; storedBytes: number; plainBytes: number } {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT kind, COUNT(*) AS entries, SUM(size) AS storedBytes, SUM(plain_size) AS plainBytes FROM entries GROUP BY kind').all() as Array<{ kind: 'culture' | 'generation' | 'answer'; entries: number; storedBytes: number; plainBytes: number }>;
    const none = { entries: 0, storedBytes: 0, plainBytes: 0 };
    const l2Kinds = { culture: { ...none }, generation: { ...none }, answer: { ...none } };
    for (const { kind, ...figures } of rows) l2Kinds[kind] = figures;
    const sum = (field: 'entries' | 'storedBytes' | 'plainBytes') => rows.reduce((total, row) => total + row[field], 0);
    return { l2Kinds, entries: sum('entries'), storedBytes: sum('storedBytes'), plainBytes: sum('plainBytes') };
  } finally {
    db.close();
  }
}

function expectStatsMatchFile(cache: TieredCache, file: string, what: string): void {
  const held = onFile(file);
  const stats = cache.stats();
  expect(stats.l2Kinds, what).toEqual(held.l2Kinds);
  expect({ entries: stats.l2.entries, bytes: stats.l2.bytes, plainBytes: stats.storage.plainBytes, storedBytes: stats.storage.storedBytes }, what).toEqual({
    entries: held.entries,
    bytes: held.storedBytes,
    plainBytes: held.plainBytes,
    storedBytes: held.storedBytes,
  });
}

describe('cache:stats without scanning cache.db', () => {
  it('runs no statement on cache.db', () => {
    const { cache } = makeCache();
    for (let i = 0; i < 20; i++) cache.set(culture(`t${i}`), { text: `value ${i}` });
    // Every better-sqlite3 statement shares one prototype: any select, scan or write stats() made would pass here.
    const scratch = new Database(':memory:');
    const statement = Object.getPrototypeOf(scratch.prepare('SELECT 1')) as Record<'get' | 'all' | 'run' | 'iterate', (...args: unknown[]) => unknown>;
    scratch.close();
    const calls = (['get', 'all', 'run', 'iterate'] as const).map((method) => vi.spyOn(statement, method));
    const stats = cache.stats();
    expect(calls.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0, 0]);
    expect(stats.l2.entries).toBe(20);
    expect(stats.l2Kinds.culture.entries).toBe(20);
  });

  it('stays what cache.db holds after put, overwrite, delete, purge, expiry, eviction, clear and recovery', async () => {
    const { cache, clock, file, dir, alerts } = makeCache();
    expectStatsMatchFile(cache, file, 'empty');
    cache.set(culture('a'), { text: 'a'.repeat(500) });
    cache.set(culture('b'), { text: 'b' });
    cache.set(generation('g'), { text: 'g'.repeat(5000) });
    expectStatsMatchFile(cache, file, 'after puts');
    cache.set(culture('a'), { text: 'changed '.repeat(300) });
    expectStatsMatchFile(cache, file, 'after an overwrite');
    cache.delete(culture('b').key);
    cache.delete(culture('never there').key);
    expectStatsMatchFile(cache, file, 'after deletes');
    expect(cache.purge([generation('g').key])).toBe(1);
    expectStatsMatchFile(cache, file, 'after a purge');

    cache.set(generation('short'), { text: 'short' }, { quality: 10 });
    clock.advance(400 * 86_400_000);
    cache.set(culture('fresh'), { text: 'fresh' });
    await cache.sweep();
    expect(onFile(file).entries).toBe(1);
    expectStatsMatchFile(cache, file, 'after the sweep dropped expired entries');

    cache.setL2Budget(20_000);
    // Random text: compression must not shrink it below the budget.
    for (let i = 0; i < 40; i++) cache.set(generation(`big ${i}`), { text: randomBytes(1500).toString('base64') });
    expect(cache.stats().l2.evictions).toBeGreaterThan(0);
    expectStatsMatchFile(cache, file, 'after evictions');

    cache.clear();
    expectStatsMatchFile(cache, file, 'after a clear');

    cache.setL2Budget(256 * 1_048_576);
    for (let i = 0; i < 200; i++) cache.set(culture(`before damage ${i}`), { text: randomBytes(1500).toString('base64') });
    await cache.sweep();
    expectStatsMatchFile(cache, file, 'before damage');
    const handle = fs.openSync(file, 'r+');
    fs.writeSync(handle, Buffer.alloc(100_000, 0xab), 0, 100_000, 200_000);
    fs.closeSync(handle);
    cache.verifyIntegrity();
    expect(alerts).toEqual([expect.objectContaining({ kind: 'cache_recovered' })]);
    for (let i = 0; i < 3; i++) await cache.get(culture(`after damage ${i}`), async () => ({ text: `${i}` }));
    expect(fs.readdirSync(dir).some((f) => f.startsWith('cache.db.corrupt-'))).toBe(true);
    expect(cache.stats().l2.entries).toBe(3);
    expectStatsMatchFile(cache, file, 'after recovery');
    expect(cache.stats().recoveries).toBe(1);
  });

  it('counts what an existing cache.db holds when it is opened', () => {
    const first = makeCache();
    for (let i = 0; i < 5; i++) first.cache.set(culture(`t${i}`), { text: `${i}`.repeat(100 * i) });
    first.cache.set(generation('g'), { text: 'g' });
    first.close();
    const { cache, file } = makeCache({ dir: first.dir, clock: first.clock });
    expect(cache.stats().l2.entries).toBe(6);
    expectStatsMatchFile(cache, file, 'reopened');
  });
});

/** cache.db as schema 3 made it: the accesses_previous index still there, no preloaded column. */
function schema3File(file: string): void {
  const db = new Database(file);
  db.exec(`CREATE TABLE entries (
     key TEXT PRIMARY KEY, kind TEXT NOT NULL, canonical TEXT NOT NULL, value TEXT NOT NULL, size INTEGER NOT NULL,
     expires_at INTEGER NOT NULL, stale_until INTEGER NOT NULL, quality REAL, hits INTEGER NOT NULL DEFAULT 0, last_access INTEGER NOT NULL,
     encoding INTEGER NOT NULL DEFAULT 0, plain_size INTEGER
   ) WITHOUT ROWID;
   CREATE INDEX entries_stale ON entries (stale_until);
   CREATE TABLE accesses (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, canonical TEXT NOT NULL, previous_key TEXT);
   CREATE INDEX accesses_previous ON accesses (previous_key);
   CREATE TABLE stats (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;`);
  db.pragma('user_version = 3');
  db.close();
}

function indexes(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((row) => row.name);
  } finally {
    db.close();
  }
}

describe('cache.db from before the accesses_previous index was dropped', () => {
  it('is migrated in place: the index gone, its entries, history and counters kept', () => {
    const dir = tempDir();
    const file = path.join(dir, 'cache.db');
    schema3File(file);
    const key = culture('kept');
    const json = JSON.stringify({ text: 'kept' });
    const clock = new ManualClock();
    const now = clock.now();
    const db = new Database(file);
    db.prepare('INSERT INTO entries (key, kind, canonical, value, size, expires_at, stale_until, hits, last_access, encoding, plain_size) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?)').run(
      key.key, key.kind, key.canonical, json, json.length, now + 86_400_000, now + 2 * 86_400_000, now, json.length,
    );
    db.prepare('INSERT INTO accesses (at, kind, key, canonical, previous_key) VALUES (?, ?, ?, ?, NULL)').run(now, key.kind, key.key, key.canonical);
    const counters = { l1Hits: 0, l2Hits: 4, misses: 1, staleServed: 0, latencyUs: 0, samples: 0 };
    const meter = { since: now - 1000, kinds: { culture: counters, generation: counters, answer: counters }, loads: 3, loadErrors: 0, preloaded: 0, preloadUsed: 0, l2Evictions: 0 };
    db.prepare('INSERT INTO stats (name, value) VALUES (?, ?)').run('meter', JSON.stringify(meter));
    db.close();
    expect(indexes(file)).toContain('accesses_previous');

    const { cache, alerts } = makeCache({ dir, clock });
    expect(alerts).toEqual([]);
    expect(cache.stats()).toMatchObject({ recoveries: 0, loads: 3, kinds: { culture: { l2Hits: 4, misses: 1 } }, l2: { entries: 1 } });
    expect(cache.getSync(key)).toEqual({ text: 'kept' });
    expect(cache.recentAccesses()).toEqual([{ at: now, kind: 'culture', key: key.key, canonical: key.canonical, previousKey: null }]);
    cache.close();
    open.splice(open.indexOf(cache), 1);

    expect(indexes(file)).toEqual(['entries_stale']);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(CACHE_DB_MIGRATIONS.length);
    // The entry kept, and not mistaken for a preload waiting to be used.
    expect(after.prepare('SELECT key, preloaded FROM entries').all()).toEqual([{ key: key.key, preloaded: 0 }]);
    after.close();
  });

  it('opens a schema 3 file that lost the index already', () => {
    const dir = tempDir();
    const file = path.join(dir, 'cache.db');
    schema3File(file);
    const db = new Database(file);
    db.exec('DROP INDEX accesses_previous');
    db.close();
    const { cache, alerts } = makeCache({ dir });
    expect(alerts).toEqual([]);
    expect(cache.stats()).toMatchObject({ recoveries: 0, l2: { available: true, entries: 0 } });
    expect(indexes(file)).toEqual(['entries_stale']);
  });
});
