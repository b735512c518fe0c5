/** Live events: one within the interval after something changed, never more often, and none while nobody receives them. */
import type { LiveMetrics } from '../../shared/ipc/types';

export type LiveListener = (live: LiveMetrics) => void;

export class LiveFeed {
  private readonly listeners = new Set<{ listener: LiveListener; receiving: () => boolean }>();
  private timer: NodeJS.Timeout | undefined;
  private last = Number.NEGATIVE_INFINITY;

  /** `view` builds the live view; it is called only when an event goes out. */
  constructor(
    private readonly view: () => LiveMetrics,
    private readonly intervalMs: number,
    /** Aborted when the monitor closes: an event due is dropped and no other is sent (the view reads app.db). */
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => clearTimeout(this.timer), { once: true });
  }

  /** `receiving()` says whether someone is there to see it (no page open in browser mode: nothing computed). */
  subscribe(listener: LiveListener, receiving: () => boolean = () => true): () => void {
    const entry = { listener, receiving };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  /** Something changed. */
  changed(): void {
    if (this.signal.aborted || this.timer || ![...this.listeners].some((l) => l.receiving())) return;
    const wait = Math.max(0, this.last + this.intervalMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.last = performance.now();
      const receivers = [...this.listeners].filter((l) => l.receiving());
      if (receivers.length === 0) return;
      const live = this.view();
      for (const { listener } of receivers) listener(live);
    }, wait);
    this.timer.unref();
  }
}
