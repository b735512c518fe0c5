/**
 * The offline engine writes about what the brief sells: the product decides the domain (the
 * audience only says who buys), lines fit the kind of product within a domain, the product reads
 * grammatically in every slot and in English, and B2B buyers sit at the brief's company sizes,
 * under their own region's rules, with no consumer lines.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, APP_ROOT, type Core } from '../src/main/core/core';
import { loadDataset } from '../src/main/world/dataset';
import { analyzeBrief } from '../src/main/world/brief-analysis';
import { briefInputSchema, type BriefInput } from '../src/shared/brief';
import type { CompanySize, Persona } from '../src/shared/persona';
import { tempDir } from './helpers';

const data = loadDataset(path.join(APP_ROOT, 'resources', 'dataset'));
let core: Core;

beforeAll(() => {
  core = createCore({ dataDir: tempDir() });
});
afterAll(() => core.close());

const SEEDS = [3, 11];

async function personas(description: string, seed: number, level: BriefInput['level'] = 'standard'): Promise<Persona[]> {
  const brief = briefInputSchema.parse({ description, count: 5, level, seed });
  return (await core.generate(brief)).document.personas;
}

function domainOf(description: string, level: BriefInput['level'] = 'standard'): string {
  const brief = briefInputSchema.parse({ description, count: 5, level, seed: 1 });
  return analyzeBrief({ ...brief, seed: 1, language: 'en' }, data).domains[0]!.id;
}

const linesOf = (p: Persona) => [...p.goals, ...p.painPoints, p.quote ?? ''];

interface ConsumerCase {
  brief: string;
  domain: string;
  /** Domains the audience's words suggest but the product is not about: none of their lines may appear. */
  notFrom?: string[];
  /** Words no line may hold: lines for another kind of product in the same domain. */
  never?: RegExp;
  /** An English name of the product some line must hold (non-English briefs). */
  english?: string;
  /** Words of the brief's own language that must not be pasted into the English lines. */
  foreign?: RegExp;
}

const CONSUMER: ConsumerCase[] = [
  { brief: 'Scooter rental for night-shift factory workers in Da Nang', domain: 'public-transport', notFrom: ['manufacturing'], never: /\b(OEE|overcrowded|timetable|trains?|bus|cycl\w*|cargo bike)\b/i },
  { brief: 'E-bike subscription for hospital nurses in Utrecht', domain: 'public-transport', notFrom: ['telehealth', 'healthcare-software'], never: /\b(timetable|trains?|bus|metro)\b/i },
  { brief: 'Used car marketplace for delivery riders in Nairobi', domain: 'car-buying', notFrom: ['jobs-gig', 'ride-hailing'] },
  { brief: 'Budgeting app for smallholder farmers in Kenya', domain: 'budgeting', notFrom: ['agriculture', 'livestock'] },
  { brief: 'Meal-kit subscription for software developers in Austin', domain: 'meal-kits', notFrom: ['saas-productivity'] },
  { brief: 'Dry dog food for first-time dog owners in Melbourne', domain: 'pet-health', never: /\b(insur\w*|premiums|claims?|reimburs\w*|policy|excess|deductible|annual limits?|pays the vet)\b/i },
  { brief: 'Grain-free cat food for retired teachers in Leeds', domain: 'pet-health', never: /\b(insur\w*|premiums|claims?|reimburs\w*|policy|deductible)\b/i },
  { brief: 'Pet insurance for young families in Denver', domain: 'pet-health', never: /\b(kibble|ingredients?|bag of|grain-free|recipe)\b/i },
  { brief: 'Buy now pay later app for online shoppers in Manila', domain: 'loans-credit', never: /credit card|low-limit card|guarantor|loan decision|loan shark/i },
  { brief: 'Boutique hotel booking for couples in Lisbon', domain: 'travel', never: /\b(flights?|airline|baggage|jet lag|airport)\b/i },
  { brief: 'Ofertas de vuelos baratos para estudiantes en Madrid', domain: 'travel', english: 'flight booking', foreign: /vuelos|ofertas/i, never: /\b(hotels?|check-in trouble|resort fees)\b/i },
  { brief: 'Fahrradversicherung für Pendler in Köln', domain: 'motor-insurance', english: 'bike insurance', foreign: /fahrrad|versicherung/i, never: /\b(overcrowded|trains?|no-claims|driving record|car)\b/i },
  { brief: 'Aplicación de entrega de comida para estudiantes en Sevilla', domain: 'restaurants', english: 'food delivery app', foreign: /aplicaci[oó]n|entrega|comida/i },
  { brief: 'Assurance santé pour les indépendants à Lyon', domain: 'health-insurance', english: 'health insurance', foreign: /assurance|santé/i },
  { brief: 'Aplicativo de banco digital para jovens em São Paulo', domain: 'banking', english: 'digital bank', foreign: /aplicativo|banco/i },
  { brief: 'Katzenfutter für Senioren in Hamburg', domain: 'pet-health', english: 'cat food', foreign: /katzenfutter/i, never: /\b(insur\w*|premiums|claims?|reimburs\w*)\b/i },
];

/** Briefs whose product phrase is plural, mass or countable: each slot must read grammatically. */
const GRAMMAR: Array<{ brief: string; core: string; kind: 'plural' | 'countable' | 'mass' }> = [
  { brief: 'Online Arabic calligraphy classes for expats in Dubai', core: 'online Arabic calligraphy classes', kind: 'plural' },
  { brief: 'Lawn care subscription for homeowners in Ohio', core: 'lawn care subscription', kind: 'countable' },
  { brief: 'Scooter rental for tourists in Bali', core: 'scooter rental', kind: 'countable' },
  { brief: 'Handmade pottery workshops for couples in Porto', core: 'handmade pottery workshops', kind: 'plural' },
  { brief: 'Organic baby clothing for new parents in Copenhagen', core: 'organic baby clothing', kind: 'mass' },
];

interface B2bCase {
  brief: string;
  sizes: CompanySize[];
  /** Whether buying criteria may ask for EU hosting or GDPR. */
  eu: boolean;
  never?: RegExp;
}

const B2B: B2bCase[] = [
  { brief: 'Fleet tracking software for small logistics companies (10-50 trucks) in Johannesburg', sizes: ['1-10', '11-50'], eu: false, never: /customs/i },
  { brief: 'Staff scheduling software for mid-size hospitals in the Midwest', sizes: ['201-1000'], eu: false, never: /plant manager|machine operator|shift supervisor|works council/i },
  { brief: 'Payroll software for startups in Berlin', sizes: ['1-10', '11-50'], eu: true },
  { brief: 'Cybersecurity training for large banks in Singapore', sizes: ['201-1000', '1000+'], eu: false },
  { brief: 'Procurement platform for companies with 200-1000 employees in Texas', sizes: ['201-1000'], eu: false },
  { brief: 'Predictive maintenance sensors for small factories in Ohio', sizes: ['1-10', '11-50'], eu: false },
  { brief: 'Accounting software for small law firms in Toronto', sizes: ['1-10', '11-50'], eu: false },
];

/** A bank's lines as patterns, the product slot and other placeholders matching anything. */
const patterns = (lines: readonly string[]) =>
  lines.map((line) => new RegExp(`^${line.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.+')}$`, 'i'));
const domainLines = (id: string) => {
  const d = data.domains.find((x) => x.id === id)!;
  return patterns([...d.goals, ...d.painPoints, ...d.quotes]);
};

/** Every consumer line of the dataset: life stages' and consumer domains' goals and pain points, with the product slot as a wildcard. */
const consumerLines = patterns([...data.stages, ...data.domains.filter((d) => !d.b2b)].flatMap((bank) => [...bank.goals, ...bank.painPoints]));

describe('the product decides the domain', () => {
  it.each(CONSUMER)('$brief → $domain', ({ brief, domain }) => {
    expect(domainOf(brief)).toBe(domain);
  });
});

describe('lines fit the product', () => {
  it.each(CONSUMER)('$brief', async ({ brief, notFrom, never, english, foreign }) => {
    const elsewhere = (notFrom ?? []).flatMap(domainLines);
    for (const seed of SEEDS) {
      const lines = (await personas(brief, seed)).flatMap(linesOf);
      expect(lines.filter((l) => elsewhere.some((re) => re.test(l)))).toEqual([]);
      if (never) expect(lines.filter((l) => never.test(l))).toEqual([]);
      if (foreign) expect(lines.filter((l) => foreign.test(l))).toEqual([]);
      if (english) expect(lines.some((l) => l.toLowerCase().includes(english))).toBe(true);
    }
  });
});

describe('the product reads grammatically in every slot', () => {
  it.each(GRAMMAR)('$brief', async ({ brief, core: phrase, kind }) => {
    for (const seed of SEEDS) {
      const lines = (await personas(brief, seed)).flatMap(linesOf);
      const core = phrase.toLowerCase();
      for (const line of lines.map((l) => l.toLowerCase())) {
        expect(line).not.toMatch(new RegExp(`\\ba ${core} options\\b`));
        if (kind === 'plural') {
          expect(line).not.toMatch(new RegExp(`\\b(an?) ${core}`));
          expect(line).not.toMatch(new RegExp(`${core} (that|which) (is|has|does|\\w+[^s]s)\\b`));
          expect(line).not.toMatch(new RegExp(`${core} (is|has|goes|needs|comes)\\b`));
        }
        if (kind === 'countable') expect(line).not.toMatch(new RegExp(`\\b(find|use|pick|choose|get|try|cancel|compare) ${core}\\b(?! options)`));
        if (kind === 'mass') expect(line).not.toMatch(new RegExp(`\\b(an?) ${core}`));
        // Named in full once; after that a short name or "it".
        expect(line.split(core).length - 1).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('B2B buyers fit the brief', () => {
  it.each(B2B)('$brief', async ({ brief, sizes, eu, never }) => {
    for (const seed of SEEDS) {
      const ps = await personas(brief, seed, 'b2b');
      for (const p of ps) {
        expect(sizes).toContain(p.b2b!.companySize);
        const criteria = [...p.b2b!.buyingCriteria, ...(p.b2b!.objections ?? [])].join(' | ');
        if (!eu) expect(criteria).not.toMatch(/\bEU\b|GDPR|European/);
        if (never) expect([p.b2b!.role, p.occupation, criteria].join(' | ')).not.toMatch(never);
        for (const line of [...p.goals, ...p.painPoints]) expect(consumerLines.filter((re) => re.test(line)).map(String)).toEqual([]);
      }
    }
  });
});
