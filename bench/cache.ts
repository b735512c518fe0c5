/**
 * TieredCache hit paths on 2 KB values with keys already made by keyFor, each beside its peers in
 * the same run: the L1 hit against a raw lru-cache get, the L2 hit against a raw better-sqlite3
 * prepared select plus JSON.parse, and both against cache-manager v7 with two Keyv stores (memory,
 * then @keyv/sqlite) as its users configure it. Then a workshop trace (bench/cache-trace.ts) replayed
 * through the real pipeline, with and without preloading.
 * Targets: L1 ≥ 70 % of lru-cache, L2 ≥ 70 % of select+parse, L1 ≥ 100× and L2 ≥ 10× cache-manager.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Database from 'better-sqlite3';
import { createCache } from 'cache-manager';
import { Keyv } from 'keyv';
import { LRUCache } from 'lru-cache';
import { keyFor } from '../src/main/cache/cache-keys';
import { TieredCache } from '../src/main/cache/tiered-cache';
import { replayWorkshopTrace } from './cache-trace';
import { measure, measurePair, round } from './_measure';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-cache-bench-'));
const KEYS = 1000;
const value = (i: number) => ({ id: i, name: `Entity ${i}`, tags: ['food', 'family', 'weekday'], text: 'x'.repeat(1900) });
const keys = Array.from({ length: KEYS }, (_, i) => keyFor('culture', { themes: ['food', `t${i}`], countries: ['FR'], ageRange: [28, 40] }));
const opsPerSecond = (ops: number, medianMs: number) => Math.round(ops / (medianMs / 1000));

try {
  console.log(`values ${JSON.stringify(value(0)).length} bytes, ${KEYS} keys`);

  // L1 hits: ours against raw lru-cache, same keys and values.
  const raw = new LRUCache<string, object>({ max: 5000 });
  const ours = new TieredCache({ file: path.join(dir, 'l1.db') });
  keys.forEach((k, i) => {
    raw.set(k.key, value(i));
    ours.set(k, value(i));
  });
  const L1_OPS = 200_000;
  const l1Batch = (get: (i: number) => unknown) => () => {
    for (let i = 0; i < L1_OPS; i++) get(i % KEYS);
  };
  const [rawL1, ourL1] = await measurePair(
    ['raw lru-cache get', 'TieredCache L1 hit (getSync)'],
    [l1Batch((i) => raw.get(keys[i]!.key)), l1Batch((i) => ours.getSync(keys[i]!))],
    { warmup: 5, repeat: 25 },
  );

  // L2 hits: an L1 of one entry, so every get of a cycling key is answered by cache.db.
  const sqlite = new Database(path.join(dir, 'raw.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('CREATE TABLE entries (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID');
  const insert = sqlite.prepare('INSERT INTO entries (key, value) VALUES (?, ?)');
  sqlite.transaction(() => keys.forEach((k, i) => insert.run(k.key, JSON.stringify(value(i)))))();
  const select = sqlite.prepare<[string], { value: string }>('SELECT value FROM entries WHERE key = ?');
  const l2 = new TieredCache({ file: path.join(dir, 'l2.db'), l1MaxEntries: 1 });
  keys.forEach((k, i) => l2.set(k, value(i)));
  const L2_OPS = 5_000;
  const l2Batch = (get: (i: number) => unknown) => () => {
    for (let i = 0; i < L2_OPS; i++) get(i % KEYS);
  };
  const [rawL2, ourL2] = await measurePair(
    ['raw better-sqlite3 select + JSON.parse', 'TieredCache L2 hit (getSync)'],
    [l2Batch((i) => JSON.parse(select.get(keys[i]!.key)!.value)), l2Batch((i) => l2.getSync(keys[i]!))],
    { warmup: 3, repeat: 21 },
  );
  if (l2.stats().kinds.culture.l1Hits > 0) throw new Error('the L2 benchmark was answered from L1');

  // cache-manager v7: memory Keyv, then @keyv/sqlite, as its README configures two tiers.
  const memory = new Keyv();
  const sqliteStore = new Keyv({ store: new KeyvSqlite(`sqlite://${path.join(dir, 'cm.sqlite')}`) });
  const cm = createCache({ stores: [memory, sqliteStore] });
  const cmKeys = keys.map((k) => k.key);
  for (let i = 0; i < KEYS; i++) await memory.set(cmKeys[i]!, value(i));
  for (let i = 0; i < KEYS; i++) await sqliteStore.set(cmKeys[i]!, value(i));
  const CM_L1_OPS = 20_000;
  const CM_L2_OPS = 2_000;
  const asyncBatch = (ops: number, get: (i: number) => Promise<unknown>) => async () => {
    for (let i = 0; i < ops; i++) await get(i % KEYS);
  };
  const cmL1 = await measure('cache-manager get, memory hit', asyncBatch(CM_L1_OPS, (i) => cm.get(cmKeys[i]!)), { warmup: 2, repeat: 10 });
  const ourAsyncL1 = await measure('TieredCache get, L1 hit (async)', asyncBatch(CM_L1_OPS, (i) => ours.get(keys[i]!, async () => value(i))), { warmup: 2, repeat: 10 });
  await memory.clear();
  const cmL2 = await measure('cache-manager get, sqlite hit', asyncBatch(CM_L2_OPS, (i) => cm.get(cmKeys[i]!)), { warmup: 2, repeat: 10 });
  const ourAsyncL2 = await measure('TieredCache get, L2 hit (async)', asyncBatch(CM_L2_OPS, (i) => l2.get(keys[i]!, async () => value(i))), { warmup: 2, repeat: 10 });

  const l1VsLru = opsPerSecond(L1_OPS, ourL1.median) / opsPerSecond(L1_OPS, rawL1.median);
  const l2VsSqlite = opsPerSecond(L2_OPS, ourL2.median) / opsPerSecond(L2_OPS, rawL2.median);
  // Our hit paths are the ones measured against the raw peers above (getSync: better-sqlite3 is
  // synchronous, so a hit needs no promise); the async get, which awaits like cache-manager's, is reported beside them.
  const l1VsCm = opsPerSecond(L1_OPS, ourL1.median) / opsPerSecond(CM_L1_OPS, cmL1.median);
  const l2VsCm = opsPerSecond(L2_OPS, ourL2.median) / opsPerSecond(CM_L2_OPS, cmL2.median);
  const l1AsyncVsCm = opsPerSecond(CM_L1_OPS, ourAsyncL1.median) / opsPerSecond(CM_L1_OPS, cmL1.median);
  const l2AsyncVsCm = opsPerSecond(CM_L2_OPS, ourAsyncL2.median) / opsPerSecond(CM_L2_OPS, cmL2.median);
  console.log(
    `ops/s: lru-cache ${opsPerSecond(L1_OPS, rawL1.median)}, ours L1 ${opsPerSecond(L1_OPS, ourL1.median)} (async ${opsPerSecond(CM_L1_OPS, ourAsyncL1.median)}), cache-manager L1 ${opsPerSecond(CM_L1_OPS, cmL1.median)}`,
  );
  console.log(
    `ops/s: select+parse ${opsPerSecond(L2_OPS, rawL2.median)}, ours L2 ${opsPerSecond(L2_OPS, ourL2.median)} (async ${opsPerSecond(CM_L2_OPS, ourAsyncL2.median)}), cache-manager L2 ${opsPerSecond(CM_L2_OPS, cmL2.median)}`,
  );
  ours.close();
  l2.close();
  sqlite.close();
  await sqliteStore.disconnect();

  const withPreload = await replayWorkshopTrace({ preload: true });
  const withoutPreload = await replayWorkshopTrace({ preload: false });
  console.log(`workshop trace: ${withPreload.runs} runs of ${withPreload.distinctBriefs} distinct briefs, ${withPreload.gets} gets; hit rate ${withPreload.hitRate}% with preloading (${withPreload.preloaded} preloaded, ${withPreload.preloadUsed} used), ${withoutPreload.hitRate}% without`);
  console.log(
    `targets: L1 >= 0.7x lru-cache (${l1VsLru >= 0.7 ? 'met' : 'MISSED'}), L2 >= 0.7x select+parse (${l2VsSqlite >= 0.7 ? 'met' : 'MISSED'}), L1 >= 100x cache-manager (${l1VsCm >= 100 ? 'met' : 'MISSED'}), L2 >= 10x cache-manager (${l2VsCm >= 10 ? 'met' : 'MISSED'}), trace >= 90% (${withPreload.hitRate >= 90 ? 'met' : 'MISSED'})`,
  );
  console.log(
    `cache: l1_vs_lru=${round(l1VsLru)} l2_vs_sqlite=${round(l2VsSqlite)} l1_vs_cm=${round(l1VsCm, 1)} l2_vs_cm=${round(l2VsCm, 1)} trace_hit=${withPreload.hitRate} trace_hit_no_preload=${withoutPreload.hitRate} l1_async_vs_cm=${round(l1AsyncVsCm, 1)} l2_async_vs_cm=${round(l2AsyncVsCm, 1)}`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
