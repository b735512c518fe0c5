/**
 * Maintenance: the sweep (entries past their grace window dropped from both tiers, the access log and
 * batched access counts written, cache.db trimmed to its budget and checkpointed), the integrity
 * check, and the timers that run them.
 */
import type { AccessLog } from './access-log';
import type { CacheFile } from './cache-file';
import type { CacheMeter } from './cache-stats';
import type { Clock } from './clock';
import type { MemoryTier } from './memory-tier';

export interface MaintenanceParts {
  l1: MemoryTier;
  l2: CacheFile;
  /** Read at each sweep: the user may change the budget while the app runs. */
  l2MaxBytes: () => number;
  log: AccessLog;
  meter: CacheMeter;
  clock: Clock;
}

export class Maintenance {
  private sweeps: NodeJS.Timeout | undefined;
  private integrityCheck: NodeJS.Timeout | undefined;

  constructor(private readonly parts: MaintenanceParts) {}

  /** Removes expired entries in batches that yield to the event loop, none longer than `sliceMs`; returns how many. */
  async sweep(sliceMs = 4): Promise<number> {
    const { l1, l2, log, meter } = this.parts;
    const now = this.parts.clock.now();
    let removed = l1.dropStale(now);
    log.flush();
    for (;;) {
      const started = performance.now();
      let batch = 0;
      do {
        batch = l2.run((tier) => tier.deleteExpired(now, 100)) ?? 0;
        removed += batch;
      } while (batch > 0 && performance.now() - started < sliceMs);
      if (batch === 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    l2.run((tier) => {
      tier.flushAccess();
      meter.l2Evicted(tier.evictTo(this.parts.l2MaxBytes()).length);
      tier.checkpoint();
      // The counters survive a crash up to the last sweep; close writes them too.
      meter.saveTo(tier);
    });
    return removed;
  }

  /** Checks every page of cache.db; a damaged file is replaced (with an alert) as when it breaks in use. */
  verifyIntegrity(): void {
    this.parts.l2.run((tier) => tier.checkIntegrity());
  }

  /** Sweeps every `everyMs` until stopped; the timers never keep the process alive. */
  start(everyMs: number): void {
    if (this.sweeps) return;
    this.sweeps = setInterval(() => void this.sweep().catch((error: unknown) => warn('sweep', error)), everyMs).unref();
    // The integrity check reads the whole file: a few seconds after start-up, not during it.
    this.integrityCheck = setTimeout(() => {
      try {
        this.verifyIntegrity();
      } catch (error) {
        warn('integrity check', error);
      }
    }, 3_000).unref();
  }

  stop(): void {
    if (this.sweeps) clearInterval(this.sweeps);
    if (this.integrityCheck) clearTimeout(this.integrityCheck);
  }
}

/** A timer's failure that is not damage (a full disk, a locked file): cache.db is left as it is and the next sweep tries again. */
function warn(task: string, error: unknown): void {
  // The message only: SQLite's errors carry no user data, and a stack would say nothing more here.
  console.warn(`[cache] ${task} failed; cache.db was left as it is: ${error instanceof Error ? error.message : String(error)}`);
}
