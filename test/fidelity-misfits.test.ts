/**
 * Personas that miss the brief score as such through `persona-studio check`: living in another
 * town than the one named (known to the gazetteer or not), an age outside a range the brief
 * states, no sign of the audience's trait, a story that contradicts itself. Each with the reason
 * in words, and briefs that ask for none of it leave fitting personas alone.
 */
import { describe, expect, it } from 'vitest';
import { audienceTraits } from '../src/main/validation/audience-traits';
import { statedAges } from '../src/main/world/age-range';
import { AGE_MAX, AGE_MIN } from '../src/shared/brief';
import type { Persona, PersonaDocument } from '../src/shared/persona';
import { cli } from './helpers';

interface Checked {
  personas: Array<{ name: string; score: number; reasons: string[] }>;
}

function persona(over: Partial<Persona> = {}): Persona {
  return {
    name: 'Tomasz Wierzbicki',
    age: 41,
    gender: 'male',
    location: { city: 'Leeds', country: 'United Kingdom' },
    occupation: 'Warehouse supervisor',
    incomeBracket: 'middle',
    education: 'College diploma',
    bio: 'Tomasz supervises a distribution warehouse and lives with his wife and two children.',
    quote: 'Give me coffee that tastes like coffee.',
    goals: ['Get good coffee delivered without thinking about it', 'Try a new roast each month'],
    painPoints: ['Supermarket coffee that tastes burnt', 'Subscriptions that are hard to pause'],
    interests: ['Cycling', 'Football'],
    values: ['Reliability'],
    channels: ['Instagram'],
    ...over,
  };
}

async function check(brief: string, personas: Persona[], flags: string[] = []): Promise<Checked['personas']> {
  const document: PersonaDocument = { schemaVersion: 1, level: 'simple', personas };
  const result = await cli(['check', brief, '--json', ...flags], JSON.stringify(document));
  expect(result.err).toBe('');
  return (JSON.parse(result.out) as Checked).personas;
}

const text = (p: { reasons: string[] }) => p.reasons.join(' ');

describe('a persona outside the brief’s town', () => {
  it('a known town: elsewhere in the country, or in the big city next door, scores at most 55 with both places and the distance', async () => {
    const brief = 'Coffee subscription for busy households in Naperville, Illinois';
    const us = (city: string) => ({ city, region: 'Illinois', country: 'United States' });
    const [home, aurora, chicago, springfield] = await check(brief, [persona({ location: us('Naperville') }), persona({ location: us('Aurora') }), persona({ location: us('Chicago') }), persona({ location: us('Springfield') })]);
    // The second persona repeats the first's lines, which costs it too: only the place is asked about here.
    for (const near of [home!, aurora!]) {
      expect(near.score, text(near)).toBeGreaterThan(70);
      expect(text(near)).not.toMatch(/Lives in/);
    }
    for (const [away, city] of [[chicago!, 'Chicago'], [springfield!, 'Springfield']] as const) {
      expect(away.score, text(away)).toBeLessThanOrEqual(55);
      expect(text(away)).toMatch(new RegExp(`${city}.*\\d+ km.*Naperville`));
    }
  });

  it('another known town: a persona in London for a brief in Leeds', async () => {
    const [leeds, london] = await check('Coffee subscription for busy households in Leeds', [persona(), persona({ location: { city: 'London', country: 'United Kingdom' } })]);
    expect(leeds!.score, text(leeds!)).toBeGreaterThan(80);
    expect(london!.score, text(london!)).toBeLessThanOrEqual(55);
    expect(text(london!)).toMatch(/London.*\d{3} km.*Leeds/);
  });

  it('a town the gazetteer does not know: its name as the brief writes it is compared', async () => {
    const brief = 'Coffee subscription for busy households in Ludlow, England';
    const [ludlow, birmingham] = await check(brief, [persona({ location: { city: 'Ludlow', country: 'United Kingdom' } }), persona({ location: { city: 'Birmingham', country: 'United Kingdom' } })]);
    expect(ludlow!.score, text(ludlow!)).toBeGreaterThan(80);
    expect(birmingham!.score, text(birmingham!)).toBeLessThanOrEqual(55);
    expect(text(birmingham!)).toMatch(/Birmingham.*Ludlow/);
    const [fromField] = await check('Coffee subscription for busy households', [persona({ location: { city: 'Birmingham', country: 'United Kingdom' } })], ['--location', 'Ludlow, England']);
    expect(fromField!.score).toBeLessThanOrEqual(55);
    expect(text(fromField!)).toMatch(/Birmingham.*Ludlow/);
  });

  it('a brief that names only a country leaves any town in it alone', async () => {
    const [p] = await check('Coffee subscription for busy households in the United Kingdom', [persona({ location: { city: 'Bradford', country: 'United Kingdom' } })]);
    expect(p!.score, text(p!)).toBeGreaterThan(80);
  });
});

describe('a persona outside the ages the brief states', () => {
  it('a range written in the text ("aged 35-55")', async () => {
    const [inside, young] = await check('Coffee subscription for households aged 35-55 in Leeds', [persona(), persona({ age: 23 })]);
    expect(inside!.score, text(inside!)).toBeGreaterThan(80);
    expect(young!.score).toBeLessThanOrEqual(55);
    expect(text(young!)).toMatch(/23.*35–55/);
  });

  it('an open range ("70+") and its wordings', async () => {
    for (const brief of ['Coffee subscription for retirees 70+ in Leeds', 'Coffee subscription for the over-70s in Leeds', 'Coffee subscription for people aged 70 and over in Leeds']) {
      const [old, younger] = await check(brief, [persona({ age: 76, occupation: 'Retired' }), persona({ age: 65, occupation: 'Retired' })]);
      expect(younger!.score, brief).toBeLessThanOrEqual(55);
      expect(text(younger!), brief).toMatch(/65.*70/);
      expect(text(old!), brief).not.toMatch(/Age 76/);
    }
  });

  it('a range given as the brief’s age field', async () => {
    const [p] = await check('Coffee subscription for busy households in Leeds', [persona({ age: 52 })], ['--age', '25-40']);
    expect(p!.score).toBeLessThanOrEqual(55);
    expect(text(p!)).toMatch(/52.*25–40/);
  });

  it('numbers that are not ages ("for 2-4 people", "30-minute", "50+ roasts") leave the age alone', async () => {
    const [p] = await check('Coffee subscription with 50+ roasts and 30-minute delivery for 2-4 people in Leeds', [persona({ age: 19 })]);
    expect(text(p!)).not.toMatch(/Age 19/);
  });
});

describe('a persona with no sign of the audience', () => {
  it('night-shift workers: a persona that never works nights loses points, one that does keeps them', async () => {
    const brief = 'Coffee subscription for night-shift workers in Leeds';
    const [day, night] = await check(brief, [persona(), persona({ bio: 'Tomasz works the night shift at a distribution warehouse and sleeps until noon.' })]);
    expect(day!.score).toBeLessThan(night!.score);
    expect(text(day!)).toMatch(/night-shift/);
    expect(text(night!)).not.toMatch(/night-shift/);
  });

  it('dog owners: a persona with no dog', async () => {
    const brief = 'Coffee subscription for dog owners in Leeds';
    const [none, owner] = await check(brief, [persona(), persona({ interests: ['Long walks with his spaniel, a rescue dog'] })]);
    expect(none!.score).toBeLessThan(owner!.score);
    expect(text(none!)).toMatch(/dog/);
  });

  it('a general brief asks for no trait', async () => {
    const [p] = await check('Coffee subscription for people in Leeds', [persona()]);
    expect(text(p!)).not.toMatch(/audience|shows/i);
  });
});

describe('a persona that contradicts itself', () => {
  it('scores at most 70 with the two lines quoted', async () => {
    const brief = 'Coffee subscription for busy households in Leeds';
    const [plain, torn] = await check(brief, [persona(), persona({ bio: 'Tomasz lives alone above a bakery.', goals: ['Tomasz and his partner are debating a bigger flat', 'Get good coffee delivered'] })]);
    expect(plain!.score).toBeGreaterThan(80);
    expect(torn!.score).toBeLessThanOrEqual(70);
    expect(text(torn!)).toMatch(/lives alone.*his partner are debating/);
  });
});

describe('what a brief’s words say', () => {
  it('reads the ages people are said to be, and not the ages of their children or other numbers', () => {
    const cases: Array<[string, readonly [number, number] | null]> = [
      ['Banking for savers aged 35-55 in Oslo', [35, 55]],
      ['Travel insurance for 18–24 year olds', [18, 24]],
      ['Tablets for seniors 75+', [75, 99]],
      ['Holidays for the under-30s in Spain', [16, 29]],
      ['Pensions advice for people in their forties', [40, 49]],
      ['Baby monitors for new parents aged 25-35', [25, 35]],
      ['Tutoring for parents of kids aged 5-12', null],
      ['Respite care for carers of elderly parents aged 80+', null],
      ['Retirement planning for parents aged 30-45 with kids aged 5-10', [30, 45]],
      ['Fitness classes for dog owners aged 30-50', [30, 50]],
      ['Meal kits for families with children aged 8-17', null],
      ['Recipes in under 30 minutes for 2-4 people', null],
      ['A box of 50+ teas for tea lovers', null],
    ];
    // The world's reader (the one the engine draws ages from) leaves an open end open; the scorer closes it at the bounds.
    const read = (text: string) => {
      const stated = statedAges(text);
      return stated ? [stated.lo ?? AGE_MIN, stated.hi ?? AGE_MAX] : null;
    };
    for (const [text, range] of cases) expect(read(text), text).toEqual(range);
  });

  it('names the traits of a specific audience and none for a general one', () => {
    const words = (description: string, stage: string | null = null) => audienceTraits({ description }, stage).map((t) => t.word);
    expect(words('Sleep app for goth teenagers with insomnia in Leeds', 'Teenagers')).toEqual(['goth', 'insomnia']);
    expect(words('Inventory software for hospital procurement teams in Ohio')).toEqual(['hospital', 'procurement']);
    for (const general of ['Meal kits for busy parents in Lyon', 'Halal meal delivery for busy Muslim families in Kuala Lumpur', 'Budgeting app for managing money', 'Coffee for people aged 30-50 in Leeds', 'Software for small business owners']) {
      expect(words(general, 'Parents'), general).toEqual([]);
    }
  });
});
