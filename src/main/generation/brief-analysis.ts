/**
 * Reads a brief the way an analyst would: what it is about (themes), who it is for (audience,
 * ages, gender, life stage), where (cities or countries and their surroundings), and for B2B the
 * business functions, industries and company sizes. Every provider and culture source gets this.
 */
import type { ResolvedBrief } from '../../shared/brief';
import { AGE_MAX, AGE_MIN } from '../../shared/brief';
import { COMPANY_SIZES, type CompanySize } from '../../shared/persona';
import type { Audience, B2bFunction, City, Country, Industry, LifeStageId, MacroRegion, TasteDataset, Theme } from './dataset';
import { containsWordPrefix, containsWords, lowerFirst, normalizedKeyword, normalizeForMatch } from './text';

export interface WeightedCity {
  city: City;
  country: Country;
  weight: number;
}

export interface PlaceTarget {
  kind: 'cities' | 'countries' | 'region' | 'anywhere';
  /** Countries the personas should mostly come from. */
  countries: Country[];
  cities: WeightedCity[];
}

export interface BriefAnalysis {
  text: string;
  product: string;
  themes: Theme[];
  themeWeights: number[];
  /** Union of the matched themes' tags, for cultural relevance. */
  tags: ReadonlySet<string>;
  audience: Audience | null;
  ageRange: [number, number];
  gender: 'female' | 'male' | null;
  lifeStage: LifeStageId | null;
  place: PlaceTarget;
  industries: Industry[];
  b2bFunctions: B2bFunction[];
  companySizes: CompanySize[];
}

const NEARBY_KM = 40;
const MAX_THEMES = 4;

/** Place words that are also ordinary English words count only after "in", "near", ... */
const AMBIGUOUS_PLACE_WORDS = new Set(['nice', 'reading', 'bath', 'split', 'mobile', 'orange', 'turkey', 'chad', 'jordan', 'georgia', 'victoria']);
const LOCATIVES = new Set(['in', 'near', 'around', 'across', 'from', 'outside', 'throughout', 'en', 'au', 'aux', 'bei', 'aus', 'im', 'um', 'nahe', 'cerca']);
const ARTICLES = new Set(['the', 'la', 'le', 'les', 'der', 'die', 'das', 'el', 'los', 'las']);

const MACRO_WORDS: ReadonlyArray<readonly [string, MacroRegion]> = [
  ['europe', 'EUROPE'], ['european', 'EUROPE'], ['north america', 'NORTH_AMERICA'], ['north american', 'NORTH_AMERICA'],
  ['latin america', 'LATAM'], ['latam', 'LATAM'], ['south america', 'LATAM'], ['asia', 'ASIA'], ['asian', 'ASIA'],
  ['apac', 'ASIA'], ['middle east', 'MENA'], ['mena', 'MENA'], ['africa', 'AFRICA'], ['african', 'AFRICA'],
  ['oceania', 'OCEANIA'], ['australasia', 'OCEANIA'],
];

const COMPANY_SIZE_CUES: ReadonlyArray<readonly [readonly string[], readonly CompanySize[]]> = [
  [['freelanc', 'solo', 'sole trader', 'self employed'], ['1-10']],
  [['startup', 'start up', 'small business', 'smb', 'sme', 'small compan', 'small firm', 'tpe', 'pme'], ['1-10', '11-50']],
  [['mid size', 'midsize', 'mid sized', 'medium sized', 'mid market', 'mittelstand', 'mittelständ', 'eti'], ['51-200', '201-1000']],
  [['enterprise', 'large compan', 'large organi', 'multinational', 'corporation', 'fortune 500', 'konzern'], ['201-1000', '1000+']],
];

export function analyzeBrief(brief: ResolvedBrief, data: TasteDataset): BriefAnalysis {
  const rawText = [brief.description, brief.segment ?? ''].join(' ');
  const text = normalizeForMatch(rawText);

  const scored = data.themes
    .map((theme) => ({ theme, score: theme.keywords.filter((k) => containsWordPrefix(text, k)).length }))
    .filter((t) => t.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_THEMES);
  const themes = scored.length > 0 ? scored.map((t) => t.theme) : [data.genericTheme];
  // Squared, so the theme the brief stresses most leads without silencing the others.
  const themeWeights = scored.length > 0 ? scored.map((t) => t.score * t.score) : [1];

  const audience = firstAudience(text, data.audiences);
  const ageRange = clampRange(brief.ageRange ?? audience?.ageRange ?? (brief.level === 'b2b' ? [28, 62] : [22, 65]));

  const industries = data.industries.filter((i) => i.keywords.some((k) => containsWordPrefix(text, k)));
  const b2bFunctions = data.b2bFunctions.filter((f) => f.keywords.some((k) => containsWordPrefix(text, k)));
  const sizes = COMPANY_SIZE_CUES.filter(([cues]) => cues.some((c) => containsWordPrefix(text, c))).flatMap(([, s]) => s);

  return {
    text,
    product: productPhrase(brief.description),
    themes,
    themeWeights,
    tags: new Set(themes.flatMap((t) => t.tags)),
    audience,
    ageRange,
    gender: audience?.gender ?? null,
    lifeStage: audience?.lifeStage ?? null,
    place: resolvePlace(brief, data),
    industries,
    b2bFunctions,
    companySizes: sizes.length > 0 ? COMPANY_SIZES.filter((s) => sizes.includes(s)) : ['11-50', '51-200', '201-1000', '1000+'],
  };
}

function firstAudience(text: string, audiences: readonly Audience[]): Audience | null {
  let best: { audience: Audience; at: number } | null = null;
  for (const audience of audiences) {
    for (const keyword of audience.keywords) {
      const at = text.indexOf(normalizedKeyword(keyword).trimEnd());
      if (at >= 0 && (!best || at < best.at)) best = { audience, at };
    }
  }
  return best?.audience ?? null;
}

function clampRange([lo, hi]: readonly [number, number]): [number, number] {
  const a = Math.max(AGE_MIN, Math.min(lo, hi));
  const b = Math.min(AGE_MAX, Math.max(lo, hi));
  return [a, Math.max(a, b)];
}

/** "eco-friendly meal-kit delivery for busy parents in Lyon" → "eco-friendly meal-kit delivery". */
export function productPhrase(description: string): string {
  const head = description.split(/\s(?:for|aimed at|targeting|to help|that helps|among|pour|für|para)\s/i)[0] ?? '';
  const cleaned = head.replace(/[.!?;:]+$/, '').trim();
  const words = cleaned.split(/\s+/);
  if (cleaned.length === 0 || words.length > 8) return 'the offer';
  return lowerFirst(cleaned);
}

function resolvePlace(brief: ResolvedBrief, data: TasteDataset): PlaceTarget {
  const fromField = brief.location !== undefined;
  const raw = fromField ? brief.location! : [brief.description, brief.segment ?? ''].join(' ');
  const mentions = new PlaceMentions(raw, fromField);

  const named = data.cities.filter((city) => [city.name, ...city.aliases].some((alias) => mentions.has(alias)));
  if (named.length > 0) {
    const weights = new Map<City, number>();
    for (const city of named) {
      weights.set(city, (weights.get(city) ?? 0) + 1);
      for (const near of data.cities) {
        if (near !== city && near.country === city.country && distanceKm(city, near) <= NEARBY_KM) {
          weights.set(near, Math.max(weights.get(near) ?? 0, 0.35));
        }
      }
    }
    const cities = [...weights].map(([city, weight]) => ({ city, country: data.countriesByCode.get(city.country)!, weight }));
    return { kind: 'cities', countries: unique(cities.map((c) => c.country)), cities };
  }

  const countries = data.countries.filter((country) => [country.name, country.code, ...country.aliases].some((alias) => mentions.has(alias)));
  if (countries.length > 0) {
    return { kind: 'countries', countries, cities: citiesOf(countries, data) };
  }

  const macros = MACRO_WORDS.filter(([word]) => mentions.has(word)).map(([, macro]) => macro);
  if (macros.length > 0) {
    const inRegion = data.countries.filter((c) => macros.includes(c.macro));
    return { kind: 'region', countries: inRegion, cities: citiesOf(inRegion, data) };
  }
  return { kind: 'anywhere', countries: data.countries, cities: citiesOf(data.countries, data) };
}

/** Each country weighs the same; within a country, bigger cities are likelier (square root of size). */
function citiesOf(countries: readonly Country[], data: TasteDataset): WeightedCity[] {
  const out: WeightedCity[] = [];
  for (const country of countries) {
    const own = data.cities.filter((c) => c.country === country.code);
    const total = own.reduce((sum, c) => sum + Math.sqrt(c.population), 0);
    for (const city of own) out.push({ city, country, weight: Math.sqrt(city.population) / total });
  }
  return out;
}

class PlaceMentions {
  private readonly lower: string;
  private readonly cased: string;

  constructor(
    raw: string,
    private readonly fromLocationField: boolean,
  ) {
    this.cased = ` ${raw.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
    this.lower = this.cased.toLowerCase();
  }

  /** A place name counts when written as a name (capitalised) or after a locative word. */
  has(alias: string): boolean {
    const key = normalizedKeyword(alias);
    if (key.trim().length === 0 || !containsWords(this.lower, alias)) return false;
    if (this.fromLocationField) return true;
    const word = key.trim();
    for (let at = this.lower.indexOf(key); at >= 0; at = this.lower.indexOf(key, at + 1)) {
      const before = this.lower.slice(0, at).trim().split(' ');
      let previous = before.pop() ?? '';
      if (ARTICLES.has(previous)) previous = before.pop() ?? '';
      const writtenAs = this.cased.slice(at + 1, at + 1 + word.length);
      // Two-letter codes ("US", "UK") count only in capitals: "us" is a pronoun.
      if (word.length <= 2) {
        if (writtenAs === word.toUpperCase()) return true;
        continue;
      }
      if (LOCATIVES.has(previous)) return true;
      const capitalised = writtenAs.charAt(0) !== writtenAs.charAt(0).toLowerCase();
      if (capitalised && !AMBIGUOUS_PLACE_WORDS.has(word)) return true;
    }
    return false;
  }
}

export function distanceKm(a: Pick<City, 'lat' | 'lon'>, b: Pick<City, 'lat' | 'lon'>): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
