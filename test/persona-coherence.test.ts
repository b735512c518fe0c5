/**
 * Offline personas agree with themselves: no bio asserts two facts that cannot both hold (alone and
 * with a partner, widowed two and four years, settled and newly arrived, retired from another job),
 * every figure fits the persona's age, income and the brief, and no set repeats a bio sentence.
 * The checker reads the text with its own patterns, independently of the engine's tags.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../src/main/core/core';
import { briefInputSchema, type BriefInput } from '../src/shared/brief';
import type { Persona } from '../src/shared/persona';
import { tempDir } from './helpers';

let core: Core;
beforeAll(() => {
  core = createCore({ dataDir: tempDir() });
});
afterAll(() => core.close());

const BRIEFS: Array<Pick<BriefInput, 'description' | 'level'>> = [
  { description: 'winter gear rental for retirees aged 65-80 in Tromsø', level: 'standard' },
  { description: 'hearing-aid subscription for retirees in Leeds', level: 'standard' },
  { description: 'tablet lessons for seniors living alone in Osaka', level: 'standard' },
  { description: 'garden tool sharing for recently retired couples in Adelaide', level: 'standard' },
  { description: 'dog food delivery for dog owners in Denver', level: 'standard' },
  { description: 'cat litter subscription for cat owners in Lisbon', level: 'standard' },
  { description: 'revision app for secondary school pupils in Manchester', level: 'standard' },
  { description: 'cheap phone plans for university students in Nairobi', level: 'standard' },
  { description: 'baby sleep tracker for first-time parents in Toronto', level: 'standard' },
  { description: 'after-school clubs for parents of teenagers in Melbourne', level: 'standard' },
  { description: 'meal planning app for adults in Chicago', level: 'standard' },
  { description: 'home insurance for people in Germany', level: 'standard' },
  { description: 'a banking app for everyday adults in Mexico City', level: 'standard' },
  { description: 'summer camping gear for families in Ottawa', level: 'standard' },
  { description: 'budget furniture for young professionals in Warsaw', level: 'standard' },
  { description: 'content scheduling tool for freelancers in Dublin', level: 'standard' },
  { description: 'procurement software for mid-size manufacturers in Poland', level: 'b2b' },
  { description: 'payroll software for restaurants in Spain', level: 'b2b' },
  { description: 'cloud security audits for banks in Singapore', level: 'b2b' },
  { description: 'fleet telematics for logistics companies in Brazil', level: 'b2b' },
];
const SEEDS = [11, 202, 3003];

const NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60 };
const num = (word: string): number | undefined => (/^\d+$/.test(word) ? Number(word) : NUMBERS[word.toLowerCase()]);

/** Sentences of a bio, with the persona's first name as a placeholder so sets can be compared. */
function sentences(p: Persona): string[] {
  const first = p.name.split(' ')[0]!;
  return p.bio
    .split(/(?<=[.!?])\s+(?=\p{Lu})/u)
    .map((s) => s.split(first).join('{first}').trim())
    .filter(Boolean);
}

const LIVES_ALONE = /\blives alone\b|\bliving alone\b/;
const WITH_PARTNER = /\b(?:with|and) (?:a |the |their )?(?:long-time |new )?(?:partner|spouse|husband|wife)\b(?! (?:who )?(?:died|passed))|\bpartner of \w+ years\b/;
const CHILDREN_AT_HOME = /\blives with\b[^.]*\b(?:children|kids|son|daughter|teenagers?|baby|toddler)\b/;
const FLATMATES = /\bshares? (?:a|the) (?:flat|house|home|room)\b|\bflatmates?\b|\bhousemates?\b/;
const WIDOWED = /\bwidow|\blosing (?:a|their) partner\b|\blost (?:a|their) partner\b/;
const DIVORCED = /\bdivorc|\bseparated\b/;
const SETTLED = /\blived in the same\b|\bhas lived (?:in|on|at)\b[^.]*\b(?:for (?:years|decades|\w+ years)|since \d{4})|\bbought (?:decades|\w+ years) ago\b|\bwhere (?:they|he|she) grew up\b|\bborn and raised\b/;
const NEWLY_ARRIVED = /\bdeciding where to settle\b|\b(?:just|recently) moved\b|\bnew to the (?:city|town|area|neighbourhood)\b|\bmoved (?:to|into) [^.]* (?:last year|months ago|weeks ago)\b|\barrived in\b/;
const MOVED_BACK = /\bmoved back\b/;
const FULL_TIME = /\bfull[- ]time\b/;
const PART_TIME = /\bpart[- ]time\b/;
const AT_WORK = /\bworks full[- ]time\b|\bback at work\b|\bcommutes? to work\b|\bcycles to work\b|\bsteady job\b/;
const RETIRED_TALK = /\bretired from\b|\bsince retiring\b|\bin retirement\b|\blong retired\b|\bmy pension\b|\bon a (?:modest |small )?pension\b/;
const MODEST_MONEY = /\bmodest (?:pension|income)\b|\bshops carefully\b|\btight budget\b|\bmake ends meet\b|\bevery penny\b/;
const COMFORTABLE_MONEY = /\bcomfortabl[ey] off\b|\bwell[- ]off\b|\bsecond home\b|\bno money worries\b/;
const AWAY_IN_WINTER = /\bwinters? (?:abroad|away|somewhere warm|in the sun)\b|\bspends winters with\b/;
const AWAY_IN_SUMMER = /\bsummers? (?:abroad|away)\b|\bspends summers with\b/;
const LIVES_WITH_PARENTS = /\b(?:lives|living|shares a home) with (?:their )?parents\b|\byounger (?:sibling|brother|sister)\b/;
const UNIVERSITY_APPLICANT = /\bapplying to\b[^.]*\buniversit/;
const B2B_WORK = /\bteam\b|\bcolleagues?\b|\boffice\b|\bvendors?\b|\bsuppliers?\b|\bbudget\b|\bcompany\b|\bdepartment\b|\bboard\b|\bcontracts?\b|\bmeetings?\b|\breports?\b|\bclients?\b|\bshift\b|\bsite\b|\bplant\b|\bmanager\b|\bstaff\b/;

/** Every contradiction and misfit a persona shows, in words. */
function problems(p: Persona, brief: string, level: string): string[] {
  const found: string[] = [];
  const bio = p.bio.toLowerCase();
  const occupation = p.occupation.toLowerCase();
  const both = (a: RegExp, b: RegExp, what: string) => {
    if (a.test(bio) && b.test(bio)) found.push(what);
  };
  both(LIVES_ALONE, WITH_PARTNER, 'alone and with a partner');
  both(LIVES_ALONE, CHILDREN_AT_HOME, 'alone and with children');
  both(LIVES_ALONE, FLATMATES, 'alone and sharing a home');
  both(WIDOWED, WITH_PARTNER, 'widowed and with a partner');
  both(DIVORCED, WITH_PARTNER, 'divorced and with a partner');
  both(SETTLED, NEWLY_ARRIVED, 'settled for years and newly arrived');
  both(SETTLED, MOVED_BACK, 'settled for years and just moved back');
  both(LIVES_WITH_PARENTS, WITH_PARTNER, 'with parents and with a partner');
  both(/\bstill lives (?:with|at)\b/, /\bmoved (?:to|cities|into)\b|\barrived in\b|\bdeciding where to settle\b/, 'still at home and newly moved');
  const work = `${occupation} ${bio}`;
  if (FULL_TIME.test(work) && PART_TIME.test(work)) found.push('full-time and part-time');

  const widowedYears = new Set([...bio.matchAll(/(?:widowed (?:for )?|losing a partner |lost a partner )(\w+) years/g)].map((m) => num(m[1]!)));
  if (widowedYears.size > 1) found.push(`widowed for ${[...widowedYears].join(' and ')} years`);
  const aloneYears = new Set([...bio.matchAll(/(?:separat\w* |divorc\w* |single parent for |alone for )(\w+) years/g)].map((m) => num(m[1]!)));
  if (aloneYears.size > 1) found.push(`on their own for ${[...aloneYears].join(' and ')} years`);

  const retired = occupation.startsWith('retired');
  if (retired && AT_WORK.test(bio)) found.push('retired yet at work');
  if (!retired && RETIRED_TALK.test(bio)) found.push('working yet retired');
  for (const m of bio.matchAll(/retired from (?:the |a )?([a-z -]+?)(?= years| in | and |,|\.)/g)) {
    const stems = m[1]!.split(/[ -]/).filter((w) => w.length >= 4).map((w) => w.slice(0, 4));
    // A field of work counts for the jobs in it: a truck driver worked in logistics.
    const field = /logistic|haulage|freight/.test(m[1]!) ? 'truck|driver|warehouse|logistic|freight' : '';
    if (stems.length > 0 && !stems.some((s) => occupation.includes(s)) && !(field && new RegExp(field).test(occupation))) found.push(`retired from ${m[1]} but was ${p.occupation}`);
  }

  const income = p.incomeBracket;
  if ((income === 'upper-middle' || income === 'high') && MODEST_MONEY.test(bio)) found.push(`${income} income yet modest means`);
  if ((income === 'low' || income === 'lower-middle') && COMFORTABLE_MONEY.test(bio)) found.push(`${income} income yet comfortable`);

  const b = brief.toLowerCase();
  if (/\bwinter/.test(b) && AWAY_IN_WINTER.test(bio)) found.push('away in winter, the season the brief is about');
  if (/\bsummer/.test(b) && AWAY_IN_SUMMER.test(bio)) found.push('away in summer, the season the brief is about');
  if (/\bdogs?\b/.test(b) && !/\bcats?\b/.test(b) && /\bcats?\b|\bkitten/.test(`${bio}`)) found.push('a cat in a dog brief');
  if (/\bcats?\b/.test(b) && !/\bdogs?\b/.test(b) && /\bdogs?\b|\bpupp/.test(`${bio}`)) found.push('a dog in a cat brief');

  // Ages: children, years, stages of life.
  const age = p.age;
  if (/\b(?:with|and) (?:a |two |their )?teenagers?\b|\bteenage (?:son|daughter|children|kids)\b/.test(bio) && age < 30) found.push(`a teenager's parent at ${age}`);
  for (const m of bio.matchAll(/\b(\w+)-year-old (?:son|daughter|child|boy|girl)\b|\b(?:son|daughter) of (\w+)\b/g)) {
    const childAge = num(m[1] ?? m[2]!);
    if (childAge !== undefined && age - childAge < 17) found.push(`a ${childAge}-year-old's parent at ${age}`);
  }
  if (/\bgrandchild|\bgrandson|\bgranddaughter/.test(bio) && !/grandparents?\b/.test(bio) && age < 42) found.push(`grandchildren at ${age}`);
  if (/\bgrown-up (?:children|kids|son|daughter)/.test(bio) && age < 38) found.push(`grown-up children at ${age}`);
  for (const m of bio.matchAll(/\b(?:(?:partner|spouse|husband|wife) of|married for|together for) (\w+) years\b/g)) {
    const years = num(m[1]!);
    if (years !== undefined && years > age - 18) found.push(`together ${years} years at ${age}`);
  }
  for (const m of bio.matchAll(/\b(\w+) (?:more )?years\b(?! old)/g)) {
    const years = num(m[1]!);
    if (years !== undefined && years > age - 10) found.push(`${years} years at ${age}`);
  }
  if (/\blong retired\b/.test(bio) && age < 70) found.push(`long retired at ${age}`);
  if (LIVES_WITH_PARENTS.test(bio) && age > 35 && !/\b(?:elderly|ageing|aging|care)\b/.test(bio)) found.push(`living with parents at ${age}`);
  if (UNIVERSITY_APPLICANT.test(bio) && age < 17) found.push(`applying to university at ${age}`);

  if (level === 'b2b') {
    const workLines = sentences(p).filter((s) => B2B_WORK.test(s.toLowerCase()));
    if (workLines.length < 2) found.push(`a B2B bio with ${workLines.length} work-life sentences`);
    if (LIVES_WITH_PARENTS.test(bio) || /\bstudent\b/.test(bio)) found.push('a B2B bio from the consumer pool');
  }
  return found;
}

async function generate(description: string, level: BriefInput['level'], seed: number, count = 6): Promise<Persona[]> {
  const result = await core.generate(briefInputSchema.parse({ description, level, seed, count }));
  return result.document.personas;
}

describe('persona coherence', () => {
  it('finds the contradictions it is meant to find', () => {
    const base: Persona = { name: 'Ada Berg', age: 65, occupation: 'Retired schoolteacher', incomeBracket: 'upper-middle', bio: '', goals: ['x'], painPoints: ['y'], interests: [] } as unknown as Persona;
    const check = (bio: string, patch: Partial<Persona> = {}, brief = 'x') => problems({ ...base, ...patch, bio } as Persona, brief, 'standard');
    expect(check('Ada lives alone on a pension since losing a partner two years ago. Ada has been widowed for four years.')).toContain('widowed for 2 and 4 years');
    expect(check('Ada retired from the post office years ago.')).toHaveLength(1);
    expect(check('Ada is raising a son alone after separating two years ago. Ada has been a single parent for five years.', { occupation: 'Welder', age: 34 })).toContain('on their own for 2 and 5 years');
    expect(check('Ada retired from teaching years ago.')).toHaveLength(0);
    expect(check('Ada lives with a partner of fifty years, both long retired.')).toEqual(expect.arrayContaining(['together 50 years at 65', 'long retired at 65']));
    expect(check('Ada lives on a modest pension and shops carefully.')).toHaveLength(1);
    expect(check('Ada spends winters with family abroad.', {}, 'winter gear')).toHaveLength(1);
    expect(check('Ada lives with a partner and a teenager in the suburbs.', { age: 28, occupation: 'Nurse' })).toContain('a teenager\'s parent at 28');
    expect(check('Ada shares a home with parents and a younger sibling.', { age: 51, occupation: 'Policy advisor' })).toContain('living with parents at 51');
    expect(check('Ada is back at work part-time.', { occupation: 'Full-time content creator', age: 30 })).toContain('full-time and part-time');
    expect(check('Ada rents a room in a friend\'s flat while deciding where to settle. Ada has lived in the same neighbourhood for years.', { occupation: 'Nurse' })).toContain('settled for years and newly arrived');
  });

  for (const brief of BRIEFS) {
    it(`"${brief.description}" (${brief.level}): every persona agrees with itself, no set repeats a bio sentence`, async () => {
      for (const seed of SEEDS) {
        const personas = await generate(brief.description, brief.level, seed);
        for (const p of personas) {
          expect(problems(p, brief.description, brief.level), `seed ${seed}, ${p.age}, ${p.occupation}, ${p.incomeBracket}: ${p.bio}`).toEqual([]);
        }
        const seen = new Map<string, string>();
        for (const p of personas) {
          for (const s of sentences(p)) {
            expect(seen.get(s), `seed ${seed}: "${s}" in ${seen.get(s)} and ${p.name}`).toBeUndefined();
            seen.set(s, p.name);
          }
        }
      }
    });
  }

  it('varies bio sentences between runs of the same general brief', async () => {
    const runs = await Promise.all([1, 2, 3].map((seed) => generate('meal planning app for adults in Chicago', 'standard', seed, 5)));
    const lines = runs.map((ps) => new Set(ps.flatMap((p) => sentences(p)).filter((s) => !/\{first\}, \d|\d+\b.*\{first\}|\{first\} \(\d/.test(s))));
    const shared = [...lines[0]!].filter((s) => lines[1]!.has(s) || lines[2]!.has(s));
    expect(shared.length, shared.join('\n')).toBeLessThanOrEqual(Math.floor(lines[0]!.size * 0.4));
  });

  it('stays the same for a seed', async () => {
    const brief = briefInputSchema.parse({ description: 'winter gear rental for retirees aged 65-80 in Tromsø', level: 'standard', seed: 42, count: 5 });
    // Another core, so the second run is written again rather than served from the first one's cache.
    const other = createCore({ dataDir: tempDir() });
    try {
      const [a, b] = [await core.generate(brief), await other.generate(brief)];
      expect(a.document.personas.map((p) => p.bio)).toEqual(b.document.personas.map((p) => p.bio));
    } finally {
      other.close();
    }
  });
});
