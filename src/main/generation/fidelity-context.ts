/** What the fidelity scorer checks a persona against, from the analysed brief and the world data. */
import type { ResolvedBrief } from '../../shared/brief';
import type { FidelityContext } from '../validation';
import type { BriefAnalysis } from '../world';
import type { TasteDataset } from '../world';
import { normalizeForMatch } from '../world';

/** How far from a city the brief names a persona may live: the surroundings the world reads with it ("X and nearby", place.ts). */
const NEAR_KM = 40;
const AROUND_KM = 100;
/** Words of a product phrase that say nothing about the product. */
const FILLER = new Set(['with', 'from', 'that', 'this', 'their', 'your', 'them', 'for', 'and', 'the', 'platform', 'service', 'services', 'app', 'apps', 'online', 'based', 'offer']);

export function fidelityContextFor(analysis: BriefAnalysis, brief: Pick<ResolvedBrief, 'level' | 'ageRange' | 'description' | 'location' | 'segment'>, data: TasteDataset): FidelityContext {
  const { world } = data;
  const jobs = new Map(data.industries.flatMap((i) => i.occupations).map((o) => [o.title.toLowerCase(), [o.minAge, o.maxAge] as const]));
  for (const fn of data.b2bFunctions) for (const r of fn.roles) jobs.set(r.title.toLowerCase(), [r.minAge, r.maxAge]);
  const place = analysis.place;
  const named = place.kind === 'cities' ? place.cities.filter((c) => c.weight >= 0.8) : [];
  const productWords = analysis.product.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 4 && !FILLER.has(w));
  const domain = analysis.domains[0];
  return {
    level: brief.level,
    // Ages the brief states in words are what the personas were drawn from (world/age-range.ts).
    ageRange: brief.ageRange ?? (analysis.agesStated ? analysis.ageRange : analysis.stageNamed ? analysis.stage.ages : null),
    place: {
      label: place.label,
      countries: place.kind === 'anywhere' ? [] : place.countries.map((c) => c.code),
      near: named.map((c) => ({ name: c.city.name, lat: c.city.lat, lon: c.city.lon, km: c.weight < 1 ? AROUND_KM : NEAR_KM })),
    },
    stage: analysis.stageNamed ? { label: analysis.stage.label, cues: analysis.stage.cues, contradictions: analysis.stage.contradictions, work: analysis.stage.work } : null,
    domain: { label: domain && domain.id !== 'generic' ? lowerLabel(domain.label) : analysis.product, cues: [...analysis.domains.flatMap((d) => d.cues), ...productWords] },
    countryCode: (name) => world.countryIndex.get(normalizeForMatch(name).trim())?.code,
    cityPosition: (name, countryCode, region) => {
      const key = normalizeForMatch(name).trim();
      // The places the brief was read as come first: a small town ("Tavira") or one kept as written is only there.
      const placed = place.cities.map((c) => c.city).filter((c) => normalizeForMatch(c.name).trim() === key);
      const here = [...placed, ...(world.cityIndex.get(key) ?? [])].filter((c) => c.country === countryCode);
      // Several places share a name (Richmond, California and Richmond, Virginia): the persona's region tells them apart.
      return (region ? here.find((c) => normalizeForMatch(c.region) === normalizeForMatch(region)) : undefined) ?? here[0];
    },
    jobAges: (title) => jobs.get(title.toLowerCase()),
    brief: { description: brief.description, location: brief.location, segment: brief.segment, ageRange: brief.ageRange },
    agesSaid: analysis.agesStated,
  };
}

const lowerLabel = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
