/**
 * A persona's cultural profile: candidates weighted by the brief's relevance, the persona's age
 * band and where they live, with items already given to others in the set weighing less.
 */
import { CULTURAL_CATEGORIES, type CulturalCategory, type CulturalProfile } from '../../../../shared/persona';
import { ageBandIndex } from '../../../../shared/coverage';
import type { SeededRandom } from '../../../world';
import type { CulturalCandidate, CulturalConstraints } from '../../../world';
import type { Identity } from './people';
import { UsageTracker, sampleDistinct } from './sampling';

const PER_CATEGORY: Record<CulturalCategory, number> = {
  music: 3, movies: 2, tv: 2, books: 2, brands: 3, food: 3, podcasts: 2, destinations: 2,
};

export class CulturePicker {
  private readonly usage = new UsageTracker(1.5);

  constructor(
    private readonly rng: SeededRandom,
    private readonly culture: CulturalConstraints,
  ) {}

  profileFor(who: Identity): CulturalProfile {
    const band = ageBandIndex(who.age);
    const profile = {} as CulturalProfile;
    for (const category of CULTURAL_CATEGORIES) {
      const pool = this.culture.categories[category]
        .filter((c) => category !== 'destinations' || c.name !== who.place.city.name)
        .map((c) => ({ item: c, weight: c.relevance * (0.02 + (c.ageSkew[band] ?? 0) ** 2) * regionFit(c, who) * this.usage.weight(`${category}:${c.name}`) }));
      const chosen = sampleDistinct(this.rng, pool, PER_CATEGORY[category]);
      chosen.forEach((c) => this.usage.use(`${category}:${c.name}`));
      profile[category] = chosen.map((c) => c.name);
    }
    return profile;
  }
}

function regionFit(candidate: CulturalCandidate, who: Identity): number {
  if (candidate.regions.includes(who.place.country.code)) return 4;
  if (candidate.regions.includes(who.place.country.macro)) return 1.5;
  if (candidate.regions.includes('GLOBAL')) return 1;
  return 0.01;
}
