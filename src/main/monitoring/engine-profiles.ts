/**
 * A profile per engine over a range: its latency, time to first token, validation, repair, fill, fallback, timeout and
 * error rates from the per-engine figures of the minute rollups, each beside the engine's own baseline (the median of
 * its earlier days), a target, a 0-100 score and a trend. A figure nothing measured is null, never an invented 0 or 100.
 */
import os from 'node:os';
import type { z } from 'zod';
import { ENGINE_FIGURES, type EndpointStatus, type EngineFigureId, type EngineProfile, type efficiencySchema } from '../../shared/insight';
import type { MonitorSettings } from '../../shared/settings';
import type { EngineMinute } from './engine-minutes';
import { LogHistogram } from './log-histogram';
import { ratio } from './metric-series';
import { trendOf } from './performance-score';
import { MINUTE, MinuteAccumulator, type MinuteRollup } from './rollups';

/** An engine the app can use, as settings name it. */
export interface EngineInfo {
  id: string;
  label: string;
  model: string | null;
  kind: 'embedded' | 'local' | 'cloud';
}

export interface ProfileSources {
  from: number;
  to: number;
  /** Rollups in [from, to). */
  rollups: readonly MinuteRollup[];
  /** The whole days before the range's, merged (BaselineDays), for each engine's usual values. */
  earlier: readonly MinuteAccumulator[];
  engines: readonly EngineInfo[];
  breaker: (engine: string) => EngineProfile['breaker'];
  /** The engine's model servers as the scheduler routes to them now; none when not given. */
  endpoints?: (engine: string) => EndpointStatus[];
  settings: MonitorSettings;
}

export type Efficiency = z.output<typeof efficiencySchema>;
type Figures = Record<EngineFigureId, number | null>;
type Goal = { target: number; worst: number };

/** Days before a range whose per-day figures make an engine's baseline. */
export const BASELINE_DAYS = 7;
const DAY = 24 * 60 * MINUTE;

/**
 * Each figure's target and the plainly bad level where its score reaches 0. Latency and validation follow the user's
 * monitor thresholds; the rest are the design's defaults (a repair on one persona in five, a fill on one in ten, no
 * fallback, 1 % timeouts and 2 % errors, as the overall score's provider component uses).
 */
function goals(settings: MonitorSettings): Record<EngineFigureId, Goal> {
  return {
    latency_p50_ms: { target: settings.p95Ms / 2, worst: settings.p95Ms },
    latency_p95_ms: { target: settings.p95Ms, worst: settings.p95Ms * 2 },
    first_token_ms: { target: 2_000, worst: 8_000 },
    validation_success: { target: settings.validationSuccess, worst: 0.5 },
    repair_rate: { target: 0.2, worst: 1 },
    fill_rate: { target: 0.1, worst: 1 },
    fallback_rate: { target: 0, worst: 0.5 },
    timeout_rate: { target: 0.01, worst: 0.25 },
    error_rate: { target: 0.02, worst: 0.5 },
  };
}

export function engineProfiles(sources: ProfileSources): EngineProfile[] {
  const middle = sources.from + (sources.to - sources.from) / 2;
  const whole = MinuteAccumulator.of(sources.from, sources.rollups);
  const early = MinuteAccumulator.of(sources.from, sources.rollups.filter((r) => r.minute < middle));
  const late = MinuteAccumulator.of(middle, sources.rollups.filter((r) => r.minute >= middle));
  const days = sources.earlier;
  const targets = goals(sources.settings);
  // Every configured engine is listed (with null figures when idle), and any other that has data in the range.
  const known = new Map(sources.engines.map((e) => [e.id, e]));
  for (const id of whole.engines.byEngine.keys()) if (!known.has(id)) known.set(id, { id, label: id, model: null, kind: 'cloud' });
  return [...known.values()].map((engine) => {
    const values = figuresOf(whole, engine);
    const earlyValues = figuresOf(early, engine);
    const lateValues = figuresOf(late, engine);
    const dayValues = days.map((day) => figuresOf(day, engine));
    const figures = ENGINE_FIGURES.map((id) => {
      const goal = targets[id];
      const value = values[id];
      return {
        id,
        value,
        baseline: median(dayValues.map((d) => d[id])),
        target: goal.target,
        score: value === null ? null : scoreAgainst(value, goal),
        trend: trendOf(scoreOrNull(earlyValues[id], goal), scoreOrNull(lateValues[id], goal)),
      };
    });
    const scores = figures.flatMap((f) => (f.score === null ? [] : [f.score]));
    const own = whole.engines.byEngine.get(engine.id);
    return {
      provider: engine.id,
      label: engine.label,
      model: engine.model,
      breaker: engine.kind === 'embedded' ? 'closed' : sources.breaker(engine.id),
      calls: own?.count('calls') ?? 0,
      generations: own?.count('runs') ?? 0,
      score: scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
      figures,
      endpoints: engine.kind === 'embedded' ? [] : (sources.endpoints?.(engine.id) ?? []),
    };
  });
}

/** Personas delivered per CPU-second the app used: each appCpuPercent sample is one second of `cores` cores at that share. */
export function efficiencyOf(rollups: readonly MinuteRollup[], cores = os.availableParallelism()): Efficiency {
  const merged = MinuteAccumulator.of(0, rollups);
  let personas = 0;
  for (const engine of merged.engines.byEngine.values()) personas += engine.count('delivered');
  const cpu = merged.gaugeTotal('appCpuPercent');
  const appCpuSeconds = cpu ? (cpu.sum / 100) * cores : 0;
  return { personas, appCpuSeconds, personasPerCpuSecond: cpu && appCpuSeconds > 0 ? personas / appCpuSeconds : null };
}

/** One engine's figures over merged minutes; null where nothing measured them. */
function figuresOf(merged: MinuteAccumulator, engine: EngineInfo): Figures {
  const own: EngineMinute | undefined = merged.engines.byEngine.get(engine.id);
  const count = (name: Parameters<EngineMinute['count']>[0]) => own?.count(name) ?? 0;
  // Remote engines' call times come from the scheduler's histogram; the embedded engine's are its own runs.
  const scheduled = merged.calls.get(engine.id);
  const latency = scheduled && scheduled.count > 0 ? scheduled : (own?.latency ?? new LogHistogram());
  return {
    latency_p50_ms: latency.quantile(0.5),
    latency_p95_ms: latency.quantile(0.95),
    first_token_ms: own?.firstToken.quantile(0.5) ?? null,
    validation_success: ratio(count('succeeded'), count('answers')),
    repair_rate: ratio(count('repaired'), count('validated')),
    fill_rate: ratio(count('filled'), count('validated')),
    fallback_rate: ratio(count('fallbackPersonas'), count('asked')),
    timeout_rate: ratio(count('timeouts'), count('calls')),
    error_rate: ratio(count('callErrors'), count('calls')),
  };
}

/**
 * The BASELINE_DAYS whole (UTC) days before a range's first day, each merged once and kept: past days no longer change,
 * and reading a week of minutes from app.db at every refresh of the Engines tab would cost a parse of 10,000 rows.
 */
export class BaselineDays {
  private readonly merged = new Map<number, MinuteAccumulator>();

  before(from: number, read: (from: number, to: number) => MinuteRollup[]): MinuteAccumulator[] {
    const firstDay = Math.floor(from / DAY) * DAY;
    const days: MinuteAccumulator[] = [];
    for (let d = 1; d <= BASELINE_DAYS; d++) {
      const day = firstDay - d * DAY;
      let merged = this.merged.get(day);
      if (!merged) this.merged.set(day, (merged = MinuteAccumulator.of(day, read(day, day + DAY))));
      days.push(merged);
    }
    for (const day of this.merged.keys()) if (day < firstDay - BASELINE_DAYS * DAY) this.merged.delete(day);
    return days;
  }
}

/** 100 at or better than the target, 0 at or worse than the worst level (either direction), linear between. */
function scoreAgainst(value: number, { target, worst }: Goal): number {
  if (target === worst) return value === target ? 100 : 0;
  return Math.round(Math.max(0, Math.min(1, (value - worst) / (target - worst))) * 100);
}

function scoreOrNull(value: number | null, goal: Goal): number | null {
  return value === null ? null : scoreAgainst(value, goal);
}

function median(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (present.length === 0) return null;
  const mid = Math.floor(present.length / 2);
  return present.length % 2 ? present[mid]! : (present[mid - 1]! + present[mid]!) / 2;
}
