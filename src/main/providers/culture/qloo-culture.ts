/**
 * Qloo Insights as a CultureSource: one /v2/insights call per entity type, in parallel through the
 * scheduler, with signals from the brief's ages, place and themes; answers parsed with zod and
 * mapped into cultural candidates. A category Qloo cannot supply (down, refused, empty) comes from
 * the bundled dataset, and the constraints say which ones did.
 */
import { z } from 'zod';
import { CULTURAL_CATEGORIES, type CulturalCategory } from '../../../shared/persona';
import type { BriefAnalysis } from '../../generation/brief-analysis';
import { AGE_BANDS, ageBandIndex } from '../../generation/dataset';
import { CallError } from '../../scheduler/call-error';
import type { Priority, Scheduler } from '../../scheduler/scheduler';
import { excerpt, joinUrl, readJson, send } from '../http/http-call';
import type { CulturalCandidate, CulturalConstraints, CultureSource } from '../types';

export const QLOO_PROVIDER_ID = 'qloo';

export interface QlooSettings {
  baseUrl: string;
  apiKey?: string;
  /** Entities asked for per category. */
  take: number;
}

export const QLOO_DEFAULTS: QlooSettings = { baseUrl: 'https://hackathon.api.qloo.com', take: 15 };

/** Each persona category as a Qloo entity type (food: the places people eat at). */
export const ENTITY_TYPES: Record<CulturalCategory, string> = {
  music: 'urn:entity:artist',
  movies: 'urn:entity:movie',
  tv: 'urn:entity:tv_show',
  books: 'urn:entity:book',
  brands: 'urn:entity:brand',
  food: 'urn:entity:place',
  podcasts: 'urn:entity:podcast',
  destinations: 'urn:entity:destination',
};

const entitySchema = z.object({
  name: z.string().min(1),
  popularity: z.number().optional(),
  properties: z.object({ popularity: z.number().optional() }).loose().optional(),
  tags: z.array(z.object({ name: z.string().optional() }).loose()).optional(),
  query: z.object({ affinity: z.number().optional() }).loose().optional(),
}).loose();
const insightsSchema = z.object({ results: z.object({ entities: z.array(z.unknown()) }) }).loose();

/** Qloo's age buckets against the dataset's six bands (16-24 ... 65+). */
const AGE_BUCKETS: ReadonlyArray<{ id: string; from: number; to: number }> = [
  { id: '35_and_younger', from: 16, to: 35 },
  { id: '36_to_55', from: 36, to: 55 },
  { id: '55_and_older', from: 56, to: 120 },
];

export class QlooCultureSource implements CultureSource {
  readonly id = QLOO_PROVIDER_ID;

  constructor(
    private readonly settings: () => QlooSettings,
    private readonly scheduler: Scheduler,
    private readonly fallback: CultureSource,
  ) {}

  async constraintsFor(analysis: BriefAnalysis, signal: AbortSignal, priority: Priority = 'high'): Promise<CulturalConstraints> {
    const settings = this.settings();
    const results = await Promise.allSettled(CULTURAL_CATEGORIES.map((category) => this.lookup(category, analysis, settings, signal, priority)));
    signal.throwIfAborted();
    const missing = CULTURAL_CATEGORIES.filter((_, i) => results[i]!.status === 'rejected' || (results[i] as PromiseFulfilledResult<CulturalCandidate[]>).value.length === 0);
    const categories = {} as Record<CulturalCategory, CulturalCandidate[]>;
    const fallback = missing.length > 0 ? await this.fallback.constraintsFor(analysis, signal) : undefined;
    CULTURAL_CATEGORIES.forEach((category, i) => {
      const result = results[i]!;
      categories[category] = result.status === 'fulfilled' && result.value.length > 0 ? result.value : (fallback?.categories[category] ?? []);
    });
    if (missing.length === CULTURAL_CATEGORIES.length) {
      const reason = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason as Error | undefined;
      return { source: `${this.fallback.id} (Qloo unavailable${reason ? `: ${excerpt(reason.message, 120)}` : ''})`, categories, fallbackCategories: missing };
    }
    return { source: missing.length ? `${this.id}+${this.fallback.id}` : this.id, categories, ...(missing.length ? { fallbackCategories: missing } : {}) };
  }

  cacheParams(analysis: BriefAnalysis): Record<string, unknown> {
    return { query: queryParams(analysis), take: this.settings().take };
  }

  private async lookup(category: CulturalCategory, analysis: BriefAnalysis, settings: QlooSettings, signal: AbortSignal, priority: Priority): Promise<CulturalCandidate[]> {
    if (!settings.apiKey) throw new CallError('unauthorized', 'Qloo needs an API key: add it in Settings, or set QLOO_API_KEY.', { provider: this.id });
    const params = new URLSearchParams({ 'filter.type': ENTITY_TYPES[category], take: String(settings.take), ...queryParams(analysis) });
    const url = `${joinUrl(settings.baseUrl, '/v2/insights')}?${params}`;
    const body = await this.scheduler.call({
      provider: this.id,
      kind: 'culture',
      priority,
      signal,
      run: async (attemptSignal) => readJson(await send({ provider: 'Qloo', url, headers: { 'x-api-key': settings.apiKey! }, signal: attemptSignal }), 'Qloo', attemptSignal),
    });
    const parsed = insightsSchema.safeParse(body);
    if (!parsed.success) throw new CallError('malformed', `Qloo answered without results.entities (${excerpt(JSON.stringify(body))})`, { provider: this.id });
    const skew = ageSkew(analysis.ageRange);
    const regions = analysis.place.countries.map((c) => c.code);
    return parsed.data.results.entities.flatMap((raw) => {
      // One odd entity is skipped, not the whole answer.
      const entity = entitySchema.safeParse(raw);
      if (!entity.success) return [];
      const e = entity.data;
      return [{
        name: e.name.trim(),
        tags: (e.tags ?? []).flatMap((tag) => (tag.name ? [tag.name.toLowerCase()] : [])).slice(0, 8),
        ageSkew: skew,
        regions: regions.length ? regions : ['GLOBAL'],
        relevance: 1 + (e.query?.affinity ?? e.popularity ?? e.properties?.popularity ?? 0.5),
      }];
    });
  }
}

/** The signals sent for a brief: its ages, its place, and (as a keyword) its main theme. */
function queryParams(analysis: BriefAnalysis): Record<string, string> {
  const [from, to] = analysis.ageRange;
  const buckets = AGE_BUCKETS.filter((b) => b.from <= to && b.to >= from).map((b) => b.id);
  const place = analysis.place.cities[0]?.city.name ?? analysis.place.countries[0]?.name;
  return {
    ...(buckets.length ? { 'signal.demographics.age': buckets.join(',') } : {}),
    ...(analysis.gender ? { 'signal.demographics.gender': analysis.gender } : {}),
    ...(place ? { 'signal.location.query': place } : {}),
  };
}

/** Qloo ranks for the asked ages: each candidate is as likely across the brief's bands, unlikely outside. */
function ageSkew([from, to]: [number, number]): number[] {
  const [first, last] = [ageBandIndex(from), ageBandIndex(to)];
  return AGE_BANDS.map((_, band) => (band >= first && band <= last ? 1 : 0.2));
}
