/**
 * Who the personas are: ages spread over the range, a mix of genders, names from where they come
 * from, places in or near the brief's location, and work that fits the audience's life stage
 * (students study, retirees are retired, an audience that is a trade has that trade), all
 * distinct within a set.
 */
import type { DecisionPower, IncomeBracket, Level } from '../../../../shared/persona';
import { incomeWithin, type LifeStage } from '../../../world';
import type { BriefAnalysis, WeightedCity } from '../../../world';
import type { B2bFunction, Occupation, TasteDataset } from '../../../world';
import type { SeededRandom } from '../../../world';
import { containsWordPrefix } from '../../../world';
import { pickName } from './names';
import { UsageTracker, sampleDistinct } from './sampling';

export type Gender = 'female' | 'male' | 'non-binary';

export type WorkStatus = 'working' | 'student' | 'retired';

export interface Identity {
  first: string;
  name: string;
  gender: Gender;
  age: number;
  place: WeightedCity;
  occupation: string;
  work: WorkStatus;
  income: IncomeBracket;
  education: string;
  b2b?: { role: string; decisionPower: DecisionPower; fn: B2bFunction };
}

/** The youngest age at which someone counts as retired, for audiences of recent retirees. */
const EARLIEST_RETIREMENT = 55;

export function drawIdentities(rng: SeededRandom, data: TasteDataset, analysis: BriefAnalysis, level: Level, count: number): Identity[] {
  const ages = spreadAges(rng, analysis.ageRange, count);
  const genders = mixGenders(rng, analysis.gender, count);
  const names = new UsageTracker(1000);
  const places = new UsageTracker(1);
  const jobs = new UsageTracker(1000);
  return ages.map((age, i) => {
    const gender = genders[i]!;
    const place = pickPlace(rng, analysis, places);
    const { first, name } = pickName(rng, data.world, analysis.origin?.code ?? place.country.code, gender, names);
    const job = level === 'b2b' ? pickB2bRole(rng, data, analysis, age, jobs) : pickWork(rng, data, analysis, age, jobs);
    return { first, name, gender, age, place, ...job, income: incomeWithin(job.income, analysis.stage.income) };
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

/** What the audience's stage says about work at this age: the stage's own trades, study, retirement or a job. */
function workOf(stage: LifeStage, age: number): WorkStatus {
  if (stage.work === 'student') return 'student';
  if (stage.work === 'retired') return 'retired';
  if (stage.work === 'any' && age >= 67) return 'retired';
  return 'working';
}

function pickWork(rng: SeededRandom, data: TasteDataset, analysis: BriefAnalysis, age: number, used: UsageTracker) {
  const { stage } = analysis;
  const work = workOf(stage, age);
  const industry = (id: string) => data.industries.find((i) => i.id === id)?.occupations ?? [];
  const fits = (o: Occupation) => o.minAge <= age && age <= o.maxAge;
  let pool: Occupation[];
  if (work === 'student') {
    pool = industry('students').filter(fits);
    if (pool.length === 0) pool = [{ title: age < 19 ? 'Secondary-school pupil' : 'Student', minAge: 16, maxAge: 99, income: 'low', education: 'Secondary school, in progress' }];
  } else if (work === 'retired') {
    pool = industry('retired').filter((o) => age >= Math.min(o.minAge, EARLIEST_RETIREMENT) && age <= o.maxAge);
    if (pool.length === 0) pool = industry('retired');
  } else if (stage.occupations && stage.occupations.length > 0) {
    // The audience is a trade ("gig workers", "farmers", "nurses"): its own titles; one the dataset knows keeps its ages and pay.
    const known = new Map(data.industries.flatMap((i) => i.occupations).map((o) => [o.title, o]));
    const own = stage.occupations.map((title) => known.get(title) ?? { title, minAge: 16, maxAge: 99, income: stage.income[Math.floor(stage.income.length / 2)]!, education: 'Vocational training' });
    pool = own.filter(fits);
    if (pool.length === 0) pool = own;
  } else {
    const working = data.industries.filter((i) => i.id !== 'students' && i.id !== 'retired');
    const named = analysis.industries.filter((i) => working.includes(i));
    const preferred = named.length > 0 && rng.next() < 0.75 ? named : working;
    pool = preferred.flatMap((i) => i.occupations).filter(fits);
    if (pool.length === 0) pool = working.flatMap((i) => i.occupations).filter(fits);
    if (pool.length === 0) pool = working.flatMap((i) => i.occupations);
  }
  const [occupation] = sampleDistinct(rng, pool.map((o) => ({ item: o, weight: used.weight(o.title) })), 1);
  used.use(occupation!.title);
  return { occupation: occupation!.title, work, income: occupation!.income, education: occupation!.education };
}

function pickB2bRole(rng: SeededRandom, data: TasteDataset, analysis: BriefAnalysis, age: number, used: UsageTracker) {
  // Roles the brief names ("IT directors", "plant managers") lead; their function's other roles make up the buying team.
  const named = data.b2bFunctions.flatMap((fn) => fn.roles.filter((role) => containsWordPrefix(analysis.text, role.title)).map((role) => ({ fn, role })));
  const functions = named.length > 0 ? [...new Set(named.map((n) => n.fn))] : analysis.b2bFunctions.length > 0 ? analysis.b2bFunctions : data.b2bFunctions;
  if (named.length > 0 && rng.next() < 0.6) {
    const fitting = named.filter(({ role }) => role.minAge <= age && age <= role.maxAge && used.count(role.title) === 0);
    if (fitting.length > 0) {
      const { fn, role } = rng.pick(fitting);
      used.use(role.title);
      return b2bIdentity(rng, fn, role);
    }
  }
  const candidates = functions.flatMap((fn) => fn.roles.map((role) => ({ fn, role })));
  const fitting = candidates.filter(({ role }) => role.minAge <= age && age <= role.maxAge);
  const pool = (fitting.length > 0 ? fitting : candidates).map((c) => ({ item: c, weight: used.weight(c.role.title) }));
  const [{ fn, role }] = sampleDistinct(rng, pool, 1) as [(typeof candidates)[number]];
  used.use(role.title);
  return b2bIdentity(rng, fn, role);
}

function b2bIdentity(rng: SeededRandom, fn: B2bFunction, role: B2bFunction['roles'][number]) {
  const education = rng.pick(['Bachelor of Business Administration', "Master's in engineering", "Master's in management", 'Vocational training and in-house programmes', 'MBA', 'Bachelor of Science']);
  return { occupation: role.title, work: 'working' as const, income: role.income, education, b2b: { role: role.title, decisionPower: role.decisionPower, fn } };
}
