/**
 * npm run bench -- reliability: the reliability suite at full size (test/reliability), each suite
 * after a small warm-up run of itself: 50 SIGKILL trials, 10,000 hostile IPC payloads, 1,000
 * generations under provider chaos, and the secret scan. These are counts, not timings: each is run
 * once; the chaos run's event-loop lag p99 is the median over three equal slices of its calls.
 * `lost` counts every acknowledged change that is not there as acknowledged: missing, half-saved
 * or in a file that fails its integrity check. Exits non-zero when any of the zero targets is missed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCrashTrials } from '../test/reliability/crash-harness';
import { runIpcFuzz } from '../test/reliability/ipc-fuzzer';
import { runProviderChaos } from '../test/reliability/provider-chaos';
import { runSecretScan } from '../test/reliability/secret-scan';
import { median, round } from './_measure';

const SEED = 20261122;
const made: string[] = [];
const folder = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `persona-bench-${name}-`));
  made.push(dir);
  return dir;
};
const seconds = (since: number) => round((performance.now() - since) / 1000, 1);

try {
  console.log('Warm-up: 2 kill trials, 300 fuzz payloads, 30 chaos calls');
  await runCrashTrials({ seed: SEED + 1, trials: 2, dataDir: folder('crash-warmup') });
  await runIpcFuzz({ seed: SEED + 1, payloads: 300, dataDir: folder('fuzz-warmup') });
  await runProviderChaos({ seed: SEED + 1, calls: 30, dataDir: folder('chaos-warmup') });

  let started = performance.now();
  const crash = await runCrashTrials({ seed: SEED, trials: 50, dataDir: folder('crash') });
  const lost = crash.lost + crash.halfSaved + crash.integrityFailures;
  console.log(
    `crash:   ${crash.trials} SIGKILLs (${crash.killedWhileStarting} while starting), ${crash.acknowledged} acknowledged changes; missing ${crash.lost}, half-saved ${crash.halfSaved}, integrity failures ${crash.integrityFailures} (${seconds(started)} s)`,
  );
  for (const problem of crash.problems) console.log(`  ${problem}`);

  started = performance.now();
  const fuzz = await runIpcFuzz({ seed: SEED, payloads: 10_000, dataDir: folder('fuzz'), viaHttpShare: 0.05 });
  console.log(
    `fuzz:    ${fuzz.payloads} payloads (${fuzz.viaHttp} over HTTP), ${fuzz.accepted} accepted, ${fuzz.rejected} refused; crashes ${fuzz.crashes}, untyped ${fuzz.untyped}, unparsed in a handler ${fuzz.unparsedReachedHandler}, heap +${round(fuzz.heapGrowthMb, 1)} MB (${seconds(started)} s)`,
  );

  started = performance.now();
  const slices = [];
  for (let slice = 0; slice < 3; slice++) slices.push(await runProviderChaos({ seed: SEED + slice, calls: slice < 2 ? 333 : 334, dataDir: folder(`chaos-${slice}`) }));
  const chaos = {
    calls: slices.reduce((n, s) => n + s.calls, 0),
    overdue: slices.reduce((n, s) => n + s.overdue + s.providerCallsOverdue, 0),
    unvalidated: slices.reduce((n, s) => n + s.unvalidatedStored, 0),
    fallbacks: slices.reduce((n, s) => n + s.fallbacks, 0),
    failed: slices.reduce((n, s) => n + s.failed, 0),
    lagP99: median(slices.map((s) => s.lagP99Ms)),
    maxOverrunMs: Math.max(...slices.map((s) => s.maxOverrunMs)),
    retryAfterIgnored: slices.reduce((n, s) => n + s.retryAfterIgnored, 0),
  };
  console.log(
    `chaos:   ${chaos.calls} generations at a 30% fault mix; ${chaos.fallbacks} with offline fallback, ${chaos.failed} failed; overdue ${chaos.overdue} (largest overrun ${round(chaos.maxOverrunMs)} ms), stored without validation ${chaos.unvalidated}; lag p99 per slice ${slices.map((s) => round(s.lagP99Ms, 1)).join(' / ')} ms (${seconds(started)} s)`,
  );

  started = performance.now();
  const secrets = await runSecretScan(folder('secrets'));
  console.log(
    `secrets: searched ${secrets.searched.ipcResponses} IPC answers, ${secrets.searched.events} events, ${secrets.searched.logBytes} bytes of output, ${secrets.searched.exports} exports, ${secrets.searched.files} data files; leaks ${secrets.leaks.length} (${seconds(started)} s)`,
  );
  for (const leak of secrets.leaks) console.log(`  leak: ${leak}`);

  const line = `reliability: kill_trials=${crash.trials} lost=${lost} fuzz_payloads=${fuzz.payloads} crashes=${fuzz.crashes} chaos_calls=${chaos.calls} overdue=${chaos.overdue} lag_p99_ms=${round(chaos.lagP99, 1)} leaks=${secrets.leaks.length}`;
  console.log(line);
  // Everything the tests hold at zero, not only what the last line shows.
  const missed =
    lost > 0 ||
    fuzz.crashes > 0 ||
    fuzz.untyped > 0 ||
    fuzz.unparsedReachedHandler > 0 ||
    fuzz.responseMismatches > 0 ||
    (fuzz.byCode['internal'] ?? 0) > 0 ||
    fuzz.prototypePollution.length > 0 ||
    !fuzz.coreAnswersAfter ||
    chaos.overdue > 0 ||
    chaos.unvalidated > 0 ||
    chaos.retryAfterIgnored > 0 ||
    chaos.lagP99 >= 100 ||
    secrets.leaks.length > 0 ||
    !secrets.crashed;
  process.exitCode = missed ? 1 : 0;
} finally {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
}
