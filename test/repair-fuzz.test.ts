/**
 * 10,000 seeded mutations of valid answers: repair never throws anything but
 * NothingRecoverableError, always returns a document valid at its level, and never spends 50 ms on
 * one answer (a slow answer is timed up to three times, so a GC pause or a busy CI core is not blamed on it).
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../src/main/world/random';
import { NothingRecoverableError, repairPersonaDocument } from '../src/main/validation/repair-persona-document';
import { DOCUMENT_SCHEMAS, LEVELS, type Level } from '../src/shared/persona';
import { jsonSchemaValidators } from './helpers';
import { damageLikeAnLlm, enginePersonas, mutateAnswer } from './support/llm-answers';

const MUTATIONS = 10_000;
const LIMIT_MS = 50;

describe('repair fuzz', () => {
  it(`survives ${MUTATIONS.toLocaleString('en')} seeded mutations of valid answers`, async () => {
    const seeds: Array<{ level: Level; count: number; text: string }> = [];
    for (const level of LEVELS) {
      const personas = await enginePersonas(level, 5, 11);
      seeds.push({ level, count: 5, text: JSON.stringify(personas, null, 2) });
      seeds.push({ level, count: 5, text: JSON.stringify({ personas }) });
      seeds.push({ level, count: 3, text: damageLikeAnLlm(personas) });
    }
    const validators = jsonSchemaValidators();
    // Warm-up outside the count: the limit is about repair's work, not the JIT compiling it.
    const warm = new SeededRandom(1);
    for (let i = 0; i < 300; i++) {
      const seed = warm.pick(seeds);
      try {
        repairPersonaDocument(mutateAnswer(seed.text, warm), { level: seed.level, count: seed.count });
      } catch {
        // Outcomes are checked in the counted run below.
      }
    }
    const rng = new SeededRandom(20261121);
    const outcomes = { documents: 0, nothingRecoverable: 0 };
    const failures: string[] = [];
    let slowest = 0;

    for (let i = 0; i < MUTATIONS; i++) {
      const seed = rng.pick(seeds);
      const raw = mutateAnswer(seed.text, rng);
      const run = () => repairPersonaDocument(raw, { level: seed.level, count: seed.count });
      let elapsed = 0;
      try {
        const start = performance.now();
        let result;
        try {
          result = run();
        } finally {
          elapsed = performance.now() - start;
        }
        if (!DOCUMENT_SCHEMAS[seed.level].safeParse(result.document).success || !validators[seed.level](result.document)) {
          failures.push(`mutation ${i}: the document is not valid at level ${seed.level}`);
        }
        outcomes.documents++;
      } catch (error) {
        if (error instanceof NothingRecoverableError) outcomes.nothingRecoverable++;
        else failures.push(`mutation ${i}: threw ${(error as Error).stack ?? String(error)}`);
      }
      // A slow answer is timed again, twice at most: the limit is on the work, not on a busy moment.
      for (let retry = 0; retry < 2 && elapsed > LIMIT_MS; retry++) {
        const again = performance.now();
        try {
          run();
        } catch {
          // Already counted above; only the time matters here.
        }
        elapsed = Math.min(elapsed, performance.now() - again);
      }
      if (elapsed > LIMIT_MS) failures.push(`mutation ${i}: took ${elapsed.toFixed(1)} ms (${raw.length} characters)`);
      slowest = Math.max(slowest, elapsed);
    }
    console.log(`repair fuzz: ${outcomes.documents} documents, ${outcomes.nothingRecoverable} nothing recoverable, slowest ${slowest.toFixed(1)} ms`);
    expect(failures.slice(0, 10)).toEqual([]);
    expect(outcomes.documents + outcomes.nothingRecoverable).toBe(MUTATIONS);
    // The mutations must mostly leave something to recover, or the test proves little.
    expect(outcomes.documents).toBeGreaterThan(MUTATIONS * 0.8);
  }, 240_000);
});
