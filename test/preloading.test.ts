/**
 * Preloading from the saved access history: real cache.db files in temp folders, the bundled
 * cultural source on the bundled dataset, a clock the tests move, background work run at once.
 */
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/main/cache/clock';
import { TieredCache } from '../src/main/cache/tiered-cache';
import { DATASET_DIR } from '../src/main/platform/app-root';
import { BundledCultureSource } from '../src/main/providers/culture/bundled-culture';
import { CachedCultureSource, Preloading, preloadPolicyOf } from '../src/main/providers/culture/cached-culture';
import { PreloadLedger, SuccessorHistory } from '../src/main/providers/culture/preload-prediction';
import { cacheStatsSchema } from '../src/shared/performance';
import { analyzeBrief } from '../src/main/world/brief-analysis';
import { loadDataset } from '../src/main/world/dataset';
import type { BriefAnalysis, TasteDataset } from '../src/main/world';
import { tempDir } from './helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ON = { enabled: true, perLookup: 3, maxLoadPerCore: Number.POSITIVE_INFINITY };

let dataset: TasteDataset;
let briefs: Record<'lyon' | 'brussels' | 'madrid' | 'lisbon' | 'berlin' | 'vienna', BriefAnalysis>;
beforeAll(() => {
  dataset = loadDataset(DATASET_DIR);
  const analysis = (city: string) => analyzeBrief({ description: `Meal kits for busy parents in ${city}`, count: 3, level: 'standard', seed: 1, language: 'en', location: undefined, segment: undefined }, dataset);
  briefs = { lyon: analysis('Lyon'), brussels: analysis('Brussels'), madrid: analysis('Madrid'), lisbon: analysis('Lisbon'), berlin: analysis('Berlin'), vienna: analysis('Vienna') };
});

const open: TieredCache[] = [];
afterEach(() => {
  for (const cache of open.splice(0)) cache.close();
});

/** A session on cache.db in `dir`: a cache, its cultural source, and a way to wait for its background work. */
function session(dir: string, clock: ManualClock, preloading: Preloading = new Preloading(ON)) {
  const background: Promise<void>[] = [];
  const cache = new TieredCache({ file: path.join(dir, 'cache.db'), clock, background: (task) => background.push(task()) });
  open.push(cache);
  const culture = new CachedCultureSource(new BundledCultureSource(() => dataset), cache, preloading);
  const signal = new AbortController().signal;
  const look = async (...names: Array<keyof typeof briefs>) => {
    for (const name of names) {
      await culture.constraintsFor(briefs[name], signal);
      while (background.length > 0) await Promise.all(background.splice(0));
    }
  };
  const close = () => {
    open.splice(open.indexOf(cache), 1);
    cache.close();
  };
  return { cache, look, close, preloading };
}

/** Records a pattern of lookups, closes, and lets a month pass: every entry has expired and been swept, the history stays. */
async function recordHistory(dir: string, clock: ManualClock, pattern: Array<keyof typeof briefs>) {
  const first = session(dir, clock, new Preloading({ ...ON, enabled: false }));
  await first.look(...pattern);
  first.close();
  clock.advance(30 * DAY);
  const swept = session(dir, clock, new Preloading({ ...ON, enabled: false }));
  await swept.cache.sweep();
  expect(swept.cache.stats().l2.entries).toBe(0);
  swept.close();
}

describe('preloading from the saved history', () => {
  it('after a restart, a lookup preloads the one that followed it before, and the caller then gets a hit', async () => {
    const dir = tempDir();
    const clock = new ManualClock();
    await recordHistory(dir, clock, ['lyon', 'brussels', 'lyon', 'brussels']);

    const { cache, look } = session(dir, clock);
    const before = cache.stats();
    await look('lyon');
    expect(cache.stats().preload.loaded - before.preload.loaded).toBe(1);
    await look('brussels');
    const after = cache.stats();
    // Brussels was not seen this session: it came from the saved history, loaded again as Lyon's neighbour.
    expect(after.kinds.culture.misses - before.kinds.culture.misses).toBe(1);
    expect(after.preload.used - before.preload.used).toBe(1);
  });

  it('guesses nothing without history, nor from a single coincidence', async () => {
    const clock = new ManualClock();
    const fresh = session(tempDir(), clock);
    await fresh.look('lyon', 'brussels');
    // No history: the nearest countries are not warmed on a guess.
    expect(fresh.cache.stats().preload.loaded).toBe(0);

    const dir = tempDir();
    await recordHistory(dir, clock, ['lyon', 'brussels']);
    const { cache, look } = session(dir, clock);
    await look('lyon');
    expect(cache.stats().preload.loaded).toBe(0);
  });

  it('reads the successor rule: at least twice, and a large enough share of what followed', () => {
    const history = new SuccessorHistory('culture', { minTimes: 2, minShare: 0.3 });
    history.load(['a', 'b', 'a', 'b', 'a', 'c', 'a', 'c', 'a', 'd'].map((key) => ({ kind: 'culture', key })));
    // Other kinds between two lookups do not break the chain.
    history.load([{ kind: 'generation', key: 'g' }]);
    history.observe('a');
    history.observe('d');
    // a → b twice, a → c twice, a → d twice out of six: d is a third, at the threshold's edge.
    expect(history.predict('a', 3).sort()).toEqual(['b', 'c', 'd']);
    expect(history.predict('a', 1)).toHaveLength(1);
    expect(new SuccessorHistory('culture', { minTimes: 2, minShare: 0.4 }).predict('a', 3)).toEqual([]);
  });
});

describe('preloading earns its keep', () => {
  const pattern: Array<keyof typeof briefs> = ['lyon', 'brussels', 'madrid', 'lisbon', 'berlin', 'vienna', 'lyon', 'brussels', 'madrid', 'lisbon', 'berlin', 'vienna'];
  const strict = (clock: ManualClock) => new Preloading(ON, new PreloadLedger({ minLoads: 2, minUsedShare: 0.25, retryAfterMs: 6 * HOUR }, () => clock.now()));

  it('stops preloading a kind whose preloads are not used, counts it, and tries again later', async () => {
    const dir = tempDir();
    const clock = new ManualClock();
    await recordHistory(dir, clock, pattern);

    const { cache, look, preloading } = session(dir, clock, strict(clock));
    // Lyon warms Brussels, Madrid warms Lisbon; neither is asked for.
    await look('lyon', 'madrid');
    expect(preloading.stats().culture).toEqual({ loaded: 2, used: 0, stopped: false, stops: 0 });
    // Two loads, none used: Berlin's prediction (Vienna) is not preloaded.
    await look('berlin');
    expect(cache.stats().preload.loaded).toBe(2);
    expect(preloading.stats().culture).toEqual({ loaded: 2, used: 0, stopped: true, stops: 1 });
    // cache:stats says so per kind, in the IPC contract's shape: culture stopped (until when), the others never preloaded.
    const stopped = cacheStatsSchema.parse(cache.stats()).preload.kinds!;
    expect(stopped.culture).toEqual({ loaded: 2, used: 0, stopped: true, stoppedUntil: clock.now() + 6 * HOUR, stops: 1 });
    expect(stopped.generation).toEqual({ loaded: 0, used: 0, stopped: false, stoppedUntil: null, stops: 0 });
    expect(stopped.answer).toEqual({ loaded: 0, used: 0, stopped: false, stoppedUntil: null, stops: 0 });

    // Later the kind gets another chance, counted afresh.
    clock.advance(7 * HOUR);
    await look('berlin');
    expect(cache.stats().preload.loaded).toBe(3);
    expect(preloading.stats().culture).toMatchObject({ loaded: 1, stopped: false, stops: 1 });
    // The cache's per-kind counts run since `since` (not since the kind was re-enabled).
    expect(cache.stats().preload.kinds?.culture).toEqual({ loaded: 3, used: 0, stopped: false, stoppedUntil: null, stops: 1 });
  });

  it('keeps preloading a kind whose preloads are used', async () => {
    const dir = tempDir();
    const clock = new ManualClock();
    await recordHistory(dir, clock, pattern);

    const { cache, look, close, preloading } = session(dir, clock, strict(clock));
    const before = cache.stats();
    await look('lyon', 'brussels', 'madrid', 'lisbon', 'berlin', 'vienna');
    // Each lookup after the first warmed the next (the bundled dataset's neighbours are European
    // countries here), and each warmed entry was asked for.
    expect(preloading.stats().culture).toEqual({ loaded: 4, used: 4, stopped: false, stops: 0 });
    const after = cache.stats();
    expect(after.preload.loaded - before.preload.loaded).toBe(4);
    expect(after.preload.used - before.preload.used).toBe(4);
    expect(after.preload.kinds?.culture).toMatchObject({ loaded: after.preload.loaded, used: after.preload.used, stopped: false });
    // Per kind, kept in cache.db with the other counters: the next session starts from them.
    close();
    const next = session(dir, clock, strict(clock));
    expect(next.cache.stats().preload.kinds?.culture).toMatchObject({ loaded: after.preload.loaded, used: after.preload.used, stopped: false });
    // Only Lyon and Madrid were misses: Madrid is not among the 24 countries nearest Brussels, where a
    // lookup not seen this session is looked for.
    expect(after.kinds.culture.misses - before.kinds.culture.misses).toBe(2);
  });

  it("counts a preload used as the cache does: not when the caller asks only after it expired", async () => {
    const dir = tempDir();
    const clock = new ManualClock();
    await recordHistory(dir, clock, ['lyon', 'brussels', 'lyon', 'brussels']);

    const { cache, look, preloading } = session(dir, clock, strict(clock));
    const before = cache.stats();
    await look('lyon');
    expect(cache.stats().preload.loaded - before.preload.loaded).toBe(1);
    // Brussels was warmed, then outlived its time-to-live and grace window before anyone asked: a load, not a use.
    clock.advance(100 * DAY);
    await look('brussels');
    const after = cache.stats();
    expect(after.kinds.culture.misses - before.kinds.culture.misses).toBe(2);
    expect(after.preload.used - before.preload.used).toBe(0);
    // The ledger's rule reads the same figures the stats show.
    expect(preloading.stats().culture).toMatchObject({ loaded: 1, used: 0 });
    expect(after.preload.kinds?.culture).toMatchObject({ loaded: after.preload.loaded, used: after.preload.used });
  });

  it('preloads nothing with the setting cache.preload off', async () => {
    const dir = tempDir();
    const clock = new ManualClock();
    await recordHistory(dir, clock, pattern);

    const off = new Preloading({ ...preloadPolicyOf({ preload: false, preloadPerLookup: 3 }), maxLoadPerCore: Number.POSITIVE_INFINITY });
    const { cache, look, preloading } = session(dir, clock, off);
    const before = cache.stats();
    await look('lyon', 'madrid', 'berlin', 'brussels');
    expect(cache.stats().preload.loaded).toBe(before.preload.loaded);
    expect(preloading.stats()).toEqual({});
    expect(cache.stats().kinds.culture.misses - before.kinds.culture.misses).toBe(4);
  });
});
