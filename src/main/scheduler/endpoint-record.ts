/**
 * One model server of an engine as the endpoint router sees it: its weight, a latency EWMA per
 * unit of work, the calls in flight, and a breaker (closed → open after consecutive faults → a
 * single half-open test call after the pause → closed or open again). The breaker follows the
 * provider breakers' rules, written out here because the router must know before a call whether
 * the breaker would let it through (cockatiel decides only inside execute()).
 */
import type { EndpointStatus } from '../../shared/insight';

export interface EndpointPolicy {
  /** Consecutive faults that open an endpoint's breaker. */
  failures: number;
  /** The pause before an open endpoint gets one test call. */
  halfOpenAfterMs: number;
  /** Weight of the newest latency in the EWMA. */
  alpha: number;
  /** Routing decisions after which a healthy endpoint not chosen since gets one call, to refresh its latency. */
  reprobeEvery: number;
}

export const DEFAULT_ENDPOINT_POLICY: EndpointPolicy = { failures: 3, halfOpenAfterMs: 10_000, alpha: 0.3, reprobeEvery: 40 };

export class EndpointRecord {
  /** Latency per unit of work (ms), an EWMA; null before the first answer. */
  latency: number | null = null;
  inFlight = 0;
  calls = 0;
  failures = 0;
  /** Routing decision number when this endpoint was last chosen. */
  lastChosen = 0;
  private consecutive = 0;
  private openedAt: number | null = null;
  private probing = false;

  constructor(
    readonly baseUrl: string,
    public weight: number,
    private readonly policy: EndpointPolicy,
  ) {}

  /** 'half_open' once the pause is over (a test call may go) and while the test call runs. */
  state(now: number): EndpointStatus['breaker'] {
    if (this.openedAt === null) return 'closed';
    return this.probing || now - this.openedAt >= this.policy.halfOpenAfterMs ? 'half_open' : 'open';
  }

  /** Whether a call may go now: closed, or half-open with no test call out yet. */
  available(now: number): boolean {
    return this.openedAt === null || (!this.probing && now - this.openedAt >= this.policy.halfOpenAfterMs);
  }

  /** Whether the next call would be the half-open test call. */
  needsProbe(now: number): boolean {
    return this.openedAt !== null && this.available(now);
  }

  /** When the pause ends (ms, performance.now() clock); null when closed. */
  reopensAt(): number | null {
    return this.openedAt === null ? null : this.openedAt + this.policy.halfOpenAfterMs;
  }

  begin(now: number, decision: number): void {
    if (this.needsProbe(now)) this.probing = true;
    this.inFlight++;
    this.calls++;
    this.lastChosen = decision;
  }

  /** An answer: `perUnitMs` feeds the EWMA and a test call closes the breaker. */
  succeeded(perUnitMs: number): void {
    this.inFlight--;
    this.latency = this.latency === null ? perUnitMs : this.latency + this.policy.alpha * (perUnitMs - this.latency);
    this.consecutive = 0;
    this.openedAt = null;
    this.probing = false;
  }

  /** A fault of the server's (timeout, network, 5xx, 429): a failed test call or enough in a row open the breaker. */
  faulted(now: number): void {
    this.inFlight--;
    this.failures++;
    this.consecutive++;
    if (this.probing || this.consecutive >= this.policy.failures) this.openedAt = now;
    this.probing = false;
  }

  /** Neither an answer nor a fault its breaker counts (a cancel, a refused request, a lone server's fault): only the load is released. */
  released(): void {
    this.inFlight--;
    this.probing = false;
  }

  status(now: number): EndpointStatus {
    return { baseUrl: this.baseUrl, weight: this.weight, breaker: this.state(now), inFlight: this.inFlight, calls: this.calls, failures: this.failures, latencyMs: this.latency };
  }
}
