/**
 * Life stage read from profiles written in French, Spanish, German, Italian, Portuguese, Arabic and
 * Simplified Chinese (test/fixtures/life-stage-languages.json, hand-written). Precision must be total
 * (a stage the text does not state is worse than "Not stated"); recall at least 95% per language.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_STATED, statedLifeStage, type SetPersona } from '../src/main/summarizing';

interface Case {
  id: string;
  occupation: string;
  bio: string;
  goals: string[];
  painPoints: string[];
  expect: string;
}

const DIR = path.join(__dirname, 'fixtures');
const CORPUS = JSON.parse(fs.readFileSync(path.join(DIR, 'life-stage-languages.json'), 'utf8')) as Record<string, Case[] | string>;
const BASE = (JSON.parse(fs.readFileSync(path.join(DIR, 'summary-sets', 'lyon-meal-kits.json'), 'utf8')) as { personas: SetPersona[] }).personas[4]!;
const LANGUAGES = ['fr', 'es', 'de', 'it', 'pt', 'ar', 'zh'] as const;

describe('life stage in other languages, only as the text states it', () => {
  for (const language of LANGUAGES) {
    it(`${language}: every stage found is the stated one, and at least 95% of stated ones are found`, () => {
      const cases = CORPUS[language] as Case[];
      expect(cases.length).toBeGreaterThanOrEqual(12);
      const wrong: string[] = [];
      let stated = 0;
      let found = 0;
      for (const c of cases) {
        const got = statedLifeStage({ ...BASE, id: c.id, occupation: c.occupation, bio: c.bio, goals: c.goals, painPoints: c.painPoints, age: 40 });
        if (c.expect !== NOT_STATED) stated += 1;
        if (got === c.expect && got !== NOT_STATED) found += 1;
        if (got !== NOT_STATED && got !== c.expect) wrong.push(`${c.id} ${c.bio} → ${got} (expected ${c.expect})`);
        else if (got !== c.expect) wrong.push(`missed ${c.id} ${c.bio} (expected ${c.expect})`);
      }
      const precisionErrors = wrong.filter((w) => !w.startsWith('missed'));
      expect(precisionErrors, 'precision').toEqual([]);
      expect(found / stated, `recall ${found}/${stated}\n${wrong.join('\n')}`).toBeGreaterThanOrEqual(0.95);
    });
  }
});
