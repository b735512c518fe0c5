/**
 * AccessLog: the order of recent requests (what followed what), for preloading and usage patterns.
 * Recording a request costs two stores in a ring; `flush` hands the new ones, one per change of key,
 * to be written to cache.db (by the sweep, and before anyone reads the history).
 */
import type { CacheKey } from './cache-keys';
import type { AccessRecord } from './sqlite-tier';

/** Requests held in memory between flushes (a power of two). */
const RING_SIZE = 1024;
/** Rows cache.db keeps: enough history for what-follows-what, bounded. */
const KEEP = 5000;

export class AccessLog {
  private readonly keys: Array<CacheKey | undefined> = new Array<CacheKey | undefined>(RING_SIZE);
  private readonly at = new Float64Array(RING_SIZE);
  private next = 0;
  private flushed = 0;
  private lastLoggedKey: string | null = null;

  constructor(private readonly write: (records: AccessRecord[], keep: number) => void) {}

  record(key: CacheKey, now: number): void {
    const slot = this.next++ & (RING_SIZE - 1);
    this.keys[slot] = key;
    this.at[slot] = now;
  }

  /** Drops requests for these keys from the ring (already flushed: this only lets go of their canonical text). */
  forget(keys: readonly string[]): void {
    const gone = new Set(keys);
    for (let slot = 0; slot < RING_SIZE; slot++) if (gone.has(this.keys[slot]?.key ?? '')) this.keys[slot] = undefined;
  }

  flush(): void {
    const records: AccessRecord[] = [];
    for (let i = Math.max(this.flushed, this.next - RING_SIZE); i < this.next; i++) {
      const key = this.keys[i & (RING_SIZE - 1)];
      if (!key || key.key === this.lastLoggedKey) continue;
      records.push({ at: this.at[i & (RING_SIZE - 1)]!, kind: key.kind, key: key.key, canonical: key.canonical, previousKey: this.lastLoggedKey });
      this.lastLoggedKey = key.key;
    }
    this.flushed = this.next;
    if (records.length > 0) this.write(records, KEEP);
  }
}
