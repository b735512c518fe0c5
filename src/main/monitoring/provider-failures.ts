/** Provider calls of the last minute, to name the one failing (the errors alert counts all providers together). */

export class ProviderFailures {
  /** Per second and provider, so that a busy minute costs a few dozen counters, not an entry per call. */
  private readonly bySecond: Array<{ second: number; byProvider: Map<string, Counts> }> = [];

  count(provider: string, failed: boolean, now: number): void {
    const second = Math.floor(now / SECOND);
    let bucket = this.bySecond.at(-1);
    if (bucket?.second !== second) {
      this.bySecond.push((bucket = { second, byProvider: new Map() }));
      while (this.bySecond[0]!.second <= second - MINUTE / SECOND) this.bySecond.shift();
    }
    const counts = bucket.byProvider.get(provider) ?? { calls: 0, failed: 0 };
    counts.calls++;
    if (failed) counts.failed++;
    bucket.byProvider.set(provider, counts);
  }

  /** The provider that failed most of its calls in the minute before `now` (at least 5 calls), if any. */
  failing(now: number): string | undefined {
    const since = Math.floor((now - MINUTE) / SECOND);
    const byProvider = new Map<string, Counts>();
    for (const bucket of this.bySecond) {
      if (bucket.second <= since) continue;
      for (const [provider, counts] of bucket.byProvider) {
        const entry = byProvider.get(provider) ?? { calls: 0, failed: 0 };
        entry.calls += counts.calls;
        entry.failed += counts.failed;
        byProvider.set(provider, entry);
      }
    }
    const [worst] = [...byProvider].filter(([, e]) => e.calls >= MIN_CALLS && e.failed / e.calls > 0.5).sort((a, b) => b[1].failed / b[1].calls - a[1].failed / a[1].calls);
    return worst?.[0];
  }
}

interface Counts {
  calls: number;
  failed: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const MIN_CALLS = 5;
