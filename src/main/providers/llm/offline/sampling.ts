/** Weighted choices that spread over a persona set: whatever one persona used weighs less for the next. */
import type { SeededRandom } from '../../../world';

export class UsageTracker {
  private readonly uses = new Map<string, number>();

  constructor(private readonly penalty = 3) {}

  weight(key: string): number {
    return 1 / (1 + this.penalty * (this.uses.get(key) ?? 0));
  }

  use(key: string): void {
    this.uses.set(key, (this.uses.get(key) ?? 0) + 1);
  }

  count(key: string): number {
    return this.uses.get(key) ?? 0;
  }
}

export interface Weighted<T> {
  item: T;
  weight: number;
}

/** Up to k distinct items, each drawn with probability proportional to its weight. */
export function sampleDistinct<T>(rng: SeededRandom, pool: readonly Weighted<T>[], k: number): T[] {
  const remaining = pool.filter((p) => p.weight > 0);
  const out: T[] = [];
  while (out.length < k && remaining.length > 0) {
    const index = rng.weightedIndex(remaining.map((p) => p.weight));
    out.push(remaining[index]!.item);
    remaining.splice(index, 1);
  }
  return out;
}

/** Samples strings, weighting down those used earlier in the set, and records the use. */
export function sampleSpread(rng: SeededRandom, usage: UsageTracker, pool: readonly Weighted<string>[], k: number): string[] {
  const merged = new Map<string, number>();
  for (const { item, weight } of pool) merged.set(item, (merged.get(item) ?? 0) + weight);
  const chosen = sampleDistinct(
    rng,
    [...merged].map(([item, weight]) => ({ item, weight: weight * usage.weight(item) })),
    k,
  );
  chosen.forEach((item) => usage.use(item));
  return chosen;
}
