/**
 * Focus-group summaries name real shared topics: every theme word is a whole word that at least two of
 * the theme's personas wrote, never a stop word, a fragment ("bas" out of "based") or a filler verb;
 * who agrees or objects is read from what they said, nobody is on both sides, and the CLI prints no
 * "nobody" lists. The briefs and questions are the test's own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFromProfile, summarizeAnswers, type GroupAnswer } from '../src/main/asking/offline';
import { createCore, type Core } from '../src/main/core/core';
import { briefInputSchema, type BriefInput } from '../src/shared/brief';
import type { Brief, Persona } from '../src/shared/persona';

const BRIEFS: BriefInput[] = [
  { description: 'A personal finance app with savings pots for young renters in Porto', count: 6, level: 'standard', seed: 4 },
  { description: 'Fleet maintenance software with role-based access for logistics companies in Poland', count: 5, level: 'b2b', seed: 6 },
  { description: 'Online piano lessons for adult beginners in Melbourne', count: 5, level: 'simple', seed: 2 },
  { description: 'A dog-walking service for busy pet owners in Chicago', count: 6, level: 'standard', seed: 13 },
];

const QUESTIONS = [
  'What would make you trust this with your money?',
  'What frustrates you most about how you do this today?',
  'Would you pay for it every month?',
  'How do you usually find out about new services?',
  'What do you do to relax after a long day?',
  'Which features matter most to you?',
  'What would stop you from signing up?',
  'Who in your life would you recommend it to?',
  'What music or shows do you enjoy?',
  'How do you decide whether something is worth the price?',
];

/** Words that are never a theme: grammar, fillers and verbs every answer uses. */
const NEVER = new Set(
  `a about after all also an and any are as at be because been but by can could did do does for from get go had has have how i if in into is it its just like
  make me more most much my need no not now of on one or our out really so some than that the their them then there they this to too up use very want was way we
  well were what when where which while who why will with would you your find people thing things lot try going know think feel say good help day week app`.split(/\s+/),
);

/** A word's rough stem: a plural, then -ing, -ed or a final e off, so "walks" meets "walk" and "Fridays" meets "Friday". */
const rough = (w: string) => w.replace(/(?<!s)s$/, '').replace(/(ing|ed|e)$/, '');
const plainWords = (text: string) => text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9'-]+/).flatMap((w) => [w, ...w.split('-')]).filter((w) => w.length > 0);

let core: Core, dataDir: string;
const sets: Array<{ brief: Brief; personas: Persona[] }> = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'focus-themes-'));
  core = createCore({ dataDir, resources: null });
  for (const input of BRIEFS) {
    const { document } = await core.generate(briefInputSchema.parse(input));
    sets.push({ brief: document.brief!, personas: document.personas });
  }
});
afterAll(() => (core.close(), fs.rmSync(dataDir, { recursive: true, force: true })));

/** Every persona in turn, each seeing the answers before it, as a focus group runs. */
function group(question: string, brief: Brief, personas: readonly Persona[]): GroupAnswer[] {
  const others: string[] = [];
  return personas.map((persona) => {
    const answer = answerFromProfile(question, { persona, brief, seed: 42, history: [], othersAnswers: [...others] });
    others.push(answer.text);
    return { personaId: persona.id!, personaName: persona.name, text: answer.text, grounding: answer.grounding };
  });
}

describe('focus group themes', () => {
  it.each(QUESTIONS)('are whole shared words, and stances follow the answers: %s', (question) => {
    for (const { brief, personas } of sets) {
      const answers = group(question, brief, personas);
      const summary = summarizeAnswers(question, answers);
      const where = `${question} (${brief.description})\n${answers.map((a) => `${a.personaName}: ${a.text}`).join('\n')}\n${summary.themes.map((t) => t.label).join('\n')}`;
      for (const theme of summary.themes) {
        const [, list] = /^[^:]+: (.+)$/.exec(theme.label) ?? [];
        expect(list, where).toBeDefined();
        for (const word of list!.split(', ')) {
          expect(NEVER.has(word.toLowerCase()), `"${word}" in ${theme.label}\n${where}`).toBe(false);
          expect(word.length, `"${word}" in ${theme.label}\n${where}`).toBeGreaterThanOrEqual(3);
          const writers = theme.personaIds.filter((id) => plainWords(answers.find((a) => a.personaId === id)!.text).some((w) => rough(w) === rough(word.toLowerCase())));
          expect(writers.length, `"${word}" in ${theme.label} is not a whole word two of its personas wrote\n${where}`).toBeGreaterThanOrEqual(2);
        }
      }
      expect(summary.agree.filter((id) => summary.object.includes(id)), where).toEqual([]);
      for (const id of summary.object) expect(answers.find((a) => a.personaId === id)!.text, where).toMatch(/not|doubt|pass|n't|too much|more than I can/i);
    }
  });

  it('reads a plain no, a price refusal and a plain yes as stances', () => {
    const said = (personaId: string, text: string): GroupAnswer => ({ personaId, personaName: personaId, text, grounding: ['painPoints'] });
    const summary = summarizeAnswers('Would you sign up?', [
      said('a', "I'd sign up, I think. Missed walks are my worry."),
      said('b', "€40 a month is more than I can justify. Missed walks worry me too."),
      said('c', "I'm not convinced it's for me."),
      said('d', 'Maybe, it depends on the details.'),
    ]);
    expect(summary.agree).toEqual(['a']);
    expect(summary.object).toEqual(['b', 'c']);
    expect(summary.themes[0]?.label).toMatch(/missed, walks|walks, missed/);
  });

  it('never turns a hyphenated word into a fragment', () => {
    const said = (personaId: string, text: string): GroupAnswer => ({ personaId, personaName: personaId, text, grounding: ['b2b'] });
    const summary = summarizeAnswers('What matters when you buy?', [
      said('a', 'Role-based permissions matter to me.'),
      said('b', 'We need role-based permissions for the depot.'),
      said('c', 'Uptime is what I look at.'),
    ]);
    const labels = summary.themes.map((t) => t.label).join(' | ');
    expect(labels).toMatch(/permissions/);
    expect(labels).not.toMatch(/\bbas\b|\brol\b/);
  });
});
