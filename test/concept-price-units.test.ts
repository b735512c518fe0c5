/**
 * Prices in the built-in engine's concept verdicts are stated the way the concept states its own:
 * same currency, same period or unit ("€59 a week" is never answered with "under €20 a month"),
 * and a persona who finds the price too dear names a limit below it but at least about half of it, as a rounded figure.
 * The table of concepts is written by hand; the money reader below is the test's own, so it does
 * not share the parser it checks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFromProfile, judgeConcept } from '../src/main/asking/offline';
import { createCore, type Core } from '../src/main/core/core';
import { briefInputSchema, type BriefInput } from '../src/shared/brief';
import type { Brief, IncomeBracket, Persona } from '../src/shared/persona';

type Unit = 'day' | 'week' | 'month' | 'year' | 'once' | 'box' | 'meal' | 'session' | 'delivery';
interface Case {
  text: string;
  price?: string;
  /** ISO code of the concept's currency, null when it names no price at all. */
  currency: string | null;
  unit: Unit;
  amount: number;
  /** Cheap enough that no income finds it too dear (¥3,000 once is about €19). */
  cheap?: true;
}

const CASES: Case[] = [
  { text: 'A weekly box of 4 organic recipes', price: '€59 a week', currency: 'EUR', unit: 'week', amount: 59 },
  { text: 'Family meal kit with seasonal vegetables', price: '€59/week', currency: 'EUR', unit: 'week', amount: 59 },
  { text: 'Meal plan subscription with a shopping list', price: '59 EUR per month', currency: 'EUR', unit: 'month', amount: 59 },
  { text: 'Premium recipe box', price: '$12.99 per box', currency: 'USD', unit: 'box', amount: 12.99 },
  { text: 'Ready-to-cook dinners', price: '£8 a meal', currency: 'GBP', unit: 'meal', amount: 8 },
  { text: 'Annual membership with free delivery', price: 'CHF 120 yearly', currency: 'CHF', unit: 'year', amount: 120 },
  { text: 'A starter cookware set', price: '¥3,000', currency: 'JPY', unit: 'once', amount: 3000, cheap: true },
  { text: 'Bio-Kochbox für Familien', price: '1.299,00 € pro Monat', currency: 'EUR', unit: 'month', amount: 1299 },
  { text: 'Recipe app with a shopping planner', price: 'free trial then $9/mo', currency: 'USD', unit: 'month', amount: 9, cheap: true },
  { text: 'A meal kit for two that costs 30 dollars a month', currency: 'USD', unit: 'month', amount: 30 },
  { text: 'A meal kit with compostable packaging', currency: null, unit: 'once', amount: 0 },
  { text: 'Catered lunches for the whole office', price: '$4,500 per month', currency: 'USD', unit: 'month', amount: 4500 },
  { text: 'Unlimited delivery pass', price: '£25 per week', currency: 'GBP', unit: 'week', amount: 25 },
  { text: 'A fresh smoothie at your door every morning', price: '€4.50 a day', currency: 'EUR', unit: 'day', amount: 4.5 },
  { text: 'Yearly plan with priority slots', price: '$499 per year', currency: 'USD', unit: 'year', amount: 499 },
  { text: 'Live cooking class with a chef', price: '€35 per session', currency: 'EUR', unit: 'session', amount: 35 },
  { text: 'Kids lunchbox service', price: '₹2,500 a month', currency: 'INR', unit: 'month', amount: 2500 },
  { text: 'Meal kit with local produce', price: '₦15,000 per week', currency: 'NGN', unit: 'week', amount: 15000 },
  { text: 'Annual family plan', price: '€1,200 annually', currency: 'EUR', unit: 'year', amount: 1200 },
  { text: 'Weekend brunch box', price: 'USD 79 weekly', currency: 'USD', unit: 'week', amount: 79 },
  { text: 'Luxury chef box', price: '€149 per delivery', currency: 'EUR', unit: 'delivery', amount: 149 },
  { text: 'Swiss mountain meal kit', price: '89 CHF per month', currency: 'CHF', unit: 'month', amount: 89 },
  { text: 'A smart countertop oven', price: '£399 one-off', currency: 'GBP', unit: 'once', amount: 399 },
  { text: 'Panier repas bio', price: '12,50 € par mois', currency: 'EUR', unit: 'month', amount: 12.5 },
  { text: 'A monthly plan for €45 a month with free recipes', currency: 'EUR', unit: 'month', amount: 45 },
  { text: 'Family box with dessert', price: '45 euros a week', currency: 'EUR', unit: 'week', amount: 45 },
  { text: 'Prepared meals, heated in minutes', price: '$9.50 per meal', currency: 'USD', unit: 'meal', amount: 9.5 },
  { text: 'Cesta orgânica para a família', price: 'R$ 120 por mês', currency: 'BRL', unit: 'month', amount: 120 },
  { text: 'Caixa de receitas anual', price: 'R$ 900 por ano', currency: 'BRL', unit: 'year', amount: 900 },
  { text: 'A 30 day trial, then 3 meal kits', price: '£60 a month', currency: 'GBP', unit: 'month', amount: 60 },
];

const CURRENCY = String.raw`(R\$|[€$£¥₦₹]|zł|\b(?:EUR|USD|GBP|CHF|JPY|NGN|INR|CAD|AUD|SEK|BRL|PLN|euros?|dollars?|pounds?|yen|naira|rupees?|francs?)\b)`;
const NUMBER = String.raw`(\d(?:[\d,.]*\d)?)`;
const PERIOD_AHEAD = String.raw`(?=\s*(?:a|an|per|\/|every|each|pro|par)\s*(?:day|week|month|year|box|meal|session|delivery)\b)`;
/** Any money amount: a number with a currency before or after it, or a bare number followed by a period ("45 a week"). */
const MONEY = new RegExp(String.raw`${CURRENCY}\s?${NUMBER}|${NUMBER}\s?${CURRENCY}|\b${NUMBER}${PERIOD_AHEAD}`, 'gi');

const ISO: Array<[RegExp, string]> = [
  [/^(€|eur|euros?)$/i, 'EUR'],
  [/^(\$|usd|dollars?)$/i, 'USD'],
  [/^(£|gbp|pounds?)$/i, 'GBP'],
  [/^(¥|jpy|yen)$/i, 'JPY'],
  [/^(chf|francs?)$/i, 'CHF'],
  [/^(₹|inr|rupees?)$/i, 'INR'],
  [/^(₦|ngn|naira)$/i, 'NGN'],
  [/^(r\$|brl|reais)$/i, 'BRL'],
];
const isoOf = (token: string | undefined) => (token ? (ISO.find(([re]) => re.test(token))?.[1] ?? token.toUpperCase()) : null);

/** The period or unit written right after an amount, in any of the ways the table and the engine write them. */
function unitAfter(rest: string): Unit {
  const m = /^\s*(?:(?:a|an|per|every|each|pro|par|por)\b|\/)?\s*(\p{L}+)/iu.exec(rest);
  const w = (m?.[1] ?? '').toLowerCase();
  if (/^(day|daily)$/.test(w)) return 'day';
  if (/^(week|weekly|wk|woche|semaine)$/.test(w)) return 'week';
  if (/^(month|monthly|mo|monat|mois|mês)$/.test(w)) return 'month';
  if (/^(year|yearly|annually|annual|yr|jahr|ano)$/.test(w)) return 'year';
  if (/^(box|meal|session|delivery)$/.test(w)) return w as Unit;
  return 'once';
}

const numberOf = (raw: string) => {
  // "1.299,00" and "1,299.00" both: the last separator followed by one or two digits is the decimal one.
  const decimal = /[.,](\d{1,2})$/.exec(raw);
  const whole = (decimal ? raw.slice(0, decimal.index) : raw).replace(/[.,]/g, '');
  return Number(whole) + (decimal ? Number(`0.${decimal[1]}`) : 0);
};

interface Money {
  text: string;
  currency: string | null;
  unit: Unit;
  amount: number;
}
function moneyIn(text: string): Money[] {
  return [...text.matchAll(MONEY)].map((m) => ({
    text: m[0],
    currency: isoOf(m[1] ?? m[4]),
    unit: unitAfter(text.slice(m.index + m[0].length)),
    amount: numberOf(m[2] ?? m[3] ?? m[5] ?? '0'),
  }));
}

const BRIEFS: Record<string, BriefInput> = {
  mealKits: { description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 6, level: 'standard', seed: 7 },
  students: { description: 'A budgeting app for students in Lagos, Nigeria', count: 4, level: 'standard', seed: 11, ageRange: [18, 25] },
  procurement: { description: 'Procurement software for mid-size manufacturers in Germany', count: 4, level: 'b2b', seed: 3 },
};
const BRACKETS: IncomeBracket[] = ['low', 'lower-middle', 'middle', 'upper-middle', 'high'];
const SEEDS = [1, 2, 7, 42, 1234];
const TOO_DEAR = /too much|a stretch|far beyond|budget case/i;

let core: Core, dataDir: string;
const sets: Array<{ brief: Brief; personas: Persona[] }> = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'price-units-'));
  core = createCore({ dataDir, resources: null });
  for (const input of Object.values(BRIEFS)) {
    const { document } = await core.generate(briefInputSchema.parse(input));
    sets.push({ brief: document.brief!, personas: document.personas });
  }
});
afterAll(() => (core.close(), fs.rmSync(dataDir, { recursive: true, force: true })));

/** Every persona once per income bracket (consumers), so each price meets people who can and cannot afford it. */
function people(): Array<{ brief: Brief; persona: Persona }> {
  return sets.flatMap(({ brief, personas }) => personas.flatMap((p) => (p.b2b ? [{ brief, persona: p }] : BRACKETS.map((b) => ({ brief, persona: { ...p, incomeBracket: b } })))));
}

/** Amounts quoted from the persona's own profile (a goal "save €200 a month") are the persona's words, not the engine's prices. */
const fromProfile = (money: Money, persona: Persona) => JSON.stringify(persona).includes(money.text);

describe('concept verdict prices', () => {
  it('reads the table the way it is written', () => {
    expect(moneyIn('If it cost under €45 a week, I’d think again.')).toEqual([{ text: '€45', currency: 'EUR', unit: 'week', amount: 45 }]);
    expect(moneyIn('At 1.299,00 € pro Monat it is too much.')[0]).toMatchObject({ currency: 'EUR', unit: 'month', amount: 1299 });
    expect(moneyIn('under 45 a month')[0]).toMatchObject({ currency: null, unit: 'month', amount: 45 });
  });

  it.each(CASES)('states every price in the concept’s currency and unit: $text / $price', (c) => {
    let tooDear = 0;
    for (const seed of SEEDS) {
      for (const { brief, persona } of people()) {
        const v = judgeConcept({ text: c.text, ...(c.price ? { price: c.price } : {}) }, persona, brief, seed);
        const texts = [v.changeMind, ...v.reasons.map((r) => r.text), ...v.objections.map((o) => o.text)];
        const where = `${persona.name} (${persona.incomeBracket ?? persona.b2b?.companySize}), seed ${seed}:\n${texts.join('\n')}`;
        const amounts = texts.flatMap(moneyIn).filter((m) => !fromProfile(m, persona));
        if (c.currency === null) {
          expect(amounts, where).toEqual([]);
          continue;
        }
        for (const m of amounts) {
          expect(m.currency, `${m.text} in\n${where}`).toBe(c.currency);
          expect(m.unit, `${m.text} in\n${where}`).toBe(c.unit);
        }
        if (v.objections.some((o) => TOO_DEAR.test(o.text))) {
          tooDear++;
          const limits = moneyIn(v.changeMind);
          expect(limits, where).toHaveLength(1);
          const [limit] = limits;
          expect(limit!.amount, where).toBeGreaterThan(0);
          expect(limit!.amount, where).toBeLessThan(c.amount);
          // A price someone would name back for this offer: about half of it at least, never "under €4.50 a week" for €59.
          expect(limit!.amount, where).toBeGreaterThanOrEqual(c.amount * 0.4);
          // A figure a person would say: at most two significant digits (45, 120, 2,500, 4.50), never 44.37.
          const digits = String(limit!.amount).replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
          expect(digits.length, `${limit!.text} in\n${where}`).toBeLessThanOrEqual(2);
        }
      }
    }
    // Every priced concept meets someone it is too dear for (a low income, a small company), so the limit rules run.
    if (c.currency !== null && !c.cheap) expect(tooDear, c.text).toBeGreaterThan(0);
  });
});

describe('interview prices', () => {
  const QUESTIONS: Array<[string, string, Unit]> = [
    ['Would you pay €59 a week for this?', 'EUR', 'week'],
    ['Is $12.99 per box too much?', 'USD', 'box'],
    ['What about £8 a meal?', 'GBP', 'meal'],
    ['Would you pay CHF 120 yearly?', 'CHF', 'year'],
    ['Would 30 dollars a month be fine?', 'USD', 'month'],
    ['Is ¥3,000 too expensive?', 'JPY', 'once'],
  ];
  it.each(QUESTIONS)('answers about "%s" in the question’s currency and unit', (question, currency, unit) => {
    for (const seed of SEEDS) {
      for (const { brief, persona } of people()) {
        const answer = answerFromProfile(question, { persona, brief, seed, history: [] });
        for (const m of moneyIn(answer.text).filter((x) => !fromProfile(x, persona))) {
          expect(m.currency, `${m.text} in ${answer.text}`).toBe(currency);
          expect(m.unit, `${m.text} in ${answer.text}`).toBe(unit);
        }
      }
    }
  });
});
