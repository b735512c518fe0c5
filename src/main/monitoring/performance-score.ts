/**
 * The performance score: per component 100 at its target, falling linearly to 0 at a plainly bad level; overall the mean
 * of the components that saw traffic; the trend compares a range's earlier and later halves.
 */
import type { HistoryPoint, PerformanceScore } from '../../shared/ipc/types';
import type { MonitorSettings } from '../../shared/settings';
import { attributedCpu } from './cpu-share';
import { MIN_SAMPLES } from './metric-series';
import { historyOf, type MinuteRollup } from './rollups';

/** No score below this: a p95 by nearest rank is simply the slowest run until there are 20 (fewer would score one outlier). */
export const MIN_GENERATIONS_TO_SCORE = 20;

export interface ScoreInputs {
  /** Generations in the window, cached and failed ones included. */
  generations: number;
  hitRate: number | null;
  p95Ms: number | null;
  errorRate: number | null;
  validationSuccess: number | null;
  /** The CPU the app answers for (see cpu-share.ts). */
  cpuPercent: number | null;
  rssMb: number | null;
}

export function scoreOf(inputs: ScoreInputs, settings: MonitorSettings): Omit<PerformanceScore, 'trend'> {
  const generations = { counted: inputs.generations, required: MIN_GENERATIONS_TO_SCORE };
  if (inputs.generations < MIN_GENERATIONS_TO_SCORE) return { overall: null, components: { cache: null, providers: null, validation: null, resources: null }, generations };
  const providers = minOf(
    inputs.p95Ms === null ? null : linear(inputs.p95Ms, settings.p95Ms, settings.p95Ms * 2),
    inputs.errorRate === null ? null : linear(inputs.errorRate, 0.02, 0.5),
  );
  const components = {
    cache: inputs.hitRate === null ? null : linear(inputs.hitRate, settings.cacheHitRate, 0),
    providers,
    validation: inputs.validationSuccess === null ? null : linear(inputs.validationSuccess, settings.validationSuccess, 0.5),
    resources: minOf(
      inputs.cpuPercent === null ? null : linear(inputs.cpuPercent, settings.cpuPercent, 100),
      inputs.rssMb === null ? null : linear(inputs.rssMb, settings.memoryBudgetMb, settings.memoryBudgetMb * 1.5),
    ),
  };
  const present = Object.values(components).filter((v): v is number => v !== null);
  return { overall: present.length ? Math.round(present.reduce((a, b) => a + b, 0) / present.length) : null, components, generations };
}

/** The score of history points taken together (a range, or its half). */
export function scoreOfHistory(points: readonly HistoryPoint[], settings: MonitorSettings): Omit<PerformanceScore, 'trend'> {
  // Too few samples say nothing: a rate over fewer than `minWeight` of them is left out.
  const weighted = (pick: (p: HistoryPoint) => number | null, weight: (p: HistoryPoint) => number, minWeight = 1) => {
    let sum = 0;
    let total = 0;
    for (const point of points) {
      const value = pick(point);
      const w = weight(point);
      if (value === null || w === 0) continue;
      sum += value * w;
      total += w;
    }
    return total >= minWeight ? sum / total : null;
  };
  const calls = points.reduce((n, p) => n + p.calls, 0);
  return scoreOf(
    {
      generations: points.reduce((n, p) => n + p.generations, 0),
      hitRate: weighted((p) => p.cacheHitRate, (p) => p.cacheGets, MIN_SAMPLES.gets),
      p95Ms: points.reduce<number | null>((max, p) => (p.p95Ms === null ? max : Math.max(max ?? 0, p.p95Ms)), null),
      errorRate: calls >= MIN_SAMPLES.calls ? points.reduce((n, p) => n + p.callErrors, 0) / calls : null,
      validationSuccess: weighted((p) => p.validationSuccessRate, (p) => p.minutes),
      cpuPercent: weighted((p) => attributedCpu(p.cpuMean, p.appCpuMean), (p) => p.minutes),
      rssMb: points.reduce<number | null>((max, p) => (p.rssMaxMb === null ? max : Math.max(max ?? 0, p.rssMaxMb)), null),
    },
    settings,
  );
}

/** A range's score, its components from the same minutes, and its trend: the later half against the earlier. */
export function scoreOfRange(rollups: readonly MinuteRollup[], from: number, to: number, settings: MonitorSettings): PerformanceScore {
  const middle = from + (to - from) / 2;
  const half = (early: boolean) => historyOf(rollups.filter((r) => (r.minute < middle) === early), '1h');
  return { ...scoreOfHistory(historyOf(rollups, '1h'), settings), trend: trendOf(scoreOfHistory(half(true), settings).overall, scoreOfHistory(half(false), settings).overall) };
}

export function trendOf(earlier: number | null, later: number | null): PerformanceScore['trend'] {
  if (earlier === null || later === null) return 'unknown';
  if (later - earlier > STABLE_BAND) return 'improving';
  if (earlier - later > STABLE_BAND) return 'degrading';
  return 'stable';
}

/** 100 at or better than `target`, 0 at or worse than `worst` (either direction), linear between. */
function linear(value: number, target: number, worst: number): number {
  if (target === worst) return value === target ? 100 : 0;
  const share = (value - worst) / (target - worst);
  return Math.round(Math.max(0, Math.min(1, share)) * 100);
}

function minOf(...values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.min(...present) : null;
}

/** Within a band of this many points the trend is stable. */
const STABLE_BAND = 5;
