/** Drops history older than the retention period from app.db, a batch at a time between other work. */
import type { MonitorStore } from './monitor-store';

export class Retention {
  private pruning = false;

  constructor(
    private readonly store: MonitorStore,
    private readonly retentionDays: () => number,
    private readonly now: () => number,
    /** Aborted when the monitor closes: a prune stops before its next batch. */
    private readonly signal: AbortSignal,
  ) {}

  /** Rows removed; 0 while a prune is already under way or once the monitor closed. */
  async prune(): Promise<number> {
    if (this.pruning || this.signal.aborted) return 0;
    this.pruning = true;
    const before = this.now() - this.retentionDays() * DAY;
    let removed = 0;
    try {
      for (let batch = this.store.pruneBatch(before); batch > 0; batch = this.store.pruneBatch(before)) {
        removed += batch;
        await new Promise((resolve) => setImmediate(resolve));
        // What is left goes at the next start's prune.
        if (this.signal.aborted) break;
      }
    } finally {
      this.pruning = false;
    }
    return removed;
  }
}

const DAY = 86_400_000;
