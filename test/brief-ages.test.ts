/**
 * Ages a brief states in its own words win over the life stage's usual span, exactly: "aged 35-55"
 * means every persona is 35 to 55. Written before the reading was built, in the six languages the
 * app reads (English, French, German, Spanish, Italian, Portuguese). A range the app must change
 * (below 16, the youngest persona) is said in the understanding, never silently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../src/main/core/core';
import { DATASET_DIR } from '../src/main/platform';
import { analyzeBrief, loadDataset, understandingLine, understandingOf } from '../src/main/world';
import { briefInputSchema } from '../src/shared/brief';
import { tempDir } from './helpers';

interface Case {
  brief: string;
  /** The exact range understood. */
  ages?: [number, number];
  /** For an open end ("over 60"): the bound the brief gives; the other end only needs to be sensible. */
  from?: number;
  to?: number;
  /** The understanding says the range was changed, in words containing this. */
  note?: RegExp;
}

const EXACT: Case[] = [
  { brief: 'Solar panel installation for homeowners aged 35-55 in Texas', ages: [35, 55] },
  { brief: 'Meal kits for people aged 35 to 55', ages: [35, 55] },
  { brief: 'Gym app for women between 30 and 50', ages: [30, 50] },
  { brief: 'Wealth management for clients aged between 45 and 65', ages: [45, 65] },
  { brief: 'Hearing aids for people 65-80 in Ohio', ages: [65, 80] },
  { brief: 'Mortgage advice for first-time buyers aged 25–34', ages: [25, 34] },
  { brief: 'Career coaching for 25-40 year olds', ages: [25, 40] },
  { brief: 'Language app for 18–24-year-olds in Lyon', ages: [18, 24] },
  { brief: 'Event tickets for music fans ages 18-30', ages: [18, 30] },
  { brief: 'Financial planning for couples in their 40s', ages: [40, 49] },
  { brief: 'Running shoes for men in their 40s and 50s', ages: [40, 59] },
  { brief: 'Skincare for women in their late 30s', ages: [37, 39] },
  { brief: 'Bank account for people in their early twenties', ages: [20, 23] },
  { brief: 'Dating app for 30-somethings in London', ages: [30, 39] },
  { brief: 'Yoga retreats for thirtysomethings', ages: [30, 39] },
  { brief: 'Retirement planning for parents aged 30-45 with kids aged 5-10', ages: [30, 45] },
  // French
  { brief: 'Application de rencontre pour célibataires de 30 à 50 ans à Paris', ages: [30, 50] },
  { brief: 'Box beauté pour femmes entre 25 et 40 ans', ages: [25, 40] },
  { brief: 'Mutuelle pour les personnes âgées de 65 à 80 ans', ages: [65, 80] },
  // German
  { brief: 'Kochbox für Familien zwischen 30 und 50 Jahren in München', ages: [30, 50] },
  { brief: 'Fahrräder für Menschen von 40 bis 60 Jahren', ages: [40, 60] },
  { brief: 'Versicherung für 25- bis 35-Jährige', ages: [25, 35] },
  { brief: 'Mode für Frauen Mitte 40', ages: [44, 46] },
  // Spanish
  { brief: 'Seguro de viaje para adultos entre 25 y 40 años', ages: [25, 40] },
  { brief: 'Gimnasio para mujeres de 30 a 45 años en Madrid', ages: [30, 45] },
  // Italian
  { brief: 'Corsi di cucina per adulti tra i 30 e i 50 anni', ages: [30, 50] },
  { brief: 'Abbigliamento per ragazzi dai 18 ai 25 anni', ages: [18, 25] },
  { brief: 'Vacanze per trentenni a Roma', ages: [30, 39] },
  // Portuguese
  { brief: 'Seguro de saúde para adultos de 30 a 50 anos em Lisboa', ages: [30, 50] },
  { brief: 'Academia para mulheres entre 25 e 40 anos', ages: [25, 40] },
];

const OPEN: Case[] = [
  { brief: 'Travel insurance for adults over 60', from: 61 },
  { brief: 'Cruise holidays for retirees aged 70+', from: 70 },
  { brief: 'Bike tours for seniors 65+', from: 65 },
  { brief: 'Vitamins for adults 50 and over', from: 50 },
  { brief: 'Retirement planning for the over-50s', from: 50 },
  { brief: 'Loans for people aged 21 or older', from: 21 },
  { brief: 'Streaming deals for students under 25', to: 24 },
  { brief: 'Coaching for young adults under 30', to: 29 },
  { brief: 'Mutuelle pour les plus de 60 ans', from: 61 },
  { brief: 'Coaching pour les moins de 30 ans', to: 29 },
  { brief: 'Reisen für Senioren ab 65', from: 65 },
  { brief: 'Mode für Frauen über 50', from: 51 },
  { brief: 'Planes de pensiones para mayores de 55 años', from: 56 },
  { brief: 'Viaggi per over 60', from: 61 },
  { brief: 'Plano de saúde para pessoas com mais de 60 anos', from: 61 },
];

const ADJUSTED: Case[] = [
  { brief: 'Skate shoes for teenagers aged 15-19', ages: [16, 19], note: /16/ },
  { brief: 'Summer jobs board for 14-18 year olds', ages: [16, 18], note: /16/ },
];

/** Numbers that are not the personas' ages: the life stage's span stands. */
const NOT_AGES: Array<{ brief: string; stage?: [number, number] }> = [
  { brief: 'Software for companies with 50-200 employees' },
  { brief: 'A meal box at €30-50 per month for families' },
  { brief: '30-minute workouts for busy mums' },
  { brief: 'Tutoring for parents of teenagers aged 13-17' },
  { brief: 'Toys for parents of toddlers aged 2-4' },
  { brief: 'Store locator for over 50 shops in Leeds' },
  { brief: 'Accounting firm with over 30 years of experience for small business owners' },
];

const data = loadDataset(DATASET_DIR);

function read(description: string, extra: { ageRange?: [number, number]; level?: 'standard' | 'b2b' } = {}) {
  const analysis = analyzeBrief({ description, count: 5, level: extra.level ?? 'standard', seed: 1, language: 'en', location: undefined, segment: undefined, ageRange: extra.ageRange }, data);
  return { analysis, understood: understandingOf(analysis, extra.level ?? 'standard') };
}

describe('an age range the brief states', () => {
  it.each(EXACT)('is kept exactly: $brief', ({ brief, ages }) => {
    const { analysis, understood } = read(brief);
    expect(analysis.ageRange, understandingLine(understood)).toEqual(ages);
    expect(understood.ages).toEqual(ages);
  });

  it.each(OPEN)('keeps its one bound exactly and a sensible other end: $brief', ({ brief, from, to }) => {
    const [lo, hi] = read(brief).analysis.ageRange;
    if (from !== undefined) {
      expect(lo, brief).toBe(from);
      expect(hi, brief).toBeGreaterThanOrEqual(Math.min(99, from + 10));
      expect(hi, brief).toBeLessThanOrEqual(99);
    }
    if (to !== undefined) {
      expect(hi, brief).toBe(to);
      expect(lo, brief).toBeGreaterThanOrEqual(16);
      expect(lo, brief).toBeLessThanOrEqual(to - 4);
    }
  });

  it.each(ADJUSTED)('is changed only where it must be, and the understanding says so: $brief', ({ brief, ages, note }) => {
    const { analysis, understood } = read(brief);
    expect(analysis.ageRange).toEqual(ages);
    expect(understood.agesNote ?? '').toMatch(note!);
    expect(understandingLine(understood)).toContain(understood.agesNote!);
  });

  it.each(NOT_AGES)('is not read from numbers about something else: $brief', ({ brief }) => {
    const { analysis, understood } = read(brief);
    const stage = read(brief.replace(/\d+/g, '')).analysis.ageRange;
    expect(analysis.ageRange, understandingLine(understood)).toEqual(stage);
  });

  it('gives way to the age field, and says the words were overruled', () => {
    const { analysis, understood } = read('Gym app for women aged 40-50', { ageRange: [20, 30] });
    expect(analysis.ageRange).toEqual([20, 30]);
    expect(understood.agesNote ?? '').toMatch(/40/);
  });

  it('wins over the business buyer\'s usual floor of 30', () => {
    expect(read('Payroll software for HR managers aged 25-35', { level: 'b2b' }).analysis.ageRange).toEqual([25, 35]);
  });

  it('names generations by birth years: millennials are certainly millennials this year', () => {
    const year = new Date().getFullYear();
    expect(read('Travel app for millennials').analysis.ageRange).toEqual([year - 1996, year - 1982]);
    const [lo, hi] = read('Budget app for Gen X homeowners').analysis.ageRange;
    expect([lo, hi]).toEqual([year - 1980, year - 1966]);
  });
});

describe('personas of a stated range', () => {
  let core: Core;
  beforeAll(() => {
    core = createCore({ dataDir: tempDir() });
  });
  afterAll(() => core.close());

  it.each([
    ['Solar panel installation for homeowners aged 35-55', 35, 55],
    ['Cruise holidays for retirees aged 70+', 70, 99],
    ['Skate shoes for teenagers aged 15-19', 16, 19],
    ['Kochbox für Familien zwischen 30 und 50 Jahren', 30, 50],
  ] as const)('are all of it: %s', async (description, lo, hi) => {
    const { document } = await core.generate(briefInputSchema.parse({ description, count: 8, level: 'standard', seed: 7 }));
    const ages = document.personas.map((p) => p.age);
    expect(ages.every((a) => a >= lo && a <= hi), ages.join(', ')).toBe(true);
    // Spread over the range, not bunched at one end.
    expect(Math.max(...ages) - Math.min(...ages)).toBeGreaterThanOrEqual(Math.min(hi - lo, 20) / 2);
  });
});
