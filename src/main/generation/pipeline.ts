/**
 * One generation, end to end: analyse the brief, gather cultural constraints, ask the provider,
 * validate and score, store the run with its personas in one transaction. Reports progress per
 * phase and stops at the next step when its AbortSignal fires; cancelled and failed runs are
 * recorded too, without personas, so history tells what happened.
 */
import { randomUUID } from 'node:crypto';
import type { ParsedBrief, ResolvedBrief } from '../../shared/brief';
import { DOCUMENT_SCHEMAS, type Brief, type Level, type Persona, type PersonaDocument, type ReportIssue, type ValidationReport } from '../../shared/persona';
import { UNSAVED_RUN_PREFIX } from '../../shared/vocabulary';
import type { ProgressPhase, RunSummary } from '../../shared/workshop';
import { keyFor, type CacheKey } from '../cache';
import type { LlmProvider, PersonaRequest, ProviderContext, ProviderOutput } from '../providers';
import type { Priority } from '../scheduler';
import { NothingRecoverableError, repairPersonaDocument, type RepairOptions, type RepairResult } from '../validation';
import { analyzeBrief, randomSeed, type BriefAnalysis } from '../world';
import { generateInBatches, type Fallback } from './batched-generation';
import { startEta } from './eta';
import { mergeFallbacks, rewriteWeakPersonas } from './fidelity-rewrite';
import { PhaseTimeline } from './phase-timeline';
import { GenerationError, type GenerationOptions, type GenerationResult, type PipelineDeps, type RunValidation } from './pipeline-types';
import { repairContextFor } from './repair-context';
import { titleFromBrief, type NewRun } from './run-record';

/** What a cached generation holds: the personas and report as first made. */
interface CachedGeneration {
  personas: Persona[];
  report: ValidationReport;
}

export class GenerationPipeline {
  /** Each run's validation counts, by its timeline (which produce() already carries), for the engine's own rates. */
  private readonly validations = new WeakMap<PhaseTimeline, RunValidation>();

  constructor(private readonly deps: PipelineDeps) {}

  async run(input: ParsedBrief, options: GenerationOptions = {}): Promise<GenerationResult> {
    const { store } = this.deps;
    const signal = options.signal ?? new AbortController().signal;
    const onProgress = options.onProgress ?? (() => {});
    const workshopId = options.workshopId ?? store.currentWorkshopId();
    if (!store.getWorkshop(workshopId)) throw new GenerationError('not_found', `No workshop has the id ${workshopId}.`, [], 'workshopId');
    const providerId = options.providerId ?? this.deps.defaultProviderId();
    const provider = this.deps.providers.get(providerId);
    if (!provider) throw new GenerationError('not_found', `No provider is called ${providerId}; choose one of ${[...this.deps.providers.keys()].join(', ')}.`, [], 'providerId');

    const brief: ResolvedBrief = { ...input, seed: input.seed ?? randomSeed(), language: input.language ?? 'en' };
    const recorded = recordedBrief(brief);
    const startedAt = new Date();
    const trace = new PhaseTimeline();
    const { scheduler, batchSize, timings } = this.deps;
    const eta = timings && startEta(timings, { provider, level: brief.level, count: brief.count, limit: scheduler.limit.value, queued: scheduler.load().queued, ...(batchSize ? { maxBatchSize: batchSize.maxBatchSize } : {}) });
    const progress = (phase: ProgressPhase, done: number, total: number) => onProgress(phase, done, total, eta?.estimate(phase, done, total) ?? null);
    const validation: RunValidation = { answers: 0, succeeded: 0, personas: 0, repaired: 0, filled: 0 };
    this.validations.set(trace, validation);
    let fallbackPersonas = 0;
    const firstTokenMs: number[] = [];
    let cacheKey: CacheKey | undefined;
    const finish = (status: RunSummary['status'], fields: { personas?: Persona[]; report?: ValidationReport; error?: string }, fromCache = false) => {
      const { totalMs, phases } = trace.finish();
      const record = {
        workshopId,
        brief: recorded,
        status,
        provider: provider.id,
        level: brief.level,
        count: brief.count,
        seed: brief.seed,
        startedAt: startedAt.toISOString(),
        durationMs: totalMs,
        qualityScore: fields.report?.score ?? null,
        report: fields.report ?? null,
        error: fields.error ?? null,
        personas: fields.personas ?? [],
        cacheKey: cacheKey?.key ?? null,
      };
      // The workshop may have been deleted while the personas were written: there is nowhere to keep them.
      if (options.persist !== false && !store.getWorkshop(workshopId)) throw new GenerationError('not_found', 'The workshop was deleted while its personas were being written; nothing was saved.', [], 'workshopId');
      const run = options.persist === false ? unsavedSummary(record) : store.saveRun({ ...record, phases });
      if (status === 'completed' && !fromCache) eta?.finish();
      const delivered = status === 'completed' ? (fields.personas?.length ?? 0) : 0;
      this.deps.traces?.record({ provider: provider.id, outcome: status, fromCache, totalMs, phases, asked: fromCache ? 0 : brief.count, delivered, fallbackPersonas, validation, firstTokenMs });
      return run;
    };

    try {
      progress('analyze', 0, 1);
      const analysis = analyzeBrief(brief, this.deps.dataset());
      progress('analyze', 1, 1);
      signal.throwIfAborted();

      // Only a brief with the seed given can come back from the cache: without one, a re-run asks for new people.
      trace.enter('cache');
      cacheKey = input.seed !== undefined && this.deps.cache ? this.generationKey(provider, brief, recorded, analysis) : undefined;
      const cached = cacheKey && (await this.deps.cache?.getShared(cacheKey, { parse: (value) => parseCachedGeneration(value, brief.level), record: true }));
      if (cached) {
        progress('store', 0, 1);
        trace.enter('store');
        const personas = cached.personas.map((persona) => ({ ...persona, id: randomUUID() }));
        const run = finish('completed', { personas, report: cached.report }, true);
        progress('store', 1, 1);
        return { run, document: { schemaVersion: 1, level: brief.level, brief: recorded, personas, report: cached.report }, fromCache: true };
      }

      progress('culture', 0, 1);
      trace.enter('culture');
      const culture = await this.deps.culture.constraintsFor(analysis, signal);
      progress('culture', 1, 1);

      progress('generate', 0, brief.count);
      const request: PersonaRequest = { brief, level: brief.level, count: brief.count, seed: brief.seed, analysis, culture, ...(options.exclude?.length ? { exclude: options.exclude } : {}) };
      const providerContext: ProviderContext = { signal, onPersona: (done, total) => progress('generate', done, total), onFirstToken: (ms) => firstTokenMs.push(ms) };
      const { context, countries } = repairContextFor(analysis, this.deps.dataset(), culture);
      const repairOptions: RepairOptions = { level: brief.level, count: brief.count, brief: recorded, constraints: culture, context, countries };
      const produced = await this.produce(provider, request, providerContext, repairOptions, trace, options.priority);
      progress('validate', 0, brief.count);
      const checked = await rewriteWeakPersonas(produced.repaired, { provider, request, providerContext, repairOptions, trace, priority: options.priority, brief }, { dataset: this.deps.dataset, produce: (...args) => this.produce(...args) });
      const repaired = checked.repaired;
      const fallback = mergeFallbacks(produced.fallback, checked.fallback);
      fallbackPersonas = fallback?.personas ?? 0;
      const generatedAt = new Date().toISOString();
      const personas = repaired.document.personas.map((persona) => ({
        id: randomUUID(),
        ...persona,
        meta: { ...persona.meta, source: persona.meta?.source ?? provider.id, generatedAt },
      }));
      const report = repaired.report;
      progress('validate', personas.length, brief.count);
      signal.throwIfAborted();

      progress('store', 0, 1);
      trace.enter('store');
      const run = finish('completed', { personas, report });
      progress('store', 1, 1);
      // A run that fell back is not what the provider would have answered: it is not kept for the next time.
      if (cacheKey && !fallback) this.deps.cache?.set<CachedGeneration>(cacheKey, { personas, report }, { quality: report.score });
      const document: PersonaDocument = { schemaVersion: 1, level: brief.level, brief: recorded, personas, report };
      return { run, document, fromCache: false, ...(fallback ? { fallback } : {}) };
    } catch (error) {
      // Nothing to record a failure in: the workshop is gone.
      if (error instanceof GenerationError && error.field === 'workshopId') throw error;
      if (signal.aborted) {
        // A caller's deadline (AbortSignal.timeout) is not the user pressing Cancel: the run says which.
        const timedOut = (signal.reason as { name?: string } | undefined)?.name === 'TimeoutError';
        finish('cancelled', { error: timedOut ? 'Stopped at its deadline' : 'Cancelled by the user' });
        throw new GenerationError('cancelled', timedOut ? 'The generation ran past its deadline and was stopped; nothing was saved.' : 'The generation was cancelled; nothing was saved.');
      }
      const message = error instanceof Error ? error.message : String(error);
      finish('failed', { error: message });
      if (error instanceof GenerationError) throw error;
      throw new GenerationError('generation_failed', `The generation failed: ${message}`, (error as { issues?: ReportIssue[] }).issues ?? []);
    }
  }

  /**
   * A generation's cache key: what the provider says its answer depends on (for the offline engine,
   * the analysed brief, so a rewording that changes nothing it reads shares the entry), else the
   * brief as written; with the cultural source's own key and the app version, since either changes the answer.
   */
  private generationKey(provider: LlmProvider, brief: ResolvedBrief, recorded: Brief, analysis: BriefAnalysis) {
    const culture = this.deps.culture.cacheParams?.(analysis);
    // Constraints that cannot be keyed could differ between two runs of one brief: no caching then.
    if (!culture) return undefined;
    const request = { brief, level: brief.level, count: brief.count, seed: brief.seed, analysis };
    return keyFor('generation', {
      version: this.deps.version ?? 'dev',
      provider: provider.id,
      request: provider.cacheParams?.(request) ?? recorded,
      culture: { source: this.deps.culture.id, ...culture },
    });
  }

  /** Personas from the provider, repaired; from a remote LLM in batches through the scheduler, with the offline engine standing in for what fails. */
  private async produce(provider: LlmProvider, request: PersonaRequest, context: ProviderContext, repairOptions: RepairOptions, trace: PhaseTimeline, priority: Priority = 'high'): Promise<{ repaired: RepairResult; fallback?: Fallback }> {
    trace.enter('provider');
    if (provider.kind === 'embedded') {
      const output = await provider.generate(request, context);
      context.signal.throwIfAborted();
      trace.enter('repair');
      return { repaired: this.repair(output, { ...repairOptions, count: request.count }, this.validations.get(trace)) };
    }
    const repairTimed = (output: ProviderOutput, count: number, fallback = false) => {
      const repairStarted = performance.now();
      try {
        return this.repair(output, { ...repairOptions, count }, fallback ? undefined : this.validations.get(trace));
      } finally {
        trace.repaired(performance.now() - repairStarted);
      }
    };
    const batched = await generateInBatches(
      {
        provider,
        offline: this.deps.offline,
        scheduler: this.deps.scheduler,
        priority,
        repair: repairTimed,
        ...(this.deps.batchSize ? { maxBatchSize: this.deps.batchSize.maxBatchSize } : {}),
      },
      request,
      context,
    );
    return { repaired: batched.repaired, ...(batched.fallback ? { fallback: batched.fallback } : {}) };
  }

  /** One provider answer through repair, counted in the validation metrics. */
  private repair(output: ProviderOutput, options: RepairOptions, tally?: RunValidation): RepairResult {
    const stats = this.deps.validationStats;
    try {
      const result = repairPersonaDocument(output.format === 'objects' ? output.personas : output.text, options);
      stats.recordSuccess(result.personas, result.report.issues);
      if (tally) {
        tally.answers++;
        tally.succeeded++;
        tally.personas += result.personas.length;
        tally.repaired += result.personas.filter((p) => p.repaired).length;
        tally.filled += result.personas.filter((p) => p.filled).length;
      }
      return result;
    } catch (error) {
      if (!(error instanceof NothingRecoverableError)) throw error;
      stats.recordFailure(error.issues);
      if (tally) tally.answers++;
      throw new GenerationError('generation_failed', `The provider's answer held no usable persona. ${error.message}`, error.issues);
    }
  }
}

/** What a run that is not saved reports: the same summary, under an id that names no stored run. */
function unsavedSummary(record: NewRun): RunSummary {
  return {
    id: `${UNSAVED_RUN_PREFIX}${randomUUID()}`,
    workshopId: record.workshopId,
    status: record.status,
    provider: record.provider,
    level: record.level,
    count: record.count,
    description: record.brief.description,
    title: titleFromBrief(record.brief.description),
    titled: false,
    seed: record.seed,
    startedAt: record.startedAt,
    durationMs: record.durationMs,
    qualityScore: record.qualityScore,
    error: record.error,
  };
}

/** A cached generation read back from cache.db, checked against the level's schema. */
function parseCachedGeneration(value: unknown, level: Level): CachedGeneration | undefined {
  const record = value as Partial<CachedGeneration> | null;
  const parsed = DOCUMENT_SCHEMAS[level].safeParse({ schemaVersion: 1, level, personas: record?.personas, report: record?.report });
  return parsed.success && parsed.data.report ? { personas: parsed.data.personas, report: parsed.data.report } : undefined;
}

/** The brief as the document records it: only the fields that were given, plus the seed used. */
function recordedBrief(brief: ResolvedBrief): Brief {
  return {
    description: brief.description,
    count: brief.count,
    level: brief.level,
    ...(brief.segment ? { segment: brief.segment } : {}),
    ...(brief.location ? { location: brief.location } : {}),
    ...(brief.ageRange ? { ageRange: brief.ageRange } : {}),
    language: brief.language,
    seed: brief.seed,
  };
}
