/**
 * Cultural candidates from the bundled taste dataset: everything popular where the brief's
 * people live, ranked up by how many of the brief's themes an entity shares. Works offline.
 */
import { CULTURAL_CATEGORIES, type CulturalCategory } from '../../../shared/persona';
import type { BriefAnalysis } from '../../generation/brief-analysis';
import type { TasteDataset } from '../../generation/dataset';
import type { CulturalCandidate, CulturalConstraints, CultureSource } from '../types';

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
}
