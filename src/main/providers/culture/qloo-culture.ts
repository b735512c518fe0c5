/**
 * Qloo Insights as a CultureSource: one /v2/insights call per entity type through the scheduler,
 * with signals from the brief's ages, place and gender (qloo-query.ts says what each type takes);
 * answers parsed with zod and mapped into cultural candidates. Seven lookups run in parallel, then
 * destinations, which need the entities those found as interests. A place Qloo cannot resolve is a
 * 400: that lookup is asked again without it, and once that works the place is not sent again this
 * session (the constraints' source says the lookups were not localised). A
 * category Qloo cannot supply (down, refused, empty) comes from the bundled dataset, and the
 * constraints say which ones did.
 */
import type { QlooSettings } from '../../../shared/settings';
import { z } from 'zod';
import { CULTURAL_CATEGORIES, type CulturalCategory } from '../../../shared/persona';
import type { BriefAnalysis } from '../../world';
import { AGE_BANDS, ageBandIndex } from '../../../shared/coverage';
import { SecretRegistry } from '../../platform';
import { CallError } from '../../scheduler';
import type { Priority, Scheduler } from '../../scheduler';
import { excerpt, joinUrl, readJson, send } from '../http/http-call';
import type { CultureSource } from '../types';
import type { CulturalCandidate, CulturalConstraints } from '../../world';
import { demographicSignals, insightsParams, placeOf, type LookupQuery } from './qloo-query';

export const QLOO_PROVIDER_ID = 'qloo';

/** Interest entities sent for destinations: the best few of each other category. */
const INTERESTS_PER_CATEGORY = 2;
const MAX_INTERESTS = 12;
/** Part of the cache key: lookups cached before restaurants and destinations were asked for properly are not reused. */
const QUERY_VERSION = 2;
/** Tags that say where something streams, not what it is like: they are not taste. */
const NOT_TASTE = /streaming_service/;

const tagSchema = z.object({ name: z.string().optional(), tag_id: z.string().optional(), type: z.string().optional(), id: z.string().optional() }).loose();
const entitySchema = z.object({
  name: z.string().min(1),
  entity_id: z.string().optional(),
  popularity: z.number().optional(),
  properties: z.object({ popularity: z.number().optional() }).loose().optional(),
  tags: z.array(tagSchema).optional(),
  query: z.object({ affinity: z.number().optional() }).loose().optional(),
}).loose();
const insightsSchema = z.object({ results: z.object({ entities: z.array(z.unknown()) }) }).loose();

interface Found {
  candidates: CulturalCandidate[];
  ids: string[];
}

export class QlooCultureSource implements CultureSource {
  readonly id = QLOO_PROVIDER_ID;
  /** Places Qloo answered 400 for: not sent again this session. */
  private readonly unresolved = new Set<string>();

  constructor(
    private readonly settings: () => QlooSettings,
    private readonly scheduler: Scheduler,
    private readonly fallback: CultureSource,
    /** The core's API keys, hidden wherever Qloo's text is quoted; by default none are known. */
    private readonly secretRegistry: SecretRegistry = new SecretRegistry(),
  ) {}

  async constraintsFor(analysis: BriefAnalysis, signal: AbortSignal, priority: Priority = 'high'): Promise<CulturalConstraints> {
    const settings = this.settings();
    const lookup = (query: Omit<LookupQuery, 'take' | 'place'>) => this.lookup({ ...query, take: settings.take }, analysis, settings, signal, priority);
    const others = CULTURAL_CATEGORIES.filter((category) => category !== 'destinations');
    const found = await Promise.allSettled(others.map((category) => lookup({ category })));
    const interests = others.flatMap((_, i) => (found[i]!.status === 'fulfilled' ? (found[i] as PromiseFulfilledResult<Found>).value.ids.slice(0, INTERESTS_PER_CATEGORY) : [])).slice(0, MAX_INTERESTS);
    const destinations = await Promise.allSettled([
      interests.length
        ? lookup({ category: 'destinations', interests })
        : Promise.reject(new CallError('bad_request', 'Qloo suggests destinations from entities the audience likes, and no other lookup found any.', { provider: this.id })),
    ]);
    signal.throwIfAborted();
    const results = new Map<CulturalCategory, PromiseSettledResult<Found>>([...others.map((category, i) => [category, found[i]!] as const), ['destinations', destinations[0]!]]);
    const supplied = (category: CulturalCategory) => {
      const result = results.get(category)!;
      return result.status === 'fulfilled' && result.value.candidates.length > 0 ? result.value.candidates : undefined;
    };
    const missing = CULTURAL_CATEGORIES.filter((category) => !supplied(category));
    const fallback = missing.length > 0 ? await this.fallback.constraintsFor(analysis, signal) : undefined;
    const categories = Object.fromEntries(CULTURAL_CATEGORIES.map((category) => [category, supplied(category) ?? fallback?.categories[category] ?? []])) as Record<CulturalCategory, CulturalCandidate[]>;
    const place = placeOf(analysis);
    const unplaced = place && this.unresolved.has(place) ? ` (not localised: Qloo found no place "${place}")` : '';
    if (missing.length === CULTURAL_CATEGORIES.length) {
      const reason = [...results.values()].find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason as Error | undefined;
      return { source: `${this.fallback.id} (Qloo unavailable${reason ? `: ${excerpt(reason.message, this.secretRegistry, 120)}` : ''})`, categories, fallbackCategories: missing };
    }
    return { source: `${missing.length ? `${this.id}+${this.fallback.id}` : this.id}${unplaced}`, categories, ...(missing.length ? { fallbackCategories: missing } : {}) };
  }

  cacheParams(analysis: BriefAnalysis): Record<string, unknown> {
    return { version: QUERY_VERSION, signals: demographicSignals(analysis), place: placeOf(analysis), take: this.settings().take };
  }

  /** One lookup; asked again without the place when Qloo refuses it (a place it cannot resolve is a 400). */
  private async lookup(query: Omit<LookupQuery, 'place'>, analysis: BriefAnalysis, settings: QlooSettings, signal: AbortSignal, priority: Priority): Promise<Found> {
    if (!settings.apiKey) throw new CallError('unauthorized', 'Qloo needs an API key: add it in Settings, or set QLOO_API_KEY.', { provider: this.id });
    const place = query.category === 'destinations' ? undefined : placeOf(analysis);
    const placed = place && !this.unresolved.has(place) ? place : undefined;
    try {
      return await this.ask({ ...query, ...(placed ? { place: placed } : {}) }, analysis, settings, signal, priority);
    } catch (error) {
      if (!placed || !(error instanceof CallError) || error.code !== 'bad_request') throw error;
      const unplaced = await this.ask(query, analysis, settings, signal, priority);
      // Answered without the place, refused with it: the place is what Qloo could not resolve.
      this.unresolved.add(placed);
      return unplaced;
    }
  }

  private async ask(query: LookupQuery, analysis: BriefAnalysis, settings: QlooSettings, signal: AbortSignal, priority: Priority): Promise<Found> {
    const url = `${joinUrl(settings.baseUrl, '/v2/insights')}?${insightsParams(query, analysis)}`;
    const body = await this.scheduler.call({
      provider: this.id,
      kind: 'culture',
      priority,
      signal,
      run: async (attemptSignal) => readJson(await send({ provider: 'Qloo', url, headers: { 'x-api-key': settings.apiKey! }, signal: attemptSignal, secretRegistry: this.secretRegistry }), 'Qloo', attemptSignal, this.secretRegistry),
    });
    const parsed = insightsSchema.safeParse(body);
    if (!parsed.success) throw new CallError('malformed', `Qloo answered without results.entities (${excerpt(JSON.stringify(body), this.secretRegistry)})`, { provider: this.id });
    const skew = ageSkew(analysis.ageRange);
    const regions = analysis.place.countries.map((c) => c.code);
    const found: Found = { candidates: [], ids: [] };
    for (const raw of parsed.data.results.entities) {
      // One odd entity is skipped, not the whole answer.
      const entity = entitySchema.safeParse(raw);
      if (!entity.success) continue;
      const e = entity.data;
      if (e.entity_id) found.ids.push(e.entity_id);
      found.candidates.push({
        name: e.name.trim(),
        tags: tasteTags(e.tags ?? []),
        ageSkew: skew,
        regions: regions.length ? regions : ['GLOBAL'],
        relevance: 1 + (e.query?.affinity ?? e.popularity ?? e.properties?.popularity ?? 0.5),
      });
    }
    return found;
  }
}

/** The entity's tags that describe it (genres, keywords), lowercased; where it streams is left out. */
function tasteTags(tags: ReadonlyArray<z.infer<typeof tagSchema>>): string[] {
  return tags
    .filter((tag) => !NOT_TASTE.test(`${tag.tag_id ?? ''} ${tag.type ?? ''} ${tag.id ?? ''}`))
    .flatMap((tag) => (tag.name ? [tag.name.toLowerCase()] : []))
    .slice(0, 8);
}

/** Qloo ranks for the asked ages: each candidate is as likely across the brief's bands, unlikely outside. */
function ageSkew([from, to]: [number, number]): number[] {
  const [first, last] = [ageBandIndex(from), ageBandIndex(to)];
  return AGE_BANDS.map((_, band) => (band >= first && band <= last ? 1 : 0.2));
}
