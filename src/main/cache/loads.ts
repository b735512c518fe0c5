/**
 * Loads: one load per key however many callers wait for it, and at most one background refresh of a
 * key at a time; counts loads and failed loads.
 */
import type { Background } from './background';
import type { CacheMeter } from './cache-stats';

export class Loads {
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly refreshing = new Set<string>();

  constructor(
    private readonly meter: CacheMeter,
    private readonly background: Background,
  ) {}

  /** Whether nothing is being loaded for a caller right now. */
  get idle(): boolean {
    return this.inflight.size === 0;
  }

  has(key: string): boolean {
    return this.inflight.has(key);
  }

  /** The load under way for the key, else a new one. */
  run<V>(key: string, load: () => Promise<V>): Promise<V> {
    const pending = this.inflight.get(key);
    if (pending) return pending as Promise<V>;
    const promise = (async () => {
      this.meter.loads++;
      try {
        return await load();
      } catch (error) {
        this.meter.loadErrors++;
        throw error;
      } finally {
        this.inflight.delete(key);
      }
    })();
    this.inflight.set(key, promise);
    return promise;
  }

  /** Reloads a stale key in the background, unless it is being loaded already. */
  refresh(key: string, load: () => Promise<unknown>): void {
    if (this.refreshing.has(key) || this.inflight.has(key)) return;
    this.refreshing.add(key);
    this.background.run(async () => {
      try {
        await this.run(key, load);
      } catch {
        // The stale value was served; a failed refresh leaves it to expire.
      } finally {
        this.refreshing.delete(key);
      }
    });
  }
}
