/**
 * The cache part of the insight benchmark: what compression saves in cache.db on generation entries
 * (offline-engine persona documents, as the pipeline caches them), and what it costs on the L2 hit
 * path against a raw better-sqlite3 select + JSON.parse of the same documents stored plain.
 * Targets: cache.db bytes with compression ≤ 0.40 of without; L2 hit throughput ≥ 0.7× raw.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { keyFor, type CacheKey } from '../src/main/cache/cache-keys';
import { TieredCache } from '../src/main/cache/tiered-cache';
import { decodeValue } from '../src/main/cache/value-codec';
import type { Level } from '../src/shared/persona';
import { enginePersonas } from '../test/support/llm-answers';
import { measurePair, round } from './_measure';

// None of them is among the briefs cache.db's compression dictionary was made from.
const BRIEFS = [
  'Eco-friendly meal-kit delivery for busy parents in Lyon',
  'A fintech app for freelancers in Berlin',
  'A coworking space for designers in Marseille',
  'Electric bike rentals for commuters in Copenhagen',
  'A meditation app for nurses on night shifts in Dublin',
];
const LEVELS: Level[] = ['simple', 'standard', 'b2b'];

/** `count` cached generations as the pipeline stores them: personas with ids, and a validation report. */
export async function generationEntries(count: number): Promise<Array<{ key: CacheKey; value: unknown }>> {
  const entries = [];
  for (let i = 0; i < count; i++) {
    const brief = { description: BRIEFS[i % BRIEFS.length]!, level: LEVELS[i % LEVELS.length]!, count: 3 + (i % 6), seed: 1000 + i };
    const personas = (await enginePersonas(brief.level, brief.count, brief.seed, brief.description)).map((p) => ({ id: randomUUID(), ...p }));
    entries.push({ key: keyFor('generation', { version: 'bench', provider: 'offline', request: brief }), value: { personas, report: { valid: true, score: 96 - (i % 7), issues: [] } } });
  }
  return entries;
}

/** Bytes of cache.db once closed (the WAL folded in), holding `entries`. */
function fileBytes(dir: string, name: string, entries: Array<{ key: CacheKey; value: unknown }>, compress: boolean): number {
  const file = path.join(dir, name);
  const cache = new TieredCache({ file, compress });
  for (const { key, value } of entries) cache.set(key, value);
  cache.close();
  return fs.statSync(file).size;
}

/**
 * cacheBytesRatio: cache.db's file bytes with compression over without. l2VsSqlite: L2 hit throughput
 * over a raw select + parse of the same documents stored plain (the issue's figure);
 * l2VsSqliteSameRows: over a raw select + inflate + parse of the very rows cache.db holds.
 */
export async function measureCacheStorage(): Promise<{ cacheBytesRatio: number; l2VsSqlite: number; l2VsSqliteSameRows: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-insight-cache-'));
  try {
    const entries = await generationEntries(200);
    const plainJson = entries.reduce((sum, e) => sum + Buffer.byteLength(JSON.stringify(e.value)), 0);
    const compressed = fileBytes(dir, 'compressed.db', entries, true);
    const plain = fileBytes(dir, 'plain.db', entries, false);
    const cacheBytesRatio = compressed / plain;
    console.log(`${entries.length} generation entries, ${Math.round(plainJson / entries.length)} bytes of JSON each: cache.db ${plain} bytes plain, ${compressed} compressed (${round(cacheBytesRatio, 3)})`);

    // L2 hits: an L1 of one entry, so every get of a cycling key is answered by cache.db.
    const l2 = new TieredCache({ file: path.join(dir, 'compressed.db'), l1MaxEntries: 1 });
    const raw = new Database(path.join(dir, 'raw.db'));
    raw.pragma('journal_mode = WAL');
    raw.exec('CREATE TABLE entries (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID');
    const insert = raw.prepare('INSERT INTO entries (key, value) VALUES (?, ?)');
    raw.transaction(() => entries.forEach((e) => insert.run(e.key.key, JSON.stringify(e.value))))();
    const select = raw.prepare<[string], { value: string }>('SELECT value FROM entries WHERE key = ?');
    const OPS = 2_000;
    const batch = (get: (i: number) => unknown) => () => {
      for (let i = 0; i < OPS; i++) get(i % entries.length);
    };
    const [rawHits, ourHits] = await measurePair(
      ['raw select + JSON.parse (plain rows)', 'TieredCache L2 hit, compressed (getSync)'],
      [batch((i) => JSON.parse(select.get(entries[i]!.key.key)!.value)), batch((i) => l2.getSync(entries[i]!.key))],
      { warmup: 3, repeat: 15 },
    );
    // The same compressed rows read raw: what any reader of cache.db would pay to get the JSON back.
    const file = new Database(path.join(dir, 'compressed.db'), { readonly: true });
    const selectStored = file.prepare<[string], { value: string | Buffer; encoding: number }>('SELECT value, encoding FROM entries WHERE key = ?');
    const [rawSame, ourSame] = await measurePair(
      ['raw select + inflate + JSON.parse (same rows)', 'TieredCache L2 hit, compressed (getSync)'],
      [batch((i) => {
        const row = selectStored.get(entries[i]!.key.key)!;
        return JSON.parse(decodeValue(row.value, row.encoding));
      }), batch((i) => l2.getSync(entries[i]!.key))],
      { warmup: 3, repeat: 15 },
    );
    file.close();
    const stats = l2.stats();
    if (stats.kinds.generation.l1Hits > 0) throw new Error('the L2 benchmark was answered from L1');
    console.log(`storage ratio in cache:stats ${stats.storage.ratio} (${stats.storage.storedBytes} of ${stats.storage.plainBytes} bytes)`);
    l2.close();
    raw.close();
    // Same operations on both sides: the ratio of throughputs is the inverse ratio of median times.
    return { cacheBytesRatio: round(cacheBytesRatio, 3), l2VsSqlite: round(rawHits.median / ourHits.median), l2VsSqliteSameRows: round(rawSame.median / ourSame.median) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone (`node bench/run.mjs insight-cache`), it prints its figures against the targets.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { cacheBytesRatio, l2VsSqlite, l2VsSqliteSameRows } = await measureCacheStorage();
  console.log(`targets: cache bytes <= 0.40 (${cacheBytesRatio <= 0.4 ? 'met' : 'MISSED'}), L2 >= 0.7x select+parse (${l2VsSqlite >= 0.7 ? 'met' : 'MISSED'})`);
  console.log(`insight-cache: cache_bytes_ratio=${cacheBytesRatio} l2_vs_sqlite=${l2VsSqlite} l2_vs_sqlite_same_rows=${l2VsSqliteSameRows}`);
}
