/**
 * Interview answers from the built-in engine answer the question asked: the form of the question
 * (yes/no or open) decides whether a verdict is given, the answer stays on the question's topic or
 * on the profile field that answers it, speaks in the first person without talk of "the profile",
 * and no two personas of a focus group say the same thing. Questions here are this file's own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFromProfile } from '../src/main/asking/offline';
import { goalInfinitive, toFirstPerson } from '../src/main/asking/offline/voice';
import { createCore, type Core } from '../src/main/core/core';
import { briefInputSchema, type BriefInput } from '../src/shared/brief';
import type { Brief, Persona } from '../src/shared/persona';
import { normalizeForMatch } from '../src/main/world';

const BRIEFS: Record<string, BriefInput> = {
  lawn: { description: 'Lawn-care subscription for homeowners in Ohio', count: 5, level: 'standard', seed: 7 },
  fleet: { description: 'Fleet tracking software for logistics companies in Rotterdam', count: 5, level: 'b2b', seed: 3 },
  hospital: { description: 'Patient scheduling software for hospitals in Madrid', count: 4, level: 'b2b', seed: 12 },
  bikes: { description: 'Bike theft insurance for commuters in Berlin', count: 5, level: 'standard', seed: 5 },
  dogs: { description: 'Fresh dog food delivery for dog owners in Lyon', count: 5, level: 'standard', seed: 9 },
  students: { description: 'Meal planning app for university students in Montreal', count: 5, level: 'standard', seed: 4, ageRange: [18, 25] },
};

type Field = 'painPoints' | 'goals' | 'values' | 'interests' | 'channels' | 'bio' | 'occupation' | 'b2b' | 'incomeBracket' | 'culturalProfile';
type Kind = 'open' | 'yesno' | 'numeric' | 'offProfile';
/** A question, its kind, and what a relevant answer touches: one of the topic words, or an item of one of the fields. */
interface Case {
  set: string;
  q: string;
  kind: Kind;
  topic: string[];
  fields: Field[];
}

const CASES: Case[] = [
  { set: 'lawn', q: 'How do you look after your garden at the moment?', kind: 'open', topic: ['garden', 'lawn', 'yard', 'grass', 'mow'], fields: ['goals', 'painPoints'] },
  { set: 'lawn', q: 'What annoys you about mowing the grass?', kind: 'open', topic: ['mow', 'grass', 'lawn'], fields: ['painPoints'] },
  { set: 'lawn', q: 'Who does the chores around your house?', kind: 'open', topic: ['chore', 'house', 'home'], fields: ['bio', 'goals', 'painPoints'] },
  { set: 'lawn', q: 'Would you pay a monthly fee to never mow again?', kind: 'yesno', topic: ['mow', 'fee', 'pay', 'month', 'price', 'income'], fields: ['goals', 'painPoints', 'incomeBracket'] },
  { set: 'lawn', q: 'How many square metres is your lawn?', kind: 'numeric', topic: ['lawn', 'garden', 'yard'], fields: [] },
  { set: 'lawn', q: 'When did you last go fishing?', kind: 'offProfile', topic: ['fish'], fields: ['interests', 'bio'] },
  { set: 'fleet', q: 'How do you keep track of your vehicles today?', kind: 'open', topic: ['track', 'vehicle', 'truck', 'fleet', 'driver', 'route'], fields: ['b2b', 'painPoints', 'goals'] },
  { set: 'fleet', q: 'What slows your team down during peak season?', kind: 'open', topic: ['peak', 'season', 'slow', 'team'], fields: ['painPoints', 'b2b'] },
  { set: 'fleet', q: 'Who signs off on new software at your company?', kind: 'open', topic: ['sign', 'software', 'decision', 'buy'], fields: ['b2b'] },
  { set: 'fleet', q: 'Why would you switch providers?', kind: 'open', topic: ['switch', 'provider', 'vendor', 'supplier'], fields: ['painPoints', 'goals', 'b2b'] },
  { set: 'fleet', q: 'Do you like the idea of live tracking for customers?', kind: 'yesno', topic: ['track', 'customer', 'live'], fields: ['goals', 'painPoints', 'b2b'] },
  { set: 'fleet', q: 'How many drivers does your firm employ?', kind: 'numeric', topic: ['driver', 'firm', 'company', 'people'], fields: ['b2b'] },
  { set: 'fleet', q: 'What do you trust when picking a supplier?', kind: 'open', topic: ['trust', 'supplier', 'vendor', 'reliab', 'honest'], fields: ['values', 'b2b', 'painPoints'] },
  { set: 'hospital', q: 'How many beds does your hospital have?', kind: 'numeric', topic: ['bed', 'hospital', 'ward', 'patient'], fields: [] },
  { set: 'hospital', q: 'What makes scheduling shifts so hard?', kind: 'open', topic: ['schedul', 'shift', 'rota', 'staff'], fields: ['painPoints', 'b2b'] },
  { set: 'hospital', q: 'How do patients book appointments now?', kind: 'open', topic: ['patient', 'book', 'appointment', 'schedul'], fields: ['painPoints', 'goals', 'b2b'] },
  { set: 'hospital', q: 'What would you change about your working week?', kind: 'open', topic: ['work', 'week', 'shift'], fields: ['goals', 'painPoints', 'bio'] },
  { set: 'bikes', q: 'How do you get to work?', kind: 'open', topic: ['bike', 'cycle', 'bus', 'train', 'car', 'walk', 'commute', 'work', 'tram'], fields: ['bio', 'occupation'] },
  { set: 'bikes', q: 'Where do you leave your bike overnight?', kind: 'open', topic: ['bike', 'lock', 'theft', 'stolen', 'park', 'cycl'], fields: ['painPoints', 'goals'] },
  { set: 'bikes', q: 'Why do you worry about theft?', kind: 'open', topic: ['theft', 'stolen', 'steal', 'lock', 'bike'], fields: ['painPoints'] },
  { set: 'bikes', q: 'Have you ever had anything stolen?', kind: 'yesno', topic: ['theft', 'stolen', 'steal', 'bike', 'lock'], fields: ['painPoints'] },
  { set: 'bikes', q: 'What does your weekend usually look like?', kind: 'open', topic: ['weekend'], fields: ['interests', 'bio'] },
  { set: 'bikes', q: 'How much did your bike cost?', kind: 'numeric', topic: ['bike', 'cost', 'price', 'income'], fields: ['incomeBracket'] },
  { set: 'dogs', q: 'What do you feed your dog?', kind: 'open', topic: ['dog', 'food', 'feed', 'meal', 'kibble', 'pet'], fields: ['goals', 'painPoints'] },
  { set: 'dogs', q: "What is your dog's name?", kind: 'numeric', topic: ['dog', 'name', 'pet'], fields: [] },
  { set: 'dogs', q: 'Would you try a fresh food plan for your pet?', kind: 'yesno', topic: ['fresh', 'food', 'dog', 'pet'], fields: ['goals', 'painPoints'] },
  { set: 'dogs', q: 'Why is it hard to find good food for your dog?', kind: 'open', topic: ['dog', 'food', 'feed', 'pet'], fields: ['painPoints'] },
  { set: 'dogs', q: 'Would you pay more for organic ingredients?', kind: 'yesno', topic: ['organic', 'ingredient', 'price', 'pay', 'income'], fields: ['incomeBracket', 'values'] },
  { set: 'dogs', q: 'Where do you go for advice about your pets?', kind: 'open', topic: ['advice', 'vet', 'pet', 'dog'], fields: ['channels'] },
  { set: 'students', q: 'What stops you from cooking on weeknights?', kind: 'open', topic: ['cook', 'meal', 'dinner', 'evening', 'night', 'kitchen'], fields: ['painPoints'] },
  { set: 'students', q: 'Why can you not sleep before exams?', kind: 'open', topic: ['sleep', 'exam', 'stress', 'tired', 'night', 'study'], fields: ['painPoints'] },
  { set: 'students', q: 'How do you get home after a late lecture?', kind: 'open', topic: ['home', 'bus', 'metro', 'walk', 'bike', 'cycle', 'train', 'car', 'lecture'], fields: ['bio'] },
  { set: 'students', q: 'How much do you spend on groceries each week?', kind: 'numeric', topic: ['grocer', 'spend', 'budget', 'price', 'money', 'income'], fields: ['incomeBracket'] },
  { set: 'students', q: 'Who do you live with?', kind: 'open', topic: ['live', 'flat', 'room', 'parent', 'famil', 'alone'], fields: ['bio'] },
  { set: 'students', q: 'What do you hope to be doing in five years?', kind: 'open', topic: ['hope', 'year'], fields: ['goals'] },
  // Five questions in other languages: understood, answered in English.
  { set: 'students', q: "Comment allez-vous à l'université ?", kind: 'open', topic: ['universit', 'campus', 'bus', 'metro', 'walk', 'bike', 'cycl', 'train', 'car', 'class', 'lecture', 'study'], fields: ['bio', 'occupation'] },
  { set: 'bikes', q: 'Wie schützen Sie Ihr Fahrrad heute?', kind: 'open', topic: ['bike', 'lock', 'theft', 'stolen', 'protect', 'secur', 'cycl'], fields: ['painPoints', 'goals'] },
  { set: 'students', q: '¿Qué es lo que más te frustra de cocinar?', kind: 'open', topic: ['cook', 'meal', 'kitchen', 'food'], fields: ['painPoints'] },
  { set: 'dogs', q: 'Quanto spendi per il cibo del tuo cane?', kind: 'numeric', topic: ['dog', 'food', 'spend', 'price', 'money', 'income'], fields: ['incomeBracket'] },
  { set: 'lawn', q: 'O que é mais importante para você?', kind: 'open', topic: ['important', 'matter'], fields: ['values'] },
];

let core: Core, dataDir: string;
const sets = new Map<string, { brief: Brief; personas: Persona[] }>();

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interview-answers-'));
  core = createCore({ dataDir, resources: null });
  for (const [name, input] of Object.entries(BRIEFS)) {
    const { document } = await core.generate(briefInputSchema.parse(input));
    sets.set(name, { brief: document.brief!, personas: document.personas });
  }
});
afterAll(() => (core.close(), fs.rmSync(dataDir, { recursive: true, force: true })));

function group(question: string, name: string, seed = 42) {
  const { brief, personas } = sets.get(name)!;
  const others: string[] = [];
  return personas.map((persona) => {
    const answer = answerFromProfile(question, { persona, brief, seed, history: [], othersAnswers: [...others] });
    others.push(answer.text);
    return { persona, text: answer.text };
  });
}

const plain = (text: string) => normalizeForMatch(text);
/** Verdict phrasings an open question must never get: a yes, a no or a maybe about taking something up. */
const VERDICT = /\b(I'd (definitely |happily |probably )?(try it|give it a (try|go)|sign up|use it|pass)|count me in|maybe, it depends|possibly, if|I might, but|I'm open to it|it could work for me|probably not, as it stands|I doubt it's for me|not convinced it's for me|not really for me)\b/i;
const META = /\bprofile\b/i;
/** Content words of a text, each cut to its first five letters, so "theft" and "thefts", "cooking" and "cook" meet. */
const roots = (text: string) => new Set(plain(text).trim().split(' ').filter((w) => w.length >= 4 && !STOP.has(w)).map((w) => w.slice(0, 5)));
const STOP = new Set('what when where which would could should your with have that this they them their there about from into more most much some very just like does doing done been being really also than then make makes made every each other only over such'.split(' '));

function fieldTexts(p: Persona, field: Field): string[] {
  if (field === 'bio') return p.bio.split(/(?<=[.!?])\s+/);
  if (field === 'occupation') return [p.occupation];
  if (field === 'incomeBracket') return p.incomeBracket ? [p.incomeBracket] : [];
  if (field === 'culturalProfile') return Object.values(p.culturalProfile ?? {}).flat().map(String);
  if (field === 'b2b') return p.b2b ? [...p.b2b.buyingCriteria, ...(p.b2b.objections ?? []), p.b2b.role, p.b2b.industry] : [];
  return (p[field] as string[] | undefined) ?? [];
}

/** Relevant: the answer uses a topic word, or shares two content words with an item of an expected field (one for a one-word item). */
function relevant(answer: string, c: Case, p: Persona): boolean {
  const said = roots(answer);
  if (c.topic.some((t) => [...said].some((r) => r.startsWith(t.slice(0, 5))))) return true;
  return c.fields.some((f) =>
    fieldTexts(p, f).some((item) => {
      const own = [...roots(item)];
      const shared = own.filter((r) => said.has(r)).length;
      return shared >= Math.min(2, own.length) && own.length > 0;
    }),
  );
}

/** Name parts of the persona that could only be the persona talking about itself in the third person. */
function nameParts(p: Persona): string[] {
  const elsewhere = plain(`${p.location.city} ${p.location.region ?? ''} ${p.location.country} ${JSON.stringify(p.culturalProfile ?? {})} ${JSON.stringify(p.b2b ?? {})}`);
  return p.name.split(/\s+/).filter((w) => w.length >= 3 && !elsewhere.includes(plain(w).trim()));
}

describe('interview answers', () => {
  it('gives a verdict only to a yes/no question about taking something up', () => {
    for (const c of CASES.filter((c) => c.kind !== 'yesno')) {
      for (const { persona, text } of group(c.q, c.set)) expect(text, `${c.q} / ${persona.name}`).not.toMatch(VERDICT);
    }
    const yes = group('Would you sign up for it?', 'lawn').map((g) => g.text);
    expect(yes.every((t) => VERDICT.test(t) || /\b(yes|no|not|probably|maybe)\b/i.test(t)), yes.join('\n')).toBe(true);
  });

  it('never talks about its profile, and declines figures it does not have in character', () => {
    for (const c of CASES) {
      for (const { persona, text } of group(c.q, c.set)) {
        expect(text, `${c.q} / ${persona.name}`).not.toMatch(META);
        expect(text.length, c.q).toBeGreaterThan(10);
        if (c.kind === 'numeric' && !/how much/i.test(c.q) && !/quanto/i.test(c.q)) {
          // No number is made up: any digit said is one the profile holds.
          for (const [n] of text.matchAll(/\d+/g)) expect(JSON.stringify(persona), `${c.q}: ${text}`).toContain(n);
        }
      }
    }
  });

  it('stays on the question: a topic word, or an item of the field that answers it', () => {
    const misses: string[] = [];
    let total = 0;
    for (const c of CASES.filter((c) => c.kind !== 'offProfile')) {
      for (const { persona, text } of group(c.q, c.set)) {
        total++;
        if (!relevant(text, c, persona)) misses.push(`${c.q} / ${persona.name}: ${text}`);
      }
    }
    // Every answer is on topic, but for the odd persona whose profile holds nothing near it.
    expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(Math.floor(total * 0.05));
  });

  it('speaks in the first person, without the persona’s own name or third-person verbs', () => {
    for (const c of CASES.filter((c) => !/who do you live|weekend/i.test(c.q))) {
      for (const { persona, text } of group(c.q, c.set)) {
        for (const part of nameParts(persona)) expect(text, `${c.q} / ${persona.name}`).not.toMatch(new RegExp(`\\b${part}\\b`, 'u'));
        expect(text, c.q).not.toMatch(/\b(she|he) (is|has|works|lives)\b/i);
      }
    }
  });

  it('gives no two personas of a focus group the same answer, and the same answer for a seed', () => {
    for (const c of CASES) {
      const texts = group(c.q, c.set).map((g) => g.text);
      expect(new Set(texts).size, `${c.q}\n${texts.join('\n')}`).toBe(texts.length);
      expect(group(c.q, c.set).map((g) => g.text)).toEqual(texts);
    }
  });

  it('turns a bio into the first person whole, or leaves it out', () => {
    expect(toFirstPerson('Diệu Hồng works full-time and guards weekends for family.', ['Nguyễn Diệu Hồng', 'Nguyễn', 'Diệu Hồng'])).toBe('I work full-time and guard weekends for family.');
    // A sentence whose subject cannot be turned keeps its own verbs: no "cycles … and take the bus".
    const odd = toFirstPerson('Most days cycles to work and takes the bus in winter.', ['Ana Lima', 'Ana']);
    expect(odd === null || !/cycles .* and take\b/.test(odd), String(odd)).toBe(true);
    expect(goalInfinitive('bring off-contract buying under control')).toBe('to bring off-contract buying under control');
    expect(goalInfinitive('saving for a flat')).toBe('to focus on saving for a flat');
  });
});
