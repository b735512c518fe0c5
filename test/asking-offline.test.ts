/**
 * The built-in engine's answers on real personas from the offline engine (B2C, B2B, several places
 * and ages): each intent's answer names an item of the field that answers it, no two personas of a
 * set answer alike, nothing contradicts the profile, and the same seed gives the same answer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFromProfile, classify, judgeConcept, offerOf, parsePrice, summarizeAnswers, summarizeConcept, type AskContext } from '../src/main/asking/offline';
import { PROFILE_FIELDS, type ConceptVerdict } from '../src/shared/conversations';
import { keysOf } from '../src/main/asking/offline/words';
import { createCore, type Core } from '../src/main/core/core';
import { briefInputSchema, type BriefInput } from '../src/shared/brief';
import type { Brief, Persona } from '../src/shared/persona';
import { normalizeForMatch } from '../src/main/world';

const BRIEFS: Record<string, BriefInput> = {
  mealKits: { description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 6, level: 'standard', seed: 7 },
  procurement: { description: 'Procurement software for mid-size manufacturers in Germany', count: 5, level: 'b2b', seed: 3 },
  students: { description: 'A budgeting app for students in Lagos, Nigeria', count: 5, level: 'standard', seed: 11, ageRange: [18, 25] },
  retirees: { description: 'Hearing aids subscription for retirees in Osaka', count: 4, level: 'simple', seed: 5, ageRange: [65, 85] },
  language: { description: 'A language-learning app for young professionals in Toronto', count: 5, level: 'standard', seed: 21, ageRange: [24, 38] },
  restaurants: { description: 'Staff scheduling software for small restaurants in Mexico City', count: 4, level: 'b2b', seed: 8 },
};

type PersonaSet = { name: string; brief: Brief; personas: Persona[] };

let core: Core, dataDir: string;
const sets: PersonaSet[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'asking-offline-'));
  core = createCore({ dataDir, resources: null });
  for (const [name, input] of Object.entries(BRIEFS)) {
    const { document } = await core.generate(briefInputSchema.parse(input));
    sets.push({ name, brief: document.brief!, personas: document.personas });
  }
});
afterAll(() => (core.close(), fs.rmSync(dataDir, { recursive: true, force: true })));

const plain = (text: string) => normalizeForMatch(text);
/** Whether the answer names the item: its words, or a cultural title without its "(author)". */
const names = (answer: string, item: string) => [item, item.replace(/\s*\([^)]*\)\s*$/, '')].some((form) => plain(form).trim().length > 0 && plain(answer).includes(plain(form)));
const namesAny = (answer: string, items: readonly string[] | undefined) => (items ?? []).some((item) => names(answer, item));
const cultural = (p: Persona) => Object.values(p.culturalProfile ?? {}).flat().map(String);
const b2bItems = (p: Persona) => (p.b2b ? [...p.b2b.buyingCriteria, ...(p.b2b.objections ?? []), p.b2b.role, p.b2b.industry] : []);
/** An honest, in-character "I can't tell you that": never a word about a profile. */
const SAYS_NO_MORE = /couldn't (tell|name|give|point)|not really my area|not something I've given much thought|I'd have to check|hard to pin down|no single reason|nothing (out of the ordinary|special)|pretty ordinary|rather (not get into|keep)|keep [^.]* to myself/i;

const ask = (question: string, persona: Persona, brief: Brief, extra: Partial<AskContext> = {}) => answerFromProfile(question, { persona, brief, seed: 42, history: [], ...extra });

/** A focus group: every persona of the set in turn, each seeing the answers before it. */
function group(question: string, set: PersonaSet, seed = 42) {
  const others: string[] = [];
  return set.personas.map((persona) => {
    const answer = answerFromProfile(question, { persona, brief: set.brief, seed, history: [], othersAnswers: [...others] });
    others.push(answer.text);
    return { persona, answer };
  });
}

/** For each intent, questions phrased several ways, and what an answer must name from the profile. */
const INTENT_CASES: Array<{ intent: string; questions: string[]; check: (answer: string, p: Persona) => boolean }> = [
  { intent: 'painPoints', questions: ['What frustrates you most?', 'What would stop you from signing up?', 'What is the hardest part of your week?'], check: (a, p) => namesAny(a, p.painPoints) },
  { intent: 'goals', questions: ['What are you hoping to achieve this year?', 'What do you want most right now?', 'What would make your life easier?'], check: (a, p) => namesAny(a, p.goals) },
  { intent: 'habits', questions: ['How do you usually find out about new products?', 'Where do you hear about new apps?', 'What do you do in your spare time?'], check: (a, p) => namesAny(a, p.interests) || namesAny(a, p.channels) },
  { intent: 'tastes', questions: ['What do you watch in the evenings?', 'What music do you listen to?', 'What kind of food do you like?'], check: (a, p) => (p.culturalProfile ? namesAny(a, cultural(p)) : SAYS_NO_MORE.test(a) && namesAny(a, p.interests)) },
  { intent: 'price', questions: ['How much would you pay for this?', 'Is price a big factor for you?', 'What is your budget like?'], check: (a, p) => (p.incomeBracket ? new RegExp(`(^|[^-])\\b${p.incomeBracket}\\b`, 'i').test(a) : namesAny(a, p.values)) },
  { intent: 'about', questions: ['Tell me about yourself.', 'What does a typical day look like for you?', 'Who are you?'], check: (a, p) => a.includes(String(p.age)) && a.includes(p.location.city) && plain(a).includes(plain(p.occupation)) },
  { intent: 'values', questions: ['What matters most to you?', 'What do you care about when choosing a brand?', 'What is important to you in life?'], check: (a, p) => (p.values?.length ? namesAny(a, p.values) : SAYS_NO_MORE.test(a) && namesAny(a, p.goals)) },
  { intent: 'product', questions: ['Would you use it?', 'What do you think of this offer?', 'Would you sign up for it?'], check: (a, p) => namesAny(a, p.goals) || namesAny(a, p.painPoints) },
  { intent: 'work', questions: ['What is your role at work?', 'How does your company decide what to buy?', 'What do you look for in a supplier?'], check: (a, p) => (p.b2b ? namesAny(a, b2bItems(p)) : plain(a).includes(plain(p.occupation))) },
  { intent: 'unknown', questions: ['Do you believe in ghosts?', 'What is the capital of Peru?', 'How tall is the Eiffel Tower?'], check: (a) => SAYS_NO_MORE.test(a) },
];

describe('answerFromProfile', () => {
  it('reads the intent of questions phrased in different ways', () => {
    const offer = keysOf('eco-friendly meal-kit delivery');
    for (const { intent, questions } of INTENT_CASES) for (const q of questions) expect([q, classify(q, offer)]).toEqual([q, expect.arrayContaining([intent])]);
    expect(classify('What frustrates you, and what would you want instead?', offer)).toEqual(['painPoints', 'goals']);
  });

  it('names, for a question of each intent, an item of the profile field that answers it, in 1 to 4 plain sentences', () => {
    for (const set of sets) {
      for (const { intent, questions, check } of INTENT_CASES) {
        for (const question of questions) {
          for (const { persona, answer } of group(question, set)) {
            expect(check(answer.text, persona), `${set.name} / ${intent} / ${question} / ${persona.name}: ${answer.text}`).toBe(true);
            // Sentences of the persona's own: a quoted motto counts as one, initials and decimals ("J. K.", "99.9") as none.
            const sentences = answer.text.replace(/"[^"]*"/g, 'Q.').replace(/\b([A-Z]|\d+)\.(?=[ \dA-Z])/g, '$1').match(/[^.!?]+[.!?]+/g) ?? [];
            expect(sentences.length, answer.text).toBeGreaterThanOrEqual(1);
            expect(sentences.length, answer.text).toBeLessThanOrEqual(4);
            expect(answer.text).not.toMatch(/[*#_`{}]|^\s*-\s/m);
          }
        }
      }
    }
  });

  it('gives no two personas of a set the same answer, in a focus group or asked one by one', () => {
    for (const set of sets) {
      for (const { questions } of INTENT_CASES) {
        for (const question of questions) {
          const grouped = group(question, set).map((g) => g.answer.text);
          expect(new Set(grouped).size, `${set.name}: ${question}`).toBe(grouped.length);
          const alone = set.personas.map((p) => ask(question, p, set.brief).text);
          expect(new Set(alone).size, `${set.name}: ${question}`).toBe(alone.length);
          // In a group, no two answers open with the same three words.
          const openings = grouped.map((a) => plain(a).trim().split(' ').slice(0, 3).join(' '));
          expect(new Set(openings).size, `${set.name}: ${question}: ${openings.join(' | ')}`).toBe(openings.length);
        }
      }
    }
  });
});

const FAMILY = /\b(husband|wife|spouse|partner|sons?|daughters?|children|child|kids?|boys|girls|bab(y|ies)|grandchild(ren)?|grandkids|brothers?|sisters?|mother|father|mum|mom|dad|parents|twins|cat|dog)\b/gi;
const profileText = (p: Persona, brief: Brief) => `${JSON.stringify({ ...p, meta: undefined })} ${brief.description}`.toLowerCase();

describe('answers never contradict the profile', () => {
  it('states only the persona’s own age, numbers, places, occupation and household', () => {
    const everyone = sets.flatMap((s) => s.personas);
    const questions = [...INTENT_CASES.flatMap((c) => c.questions), 'Who do you live with?', 'How old are you?', 'Where do you live?', 'Tell me about your family.'];
    for (const set of sets) {
      for (const question of questions) {
        for (const { persona, answer } of group(question, set)) {
          const own = profileText(persona, set.brief);
          const where = `${persona.name}: ${answer.text}`;
          for (const [, age] of answer.text.matchAll(/\bI'm (\d+)\b/g)) expect(Number(age), where).toBe(persona.age);
          for (const [n] of answer.text.matchAll(/\d+/g)) expect(own, where).toMatch(new RegExp(`(^|\\D)${n}(\\D|$)`));
          for (const [word] of answer.text.matchAll(FAMILY)) expect(own, `${word} in ${where}`).toMatch(new RegExp(`\\b${word.toLowerCase()}\\b`));
          for (const other of everyone) {
            for (const place of [other.location.city, other.location.country]) if (!own.includes(place.toLowerCase())) expect(answer.text, where).not.toContain(place);
            if (!own.includes(other.occupation.toLowerCase())) expect(plain(answer.text), where).not.toContain(plain(other.occupation));
          }
        }
      }
    }
  });

  it('speaks for a persona written elsewhere (by an LLM): third-person bio, sentences as items, fields missing', () => {
    const bio = 'Maria Gonzalez works night shifts at a busy hospital. She lives with her husband Tom and two kids. She loves hiking and tries to cook healthy meals.';
    const maria: Persona = { name: 'Maria Gonzalez', age: 34, location: { city: 'Austin', country: 'United States' }, occupation: 'Pediatric nurse', incomeBracket: 'middle', bio, goals: ['Eat healthier without spending hours cooking'], painPoints: ['Kids are picky eaters', 'I never have time to plan meals'], interests: ['Hiking', 'Yoga'] };
    const brief = { description: 'Healthy meal delivery for working parents in Austin', count: 1, level: 'simple' } as const;
    const said = (q: string) => ask(q, maria, brief).text;
    expect(said('Who do you live with?')).toMatch(/I live with my husband Tom and two kids\./);
    expect(said('Tell me about yourself.')).toMatch(/^(\w+, )?(I'm Maria|My name's Maria|Maria here|I'm 34)/i);
    expect(said('What frustrates you most?')).toMatch(/the fact that (kids are picky eaters|I never have time to plan meals)/i);
    // A question in Spanish is understood, and answered in English.
    expect(said('¿Qué te frustra?')).toMatch(/kids are picky eaters|I never have time to plan meals/i);
    for (const q of ['', 'x'.repeat(1000), 'What do you listen to?', 'What matters to you?']) {
      const text = said(q);
      expect(text, q).toMatch(SAYS_NO_MORE);
      expect(text, q).not.toMatch(/\b(She|Maria is|her)\b/);
    }
  });

  it('is deterministic for a seed and varies with it', () => {
    for (const set of sets) {
      const bySeed = (seed: number) => INTENT_CASES.map((c) => group(c.questions[0]!, set, seed).map((g) => g.answer.text).join('\n'));
      expect(bySeed(42)).toEqual(bySeed(42));
      expect(bySeed(42)).not.toEqual(bySeed(43));
    }
  });

  it('goes deeper on a follow-up with items not yet said, and combines two intents', () => {
    for (const set of sets) {
      for (const persona of set.personas) {
        const first = ask('What frustrates you most?', persona, set.brief);
        const history = [{ question: 'What frustrates you most?', answer: first.text }];
        for (const followUp of ['Tell me more.', 'Why?', 'What else?']) {
          const next = ask(followUp, persona, set.brief, { history });
          expect(next.text.length).toBeGreaterThan(0);
          const repeated = persona.painPoints.filter((pain) => names(first.text, pain) && names(next.text, pain));
          expect(repeated, `${followUp} → ${next.text}`).toEqual([]);
          expect(next.grounding.length > 0 || SAYS_NO_MORE.test(next.text), next.text).toBe(true);
        }
        const both = ask('What frustrates you, and what would you want instead?', persona, set.brief);
        expect(namesAny(both.text, persona.painPoints) && namesAny(both.text, persona.goals), both.text).toBe(true);
      }
    }
  });
});

const consumerSets = () => sets.filter((s) => !s.personas[0]!.b2b);
const verdict = (persona: Persona, v: ReturnType<typeof judgeConcept>): ConceptVerdict => ({ personaId: persona.id!, personaName: persona.name, ...v, source: { engine: 'offline', model: null } });
/** A pain point with at least two words besides the offer's own, so a concept quoting it says something new. */
const distinctPain = (p: Persona, brief: Brief) => p.painPoints.find((pain) => [...keysOf(pain)].filter((k) => !keysOf(offerOf(brief)).has(k)).length >= 2) ?? p.painPoints[0]!;

describe('judgeConcept', () => {
  it('scores a concept that meets a persona’s pain point above one that misses it', () => {
    for (const set of sets) {
      for (const p of set.personas) {
        const offer = offerOf(set.brief);
        const meets = judgeConcept({ text: `${offer} that finally fixes this: ${distinctPain(p, set.brief)}` }, p, set.brief, 1);
        const misses = judgeConcept({ text: `${offer} with a new logo and brighter colours` }, p, set.brief, 1);
        expect(meets.likelihood, `${p.name}\n${meets.rules.join('\n')}\nvs\n${misses.rules.join('\n')}`).toBeGreaterThan(misses.likelihood);
        expect(meets.reasons.some((r) => r.field === 'painPoints')).toBe(true);
      }
    }
  });

  it('scores a price far above the income bracket below the same concept cheaper', () => {
    for (const set of consumerSets()) {
      for (const p of set.personas) {
        const text = `${offerOf(set.brief)} with weekly deliveries`;
        const [cheap, dear] = ['€3 a month', '€400/week'].map((price) => judgeConcept({ text, price }, p, set.brief, 1));
        expect(dear!.likelihood, dear!.rules.join('\n')).toBeLessThan(cheap!.likelihood);
        expect(dear!.objections.find((o) => o.field === 'incomeBracket')?.text).toContain('€400/week');
        expect(dear!.rules.some((r) => r.includes(`'${p.incomeBracket}'`) && r.endsWith('(−2)'))).toBe(true);
        expect(dear!.changeMind).toMatch(/under €\d+(\.\d\d)? a week/);
      }
    }
    const [b2b] = sets.find((s) => s.name === 'procurement')!.personas;
    const [small, big] = (['1-10', '1000+'] as const).map((companySize) => judgeConcept({ text: 'Procurement software', price: '€900 per month' }, { ...b2b!, b2b: { ...b2b!.b2b!, companySize } }, sets[1]!.brief, 1));
    expect(small!.likelihood).toBeLessThan(big!.likelihood);
    // Prices and periods read from words, in euros a month.
    const monthly = (text: string) => Math.round(parsePrice(text)?.monthlyEur ?? -1);
    expect(['€60/week', '$9.99 a month', '1,200 NGN per month', 'CHF 120 yearly', '12,50 € par mois', 'Costs 300 euros'].map(monthly)).toEqual([260, 9, 1, 11, 13, 25]);
    expect(parsePrice('Dinner ready in 15 minutes, 24/7 support')).toBeNull();
  });

  it('lowers the score for a concept against a value, unless the concept removes the thing', () => {
    const { brief, personas } = consumerSets()[0]!;
    const green = { ...personas[0]!, values: ['Sustainability', 'Convenience'] };
    const plastic = judgeConcept({ text: 'Meal kits packed in single-use plastic trays' }, green, brief, 1);
    const without = judgeConcept({ text: 'Meal kits with no single-use plastic trays' }, green, brief, 1);
    expect(plastic.likelihood).toBeLessThan(without.likelihood);
    expect(plastic.rules).toContain("Concept's 'single-use' goes against the value 'Sustainability' (−1)");
    expect(plastic.objections).toContainEqual({ field: 'values', text: 'Single-use goes against what I care about: sustainability.' });
  });

  it('shows its rules in words, ties every reason to a profile field, and is deterministic', () => {
    for (const set of sets) {
      for (const p of set.personas) {
        const concept = { text: `${offerOf(set.brief)} for ${p.goals[0]!.toLowerCase()}`, price: '€25 a month' };
        const v = judgeConcept(concept, p, set.brief, 9);
        expect(v).toEqual(judgeConcept(concept, p, set.brief, 9));
        expect(v.rules[0]).toBe('Start at 3');
        expect(v.rules.at(-1)).toBe(`Likelihood ${v.likelihood}`);
        for (const rule of v.rules.slice(1, -1)) expect(rule).toMatch(/\((\+1|−1|−2|no change)\)$|^Matches add at most/);
        for (const r of [...v.reasons, ...v.objections]) expect(PROFILE_FIELDS).toContain(r.field);
        expect(v.reasons.some((r) => r.field === 'goals' && names(r.text, p.goals[0]!))).toBe(true);
        expect(v.changeMind.length).toBeGreaterThan(10);
      }
    }
  });
});

describe('summaries', () => {
  it('groups focus-group answers into themes with a quote from each persona in them', () => {
    for (const set of sets) {
      for (const question of ['What frustrates you most?', 'Would you use it?', 'How do you usually find out about new products?']) {
        const answers = group(question, set).map(({ persona, answer }) => ({ personaId: persona.id!, personaName: persona.name, ...answer }));
        const summary = summarizeAnswers(question, answers);
        expect(summary.method).toBe('grouped');
        for (const theme of summary.themes) {
          expect(theme.label).toMatch(/^[A-Z][\w ]+: \S/);
          expect(theme.personaIds.length).toBeGreaterThanOrEqual(2);
          expect(theme.quotes.map((q) => q.personaId)).toEqual(theme.personaIds);
          for (const quote of theme.quotes) expect(answers.find((a) => a.personaId === quote.personaId)!.text).toContain(quote.text);
        }
        expect(summary.agree.filter((id) => summary.object.includes(id))).toEqual([]);
      }
    }
    const said = (personaId: string, text: string) => ({ personaId, personaName: personaId, text, grounding: ['painPoints' as const] });
    const summary = summarizeAnswers('Would you order it?', [said('a', "Yes, I'd give it a try. Late deliveries are my worry."), said('b', 'Probably not, as it stands. Deliveries that come late put me off.'), said('c', 'Maybe, it depends on the details of the late delivery window.'), said('d', 'What would put me off is portions that are too small.')]);
    expect(summary.agree).toEqual(['a']);
    expect(summary.object).toEqual(['b']);
    expect(summary.themes[0]).toMatchObject({ label: 'Frustrations: deliveries, late', personaIds: ['a', 'b', 'c'] });
  });

  it('counts a concept test’s likelihoods, reasons and differing segments', () => {
    const ages = [20, 22, 50, 70, 52];
    const people = sets.find((s) => s.name === 'mealKits')!.personas.slice(0, 5).map((p, i) => ({ ...p, age: ages[i]!, incomeBracket: i % 4 < 2 ? ('low' as const) : ('high' as const), location: { ...p.location, country: i % 4 < 2 ? 'France' : 'Belgium' } }));
    const reason = (i: number) => [{ field: 'goals' as const, text: i < 4 ? 'It could help me save time.' : 'It could help me save some time.' }];
    const verdicts = people.map((p, i) => verdict(p, { likelihood: ([1, 1, 5, 5, 1] as const)[i]!, reasons: reason(i), objections: [], changeMind: '', rules: [] }));
    const summary = summarizeConcept(verdicts, people);
    expect(summary.distribution).toEqual([3, 0, 0, 0, 2]);
    expect(summary.mean).toBe(2.6);
    expect(summary.topReasons).toEqual([{ text: 'It could help me save time.', count: 5 }]);
    // Reported when at least 0.5 from the mean of 2.6 and two personas or more, furthest first: 45–54 (ages 50 and 52, mean 3) is not, nor 65+ (one persona); places are countries, the set having two.
    expect(summary.segments).toEqual([
      { by: 'income', label: 'High income', mean: 5, personas: 2 },
      { by: 'location', label: 'People in Belgium', mean: 5, personas: 2 },
      { by: 'age', label: 'Aged 16–24', mean: 1, personas: 2 },
      { by: 'income', label: 'Low income', mean: 1, personas: 3 },
      { by: 'location', label: 'People in France', mean: 1, personas: 3 },
    ]);

    for (const set of sets) {
      const real = set.personas.map((p) => verdict(p, judgeConcept({ text: `${offerOf(set.brief)} with easy cancelling`, price: '€15 a month' }, p, set.brief, 1)));
      const s = summarizeConcept(real, set.personas);
      expect(s.distribution.reduce((a, b) => a + b, 0)).toBe(set.personas.length);
      expect(s.mean).toBeCloseTo(real.reduce((a, v) => a + v.likelihood, 0) / real.length, 2);
      for (const segment of s.segments) expect(Math.abs(segment.mean - s.mean)).toBeGreaterThanOrEqual(0.49);
    }
  });
});
