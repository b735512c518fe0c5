/** The cultural candidates a culture source offers for a brief, per category, ranked by the engine and checked by validation. */
import type { CulturalCategory } from '../../shared/persona';

export interface CulturalCandidate {
  name: string;
  tags: readonly string[];
  /** Affinity 0..1 per age band (16-24 ... 65+). */
  ageSkew: readonly number[];
  /** Country codes and macro regions where it is popular. */
  regions: readonly string[];
  /** How well it fits the brief's themes, > 0. */
  relevance: number;
}

export interface CulturalConstraints {
  source: string;
  categories: Record<CulturalCategory, CulturalCandidate[]>;
  /** Categories an online source could not supply, filled from the bundled dataset instead. */
  fallbackCategories?: CulturalCategory[];
}
