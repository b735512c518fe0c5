/**
 * Reads a brief the way an analyst would: what it sells (its domain, and themes for cultural
 * taste), who it is for (the audience's life stage, ages, gender), where they live (place.ts) and
 * where they come from (origin.ts), and for B2B the business functions, industries and company
 * sizes. The optional fields win over the text. Every provider and culture source gets this.
 */
import type { ResolvedBrief } from '../../shared/brief';
import { AGE_MAX, AGE_MIN } from '../../shared/brief';
import type { CompanySize } from '../../shared/persona';
import { domainsOf, GENERAL_STAGE, GENERIC_DOMAIN, lifeStageOf, type Domain, type LifeStage } from './audience';
import type { B2bFunction, Country, Industry, TasteDataset, Theme } from './dataset';
import { companySizesOf } from './company-size';
import { agesFor } from './age-range';
import { originOf } from './origin';
import { productOf, productWords } from './product';
import { citiesOf, resolvePlace, type PlaceTarget } from './place';
import { containsWordPrefix, normalizeForMatch } from './text';

export type { PlaceTarget, WeightedCity } from './place';

export interface BriefAnalysis {
  text: string;
  product: string;
  themes: Theme[];
  themeWeights: number[];
  /** Union of the matched themes' tags, for cultural relevance. */
  tags: ReadonlySet<string>;
  /** The audience's life stage; the general adult one when the brief names none. */
  stage: LifeStage;
  /** Whether the brief named the audience (false: the general stage stands in). */
  stageNamed: boolean;
  /** People from elsewhere also live the life of newcomers: the migrant or newcomer stage, when the origin differs from the audience's own. */
  newcomerStage: LifeStage | null;
  /** What the product is about, most strongly first; the generic domain when nothing matched. */
  domains: Domain[];
  ageRange: [number, number];
  /** The brief's own words for the ages ("aged 35-55"), when it states them: then `ageRange` is theirs. */
  agesStated: string | null;
  /** Why `ageRange` differs from the ages the brief states (the youngest persona is 16; the age field wins). */
  agesNote: string | null;
  gender: 'female' | 'male' | null;
  place: PlaceTarget;
  /** Where the people come from when it is not where they live ("Syrian refugees in Hamburg"). */
  origin: Country | null;
  industries: Industry[];
  b2bFunctions: B2bFunction[];
  companySizes: CompanySize[];
}

const MAX_THEMES = 4;
const MIN_B2B_AGE = 30;


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

  // The segment field and the description together say who the audience is; the most specific words win.
  const named = lifeStageOf(text, data.stages);
  const stage = named ?? data.stages.find((s) => s.id === GENERAL_STAGE) ?? data.stages[0]!;
  const found = domainsOf(text, data.domains, brief.level === 'b2b', normalizeForMatch(productWords(brief.description)));
  const domains = found.length > 0 ? found : data.domains.filter((d) => d.id === GENERIC_DOMAIN);
  const place = resolvePlace(rawText, brief.location, data.world, () => citiesOf(data.world, data.homeCountries));
  const origin = originOf(rawText, place, data.world);
  const newcomerStage = newcomerStageOf(stage, origin, data);
  // People from elsewhere with no audience named are newcomers: that stage says their ages.
  const agesFrom = named ?? (brief.level === 'b2b' ? null : newcomerStage);
  // Business buyers cluster in their thirties to fifties: the B2B span's middle as well.
  const drawn: [number, number] = agesFrom ? typicalAges(agesFrom.ages) : brief.level === 'b2b' ? typicalAges([28, 62]) : [22, 65];
  // A B2B persona is a buyer with a say in the purchase: no younger than 30 unless the brief gives ages.
  if (brief.level === 'b2b') drawn[0] = Math.min(Math.max(drawn[0], MIN_B2B_AGE), drawn[1]);
  // Ages the brief states win over the stage's usual span, exactly, and the age field over both (age-range.ts).
  const ages = agesFor(rawText, brief.ageRange, clampRange(drawn), agesFrom?.ages ?? (brief.level === 'b2b' ? [28, 62] : null));
  const ageRange = clampRange(ages.range);

  const industries = data.industries.filter((i) => i.keywords.some((k) => containsWordPrefix(text, k)));
  const b2bFunctions = data.b2bFunctions.filter((f) => f.keywords.some((k) => containsWordPrefix(text, k)));

  return {
    text,
    product: productOf(brief.description, domains),
    themes,
    themeWeights,
    tags: new Set([...domains.flatMap((d) => d.tags), ...themes.flatMap((t) => t.tags)]),
    stage,
    stageNamed: named !== null,
    newcomerStage,
    domains,
    ageRange,
    agesStated: ages.said,
    agesNote: ages.note,
    gender: stage.gender ?? genderOf(text),
    place,
    origin,
    industries,
    b2bFunctions,
    companySizes: companySizesOf(rawText, text),
  };
}

/** Stages whose people are already newcomers: no second newcomer stage for them. */
const NEWCOMER_STAGES = new Set(['refugees', 'recent-immigrants', 'migrant-workers', 'international-students']);

function newcomerStageOf(stage: LifeStage, origin: Country | null, data: TasteDataset): LifeStage | null {
  if (!origin || NEWCOMER_STAGES.has(stage.id)) return null;
  const id = stage.work === 'working' ? 'migrant-workers' : 'recent-immigrants';
  return data.stages.find((s) => s.id === id) ?? null;
}

/**
 * The ages personas are drawn from when only the audience says: its span without the far ends,
 * where few of its people are (most retirees are not 90, most refugees not 65).
 */
function typicalAges([lo, hi]: readonly [number, number]): [number, number] {
  const span = hi - lo;
  return [lo + Math.round(0.12 * span), hi - Math.round(0.3 * span)];
}

const FEMALE_WORDS = ['women', 'woman', 'mothers', 'mother', 'moms', 'mums', 'mom', 'mum', 'ladies', 'girls', 'female', 'femmes', 'mujeres', 'frauen', 'mamans', 'wives'];
const MALE_WORDS = ['men', 'fathers', 'father', 'dads', 'dad', 'male', 'boys', 'hommes', 'hombres', 'manner', 'husbands'];

/** An audience of one gender named in so many words ("Ukrainian mothers", "men over 50"). */
function genderOf(text: string): 'female' | 'male' | null {
  const has = (words: readonly string[]) => words.some((w) => text.includes(` ${w} `));
  const female = has(FEMALE_WORDS);
  const male = has(MALE_WORDS);
  return female === male ? null : female ? 'female' : 'male';
}

function clampRange([lo, hi]: readonly [number, number]): [number, number] {
  const a = Math.max(AGE_MIN, Math.min(lo, hi));
  const b = Math.min(AGE_MAX, Math.max(lo, hi));
  return [a, Math.max(a, b)];
}
