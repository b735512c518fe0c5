/** Reads what others counted since the last sample (cache gets, validation results) and the gauges of the moment. */
import type { TieredCache } from '../cache';
import type { Scheduler } from '../scheduler';
import type { ValidationStats } from '../validation';
import type { Gauges, SecondPoint } from './metric-series';

export interface SamplerSources {
  cache: Pick<TieredCache, 'hitCounts'>;
  validationStats: Pick<ValidationStats, 'counts'>;
  scheduler: Pick<Scheduler, 'load'>;
  /** This app's own CPU since the last call, 0-100 of the machine. */
  appCpu: () => number | null;
}

export class Sampler {
  private lastCache: ReturnType<TieredCache['hitCounts']>;
  private lastValidation: ReturnType<ValidationStats['counts']>;
  /** The last sampled second's figure: reading the meter again would restart its interval. */
  private appCpuPercent: number | null = null;

  constructor(private readonly sources: SamplerSources) {
    this.lastCache = sources.cache.hitCounts();
    this.lastValidation = sources.validationStats.counts();
  }

  /** Adds the cache's and validation's counts since the last sample to a second, and sets its gauges. */
  sampleInto(point: SecondPoint): void {
    const counters = point.counters;
    const cache = this.sources.cache.hitCounts();
    counters.cacheGets += cache.gets - this.lastCache.gets;
    counters.cacheL1Hits += cache.l1Hits - this.lastCache.l1Hits;
    counters.cacheL2Hits += cache.l2Hits - this.lastCache.l2Hits;
    this.lastCache = cache;
    const validation = this.sources.validationStats.counts();
    counters.validationAnswers += validation.answers - this.lastValidation.answers;
    counters.validationSucceeded += validation.succeeded - this.lastValidation.succeeded;
    counters.personas += validation.personas - this.lastValidation.personas;
    counters.repairedPersonas += validation.repaired - this.lastValidation.repaired;
    counters.filledPersonas += validation.filled - this.lastValidation.filled;
    this.lastValidation = validation;
    this.appCpuPercent = this.sources.appCpu();
    point.gauges = this.gauges();
  }

  /** The scheduler's and the machine's figures now, with the app's CPU of the last sampled second. */
  gauges(): Gauges {
    const load = this.sources.scheduler.load();
    const resources = load.resources;
    return {
      limit: load.limit,
      queued: load.queued,
      cpuPercent: resources ? resources.cpuPercent : null,
      appCpuPercent: this.appCpuPercent,
      memoryPercent: resources && resources.totalMemoryMb > 0 ? (1 - resources.freeMemoryMb / resources.totalMemoryMb) * 100 : null,
      rssMb: process.memoryUsage.rss() / MB,
      loopLagMs: resources ? resources.loopLagMs : null,
    };
  }
}

const MB = 1_048_576;
