/**
 * Crash durability: the core killed with SIGKILL at seeded random moments keeps every acknowledged
 * change, leaves every run or workshop being deleted whole or gone, and app.db stays whole.
 * `npm test` runs 6 trials; `npm run test:reliability` runs 50.
 */
import { describe, expect, it } from 'vitest';
import { runCrashTrials } from './crash-harness';
import { LONG } from './suite-size';
import { tempDir } from '../helpers';

const TRIALS = LONG ? 50 : 6;

describe('crash durability', () => {
  it(`keeps every acknowledged change over ${TRIALS} SIGKILLs, with app.db whole and no half-saved run`, { timeout: LONG ? 600_000 : 120_000 }, async () => {
    const report = await runCrashTrials({ seed: 20261122, trials: TRIALS, dataDir: tempDir('persona-crash-') });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ trials: TRIALS, lost: 0, integrityFailures: 0, halfSaved: 0, halfDeleted: 0 });
    // Deletes of runs and workshops were among them, acknowledged or cut by a kill.
    expect(report.deletes.acknowledged + report.deletes.cutAndKept + report.deletes.cutAndGone).toBeGreaterThan(0);
    // The trials did real work: changes were acknowledged and some kills hit start-up.
    expect(report.acknowledged).toBeGreaterThan(TRIALS * 2);
    expect(report.killedWhileStarting).toBeGreaterThan(0);
  });
});
