/**
 * Time left in a running generation. Before the first answer, from the engine's past runs (the
 * prior, null when it never ran); once answers arrive, from this run's own pace, blended with the
 * prior, since an engine's speed varies from one run to the next more than within one.
 */
import type { Level } from '../../shared/persona';
import type { ProgressPhase } from '../../shared/workshop';
import type { ChatProvider, LlmProvider } from '../providers';
import { planBatches } from './batched-generation';
import type { GenerationTimings, TimingPrior } from './eta-history';

/**
 * How far one wave of calls strays from the run's own pace (as a standard deviation of its log): an
 * LLM's calls in one run vary less than its runs do. The blend weighs the prior and each observed
 * wave by the inverse of their variance, in log space since speeds vary by factors.
 */
const WAVE_SPREAD = 0.2;
/** A prior never counts as surer than this: a history of identical runs still says little of a changed engine. */
const MIN_PRIOR_SPREAD = 0.05;

/** A run's calls as batched-generation plans them: personas per call, waves of parallel calls, and work units. */
export interface WorkPlan {
  size: number;
  limit: number;
  waves: number;
  /** waves × (1 + size): an LLM's time is a fixed part per call plus one per persona written (see planBatches). */
  units: number;
}

export function workPlan(count: number, limit: number, maxSize?: number): WorkPlan {
  const sizes = planBatches(count, limit, maxSize);
  const size = sizes[0] ?? 1;
  const waves = Math.ceil(sizes.length / Math.max(1, limit));
  return { size, limit: Math.max(1, limit), waves, units: waves * (1 + size) };
}

export interface EtaStart {
  provider: LlmProvider;
  level: Level;
  count: number;
  /** The scheduler's concurrency limit and the calls already waiting in its queue, as the run starts. */
  limit: number;
  queued: number;
  /** The tuner's cap on personas per call, when there is one. */
  maxBatchSize?: number;
}

/** The estimator for one run, or for the built-in engine a plan of one call for all. */
export function startEta(timings: GenerationTimings, start: EtaStart): RunEta {
  const { provider, count } = start;
  const model = modelOf(provider);
  const caps = [start.maxBatchSize, provider.maxPersonasPerCall?.(start.level)].filter((n): n is number => n !== undefined);
  const plan = provider.kind === 'embedded' ? workPlan(count, 1, count) : workPlan(count, start.limit, caps.length ? Math.min(...caps) : undefined);
  // Calls queued ahead of this run go first: counted as waves of calls of this run's size.
  const queueUnits = Math.ceil(start.queued / plan.limit) * (1 + plan.size);
  return new RunEta(timings, provider.id, model, count, plan, queueUnits, timings.prior(provider.id, model));
}

export class RunEta {
  private cultureAt: number | undefined;
  private generateAt: number | undefined;
  private tailAt: number | undefined;

  constructor(
    private readonly timings: GenerationTimings,
    private readonly provider: string,
    private readonly model: string | null,
    private readonly count: number,
    readonly plan: WorkPlan,
    private readonly queueUnits: number,
    readonly prior: TimingPrior | null,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Milliseconds left at this progress event, or null when nothing has measured this engine yet. */
  estimate(phase: ProgressPhase, done: number, total: number): number | null {
    const now = this.now();
    this.mark(phase, done, now);
    const prior = this.prior;
    const units = this.plan.units + this.queueUnits;
    switch (phase) {
      case 'analyze':
      case 'culture': {
        if (!prior) return null;
        const culture = phase === 'culture' && done >= total ? 0 : Math.max(0, prior.cultureMs - since(this.cultureAt, now));
        return Math.round(culture + prior.msPerUnit * units + prior.tailMs);
      }
      case 'generate': {
        const elapsed = since(this.generateAt, now);
        const pace = this.pace(done, elapsed);
        if (pace === null) return null;
        // Without a past run the time after the last answer is unknown: only the generation's share is given.
        return Math.round(Math.max(0, pace * units - elapsed) + (prior?.tailMs ?? 0));
      }
      case 'validate':
      case 'store': {
        // A run served from the cache never generated: it ends within milliseconds, nothing to estimate.
        if (!prior || this.generateAt === undefined) return null;
        if (phase === 'store' && done >= total) return 0;
        return Math.round(Math.max(0, prior.tailMs - since(this.tailAt, now)));
      }
    }
  }

  /** Records a completed run's timings for the runs after it; runs served from the cache are not called here. */
  finish(): void {
    const now = this.now();
    if (this.generateAt === undefined || this.tailAt === undefined) return;
    const units = this.plan.units + this.queueUnits;
    this.timings.add({
      provider: this.provider,
      model: this.model,
      count: this.count,
      cultureMs: this.cultureAt === undefined ? 0 : this.generateAt - this.cultureAt,
      msPerUnit: (this.tailAt - this.generateAt) / units,
      tailMs: now - this.tailAt,
      at: Date.now(),
    });
  }

  /** When each stretch began, from the first progress event of its phase. */
  private mark(phase: ProgressPhase, done: number, now: number): void {
    if (phase === 'culture' && done === 0) this.cultureAt ??= now;
    if (phase === 'generate') this.generateAt ??= now;
    if (phase === 'validate' || phase === 'store') this.tailAt ??= now;
  }

  /** Milliseconds per work unit: the prior until an answer arrives, then this run's pace so far (per completed wave), blended with it by their spreads. */
  private pace(done: number, elapsed: number): number | null {
    if (done === 0) return this.prior?.msPerUnit ?? null;
    const { size, limit, waves } = this.plan;
    const wave = Math.min(waves, Math.ceil(Math.ceil(done / size) / limit));
    const observed = elapsed / (wave * (1 + size) + this.queueUnits);
    if (!this.prior || this.prior.msPerUnit <= 0 || observed <= 0) return observed;
    const priorWeight = 1 / Math.max(this.prior.spread, MIN_PRIOR_SPREAD) ** 2;
    const observedWeight = wave / WAVE_SPREAD ** 2;
    return Math.exp((priorWeight * Math.log(this.prior.msPerUnit) + observedWeight * Math.log(observed)) / (priorWeight + observedWeight));
  }
}

/** The model the engine answers with, when it says (the LLM providers do; the built-in engine has none). */
export function modelOf(provider: LlmProvider): string | null {
  const chat = provider as Partial<ChatProvider>;
  return typeof chat.chatModel === 'function' ? chat.chatModel() : null;
}

function since(start: number | undefined, now: number): number {
  return start === undefined ? 0 : now - start;
}
