/**
 * A CultureSource behind the TieredCache: the same lookup (by what the source says it depends on)
 * comes back at once and survives restarts. After each lookup it warms, in the background and when
 * the cache is idle and the machine is not busy, the lookups the saved access history says usually
 * come next (preload-prediction.ts), and stops while too few of its preloads are used.
 */
import os from 'node:os';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { CULTURAL_CATEGORIES } from '../../../shared/persona';
import type { BriefAnalysis } from '../../world';
import { keyFor } from '../../cache';
import type { CacheKey, TieredCache } from '../../cache';
import type { CultureSource } from '../types';
import type { CulturalConstraints } from '../../world';
import { PreloadLedger, SuccessorHistory, type PreloadKindStats } from './preload-prediction';

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
  /** At most this many predicted lookups warmed after each one. */
  perLookup: number;
  /** Preloading waits while the 1-minute load average per core is above this. */
  maxLoadPerCore: number;
}

/** Requests read back from cache.db's history (it keeps 5,000). */
const HISTORY_READ = 5000;
/** Neighbouring countries searched for a predicted lookup not seen this session. */
const NEIGHBOUR_SCAN = 24;

const DEFAULT_PRELOAD: Readonly<PreloadPolicy> = { enabled: true, perLookup: 3, maxLoadPerCore: 0.7 };

/** The policy the user's Preloading settings give (on/off, lookups warmed after each), with the default load limit. */
export function preloadPolicyOf(settings: { preload: boolean; preloadPerLookup: number }): PreloadPolicy {
  return { ...DEFAULT_PRELOAD, enabled: settings.preload, perLookup: settings.preloadPerLookup };
}

/** Whether lookups are preloaded now: the policy from options or settings (configure()), paused and resumed by the emergency response. */
export class Preloading {
  private current: Readonly<PreloadPolicy>;
  private pausedNow = false;

  /** One ledger for all the sources a core has: whether a kind's preloads are used is the cache's question, not a source's. */
  constructor(
    policy: PreloadPolicy = DEFAULT_PRELOAD,
    readonly ledger: PreloadLedger = new PreloadLedger(),
  ) {
    this.current = Object.freeze({ ...policy });
  }

  /** Per kind: preloaded, used, and whether preloading it is stopped for want of use. */
  stats(): Partial<Record<CacheKey['kind'], PreloadKindStats>> {
    return this.ledger.stats();
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
  /** What followed what, read from cache.db at the first lookup (earlier sessions too), then kept up to date here. */
  private successors: SuccessorHistory | undefined;

  /** A policy gets a switch of its own; core passes one Preloading to all its sources so one pause holds them all. */
  constructor(
    private readonly source: CultureSource,
    private readonly cache: TieredCache,
    preloading: Preloading | PreloadPolicy = DEFAULT_PRELOAD,
  ) {
    this.id = source.id;
    this.preloading = preloading instanceof Preloading ? preloading : new Preloading(preloading);
    // The cache's stats say per kind whether preloading is stopped: the ledger decides (one per core, shared by its
    // sources), by the cache's own count of preloads used.
    cache.preloadVerdicts = this.preloading.ledger;
    this.preloading.ledger.countFrom(cache);
  }

  async constraintsFor(analysis: BriefAnalysis, signal: AbortSignal): Promise<CulturalConstraints> {
    const key = this.keyOf(analysis);
    if (!key) return this.source.constraintsFor(analysis, signal);
    this.seen.set(key.key, analysis);
    const constraints = await this.cache.get(key, () => this.source.constraintsFor(analysis, signal), { parse: parseConstraints, quality: qualityOf });
    // With preloading off the history is not read at all; once read, it follows every lookup.
    if (this.successors || this.preloading.enabled) this.history().observe(key.key);
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

  /** The saved history, read once: after the get above, so this lookup is its last request and not counted twice. */
  private history(): SuccessorHistory {
    if (!this.successors) {
      this.successors = new SuccessorHistory('culture');
      try {
        this.successors.load(this.cache.recentAccesses(HISTORY_READ));
      } catch (error) {
        // Preloading is an extra: a history that cannot be read must not fail the lookup it follows.
        console.warn(`[cache] the access history could not be read for preloading (${error instanceof Error ? error.message : String(error)}); predicting from this session only.`);
      }
    }
    return this.successors;
  }

  /**
   * Warms the lookups the history says followed this one often enough. A predicted key is loaded
   * again from the lookup seen this session, else from the source's neighbours of this one (the
   * same brief in nearby countries): after a restart, the neighbour guess is made only where the
   * history backs it.
   */
  private warmPredicted(key: string, analysis: BriefAnalysis): void {
    const ledger = this.preloading.ledger;
    if (!this.preloading.enabled || this.preloading.paused || !ledger.allows('culture')) return;
    const { perLookup, maxLoadPerCore } = this.preloading.policy;
    const predicted = this.history().predict(key, perLookup);
    if (predicted.length === 0) return;
    this.cache.runInBackground(async () => {
      for (const [nextKey, next] of this.recipesFor(predicted, analysis)) {
        if (!this.cache.idle || os.loadavg()[0]! / os.cpus().length > maxLoadPerCore) return;
        const cacheKey = this.keyOf(next);
        if (cacheKey?.key !== nextKey) continue;
        await this.cache.preload(cacheKey, () => this.source.constraintsFor(next, new AbortController().signal, 'low'), { quality: qualityOf });
      }
    });
  }

  /** The analyses that give the predicted keys, in the prediction's order; a key none gives is skipped. */
  private recipesFor(predicted: readonly string[], analysis: BriefAnalysis): Array<[string, BriefAnalysis]> {
    const found = new Map<string, BriefAnalysis>();
    for (const key of predicted) {
      const seen = this.seen.get(key);
      if (seen) found.set(key, seen);
    }
    if (found.size < predicted.length) {
      const wanted = new Set(predicted);
      for (const neighbour of this.source.neighbours?.(analysis, NEIGHBOUR_SCAN) ?? []) {
        const key = this.keyOf(neighbour)?.key;
        if (key && wanted.has(key) && !found.has(key)) found.set(key, neighbour);
      }
    }
    return predicted.flatMap((key) => (found.has(key) ? [[key, found.get(key)!] as [string, BriefAnalysis]] : []));
  }
}

export function parseConstraints(value: unknown): CulturalConstraints | undefined {
  const parsed = constraintsSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
