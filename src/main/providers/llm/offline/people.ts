/**
 * Who the personas are: ages spread over the range, a mix of genders, names that fit the country,
 * places in or near the brief's location, and occupations that fit age and audience, all distinct
 * within a set.
 */
import type { DecisionPower, IncomeBracket, Level } from '../../../../shared/persona';
import type { BriefAnalysis, WeightedCity } from '../../../generation/brief-analysis';
import type { B2bFunction, LifeStageId, TasteDataset } from '../../../generation/dataset';
import type { SeededRandom } from '../../../generation/random';
import { UsageTracker, sampleDistinct } from './sampling';

export type Gender = 'female' | 'male' | 'non-binary';

export interface Identity {
  first: string;
  name: string;
  gender: Gender;
  age: number;
  place: WeightedCity;
  occupation: string;
  income: IncomeBracket;
  education: string;
  lifeStage: LifeStageId;
  b2b?: { role: string; decisionPower: DecisionPower; fn: B2bFunction };
}

const NON_WORKING = /student|retire/;

export function drawIdentities(rng: SeededRandom, data: TasteDataset, analysis: BriefAnalysis, level: Level, count: number): Identity[] {
  const ages = spreadAges(rng, analysis.ageRange, count);
  const genders = mixGenders(rng, analysis.gender, count);
  const names = new UsageTracker(1000);
  const places = new UsageTracker(1);
  const jobs = new UsageTracker(1000);
  return ages.map((age, i) => {
    const gender = genders[i]!;
    const place = pickPlace(rng, analysis, places);
    const { first, name } = pickName(rng, data, place.country.code, gender, names);
    const job = level === 'b2b' ? pickB2bRole(rng, data, analysis, age, jobs) : pickOccupation(rng, data, analysis, age, jobs);
    return { first, name, gender, age, place, ...job, lifeStage: pickLifeStage(rng, data, analysis, age, job.occupation) };
  });
}

/** One age from each of `count` equal slices of the range, in shuffled order. */
function spreadAges(rng: SeededRandom, [lo, hi]: readonly [number, number], count: number): number[] {
  const span = hi - lo + 1;
  const ages = Array.from({ length: count }, (_, i) => {
    const from = lo + Math.floor((span * i) / count);
    const to = Math.max(from, lo + Math.floor((span * (i + 1)) / count) - 1);
    return rng.int(from, Math.min(to, hi));
  });
  return rng.shuffle(ages);
}

function mixGenders(rng: SeededRandom, only: 'female' | 'male' | null, count: number): Gender[] {
  if (only) return Array.from({ length: count }, () => only);
  const startFemale = rng.next() < 0.5;
  const genders: Gender[] = Array.from({ length: count }, (_, i) => ((i % 2 === 0) === startFemale ? 'female' : 'male'));
  // Roughly one in ten people in a larger set is non-binary.
  for (let i = 9; i < count; i += 10) genders[i] = 'non-binary';
  return rng.shuffle(genders);
}

function pickPlace(rng: SeededRandom, analysis: BriefAnalysis, usage: UsageTracker): WeightedCity {
  const cities = analysis.place.cities;
  const index = rng.weightedIndex(cities.map((c) => c.weight * usage.weight(`${c.city.country}/${c.city.name}`)));
  const place = cities[Math.max(0, index)]!;
  usage.use(`${place.city.country}/${place.city.name}`);
  return place;
}

function pickName(rng: SeededRandom, data: TasteDataset, countryCode: string, gender: Gender, used: UsageTracker) {
  const pools = data.countriesByCode.get(countryCode)!.names;
  const firstPool = gender === 'female' ? pools.female : gender === 'male' ? pools.male : rng.pick([pools.female, pools.male]);
  let first = rng.pick(firstPool);
  let surname = rng.pick(pools.surnames);
  for (let attempt = 0; attempt < 40 && (used.count(`first:${first}`) > 0 || used.count(`last:${surname}`) > 0); attempt++) {
    if (used.count(`first:${first}`) > 0) first = rng.pick(firstPool);
    if (used.count(`last:${surname}`) > 0) surname = rng.pick(pools.surnames);
  }
  for (let attempt = 0; attempt < 40 && used.count(`name:${first} ${surname}`) > 0; attempt++) surname = rng.pick(pools.surnames);
  used.use(`first:${first}`);
  used.use(`last:${surname}`);
  used.use(`name:${first} ${surname}`);
  return { first, name: `${first} ${surname}` };
}

function pickOccupation(rng: SeededRandom, data: TasteDataset, analysis: BriefAnalysis, age: number, used: UsageTracker) {
  const working = data.industries.filter((i) => !NON_WORKING.test(i.id));
  const stage = analysis.lifeStage;
  const named = analysis.industries.filter((i) => !NON_WORKING.test(i.id));
  const preferred =
    stage === 'student'
      ? data.industries.filter((i) => /student/.test(i.id))
      : stage === 'retired'
        ? data.industries.filter((i) => /retire/.test(i.id))
        : named.length > 0 && rng.next() < 0.75
          ? named
          : working;
  const fits = (pool: typeof data.industries) =>
    pool.flatMap((industry) => industry.occupations.filter((o) => o.minAge <= age && age <= o.maxAge));
  // Someone past working age or too young for any listed job falls back to the whole dataset.
  let candidates = fits(preferred);
  if (candidates.length === 0) candidates = fits(data.industries);
  if (candidates.length === 0) candidates = data.industries.flatMap((i) => i.occupations);
  const [occupation] = sampleDistinct(rng, candidates.map((o) => ({ item: o, weight: used.weight(o.title) })), 1);
  used.use(occupation!.title);
  return { occupation: occupation!.title, income: occupation!.income, education: occupation!.education };
}

function pickB2bRole(rng: SeededRandom, data: TasteDataset, analysis: BriefAnalysis, age: number, used: UsageTracker) {
  const functions = analysis.b2bFunctions.length > 0 ? analysis.b2bFunctions : data.b2bFunctions;
  const candidates = functions.flatMap((fn) => fn.roles.map((role) => ({ fn, role })));
  const fitting = candidates.filter(({ role }) => role.minAge <= age && age <= role.maxAge);
  const pool = (fitting.length > 0 ? fitting : candidates).map((c) => ({ item: c, weight: used.weight(c.role.title) }));
  const [{ fn, role }] = sampleDistinct(rng, pool, 1) as [(typeof candidates)[number]];
  used.use(role.title);
  const education = rng.pick(['Bachelor of Business Administration', "Master's in engineering", "Master's in management", 'Vocational training and in-house programmes', 'MBA', 'Bachelor of Science']);
  return { occupation: role.title, income: role.income, education, b2b: { role: role.title, decisionPower: role.decisionPower, fn } };
}

function pickLifeStage(rng: SeededRandom, data: TasteDataset, analysis: BriefAnalysis, age: number, occupation: string): LifeStageId {
  const fitsAge = (id: LifeStageId) => {
    const stage = data.lifeStages.get(id);
    return stage !== undefined && stage.minAge <= age && age <= stage.maxAge;
  };
  const wanted = analysis.lifeStage;
  if (wanted?.startsWith('parent')) {
    const parents = (['parent-young', 'parent-teen'] as const).filter(fitsAge);
    if (parents.length > 0) return parents.includes(wanted as 'parent-young') ? (wanted as LifeStageId) : parents[0]!;
  } else if (wanted && fitsAge(wanted)) {
    return wanted;
  }
  const student = /student/i.test(occupation);
  const retired = /retired/i.test(occupation);
  const options = [...data.lifeStages.keys()].filter(
    (id) => fitsAge(id) && (id !== 'student' || student) && (id !== 'retired' || retired),
  );
  if (student && options.includes('student')) return 'student';
  if (retired && options.includes('retired')) return 'retired';
  return options.length > 0 ? rng.pick(options) : 'single';
}
