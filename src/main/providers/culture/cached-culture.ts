/**
 * A CultureSource behind the TieredCache: the same lookup (by what the source says it depends on)
 * comes back at once and survives restarts. After each lookup it predicts the neighbouring ones
 * and warms them in the background, when the cache is idle and the machine is not busy.
 */
import os from 'node:os';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { CULTURAL_CATEGORIES } from '../../../shared/persona';
import type { BriefAnalysis } from '../../world';
import { keyFor } from '../../cache';
import type { TieredCache } from '../../cache';
import type { CultureSource } from '../types';
import type { CulturalConstraints } from '../../world';

const candidateSchema = z.object({ name: z.string(), tags: z.array(z.string()), ageSkew: z.array(z.number()), regions: z.array(z.string()), relevance: z.number() });
const constraintsSchema = z.object({
  source: z.string(),
  categories: z.object(Object.fromEntries(CULTURAL_CATEGORIES.map((c) => [c, z.array(candidateSchema)])) as Record<(typeof CULTURAL_CATEGORIES)[number], z.ZodArray<typeof candidateSchema>>),
  fallbackCategories: z.array(z.enum(CULTURAL_CATEGORIES)).optional(),
});

/** A lookup partly filled from the fallback dataset is kept briefly: the online source may be back soon. */
const qualityOf = (constraints: CulturalConstraints) => (constraints.fallbackCategories?.length ? 10 : undefined);

export interface PreloadPolicy {
  enabled: boolean;
  /** Neighbouring lookups warmed after each one. */
  perLookup: number;
  /** Preloading waits while the 1-minute load average per core is above this. */
  maxLoadPerCore: number;
}

const DEFAULT_PRELOAD: Readonly<PreloadPolicy> = { enabled: true, perLookup: 3, maxLoadPerCore: 0.7 };

/** The policy the user's Preloading settings give (on/off, lookups warmed after each), with the default load limit. */
export function preloadPolicyOf(settings: { preload: boolean; preloadPerLookup: number }): PreloadPolicy {
  return { ...DEFAULT_PRELOAD, enabled: settings.preload, perLookup: settings.preloadPerLookup };
}

/** Whether lookups are preloaded now: the policy from options or settings (configure()), paused and resumed by the emergency response. */
export class Preloading {
  private current: Readonly<PreloadPolicy>;
  private pausedNow = false;

  constructor(policy: PreloadPolicy = DEFAULT_PRELOAD) {
    this.current = Object.freeze({ ...policy });
  }

  get policy(): Readonly<PreloadPolicy> {
    return this.current;
  }

  /** The user's Preloading settings (on/off, lookups per lookup), applied from the next lookup on. */
  configure(change: Partial<PreloadPolicy>): void {
    this.current = Object.freeze({ ...this.current, ...change });
  }

  get enabled(): boolean {
    return this.policy.enabled;
  }

  /** Paused by the emergency response while it sheds load. */
  get paused(): boolean {
    return this.pausedNow;
  }

  pause(): void {
    this.pausedNow = true;
  }

  resume(): void {
    this.pausedNow = false;
  }
}

export class CachedCultureSource implements CultureSource {
  readonly id: string;
  /** Lookups seen this session by key, so that a predicted key can be loaded again. */
  private readonly seen = new LRUCache<string, BriefAnalysis>({ max: 500 });
  private readonly preloading: Preloading;

  /** A policy gets a switch of its own; core passes one Preloading to all its sources so one pause holds them all. */
  constructor(
    private readonly source: CultureSource,
    private readonly cache: TieredCache,
    preloading: Preloading | PreloadPolicy = DEFAULT_PRELOAD,
  ) {
    this.id = source.id;
    this.preloading = preloading instanceof Preloading ? preloading : new Preloading(preloading);
  }

  async constraintsFor(analysis: BriefAnalysis, signal: AbortSignal): Promise<CulturalConstraints> {
    const key = this.keyOf(analysis);
    if (!key) return this.source.constraintsFor(analysis, signal);
    this.seen.set(key.key, analysis);
    const constraints = await this.cache.get(key, () => this.source.constraintsFor(analysis, signal), { parse: parseConstraints, quality: qualityOf });
    this.warmPredicted(key.key, analysis);
    return constraints;
  }

  cacheParams(analysis: BriefAnalysis): Record<string, unknown> | undefined {
    return this.source.cacheParams?.(analysis);
  }

  /** The lookup's key, or undefined when the source cannot say what it depends on. */
  private keyOf(analysis: BriefAnalysis) {
    const params = this.source.cacheParams?.(analysis);
    return params ? keyFor('culture', { source: this.source.id, ...params }) : undefined;
  }

  /**
   * Warms what is likely to be asked next: the lookups that followed this one before (from the
   * access history, when they were seen this session and have since left the cache), then the
   * source's neighbours (the nearest countries).
   */
  private warmPredicted(key: string, analysis: BriefAnalysis): void {
    if (!this.preloading.enabled || this.preloading.paused) return;
    const { perLookup, maxLoadPerCore } = this.preloading.policy;
    this.cache.runInBackground(async () => {
      const followed = this.cache
        .successorsOf(key)
        .map((next) => this.seen.get(next))
        .filter((next): next is BriefAnalysis => next !== undefined);
      const neighbours = this.source.neighbours?.(analysis, perLookup) ?? [];
      for (const neighbour of [...followed, ...neighbours]) {
        if (!this.cache.idle || os.loadavg()[0]! / os.cpus().length > maxLoadPerCore) return;
        const key = this.keyOf(neighbour);
        if (key) await this.cache.preload(key, () => this.source.constraintsFor(neighbour, new AbortController().signal, 'low'));
      }
    });
  }
}

export function parseConstraints(value: unknown): CulturalConstraints | undefined {
  const parsed = constraintsSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
