/**
 * Asking the personas, in sections that each fill part of the last line:
 * - offline: the built-in engine's answer for one persona, and a focus group of 10 (ten answers, each
 *   seeing the ones before, then the summary), on personas from the offline engine. Each run answers
 *   fresh copies of the personas, as a request read from storage would, over questions of every intent.
 *   Targets: one answer < 30 ms median, a focus group of 10 < 150 ms.
 * - streaming and priority (_ask-streaming.ts): with the stand-in server streaming, how long after
 *   the server sends an answer's first token it reaches the page through browser mode (the real IPC
 *   dispatcher and its event stream), against a bare fetch of the same stream (target < 50 ms,
 *   median); and how long a user's question waits behind 20 queued background calls, against the
 *   same question first in, first out.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { answerFromProfile, summarizeAnswers } from '../src/main/asking/offline';
import { createCore } from '../src/main/core/core';
import { briefInputSchema } from '../src/shared/brief';
import type { Brief, Persona } from '../src/shared/persona';
import { streamingSection } from './_ask-streaming';
import { measure, round } from './_measure';

interface AskResults {
  offline_ms: number | null;
  group10_ms: number | null;
  first_token_overhead_ms: number | null;
  priority_wait_ms: number | null;
}

const QUESTIONS = [
  'What frustrates you most?',
  'What are you hoping to achieve this year?',
  'How do you usually find out about new products?',
  'What do you watch in the evenings?',
  'How much would you pay for this?',
  'Tell me about yourself.',
  'What matters most to you?',
  'Would you use it?',
  'What is your role at work?',
  'Do you believe in ghosts?',
];
const WARMUP = 10;
const REPEAT = 60;

async function offlineSection(): Promise<Pick<AskResults, 'offline_ms' | 'group10_ms'>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-ask-bench-'));
  const core = createCore({ dataDir: dir, resources: null });
  try {
    const sets: Array<{ brief: Brief; personas: Persona[] }> = [];
    for (const input of [
      { description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 10, level: 'standard', seed: 1 },
      { description: 'Procurement software for mid-size manufacturers in Germany', count: 10, level: 'b2b', seed: 2 },
    ]) {
      const { document } = await core.generate(briefInputSchema.parse(input));
      sets.push({ brief: document.brief!, personas: document.personas });
    }
    let run = 0;
    const next = () => {
      const set = sets[run % sets.length]!;
      const question = QUESTIONS[run % QUESTIONS.length]!;
      run++;
      // Fresh copies: nothing read from a persona on an earlier run is reused.
      return { set, question, personas: structuredClone(set.personas), seed: run };
    };

    const one = await measure(
      'offline answer, one persona',
      () => {
        const { set, question, personas, seed } = next();
        return answerFromProfile(question, { persona: personas[seed % personas.length]!, brief: set.brief, seed, history: [] });
      },
      { warmup: WARMUP, repeat: REPEAT },
    );
    const group = await measure(
      'offline focus group of 10 (answers + summary)',
      () => {
        const { set, question, personas, seed } = next();
        const answers: Array<{ personaId: string; personaName: string; text: string; grounding: ReturnType<typeof answerFromProfile>['grounding'] }> = [];
        for (const persona of personas) {
          const answer = answerFromProfile(question, { persona, brief: set.brief, seed, history: [], othersAnswers: answers.map((a) => a.text) });
          answers.push({ personaId: persona.id ?? persona.name, personaName: persona.name, ...answer });
        }
        return summarizeAnswers(question, answers);
      },
      { warmup: WARMUP, repeat: REPEAT },
    );
    console.log(`targets: one answer < 30 ms (${one.median < 30 ? 'met' : 'MISSED'}), focus group of 10 < 150 ms (${group.median < 150 ? 'met' : 'MISSED'})`);
    return { offline_ms: round(one.median), group10_ms: round(group.median) };
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}


const results: AskResults = { ...(await offlineSection()), ...(await streamingSection()) };
const show = (value: number | null) => (value === null ? 'na' : String(value));
console.log(
  `ask: offline_ms=${show(results.offline_ms)} group10_ms=${show(results.group10_ms)} first_token_overhead_ms=${show(results.first_token_overhead_ms)} priority_wait_ms=${show(results.priority_wait_ms)}`,
);
