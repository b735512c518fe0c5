/**
 * The team cache's breaker: after `failures` failed or slow commands in a row the tier is skipped
 * for `pauseMs`, then one probe is due (the tier sends it in the background, so no caller waits on
 * it); its success closes the breaker, its failure doubles the pause up to 16×. Tiny and synchronous
 * (no cockatiel policy per call) because it sits on every L3 read and must cost nothing when closed.
 *
 * "In a row" means at distinct times: a failure counts only for a command sent after the last
 * counted failure was reported. Commands in flight together share one connection, and Redis answers
 * in order, so one slow reply times out every read queued behind it: that burst is one failure, not
 * sixteen (it opened the breaker while Redis was answering). A Redis that stays silent fails the next
 * reads too, each sent after the one before was counted, and opens it after `failures` of them.
 */
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface TeamBreakerOptions {
  /** Failures in a row (errors, timeouts, commands slower than slowMs) that open it; default 3. */
  failures?: number;
  /** A command slower than this counts as a failure (Redis answering slowly is Redis in trouble); default 50 ms. */
  slowMs?: number;
  /** How long the tier is skipped before a probe; default 2 s. */
  pauseMs?: number;
  now?: () => number;
}

export class TeamBreaker {
  private inRow = 0;
  /** When the last failure that counted was reported (this.now()); commands sent before it were in flight with it. */
  private countedAt = Number.NEGATIVE_INFINITY;
  private openedAt = 0;
  private probing = false;
  state: BreakerState = 'closed';
  readonly slowMs: number;
  private readonly limit: number;
  private readonly pauseMs: number;
  private readonly now: () => number;

  constructor(options: TeamBreakerOptions = {}) {
    this.limit = options.failures ?? 3;
    this.slowMs = options.slowMs ?? 50;
    this.pauseMs = options.pauseMs ?? 2000;
    // performance.now, the clock `ms` is measured on: a failure's send time is now() - ms to the fraction of a ms.
    this.now = options.now ?? (() => performance.now());
  }

  private pauses = 0;

  /** Whether a caller's command may go to Redis now. */
  allow(): boolean {
    return this.state === 'closed';
  }

  /** True once per pause while open: the moment for the tier's background probe. */
  probeDue(): boolean {
    if (this.state !== 'open' || this.now() - this.openedAt < this.pauseMs * 2 ** Math.min(this.pauses, 4)) return false;
    this.state = 'half_open';
    this.probing = true;
    return true;
  }

  /**
   * Reports how a command went, `ms` after it was sent: slower than slowMs is a failure even when it
   * answered. A failure of a command sent before the last counted one was reported is part of the same
   * window (in flight together, held up by the same reply) and does not count again.
   */
  record(ok: boolean, ms: number): void {
    if (ok && ms <= this.slowMs) {
      this.inRow = 0;
      this.pauses = 0;
      this.probing = false;
      this.state = 'closed';
      return;
    }
    if (this.probing) {
      this.pauses++;
      this.open();
      return;
    }
    const now = this.now();
    if (now - ms < this.countedAt) return;
    this.countedAt = now;
    this.inRow++;
    if (this.inRow >= this.limit) this.open();
  }

  /** Opens at once (the connection was lost: no need to wait for more failures). */
  open(): void {
    this.state = 'open';
    this.openedAt = this.now();
    this.probing = false;
  }
}
