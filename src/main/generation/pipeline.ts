/**
 * One generation, end to end: analyse the brief, gather cultural constraints, ask the provider,
 * validate and score, store the run with its personas in one transaction. Reports progress per
 * phase and stops at the next step when its AbortSignal fires; cancelled and failed runs are
 * recorded too, without personas, so history tells what happened.
 */
import { randomUUID } from 'node:crypto';
import type { ParsedBrief, ResolvedBrief } from '../../shared/brief';
import type { GenerationPhase, RunSummary } from '../../shared/ipc/types';
import type { Brief, Persona, PersonaDocument, ReportIssue } from '../../shared/persona';
import type { CultureSource, LlmProvider } from '../providers/types';
import type { AppStore } from '../store/app-store';
import { scoreDocument, scorePersona } from '../validation/score';
import { reportFor, validateProviderOutput } from '../validation/validate-output';
import { analyzeBrief } from './brief-analysis';
import type { TasteDataset } from './dataset';
import { randomSeed } from './random';

export interface GenerationOptions {
  workshopId?: string;
  providerId?: string;
  signal?: AbortSignal;
  onProgress?: (phase: GenerationPhase, done: number, total: number) => void;
}

export interface GenerationResult {
  run: RunSummary;
  document: PersonaDocument;
}

export type GenerationErrorCode = 'cancelled' | 'not_found' | 'generation_failed';

export class GenerationError extends Error {
  override name = 'GenerationError';
  constructor(
    readonly code: GenerationErrorCode,
    message: string,
    readonly issues: ReportIssue[] = [],
  ) {
    super(message);
  }
}

export interface PipelineDeps {
  store: AppStore;
  providers: ReadonlyMap<string, LlmProvider>;
  defaultProviderId: string;
  culture: CultureSource;
  dataset: () => TasteDataset;
}

export class GenerationPipeline {
  constructor(private readonly deps: PipelineDeps) {}

  async run(input: ParsedBrief, options: GenerationOptions = {}): Promise<GenerationResult> {
    const { store } = this.deps;
    const signal = options.signal ?? new AbortController().signal;
    const progress = options.onProgress ?? (() => {});
    const workshopId = options.workshopId ?? store.defaultWorkshopId();
    if (!store.getWorkshop(workshopId)) throw new GenerationError('not_found', `No workshop has the id ${workshopId}.`);
    const providerId = options.providerId ?? this.deps.defaultProviderId;
    const provider = this.deps.providers.get(providerId);
    if (!provider) throw new GenerationError('not_found', `No provider is called ${providerId}; choose one of ${[...this.deps.providers.keys()].join(', ')}.`);

    const brief: ResolvedBrief = { ...input, seed: input.seed ?? randomSeed(), language: input.language ?? 'en' };
    const recorded = recordedBrief(brief);
    const startedAt = new Date();
    const started = performance.now();
    const finish = (status: RunSummary['status'], fields: { personas?: Persona[]; score?: number; issues?: ReportIssue[]; error?: string }) =>
      store.saveRun({
        workshopId,
        brief: recorded,
        status,
        provider: provider.id,
        level: brief.level,
        count: brief.count,
        seed: brief.seed,
        startedAt: startedAt.toISOString(),
        durationMs: performance.now() - started,
        qualityScore: fields.score ?? null,
        report: fields.issues && fields.score !== undefined ? reportFor(fields.issues, fields.score) : null,
        error: fields.error ?? null,
        personas: fields.personas ?? [],
      });

    try {
      progress('analyze', 0, 1);
      const analysis = analyzeBrief(brief, this.deps.dataset());
      progress('analyze', 1, 1);
      signal.throwIfAborted();

      progress('culture', 0, 1);
      const culture = await this.deps.culture.constraintsFor(analysis, signal);
      progress('culture', 1, 1);

      progress('generate', 0, brief.count);
      const output = await provider.generate(
        { brief, level: brief.level, count: brief.count, seed: brief.seed, analysis, culture },
        { signal, onPersona: (done, total) => progress('generate', done, total) },
      );
      signal.throwIfAborted();

      progress('validate', 0, brief.count);
      const { personas: valid, issues } = validateProviderOutput(output, brief.level, brief.count);
      const context = {
        level: brief.level,
        ageRange: analysis.ageRange,
        countries: analysis.place.kind === 'anywhere' ? [] : analysis.place.countries.map((c) => c.name),
      };
      const generatedAt = new Date().toISOString();
      const personas = valid.map((persona) => {
        const qualityScore = scorePersona(persona, context);
        return {
          id: randomUUID(),
          ...persona,
          meta: { ...persona.meta, source: provider.id, qualityScore, repaired: persona.meta?.repaired ?? [], filled: persona.meta?.filled ?? [], generatedAt },
        };
      });
      const score = scoreDocument(personas.map((p) => p.meta.qualityScore));
      progress('validate', personas.length, brief.count);
      signal.throwIfAborted();

      progress('store', 0, 1);
      const run = finish('completed', { personas, score, issues });
      progress('store', 1, 1);
      const document: PersonaDocument = { schemaVersion: 1, level: brief.level, brief: recorded, personas, report: reportFor(issues, score) };
      return { run, document };
    } catch (error) {
      if (signal.aborted) {
        finish('cancelled', { error: 'Cancelled by the user' });
        throw new GenerationError('cancelled', 'The generation was cancelled; nothing was saved.');
      }
      const message = error instanceof Error ? error.message : String(error);
      finish('failed', { error: message });
      throw new GenerationError('generation_failed', `The generation failed: ${message}`, (error as { issues?: ReportIssue[] }).issues ?? []);
    }
  }
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
