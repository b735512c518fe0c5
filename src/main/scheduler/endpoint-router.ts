/**
 * Routes each attempt of an engine with several model servers to the one expected to answer first:
 * latency EWMA × (in flight + 1) / weight, over servers whose breaker lets a call through. A server
 * never measured is tried early (an optimistic prior), an open one's first call after its pause is
 * its half-open test, and a healthy one left unchosen for a while gets one call to refresh its
 * latency. A retry goes to a server the call has not tried yet when there is one. An engine with
 * one server is passed through untouched (its provider breaker does the work, as before).
 */
import type { EndpointStatus } from '../../shared/insight';
import { CallError } from './call-error';
import { DEFAULT_ENDPOINT_POLICY, EndpointRecord, type EndpointPolicy } from './endpoint-record';
import { costUnits } from './latency-tracker';

/** A model server as settings list it. */
export interface EndpointTarget {
  baseUrl: string;
  weight: number;
}

/** An engine's servers, read at every call so that settings changes apply at once; [] for providers without any. */
export type EndpointSource = (provider: string) => readonly EndpointTarget[];

/** One routed attempt: the call's own cancel (not a server fault), its size, and the servers it has tried. */
export interface RoutedAttempt {
  provider: string;
  units: number;
  tried: Set<string>;
  cancelled: () => boolean;
}

export class EndpointRouter {
  private readonly engines = new Map<string, EndpointRecord[]>();
  private decisions = 0;

  constructor(
    private readonly source: EndpointSource,
    private readonly policy: EndpointPolicy = DEFAULT_ENDPOINT_POLICY,
    /** The breakers' clock (a test steps it past a pause); latencies are always wall time. */
    private readonly now: () => number = () => performance.now(),
    /** The provider's own breaker: what a lone server shows, since it has none of its own. */
    private readonly providerBreaker: (provider: string) => EndpointStatus['breaker'] = () => 'closed',
  ) {}

  /** Runs `work` against the chosen server's baseUrl (undefined: the provider's own, for a single server). */
  async run<T>(attempt: RoutedAttempt, work: (baseUrl: string | undefined) => Promise<T>): Promise<T> {
    const records = this.sync(attempt.provider);
    if (records.length === 0) return work(undefined);
    const record = records.length === 1 ? records[0]! : this.choose(attempt.provider, records, attempt.tried);
    attempt.tried.add(record.baseUrl);
    record.begin(this.now(), ++this.decisions);
    const started = performance.now();
    try {
      const value = await work(records.length === 1 ? undefined : record.baseUrl);
      record.succeeded((performance.now() - started) / costUnits(attempt.units));
      return value;
    } catch (error) {
      if (attempt.cancelled() || !isServerFault(error)) record.released();
      else if (records.length > 1) record.faulted(this.now());
      else {
        // A lone server's faults are its provider breaker's to count: only shown here.
        record.failures++;
        record.released();
      }
      throw error;
    }
  }

  /** Whether a fault on one of the provider's servers leaves another that can take calls: the provider's own breaker then does not count it. */
  spares(provider: string): boolean {
    const records = this.engines.get(provider) ?? [];
    const now = this.now();
    return records.length > 1 && records.some((r) => r.available(now));
  }

  /** The provider's servers in settings order, with what the router knows of each. */
  status(provider: string): EndpointStatus[] {
    const now = this.now();
    const records = this.sync(provider);
    return records.map((r) => ({ ...r.status(now), ...(records.length === 1 ? { breaker: this.providerBreaker(provider) } : {}) }));
  }

  private choose(provider: string, records: readonly EndpointRecord[], tried: ReadonlySet<string>): EndpointRecord {
    const now = this.now();
    const open = records.filter((r) => r.available(now));
    if (open.length === 0) throw allPaused(provider, records, now);
    const fresh = open.filter((r) => !tried.has(r.baseUrl));
    const candidates = fresh.length ? fresh : open;
    // A recovered server's test call first: it comes back by itself, without waiting for the others to fill.
    const probe = candidates.find((r) => r.needsProbe(now));
    if (probe) return probe;
    const stale = candidates.find((r) => r.latency !== null && this.decisions - r.lastChosen >= this.policy.reprobeEvery);
    if (stale) return stale;
    const known = candidates.flatMap((r) => (r.latency === null ? [] : [r.latency]));
    // Optimistic: an unmeasured server is expected at half the best one's latency, so it is tried early.
    const prior = known.length ? Math.min(...known) / 2 : 1;
    const expected = (r: EndpointRecord) => ((r.latency ?? prior) * (r.inFlight + 1)) / r.weight;
    return candidates.reduce((best, r) => {
      const [a, b] = [expected(r), expected(best)];
      return a < b || (a === b && r.calls < best.calls) ? r : best;
    });
  }

  /** The provider's records matched to its current servers: kept by address, new ones added, removed ones dropped. */
  private sync(provider: string): EndpointRecord[] {
    const targets = this.source(provider);
    const previous = this.engines.get(provider) ?? [];
    if (targets.length === previous.length && targets.every((t, i) => t.baseUrl === previous[i]!.baseUrl && t.weight === previous[i]!.weight)) return previous;
    const byUrl = new Map(previous.map((r) => [r.baseUrl, r]));
    const seen = new Set<string>();
    const records = targets.flatMap((t) => {
      // The same address twice is one server: its first weight counts.
      if (seen.has(t.baseUrl)) return [];
      seen.add(t.baseUrl);
      const record = byUrl.get(t.baseUrl) ?? new EndpointRecord(t.baseUrl, t.weight, this.policy);
      record.weight = t.weight;
      return [record];
    });
    this.engines.set(provider, records);
    return records;
  }
}

/** A failure that says the server is unwell (not the request or the user): what opens its breaker. */
function isServerFault(error: unknown): boolean {
  return error instanceof CallError ? error.providerFault : true;
}

function allPaused(provider: string, records: readonly EndpointRecord[], now: number): CallError {
  const next = Math.min(...records.map((r) => r.reopensAt() ?? now));
  return new CallError(
    'circuit_open',
    `All ${records.length} servers of ${provider} failed repeatedly and are paused; the first is tried again in ${Math.max(1, Math.ceil((next - now) / 1000))} s (check the servers in Settings)`,
    { provider },
  );
}
