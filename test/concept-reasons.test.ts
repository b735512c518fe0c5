/**
 * Concept verdicts read as reasons: every verdict says something grounded, no line is given both for
 * and against, a reason quoting a profile line quotes one that is about the concept (not one that
 * shares a word like "home"), a price reason quotes a line about money, "far too much" never sits in
 * the middle of the scale, and the summary's segments hold two personas or more under readable labels.
 * The briefs and concepts are the test's own; the word matching below is the test's, not the engine's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeConcept, offerOf, summarizeConcept } from '../src/main/asking/offline';
import { createCore, type Core } from '../src/main/core/core';
import { briefInputSchema, type BriefInput } from '../src/shared/brief';
import type { ConceptVerdict } from '../src/shared/conversations';
import type { Brief, Persona } from '../src/shared/persona';

const BRIEFS: BriefInput[] = [
  { description: 'A personal finance app with savings pots for young renters in Porto', count: 6, level: 'standard', seed: 4 },
  { description: 'Home fitness coaching by video for shift workers in Manchester', count: 5, level: 'standard', seed: 9 },
  { description: 'Online piano lessons for adult beginners in Melbourne', count: 5, level: 'standard', seed: 2 },
  { description: 'Fleet maintenance software for logistics companies in Poland', count: 4, level: 'b2b', seed: 6 },
  { description: 'A dog-walking service for busy pet owners in Chicago', count: 5, level: 'standard', seed: 13 },
];

const CONCEPTS: Array<{ text: string; price?: string }> = [
  { text: 'A home hearing test kit that checks your hearing in ten minutes', price: '€39 a week' },
  { text: 'A savings pot that rounds up card payments and puts the change aside', price: '€2 a month' },
  { text: 'A cooking class subscription with live chefs every Sunday', price: '€25 a month' },
  { text: 'A noise-cancelling headset for open-plan offices', price: '£180 one-off' },
  { text: 'Electric cargo bike rental by the hour', price: '€4 per use' },
  { text: 'A dog-walking app with GPS tracking of every walk', price: '$15 a week' },
  { text: 'A meditation app with sleep stories read by actors', price: '$8 a month' },
  { text: 'Predictive maintenance alerts for delivery vans, with a mobile dashboard', price: '€900 a month' },
  { text: 'A second-hand furniture marketplace with free collection' },
  { text: 'A shared vegetable garden plot in the neighbourhood', price: '€10 a month' },
  { text: 'A language exchange evening in a local café', price: '€5 per session' },
  { text: 'Renters insurance covering theft and water damage', price: '€12 a month' },
  { text: 'Co-working desks with childcare on site', price: '€300 a month' },
  { text: 'A smart thermostat that cuts heating bills', price: '€199 one-off' },
  { text: 'Premium snack boxes in plastic wrappers delivered to your desk', price: '€20 a week' },
  { text: 'A budgeting workshop for first-time renters' },
  { text: 'Bike repair at your door within a day', price: '€35 per session' },
  { text: 'An AI chatbot that answers tax questions, with no human support', price: '€6 a month' },
  { text: 'Compliance audit software for warehouses with role-based permissions', price: '€2,000 a month' },
  { text: 'A loyalty card for independent bookshops' },
  { text: 'Video piano lessons with a real teacher giving feedback', price: '€60 a month' },
];
const SEEDS = [1, 42];

/** Words that say nothing about a topic on their own: sharing one of them is no overlap. */
const GENERIC = new Set(
  `a about all also and any are as at be by can could do every for from get has have help home how in into is it its just keep make more my need new no not of on one or our own people that the their them they this to too up use want way what when which who will with would you your
  find good better best cheap easy time day week month year thing things work life lot start stop able`.split(/\s+/),
);
/** A few topics said in different words, so a real synonym match is not counted against the engine. */
const TOPICS: ReadonlyArray<readonly string[]> = [
  ['price', 'cost', 'afford', 'budge', 'expen', 'money', 'fee', 'fees', 'pay', 'payme', 'pricey', 'bargai', 'disco', 'value', 'spend', 'bill', 'bills', 'saving', 'save', 'cheap'],
  ['eco', 'green', 'susta', 'envir', 'plane', 'waste', 'recyc', 'compo', 'carbo', 'plast'],
  ['healt', 'nutri', 'wellb', 'diet', 'fitne', 'exerc', 'sleep', 'stres', 'medit'],
  ['famil', 'kid', 'kids', 'child', 'paren'],
  ['cance', 'commi', 'contr', 'flexi', 'pause', 'lock'],
  ['local', 'neigh', 'nearb', 'commu'],
  ['quali', 'relia', 'durab'],
  ['safe', 'secur', 'priva', 'trust', 'data', 'track'],
  ['quick', 'fast', 'minut', 'hour', 'rush', 'speed', 'busy'],
  ['simpl', 'conve', 'hassl', 'effor'],
];
const MONEY = /\b(price|prices|pricing|cost|costs|fees?|afford|budget|money|cheap|expensive|spend|spending|pay|paying|value|bills?|saving|savings|save|discount|subscription)/i;

const words = (text: string) => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !/^\d+$/.test(w));
/** A word's rough stem: a plural, then -ing, -ed or a final e off, then five letters, so "biking" meets "bike" and "evenings" meets "evening". */
const key = (w: string) => w.replace(/(?<!s)s$/, '').replace(/(ing|ed|e)$/, '').slice(0, 5);
/** Short topic words match whole (so "fee" is not "feedback"), longer ones as a prefix. */
const topicOf = (w: string) => TOPICS.findIndex((group) => group.some((g) => (g.length <= 4 ? w === g || w === `${g}s` : w.startsWith(g))));
/** What two texts share that counts as a topic: a word (by its first five letters) that is not generic, or a topic group. */
function sharedTopics(a: string, b: string): string[] {
  const mine = words(a).filter((w) => !GENERIC.has(w));
  const theirs = words(b).filter((w) => !GENERIC.has(w));
  const keys = new Set(theirs.map(key));
  const groups = new Set(theirs.map(topicOf).filter((t) => t >= 0));
  return mine.filter((w) => keys.has(key(w)) || (topicOf(w) >= 0 && groups.has(topicOf(w))));
}

interface Cited {
  field: string;
  text: string;
}
const linesOf = (p: Persona): Cited[] => [
  ...p.goals.map((text) => ({ field: 'goals', text })),
  ...p.painPoints.map((text) => ({ field: 'painPoints', text })),
  ...(p.values ?? []).map((text) => ({ field: 'values', text })),
  ...(p.interests ?? []).map((text) => ({ field: 'interests', text })),
  ...(p.channels ?? []).map((text) => ({ field: 'channels', text })),
  ...(p.b2b?.buyingCriteria ?? []).map((text) => ({ field: 'b2b', text })),
];
/** The profile lines of a field a verdict's sentence quotes: nearly all of the line's own words appear in it, and no longer quoted line holds it. */
function cited(sentence: string, persona: Persona, field?: string): Cited[] {
  const said = new Set(words(sentence).map(key));
  const found = linesOf(persona).filter((line) => {
    if (field && line.field !== field) return false;
    const own = words(line.text).filter((w) => !GENERIC.has(w));
    return own.length > 0 && own.filter((w) => said.has(key(w))).length / own.length >= 0.8;
  });
  return found.filter((line) => !found.some((other) => other !== line && other.text.length > line.text.length && other.text.toLowerCase().includes(line.text.toLowerCase())));
}

let core: Core, dataDir: string;
const sets: Array<{ brief: Brief; personas: Persona[] }> = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-reasons-'));
  core = createCore({ dataDir, resources: null });
  for (const input of BRIEFS) {
    const { document } = await core.generate(briefInputSchema.parse(input));
    sets.push({ brief: document.brief!, personas: document.personas });
  }
});
afterAll(() => (core.close(), fs.rmSync(dataDir, { recursive: true, force: true })));

const toVerdict = (p: Persona, v: ReturnType<typeof judgeConcept>): ConceptVerdict => ({ personaId: p.id!, personaName: p.name, ...v, source: { engine: 'offline', model: null } });

describe('concept verdict reasons', () => {
  it.each(CONCEPTS)('read as reasons grounded in the profile: $text', (concept) => {
    for (const { brief, personas } of sets) {
      for (const persona of personas) {
        for (const seed of SEEDS) {
          const v = judgeConcept(concept, persona, brief, seed);
          const texts = [...v.reasons, ...v.objections].map((r) => r.text);
          const where = `${persona.name} on "${concept.text}" (${brief.description}), seed ${seed}: ${v.likelihood}/5\n${texts.join('\n')}\n${v.rules.join('\n')}`;
          expect(texts.length, where).toBeGreaterThanOrEqual(1);
          expect(new Set(texts.map((t) => t.toLowerCase())).size, where).toBe(texts.length);
          if (v.objections.some((o) => /far too much|far beyond/i.test(o.text))) expect(v.likelihood, where).toBeLessThanOrEqual(2);
          for (const reason of v.reasons) {
            const price = /\bprice\b/i.test(reason.text);
            const lines = cited(reason.text, persona, price ? undefined : reason.field);
            if (price) {
              // A price reason quotes only a line about money, and a pain point is never something one "cares about".
              for (const line of lines) expect(line.text, `${reason.text}\n${where}`).toMatch(MONEY);
              if (lines.some((l) => l.field === 'painPoints')) expect(reason.text, where).not.toMatch(/I care about that/i);
              continue;
            }
            // A value may fit the offer itself; other lines must meet the concept's own words.
            const about = reason.field === 'values' ? `${concept.text} ${offerOf(brief)}` : concept.text;
            for (const line of lines) expect(sharedTopics(line.text, about), `"${line.text}" has nothing to do with the concept\n${where}`).not.toEqual([]);
          }
        }
      }
    }
  });

  it('gives the same verdict for the same seed', () => {
    const { brief, personas } = sets[0]!;
    for (const concept of CONCEPTS.slice(0, 5)) expect(judgeConcept(concept, personas[0]!, brief, 7)).toEqual(judgeConcept(concept, personas[0]!, brief, 7));
  });
});

describe('concept summary segments', () => {
  it.each(CONCEPTS)('reports only segments of two personas or more, with readable labels: $text', (concept) => {
    for (const { brief, personas } of sets) {
      const verdicts = personas.map((p) => toVerdict(p, judgeConcept(concept, p, brief, 1)));
      const summary = summarizeConcept(verdicts, personas);
      for (const s of summary.segments) {
        expect(s.personas, JSON.stringify(s)).toBeGreaterThanOrEqual(2);
        const pattern = { age: /^Aged \d+(–\d+|\+)$/, location: /^People in \p{Lu}/u, income: /^(Low|Lower-middle|Middle|Upper-middle|High) income$/ }[s.by];
        expect(s.label).toMatch(pattern);
      }
    }
  });
});
