/**
 * CacheFile: cache.db kept usable. It opens the file and runs each L2 operation on it; when SQLite
 * says the file is damaged it moves it aside, starts a fresh one and raises an alert, and the cache
 * keeps serving through its loaders meanwhile. SQLite's other errors (a locked file, a full disk)
 * skip that one operation: a cache that cannot read or write answers as a miss, never fails a run.
 * Anything else is a bug: it reaches the caller and leaves the file as it is.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseOpenError, type ValueSeal } from '../platform';
import { isCorruption } from './corruption';
import { SqliteTier } from './sqlite-tier';

export interface CacheAlert {
  kind: 'cache_recovered' | 'cache_unavailable';
  message: string;
}

export class CacheFile {
  /** Times cache.db was found unusable: replaced, or left alone while the cache ran on memory. */
  recoveries = 0;
  /** Operations skipped because SQLite refused them for a reason other than damage. */
  skipped = 0;
  private readonly warnedCodes = new Set<string>();
  private current: SqliteTier | null;

  constructor(
    readonly file: string,
    private readonly nativeBinding: string | undefined,
    private readonly onAlert: (alert: CacheAlert) => void,
    private readonly compress = true,
    /** The local data key: what cache.db holds is sealed with it (value-codec.ts). */
    private readonly seal?: ValueSeal,
  ) {
    this.current = this.open();
  }

  /** The open tier, or null while the cache runs on memory alone. */
  get tier(): SqliteTier | null {
    return this.current;
  }

  /** Runs an operation on cache.db; undefined when there is none, when SQLite refused it, or when it found the file damaged (then replaced). */
  run<T>(operation: (tier: SqliteTier) => T): T | undefined {
    const tier = this.current;
    if (tier === null) return undefined;
    try {
      return operation(tier);
    } catch (error) {
      if (error instanceof Database.SqliteError && !isCorruption(error)) return this.skip(error);
      if (!isCorruption(error)) throw error;
      this.current = null;
      try {
        tier.close();
      } catch {
        // Closing a damaged file may fail too; it is being replaced.
      }
      this.current = this.replace(describe(error));
      return undefined;
    }
  }

  private skip(error: InstanceType<typeof Database.SqliteError>): undefined {
    this.skipped++;
    // Once per kind of refusal: a full disk would otherwise print a line per lookup.
    if (!this.warnedCodes.has(error.code)) {
      this.warnedCodes.add(error.code);
      console.warn(`[cache] cache.db refused an operation (${error.code}: ${error.message}); it is skipped and the cache answers from memory and the loaders.`);
    }
    return undefined;
  }

  close(): void {
    const tier = this.current;
    this.current = null;
    try {
      tier?.close();
    } catch (error) {
      // The connection is closed either way (SqliteTier.close); damage is met again at the next open.
      if (!isCorruption(error)) throw error;
    }
  }

  /** A file that opens is used; one SQLite calls damaged (or a newer version wrote) is replaced; any other failure leaves it alone. */
  private open(): SqliteTier | null {
    try {
      return SqliteTier.open(this.file, this.nativeBinding, this.compress, this.seal);
    } catch (error) {
      // A newer version's cache cannot be read here, and a cache may always be started afresh.
      const replaceable = isCorruption(error) || (error instanceof DatabaseOpenError && error.failure === 'newer_version');
      if (replaceable) return this.replace(describe(error));
      return this.runOnMemory(describe(error));
    }
  }

  private replace(reason: string): SqliteTier | null {
    const movedTo = moveAside(this.file);
    let tier: SqliteTier;
    try {
      tier = SqliteTier.open(this.file, this.nativeBinding, this.compress, this.seal);
    } catch (again) {
      // Not even a fresh file opens (a read-only folder): the cache runs on memory alone.
      return this.runOnMemory(`${reason}; a fresh cache.db failed too: ${describe(again)}`);
    }
    this.recoveries++;
    this.onAlert({ kind: 'cache_recovered', message: `cache.db was unusable (${reason}); ${movedTo ? `it was moved to ${movedTo} and ` : ''}a fresh cache was started. Your workshops are in app.db and were not affected.` });
    return tier;
  }

  private runOnMemory(reason: string): null {
    this.recoveries++;
    this.onAlert({ kind: 'cache_unavailable', message: `cache.db cannot be used (${reason}); results are not cached until it can. Your workshops are in app.db and were not affected.` });
    return null;
  }
}

/** Moves cache.db and its WAL files to `cache.db.corrupt-<time>`; null when there was nothing to move. */
function moveAside(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  const target = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  let moved = true;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
    } catch {
      moved = false;
      try {
        fs.rmSync(file + suffix, { force: true });
      } catch {
        // A folder that allows neither: the fresh open fails too and the cache runs on memory.
      }
    }
  }
  return moved ? path.resolve(target) : null;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
