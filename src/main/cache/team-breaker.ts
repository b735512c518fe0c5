/**
 * The team cache's breaker: after `failures` failed or slow commands in a row the tier is skipped
 * for `pauseMs`, then one probe is due (the tier sends it in the background, so no caller waits on
 * it); its success closes the breaker, its failure doubles the pause up to 16×. Tiny and synchronous
 * (no cockatiel policy per call) because it sits on every L3 read and must cost nothing when closed.
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
    this.now = options.now ?? Date.now;
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

  /** Reports how a command went: `ms` slower than slowMs is a failure even when it answered. */
  record(ok: boolean, ms: number): void {
    if (ok && ms <= this.slowMs) {
      this.inRow = 0;
      this.pauses = 0;
      this.probing = false;
      this.state = 'closed';
      return;
    }
    this.inRow++;
    if (this.probing) this.pauses++;
    if (this.probing || this.inRow >= this.limit) this.open();
  }

  /** Opens at once (the connection was lost: no need to wait for more failures). */
  open(): void {
    this.state = 'open';
    this.openedAt = this.now();
    this.probing = false;
  }
}
