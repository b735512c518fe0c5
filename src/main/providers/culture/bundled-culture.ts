/**
 * Cultural candidates from the bundled taste dataset: everything popular where the brief's
 * people live, ranked up by how many of the brief's themes an entity shares. Works offline.
 */
import { CULTURAL_CATEGORIES, type CulturalCategory } from '../../../shared/persona';
import type { BriefAnalysis } from '../../world';
import { distanceKm } from '../../world';
import type { TasteDataset } from '../../world';
import type { CultureSource } from '../types';
import type { CulturalCandidate, CulturalConstraints } from '../../world';

const THEME_BOOST = 0.8;

export class BundledCultureSource implements CultureSource {
  readonly id = 'bundled';

  constructor(private readonly dataset: () => TasteDataset) {}

  async constraintsFor(analysis: BriefAnalysis, signal: AbortSignal): Promise<CulturalConstraints> {
    signal.throwIfAborted();
    const data = this.dataset();
    const anywhere = analysis.place.kind === 'anywhere';
    const regions = new Set<string>(['GLOBAL']);
    for (const country of analysis.place.countries) {
      regions.add(country.code);
      regions.add(country.macro);
    }
    const categories = {} as Record<CulturalCategory, CulturalCandidate[]>;
    for (const category of CULTURAL_CATEGORIES) {
      categories[category] = data.taste[category]
        .filter((entity) => anywhere || entity.regions.some((r) => regions.has(r)))
        .map((entity) => ({
          ...entity,
          relevance: 1 + THEME_BOOST * entity.tags.filter((tag) => analysis.tags.has(tag)).length,
        }));
    }
    return { source: this.id, categories };
  }

  /** The lookup depends on the themes' tags and the countries, not on ages. */
  cacheParams(analysis: BriefAnalysis): Record<string, unknown> {
    return { tags: [...analysis.tags], countries: analysis.place.kind === 'anywhere' ? ['*'] : analysis.place.countries.map((c) => c.code) };
  }

  /** The same brief in the nearest countries of the same macro region: what an analyst compares next. */
  neighbours(analysis: BriefAnalysis, limit: number): BriefAnalysis[] {
    if (analysis.place.kind === 'anywhere') return [];
    const data = this.dataset();
    const taken = new Set(analysis.place.countries.map((c) => c.code));
    const macros = new Set(analysis.place.countries.map((c) => c.macro));
    // Countries compared by their largest places: enough to rank neighbours, and cheap over 250 countries.
    const here = [...taken].flatMap((code) => data.world.largestCity.get(code) ?? []);
    const nearest = (code: string) => {
      const there = data.world.largestCity.get(code);
      return there ? Math.min(...here.map((h) => distanceKm(there, h))) : Infinity;
    };
    return data.countries
      .filter((c) => !taken.has(c.code) && macros.has(c.macro))
      .map((country) => ({ country, km: nearest(country.code) }))
      .sort((a, b) => a.km - b.km)
      .slice(0, limit)
      .map(({ country }) => ({ ...analysis, place: { kind: 'countries' as const, label: country.name, countries: [country], cities: [], unresolved: null } }));
  }
}
