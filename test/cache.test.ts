/**
 * TieredCache on real cache.db files in temp folders, with a clock the tests move.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ageBandsOf, keyFor } from '../src/main/cache/cache-keys';
import { ManualClock } from '../src/main/cache/clock';
import { isCorruption } from '../src/main/cache/corruption';
import { SqliteTier } from '../src/main/cache/sqlite-tier';
import type { CacheAlert } from '../src/main/cache/cache-file';
import { TieredCache, type TieredCacheOptions } from '../src/main/cache/tiered-cache';
import { ttlFor } from '../src/main/cache/ttl-policy';
import { tempDir } from './helpers';

const open: TieredCache[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const cache of open.splice(0)) cache.close();
});

function makeCache(options: Partial<TieredCacheOptions> = {}) {
  const dir = options.file ? path.dirname(options.file) : tempDir();
  const clock = (options.clock as ManualClock | undefined) ?? new ManualClock();
  const alerts: CacheAlert[] = [];
  // Background work runs at once, so tests can await it.
  const background: Promise<void>[] = [];
  const cache = new TieredCache({
    file: path.join(dir, 'cache.db'),
    clock,
    onAlert: (alert) => alerts.push(alert),
    background: (task) => background.push(task()),
    ...options,
  });
  open.push(cache);
  return { cache, clock, alerts, background, dir };
}

const culture = (themes: string[], extra: Record<string, unknown> = {}) => keyFor('culture', { themes, countries: ['FR'], ageRange: [28, 40], ...extra });
const DAY = 86_400_000;

describe('keyFor', () => {
  it('gives equivalent parameters one key', () => {
    const a = keyFor('culture', { themes: ['food', 'family'], countries: ['FR', 'BE'], ageRange: [28, 40], note: '  Busy   Parents ' });
    const b = keyFor('culture', { note: 'busy parents', ageRange: [26, 44], countries: ['BE', 'FR', 'FR'], themes: ['family', 'food'], empty: [] });
    expect(a.key).toBe(b.key);
    expect(a.canonical).toBe('{"ageRange":["25-34","35-44"],"countries":["be","fr"],"note":"busy parents","themes":["family","food"]}');
    expect(keyFor('generation', { description: 'Meal kits  for PARENTS', seed: 1 }).key).toBe(keyFor('generation', { seed: 1, description: 'meal kits for parents' }).key);
    expect(keyFor('generation', { description: 'Caf\u00e9 loyalty app', seed: 1 }).key).toBe(keyFor('generation', { description: 'Cafe\u0301 loyalty app', seed: 1 }).key);
  });

  it('gives different parameters different keys', () => {
    const base = { themes: ['food'], countries: ['FR'], ageRange: [28, 40] };
    const variants = [
      { ...base, themes: ['travel'] },
      { ...base, countries: ['DE'] },
      { ...base, ageRange: [45, 60] },
    ];
    const keys = new Set([base, ...variants].map((p) => keyFor('culture', p).key));
    expect(keys.size).toBe(4);
    expect(keyFor('generation', { description: 'meal kits', seed: 1 }).key).not.toBe(keyFor('generation', { description: 'meal kits', seed: 2 }).key);
    expect(keyFor('generation', { ageRange: [28, 40] }).key).not.toBe(keyFor('generation', { ageRange: [28, 41] }).key);
    expect(keyFor('culture', base).key).not.toBe(keyFor('generation', base).key);
    expect(ageBandsOf([16, 70])).toEqual(['16-24', '25-34', '35-44', '45-54', '55-64', '65+']);
  });
});

describe('TieredCache', () => {
  it('loads once, then answers from L1; a reopened cache answers from L2 and promotes to L1', async () => {
    const first = makeCache();
    let loads = 0;
    const loader = async () => ({ music: ['Stromae'], n: ++loads });
    expect(await first.cache.get(culture(['food']), loader)).toEqual({ music: ['Stromae'], n: 1 });
    expect(await first.cache.get(culture(['food']), loader)).toEqual({ music: ['Stromae'], n: 1 });
    expect(first.cache.stats().kinds.culture).toMatchObject({ gets: 2, l1Hits: 1, l2Hits: 0, misses: 1, hitRate: 0.5 });
    first.cache.close();
    open.splice(open.indexOf(first.cache), 1);

    const second = makeCache({ file: path.join(first.dir, 'cache.db'), clock: first.clock });
    expect(second.cache.getSync(culture(['food']))).toEqual({ music: ['Stromae'], n: 1 });
    expect(second.cache.getSync(culture(['food']))).toEqual({ music: ['Stromae'], n: 1 });
    // The counters persist in cache.db: the reopened cache counts on from the first session's.
    expect(second.cache.stats().kinds.culture).toMatchObject({ gets: 4, l2Hits: 1, l1Hits: 2, misses: 1 });
    expect(loads).toBe(1);
  });

  it('shares one load among 100 concurrent gets of a key', async () => {
    const { cache } = makeCache();
    let loads = 0;
    const loader = () =>
      new Promise<{ n: number }>((resolve) => {
        loads++;
        setTimeout(() => resolve({ n: loads }), 20);
      });
    const results = await Promise.all(Array.from({ length: 100 }, () => cache.get(culture(['food']), loader)));
    expect(loads).toBe(1);
    expect(new Set(results.map((r) => r.n))).toEqual(new Set([1]));
    expect(cache.stats().loads).toBe(1);
  });

  it('a failed load reaches every waiter and is not cached', async () => {
    const { cache } = makeCache();
    const failing = async () => {
      throw new Error('provider down');
    };
    await expect(Promise.all([cache.get(culture(['x']), failing), cache.get(culture(['x']), failing)])).rejects.toThrow('provider down');
    expect(await cache.get(culture(['x']), async () => 'ok')).toBe('ok');
    expect(cache.stats().loadErrors).toBe(1);
  });

  it('expires entries by their time-to-live', async () => {
    const { cache, clock } = makeCache();
    const key = culture(['food']);
    const { ttlMs, graceMs } = ttlFor({ kind: 'culture', hits: 0 });
    await cache.get(key, async () => 'v1');
    clock.advance(ttlMs - 1000);
    expect(cache.getSync(key)).toBe('v1');
    clock.advance(1000 + graceMs + 1);
    expect(cache.getSync(key)).toBeUndefined();
    expect(await cache.get(key, async () => 'v2')).toBe('v2');
  });

  it('serves a stale entry at once within its grace window and refreshes it in the background', async () => {
    const { cache, clock, background } = makeCache();
    const key = culture(['food']);
    const { ttlMs } = ttlFor({ kind: 'culture', hits: 0 });
    await cache.get(key, async () => 'old');
    clock.advance(ttlMs + 1);
    let refreshed = 0;
    const loader = () =>
      new Promise<string>((resolve) => {
        refreshed++;
        setTimeout(() => resolve('new'), 10);
      });
    expect(await cache.get(key, loader)).toBe('old');
    expect(await cache.get(key, loader)).toBe('old');
    await Promise.all(background);
    expect(refreshed).toBe(1);
    expect(await cache.get(key, loader)).toBe('new');
    expect(cache.stats().kinds.culture.staleServed).toBe(2);
  });

  it('gives low-quality generations a shorter life, and entries in demand a longer one', () => {
    const good = ttlFor({ kind: 'generation', hits: 0, quality: 95 });
    const poor = ttlFor({ kind: 'generation', hits: 0, quality: 40 });
    const popular = ttlFor({ kind: 'culture', hits: 50 });
    const quiet = ttlFor({ kind: 'culture', hits: 0 });
    expect(poor.ttlMs).toBeLessThan(good.ttlMs / 5);
    expect(popular.ttlMs).toBeGreaterThan(quiet.ttlMs * 2);
    expect(ttlFor({ kind: 'culture', hits: 0 }, { minMs: 1000, maxMs: 5000 }).ttlMs).toBe(5000);
  });

  it('evicts by bytes: L1 keeps frequently used entries, L2 stays under its budget', async () => {
    const { cache } = makeCache({ l1MaxBytes: 40_000, l2MaxBytes: 60_000 });
    const value = (i: number) => ({ i, text: 'x'.repeat(9_000) });
    const hot = culture(['hot']);
    await cache.get(hot, async () => value(0));
    for (let i = 0; i < 5; i++) cache.getSync(hot);
    for (let i = 1; i <= 12; i++) await cache.get(culture([`cold-${i}`]), async () => value(i));
    const stats = cache.stats();
    expect(stats.l1.bytes).toBeLessThanOrEqual(40_000);
    expect(stats.l2.bytes).toBeLessThanOrEqual(60_000);
    expect(stats.l2.evictions).toBeGreaterThan(0);
    // The hot entry outlived colder, more recent ones in L1.
    const before = cache.stats().kinds.culture.l1Hits;
    expect(cache.getSync(hot)).toMatchObject({ i: 0 });
    expect(cache.stats().kinds.culture.l1Hits).toBe(before + 1);
  });

  it('sweeps expired entries in batches', async () => {
    const { cache, clock } = makeCache();
    for (let i = 0; i < 250; i++) cache.set(culture([`t${i}`]), { i });
    clock.advance(100 * DAY);
    expect(await cache.sweep()).toBe(500);
    expect(cache.stats().l2.entries).toBe(0);
  });

  it('recovers from a garbage cache.db: moves it aside, raises an alert, throws nothing, keeps serving', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'cache.db');
    fs.writeFileSync(file, 'this is not a database '.repeat(200));
    const { cache, alerts } = makeCache({ file });
    expect(alerts).toEqual([expect.objectContaining({ kind: 'cache_recovered', message: expect.stringContaining('moved to') })]);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('cache.db.corrupt-'))).toBe(true);
    expect(await cache.get(culture(['food']), async () => 'loaded')).toBe('loaded');
    expect(cache.stats()).toMatchObject({ recoveries: 1, l2: { available: true, entries: 1 } });
  });

  it('finds damage deep in the file with the integrity check, and replaces the file', async () => {
    const { cache, alerts, dir } = makeCache();
    for (let i = 0; i < 200; i++) cache.set(culture([`t${i}`]), { text: 'x'.repeat(3000) });
    await cache.sweep();
    const handle = fs.openSync(path.join(dir, 'cache.db'), 'r+');
    fs.writeSync(handle, Buffer.alloc(100_000, 0xab), 0, 100_000, 200_000);
    fs.closeSync(handle);
    expect(() => cache.verifyIntegrity()).not.toThrow();
    expect(alerts).toEqual([expect.objectContaining({ kind: 'cache_recovered' })]);
    expect(await cache.get(culture(['after']), async () => 'served')).toBe('served');
  });

  it('recovers when the file breaks while open', async () => {
    const { cache, alerts, dir } = makeCache();
    await cache.get(culture(['food']), async () => 'v');
    fs.writeFileSync(path.join(dir, 'cache.db'), Buffer.alloc(8192, 7));
    fs.rmSync(path.join(dir, 'cache.db-wal'), { force: true });
    for (let i = 0; i < 3; i++) await cache.get(culture([`new-${i}`]), async () => i);
    expect(await cache.get(culture(['other']), async () => 'still serving')).toBe('still serving');
    expect(alerts.length).toBeLessThanOrEqual(1);
  });

  it('runs on memory alone when no cache.db can be written, and says so', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'blocked', 'cache.db');
    fs.writeFileSync(path.join(dir, 'blocked'), 'a file where the folder should be');
    const { cache, alerts } = makeCache({ file });
    expect(alerts[0]).toMatchObject({ kind: 'cache_unavailable' });
    expect(await cache.get(culture(['food']), async () => 'v')).toBe('v');
    expect(cache.getSync(culture(['food']))).toBe('v');
    expect(cache.stats().l2.available).toBe(false);
  });

  it('rejects a value from cache.db that fails its check, and loads afresh', async () => {
    const first = makeCache();
    await first.cache.get(culture(['food']), async () => ({ version: 1 }));
    first.cache.close();
    open.splice(open.indexOf(first.cache), 1);
    const second = makeCache({ file: path.join(first.dir, 'cache.db') });
    const parse = (value: unknown) => ((value as { version?: number }).version === 2 ? (value as { version: number }) : undefined);
    expect(await second.cache.get(culture(['food']), async () => ({ version: 2 }), { parse })).toEqual({ version: 2 });
  });

  it('counts only the gets callers made: preloading is not a hit until a caller uses it', async () => {
    const { cache } = makeCache();
    expect(await cache.preload(culture(['next']), async () => 'warm')).toBe(true);
    expect(await cache.preload(culture(['next']), async () => 'again')).toBe(false);
    expect(cache.stats().kinds.culture).toMatchObject({ gets: 0, hitRate: null });
    expect(cache.getSync(culture(['next']))).toBe('warm');
    expect(cache.stats()).toMatchObject({ kinds: { culture: { gets: 1, l1Hits: 1, hitRate: 1 } }, preload: { loaded: 1, used: 1 } });
  });

  it('records what followed what in cache.db', async () => {
    const { cache } = makeCache();
    await cache.get(culture(['a']), async () => 1);
    await cache.get(culture(['b']), async () => 2);
    await cache.get(culture(['b']), async () => 2);
    const accesses = cache.recentAccesses();
    expect(accesses.map((a) => a.key)).toEqual([culture(['a']).key, culture(['b']).key]);
    expect(accesses[1]!.previousKey).toBe(culture(['a']).key);
  });

  it('suggests a bigger L1 when L2 keeps answering for what L1 evicted, with the evidence', async () => {
    const { cache } = makeCache({ l1MaxEntries: 5 });
    const keys = Array.from({ length: 12 }, (_, i) => culture([`k${i}`]));
    for (const key of keys) await cache.get(key, async () => key.canonical);
    for (let round = 0; round < 3; round++) for (const key of keys) cache.getSync(key);
    const suggestion = cache.getOptimizationSuggestions().find((s) => s.id === 'l1_too_small');
    expect(suggestion?.evidence).toMatch(/^\d+% of the \d+ L2 hits in the last hour were entries evicted from L1\.$/);
  });

  it('clears both tiers', async () => {
    const { cache } = makeCache();
    await cache.get(culture(['food']), async () => 'v');
    expect(cache.clear()).toMatchObject({ entries: 1 });
    expect(cache.getSync(culture(['food']))).toBeUndefined();
  });
});

describe('purging', () => {
  it("removes entries for good: from memory, cache.db, their request history (the canonical brief) and the WAL", () => {
    const { cache, dir } = makeCache();
    const holding = (text: string) => ['cache.db', 'cache.db-wal'].filter((name) => fs.existsSync(path.join(dir, name)) && fs.readFileSync(path.join(dir, name)).includes(Buffer.from(text)));
    const key = keyFor('generation', { description: 'Brief text only this entry holds', seed: 1 });
    const other = culture(['food']);
    cache.set(key, { personas: [{ name: 'Zelda Quartermain' }] });
    cache.set(other, { tags: ['kept'] });
    cache.getSync(key, { record: true });
    cache.recentAccesses();
    // Asked again, not yet written to the history: the purge must not let it be written later.
    cache.getSync(key, { record: true });
    expect(holding('brief text only this entry holds')).not.toEqual([]);
    expect(holding('Zelda Quartermain')).not.toEqual([]);

    expect(cache.purge([key.key, 'generation:unknown'])).toBe(1);
    expect(cache.getSync(key)).toBeUndefined();
    expect(cache.holds(key.key)).toBe(false);
    expect(cache.getSync(other)).toEqual({ tags: ['kept'] });
    expect(holding('brief text only this entry holds')).toEqual([]);
    expect(holding('Zelda Quartermain')).toEqual([]);
    expect(fs.statSync(path.join(dir, 'cache.db-wal')).size).toBe(0);
    cache.close();
    expect(holding('brief text only this entry holds')).toEqual([]);
    expect(cache.purge([])).toBe(0);
  });
});

describe('the cache in the pipeline', () => {
  it('returns a seeded brief from the cache, across a restart, and never an unseeded one', async () => {
    const dataDir = tempDir();
    const { createCore } = await import('../src/main/core/core');
    const { briefInputSchema } = await import('../src/shared/brief');
    const brief = (extra: Record<string, unknown> = {}) => briefInputSchema.parse({ description: 'Meal kits for busy parents in Lyon', count: 3, level: 'standard', ...extra });
    let core = createCore({ dataDir, preload: { enabled: false, perLookup: 0, maxLoadPerCore: 0 } });
    const first = await core.generate(brief({ seed: 9 }));
    const again = await core.generate(brief({ seed: 9, description: '  meal kits for BUSY parents in lyon ' }));
    expect(first.fromCache).toBe(false);
    expect(again.fromCache).toBe(true);
    expect(again.document.personas.map((p) => p.name)).toEqual(first.document.personas.map((p) => p.name));
    expect(again.document.personas[0]!.id).not.toBe(first.document.personas[0]!.id);
    expect(core.store.listRuns(core.store.currentWorkshopId()).length).toBe(2);
    expect((await core.generate(brief())).fromCache).toBe(false);
    expect((await core.generate(brief())).fromCache).toBe(false);
    // Four cultural lookups with the same themes and place: one load.
    expect(core.cache.stats().kinds.culture).toMatchObject({ misses: 1, l1Hits: 2 });
    core.close();

    core = createCore({ dataDir });
    const later = await core.generate(brief({ seed: 9 }));
    expect(later.fromCache).toBe(true);
    expect(core.cache.stats().kinds.generation).toMatchObject({ l2Hits: 1 });
    core.close();
  });
});

describe('preloading', () => {
  it('warms what followed a lookup before (never a guess without history), without counting it as a hit', async () => {
    const { loadDataset } = await import('../src/main/world/dataset');
    const { analyzeBrief } = await import('../src/main/world/brief-analysis');
    const { DATASET_DIR } = await import('../src/main/platform/app-root');
    const { BundledCultureSource } = await import('../src/main/providers/culture/bundled-culture');
    const { CachedCultureSource } = await import('../src/main/providers/culture/cached-culture');
    const dataset = loadDataset(DATASET_DIR);
    const analysis = (description: string) => analyzeBrief({ description, count: 3, level: 'standard', seed: 1, language: 'en', location: undefined, segment: undefined }, dataset);
    const lyon = analysis('Meal kits for busy parents in Lyon');
    const tokyo = analysis('Ramen subscriptions for students in Tokyo');
    const { cache, background } = makeCache();
    const culture = new CachedCultureSource(new BundledCultureSource(() => dataset), cache, { enabled: true, perLookup: 2, maxLoadPerCore: Number.POSITIVE_INFINITY });
    const signal = new AbortController().signal;
    const settle = async () => {
      while (background.length > 0) await Promise.all(background.splice(0));
    };

    await culture.constraintsFor(lyon, signal);
    await settle();
    // No history yet: the nearest countries are not warmed on a guess.
    expect(cache.stats().preload.loaded).toBe(0);
    expect(cache.stats().kinds.culture).toMatchObject({ gets: 1, misses: 1 });

    await culture.constraintsFor(tokyo, signal);
    await culture.constraintsFor(lyon, signal);
    await culture.constraintsFor(tokyo, signal);
    await settle();
    cache.clear();
    await culture.constraintsFor(lyon, signal);
    await settle();
    const before = cache.stats();
    await culture.constraintsFor(tokyo, signal);
    const after = cache.stats();
    // Tokyo followed Lyon twice: after Lyon, it was warmed, so the caller's get is a hit.
    expect(after.kinds.culture.misses).toBe(before.kinds.culture.misses);
    expect(after.preload.used).toBe(before.preload.used + 1);
  });
});

describe('what a review found', () => {
  it('stats and clear survive a cache.db broken while open, and clear counts each entry once', async () => {
    const { cache, dir } = makeCache();
    for (let i = 0; i < 50; i++) cache.set(culture([`t${i}`]), { text: 'x'.repeat(2000) });
    const handle = fs.openSync(path.join(dir, 'cache.db'), 'r+');
    fs.writeSync(handle, Buffer.alloc(200_000, 0), 0, 200_000, 0);
    fs.closeSync(handle);
    expect(() => cache.stats()).not.toThrow();
    expect(() => cache.clear()).not.toThrow();
    const fresh = makeCache();
    fresh.cache.set(culture(['one']), { v: 1 });
    expect(fresh.cache.clear().entries).toBe(1);
  });

  it('a refreshed value too large for L1 replaces the stale one instead of being reloaded on every get', async () => {
    const { cache, clock, background } = makeCache({ l1MaxBytes: 40_000 });
    const key = culture(['food']);
    cache.set(key, { v: 'small' });
    clock.advance(ttlFor({ kind: 'culture', hits: 0 }).ttlMs + 1000);
    let loads = 0;
    const loader = async () => {
      loads++;
      return { v: 'x'.repeat(20_000) };
    };
    for (let i = 0; i < 5; i++) {
      await cache.get(key, loader);
      while (background.length > 0) await Promise.all(background.splice(0));
    }
    expect(loads).toBe(1);
    expect((cache.getSync<{ v: string }>(key) ?? { v: '' }).v.length).toBe(20_000);
  });
});

describe('only SQLite calling cache.db damaged replaces it', () => {
  const corruptCopies = (dir: string) => fs.readdirSync(dir).filter((f) => f.startsWith('cache.db.corrupt-'));

  it('a bug thrown inside the cache.db tier reaches the caller and leaves the file and its entries as they are', async () => {
    const first = makeCache();
    await first.cache.get(culture(['kept']), async () => 'kept');
    vi.spyOn(SqliteTier.prototype, 'put').mockImplementationOnce(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'size')");
    });
    expect(() => first.cache.set(culture(['other']), 'v')).toThrow(TypeError);
    vi.spyOn(SqliteTier.prototype, 'get').mockImplementationOnce(() => {
      throw new TypeError('a bug in a read');
    });
    let loads = 0;
    await expect(first.cache.get(culture(['missing']), async () => ++loads)).rejects.toThrow('a bug in a read');
    expect(loads).toBe(0);
    // SQLite's own errors that are not damage (a locked file, a full disk) skip the operation: no
    // reason to replace the file, nor to fail the lookup, which its loader answers.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(SqliteTier.prototype, 'get').mockImplementationOnce(() => {
      throw new Database.SqliteError('database is locked', 'SQLITE_BUSY');
    });
    expect(await first.cache.get(culture(['locked']), async () => 'loaded')).toBe('loaded');
    vi.spyOn(SqliteTier.prototype, 'put').mockImplementationOnce(() => {
      throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
    });
    expect(() => first.cache.set(culture(['full']), 'v')).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
    expect(first.alerts).toEqual([]);
    expect(corruptCopies(first.dir)).toEqual([]);
    expect(first.cache.stats()).toMatchObject({ recoveries: 0, l2: { available: true } });
    first.cache.close();
    open.splice(open.indexOf(first.cache), 1);

    const reopened = makeCache({ file: path.join(first.dir, 'cache.db') });
    expect(reopened.cache.getSync(culture(['kept']))).toBe('kept');
    expect(reopened.alerts).toEqual([]);
  });

  it('a get that meets a damaged page in use still replaces the file, and is answered by the loader', async () => {
    const { cache, alerts, dir } = makeCache({ l1MaxEntries: 1 });
    const keys = Array.from({ length: 200 }, (_, i) => culture([`t${i}`]));
    for (const key of keys) cache.set(key, { text: 'x'.repeat(3000) });
    await cache.sweep();
    const handle = fs.openSync(path.join(dir, 'cache.db'), 'r+');
    fs.writeSync(handle, Buffer.alloc(100_000, 0xab), 0, 100_000, 200_000);
    fs.closeSync(handle);
    const served = await Promise.all(keys.map((key) => cache.get(key, async () => ({ text: 'reloaded' }))));
    expect(served.some((value) => value.text === 'reloaded')).toBe(true);
    expect(alerts).toEqual([expect.objectContaining({ kind: 'cache_recovered', message: expect.stringContaining('database disk image is malformed') })]);
    expect(corruptCopies(dir)).toHaveLength(1);
    expect(cache.stats()).toMatchObject({ recoveries: 1, l2: { available: true } });
  });

  it('counts SQLITE_CORRUPT, SQLITE_NOTADB (with extended codes) and a damaged file at open, and nothing else', async () => {
    const { DatabaseOpenError } = await import('../src/main/platform');
    expect(isCorruption(new Database.SqliteError('database disk image is malformed', 'SQLITE_CORRUPT'))).toBe(true);
    expect(isCorruption(new Database.SqliteError('malformed index', 'SQLITE_CORRUPT_INDEX'))).toBe(true);
    expect(isCorruption(new Database.SqliteError('file is not a database', 'SQLITE_NOTADB'))).toBe(true);
    expect(isCorruption(new DatabaseOpenError('cache.db', 'its integrity check failed', '', 'damaged'))).toBe(true);
    expect(isCorruption(new DatabaseOpenError('cache.db', 'locked', '', 'unavailable'))).toBe(false);
    expect(isCorruption(new Database.SqliteError('database is locked', 'SQLITE_BUSY'))).toBe(false);
    expect(isCorruption(new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_SHORT_READ'))).toBe(false);
    expect(isCorruption(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'))).toBe(false);
    expect(isCorruption(Object.assign(new Error('looks like SQLite'), { code: 'SQLITE_CORRUPT' }))).toBe(false);
    expect(isCorruption(new TypeError('a bug'))).toBe(false);
  });
});

describe('generation keys', () => {
  it('share an entry between wordings the engine reads alike, and serve exactly what it would generate', async () => {
    const { createCore } = await import('../src/main/core/core');
    const { briefInputSchema } = await import('../src/shared/brief');
    const brief = (description: string) => briefInputSchema.parse({ description, count: 4, level: 'standard', seed: 21 });
    const strip = (doc: { personas: Array<Record<string, unknown>> }) => doc.personas.map(({ id: _id, meta: _meta, ...rest }) => rest);
    const noPreload = { enabled: false, perLookup: 0, maxLoadPerCore: 0 };
    const warm = createCore({ dataDir: tempDir(), preload: noPreload });
    const cold = createCore({ dataDir: tempDir(), preload: noPreload });
    try {
      await warm.generate(brief('Eco-friendly meal-kit delivery for busy parents in Lyon'));
      const reworded = await warm.generate(brief('Eco-friendly meal-kit delivery for busy parents living in Lyon'));
      expect(reworded.fromCache).toBe(true);
      const direct = await cold.generate(brief('Eco-friendly meal-kit delivery for busy parents living in Lyon'));
      expect(direct.fromCache).toBe(false);
      expect(strip(reworded.document)).toEqual(strip(direct.document));
      // What the engine does read changes the key: another city, other ages, another product.
      expect((await warm.generate(brief('Eco-friendly meal-kit delivery for busy parents in Paris'))).fromCache).toBe(false);
      expect((await warm.generate(briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 4, level: 'standard', seed: 21, ageRange: [30, 40] }))).fromCache).toBe(false);
      expect((await warm.generate(brief('Organic baby food delivery for busy parents in Lyon'))).fromCache).toBe(false);

      // Whatever the cache says is equivalent must be what the engine makes from scratch.
      const variants = [
        'Eco-friendly meal-kit delivery for busy parents in Lyon, France',
        'Eco-friendly meal-kit delivery for very busy parents in Lyon',
        'Eco-friendly meal-kit delivery for busy families in Lyon',
        'eco-friendly meal-kit delivery for busy mums in Lyon',
        'Eco-friendly meal-kit delivery, for busy parents around Lyon',
        'Eco-friendly meal-kit delivery for busy parents in Lyon who cook',
      ];
      let checked = 0;
      for (const description of variants) {
        const served = await warm.generate(brief(description));
        if (!served.fromCache) continue;
        checked++;
        const fresh = createCore({ dataDir: tempDir(), preload: noPreload });
        try {
          expect(strip(served.document), description).toEqual(strip((await fresh.generate(brief(description))).document));
        } finally {
          fresh.close();
        }
      }
      expect(checked).toBeGreaterThanOrEqual(2);
    } finally {
      warm.close();
      cold.close();
    }
  });
});
