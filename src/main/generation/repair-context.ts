/**
 * What repair may fill a persona from, resolved from the analysed brief and the bundled dataset:
 * the brief's age range and place, a city's country, the B2B industry and size the brief names,
 * and the cultural constraints' top picks.
 */
import type { CulturalConstraints } from '../world';
import type { FillContext } from '../validation';
import { topCulturalPicks } from '../validation';
import type { BriefAnalysis } from '../world';
import type { TasteDataset } from '../world';
import { normalizeForMatch } from '../world';

export interface RepairContext {
  context: FillContext;
  /** Countries the brief targets, by name, for scoring place fit. */
  countries: string[];
}

const cityIndexes = new WeakMap<TasteDataset, Map<string, { country: string; region?: string }>>();

/** City name (accent- and case-insensitive) → its country's name, from the bundled dataset. */
export function countryOfCity(dataset: TasteDataset): (city: string) => { country: string } | undefined {
  let index = cityIndexes.get(dataset);
  if (!index) {
    index = new Map();
    for (const city of dataset.cities) {
      const country = dataset.countriesByCode.get(city.country);
      const key = normalizeForMatch(city.name);
      if (country && !index.has(key)) index.set(key, { country: country.name });
    }
    cityIndexes.set(dataset, index);
  }
  const found = index;
  return (city) => found.get(normalizeForMatch(city));
}

export function repairContextFor(analysis: BriefAnalysis, dataset: TasteDataset, constraints?: CulturalConstraints): RepairContext {
  const context: FillContext = { ageRange: analysis.ageRange, countryOfCity: countryOfCity(dataset) };
  const topCity = analysis.place.cities[0];
  const topCountry = analysis.place.countries[0];
  if (analysis.place.kind === 'cities' && topCity) context.place = { city: topCity.city.name, country: topCity.country.name };
  else if (analysis.place.kind !== 'anywhere' && topCountry) context.place = { country: topCountry.name };
  const industry = analysis.industries[0];
  if (industry) context.industry = industry.label;
  const size = analysis.companySizes[0];
  if (size) context.companySize = size;
  if (constraints) context.culture = topCulturalPicks(constraints);
  return { context, countries: analysis.place.kind === 'anywhere' ? [] : analysis.place.countries.map((c) => c.name) };
}
