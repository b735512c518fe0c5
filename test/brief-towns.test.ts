/**
 * A town the brief names is where its people live, however small: "new parents in Tavira,
 * Portugal" are in Tavira, not across Portugal, and the understanding names Tavira. A suburb keeps
 * its people ("Naperville, Illinois (a Chicago suburb)": Naperville, not Chicago). A town no data
 * knows, written as the location ("in Smallbrookton, England"), is kept as written in the country or
 * region named, and reported. Written before the towns were read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../src/main/core/core';
import { DATASET_DIR } from '../src/main/platform';
import { analyzeBrief, distanceKm, loadDataset, understandingLine, understandingOf } from '../src/main/world';
import { briefInputSchema } from '../src/shared/brief';
import { tempDir } from './helpers';

interface Case {
  brief: string;
  location?: string;
  /** The town every persona lives in (or, with `reach`, around). */
  town: string;
  country: string;
  region?: string;
  /** How far from the town a persona may live, in km; 0: in the town itself. */
  reach?: number;
}

const TOWNS: Case[] = [
  { brief: 'Baby carriers for new parents in Tavira, Portugal', town: 'Tavira', country: 'PT' },
  { brief: 'Black clothing for goth teenagers in Whitby, England', town: 'Whitby', country: 'GB', region: 'England' },
  { brief: 'Meal kits for busy families in Naperville, Illinois (a Chicago suburb)', town: 'Naperville', country: 'US', region: 'Illinois' },
  { brief: 'Meal kits for busy families in Naperville', town: 'Naperville', country: 'US' },
  { brief: 'Surf lessons for tourists in Ericeira', town: 'Ericeira', country: 'PT' },
  { brief: 'Cider for locals in Hood River, Oregon', town: 'Hood River', country: 'US', region: 'Oregon' },
  { brief: 'Wine tours for couples in Beaune, France', town: 'Beaune', country: 'FR' },
  { brief: 'Ski rentals for families in Zermatt', town: 'Zermatt', country: 'CH' },
  { brief: 'Cheese subscription for foodies in Gouda, Netherlands', town: 'Gouda', country: 'NL' },
  { brief: 'Bakery for commuters in Ludlow, England', town: 'Ludlow', country: 'GB' },
  { brief: 'Surf school for backpackers in Byron Bay, NSW', town: 'Byron Bay', country: 'AU', region: 'New South Wales' },
  { brief: 'Barbecue supplies for families in Paris, Texas', town: 'Paris', country: 'US', region: 'Texas' },
  { brief: 'Student bars for undergraduates in Aberystwyth', town: 'Aberystwyth', country: 'GB' },
  { brief: 'Guided walks for visitors in Hallstatt, Austria', town: 'Hallstatt', country: 'AT' },
  { brief: 'Farm supplies for ranchers in Dodge City, Kansas', town: 'Dodge City', country: 'US', region: 'Kansas' },
  { brief: 'Bäckerei für Familien in Rothenburg ob der Tauber', town: 'Rothenburg ob der Tauber', country: 'DE' },
  { brief: 'Boulangerie pour les familles à Honfleur', town: 'Honfleur', country: 'FR' },
  { brief: 'Tienda de surf para jóvenes en Zarautz', town: 'Zarautz', country: 'ES' },
  { brief: 'Agriturismo per coppie in Montepulciano, Italia', town: 'Montepulciano', country: 'IT' },
  { brief: 'Padaria para famílias em Tavira', town: 'Tavira', country: 'PT' },
  { brief: 'Bagel shop for commuters in Hoboken, New Jersey', town: 'Hoboken', country: 'US', region: 'New Jersey' },
  { brief: 'Surf shop for teenagers in Newquay', town: 'Newquay', country: 'GB' },
  { brief: 'Dentist for families in Aurora, Illinois', town: 'Aurora', country: 'US', region: 'Illinois' },
  { brief: 'bakery for young families in tavira, portugal', town: 'Tavira', country: 'PT' },
  { brief: 'Baby carriers for new parents', location: 'Tavira, Portugal', town: 'Tavira', country: 'PT' },
  { brief: 'Gothic fashion for teenagers', location: 'Whitby', town: 'Whitby', country: 'GB' },
  { brief: 'Ski passes for students near Zermatt', town: 'Zermatt', country: 'CH', reach: 25 },
  // A county after the town says which ("St Ives, Cornwall", not the one in Cambridgeshire).
  { brief: 'Fish and chips for tourists in St Ives, Cornwall', town: 'St Ives', country: 'GB', region: 'England' },
  { brief: 'Pub quiz for locals in Whitby, North Yorkshire', town: 'Whitby', country: 'GB' },
  { brief: 'Vintage boutique for shoppers in Margate, Kent', town: 'Margate', country: 'GB' },
  { brief: 'Villa rentals for families in Lucca', town: 'Lucca', country: 'IT' },
  { brief: 'Wine tours for couples in the Napa Valley', town: 'Napa', country: 'US', reach: 25 },
];

/** Counties (second-level regions) the brief names: people live across them, and the understanding names them. */
const COUNTIES: Array<{ brief: string; county: string; country: string; region: string }> = [
  { brief: 'Farm shop for families in Cornwall, England', county: 'Cornwall', country: 'GB', region: 'England' },
  { brief: 'Holiday cottages for couples in Devon', county: 'Devon', country: 'GB', region: 'England' },
  { brief: 'Legal aid for tenants in Cook County', county: 'Cook County', country: 'US', region: 'Illinois' },
];

/** Towns no data knows, written where a town goes: kept as written, in the country or region named, and reported. */
const LITERAL: Array<Case & { label: RegExp }> = [
  { brief: 'Corner shop for families in Smallbrookton, England', town: 'Smallbrookton', country: 'GB', region: 'England', label: /^Smallbrookton, United Kingdom/ },
  { brief: 'Fado bar for tourists in Vila Nova de Xyzzy, Portugal', town: 'Vila Nova de Xyzzy', country: 'PT', label: /^Vila Nova de Xyzzy, Portugal/ },
  { brief: 'Hardware store for farmers in Quillbury, Texas', town: 'Quillbury', country: 'US', region: 'Texas', label: /^Quillbury, United States/ },
  { brief: 'Tea room for retirees in Smallbrookton, Kent', town: 'Smallbrookton', country: 'GB', region: 'England', label: /^Smallbrookton, United Kingdom/ },
];

/** Words after "in" that are no town: no town is made of them. */
const NOT_TOWNS = [
  'Coaching for women who work in Marketing',
  'Fitness classes at Home for busy mums',
  'Launch in March for students in Leeds',
  'Language courses in Spanish for expats in Lisbon',
  'Careers in Sales for graduates in Germany',
];

const data = loadDataset(DATASET_DIR);

function read(brief: string, location?: string) {
  const analysis = analyzeBrief({ description: brief, location, count: 5, level: 'standard', seed: 1, language: 'en', segment: undefined }, data);
  return { analysis, understood: understandingOf(analysis, 'standard') };
}

describe('a town the brief names', () => {
  it.each(TOWNS)('is where the personas live: $brief $location', ({ brief, location, town, country, region, reach = 0 }) => {
    const { analysis, understood } = read(brief, location);
    const line = understandingLine(understood);
    const { place } = analysis;
    expect(place.kind, line).toBe('cities');
    const named = place.cities.filter((c) => c.weight === 1).map((c) => c.city);
    expect(named.map((c) => c.name), line).toEqual([town]);
    expect(named[0]!.country, line).toBe(country);
    if (region) expect(named[0]!.region, line).toBe(region);
    expect(understood.place.startsWith(town), line).toBe(true);
    expect(understood.unknownPlace, line).toBeNull();
    for (const { city } of place.cities) expect(distanceKm(city, named[0]!), `${city.name}: ${line}`).toBeLessThanOrEqual(reach);
  });

  it.each(LITERAL)('is kept as written when no data knows it, and reported: $brief', ({ brief, town, country, region, label }) => {
    const { analysis, understood } = read(brief);
    const line = understandingLine(understood);
    expect(analysis.place.cities.map((c) => c.city.name), line).toEqual([town]);
    expect(analysis.place.cities[0]!.city.country, line).toBe(country);
    if (region) expect(analysis.place.cities[0]!.city.region, line).toBe(region);
    expect(understood.place, line).toMatch(label);
    expect(understood.unknownPlace?.text, line).toBe(town);
  });

  it.each(COUNTIES)('is a county when it names one: $brief', ({ brief, county, country, region }) => {
    const { analysis, understood } = read(brief);
    const line = understandingLine(understood);
    expect(analysis.place.kind, line).toBe('region');
    expect(understood.place, line).toBe(`${county}, ${data.world.countryByCode.get(country)!.name}`);
    expect(analysis.place.cities.length, line).toBeGreaterThan(3);
    for (const { city } of analysis.place.cities) expect(`${city.country} ${city.region}`, line).toBe(`${country} ${region}`);
  });

  it.each([
    ['Gyms for commuters in Ludlow, Shrewsbury and Hereford', ['Ludlow', 'Shrewsbury', 'Hereford'], 'GB'],
    ['Shops for locals in Tavira, Faro and Lagos, Portugal', ['Tavira', 'Faro', 'Lagos'], 'PT'],
    ['Clinics for patients in Leeds, York and Hull', ['Leeds', 'York', 'Kingston upon Hull'], 'GB'],
  ] as const)('in a list is one of the list, in the country the list shares: %s', (brief, towns, country) => {
    const { analysis, understood } = read(brief);
    const named = analysis.place.cities.filter((c) => c.weight === 1).map((c) => c.city);
    expect(named.map((c) => c.name), understandingLine(understood)).toEqual(towns);
    expect(new Set(named.map((c) => c.country))).toEqual(new Set([country]));
  });

  it('is not a town of another name elsewhere: "Bondi" is not Bondy, France (spelt so too)', () => {
    const { analysis, understood } = read('Beach cafe for surfers in Bondi');
    expect(analysis.place.kind, understandingLine(understood)).not.toBe('cities');
    expect(understood.unknownPlace?.text).toBe('Bondi');
  });

  it.each(NOT_TOWNS)('is not read into ordinary words: %s', (brief) => {
    const { analysis, understood } = read(brief);
    const names = analysis.place.cities.filter((c) => c.weight === 1).map((c) => c.city.name);
    for (const word of ['Marketing', 'Home', 'March', 'Spanish', 'Sales']) expect(names, understandingLine(understood)).not.toContain(word);
  });

  it('keeps a suburb\'s people in the suburb when its city is named only to place it', () => {
    for (const brief of ['Meal kits for families in Naperville, a suburb of Chicago', 'Meal kits for families in Naperville, near Chicago', 'Meal kits for families in Naperville (Chicago suburbs)']) {
      const { analysis, understood } = read(brief);
      expect(analysis.place.cities.map((c) => c.city.name), understandingLine(understood)).toEqual(['Naperville']);
    }
  });

  it('reads "the Chicago suburbs" as the places around Chicago, not Chicago itself', () => {
    const { analysis, understood } = read('Lawn care for homeowners in the Chicago suburbs');
    const names = analysis.place.cities.map((c) => c.city.name);
    expect(names, understandingLine(understood)).not.toContain('Chicago');
    expect(names.length).toBeGreaterThan(1);
    const chicago = data.world.cityIndex.get('chicago')![0]!;
    for (const { city } of analysis.place.cities) expect(distanceKm(city, chicago)).toBeLessThanOrEqual(60);
  });

  it('reads the small towns lazily, once', () => {
    const started = performance.now();
    read('Bakery for commuters in Ludlow, England');
    read('Bakery for commuters in Tavira, Portugal');
    expect(performance.now() - started).toBeLessThan(3000);
    const again = performance.now();
    for (let i = 0; i < 20; i++) read(`Bakery number ${i} for commuters in Whitby, England`);
    expect((performance.now() - again) / 20).toBeLessThan(50);
  });
});

describe('personas of a small town', () => {
  let core: Core;
  beforeAll(() => {
    core = createCore({ dataDir: tempDir() });
  });
  afterAll(() => core.close());

  it.each([
    ['Baby carriers for new parents in Tavira, Portugal', 'Tavira', 'Portugal'],
    ['Black clothing for goth teenagers in Whitby, England', 'Whitby', 'United Kingdom'],
    ['Meal kits for busy families in Naperville, Illinois (a Chicago suburb)', 'Naperville', 'United States'],
    ['Corner shop for families in Smallbrookton, England', 'Smallbrookton', 'United Kingdom'],
  ] as const)('all live there: %s', async (description, town, country) => {
    const { document } = await core.generate(briefInputSchema.parse({ description, count: 6, level: 'standard', seed: 3 }));
    for (const p of document.personas) {
      expect(`${p.location.city}, ${p.location.country}`).toBe(`${town}, ${country}`);
      // Placed where the brief says, the scorer does not mark them down for it.
      expect(p.meta?.qualityReasons?.join(' ') ?? '', p.location.city).not.toMatch(/cannot be checked|farther from|outside/);
    }
  });
});
