/**
 * persona-studio: the headless command line over the same core as the app.
 * Exit codes: 0 success, 1 the work failed (generation, or nothing recoverable), 2 usage error.
 */
import { UsageError, type CliIo } from './args';
import { GENERATE_USAGE, runGenerate } from './generate-command';
import { EXPORT_USAGE, runExport } from './export-command';
import { METRICS_USAGE, runMetrics } from './metrics-command';
import { REPAIR_USAGE, runRepair } from './repair-command';
import { CHECK_USAGE, runCheck } from './check-command';
import { WORKSHOPS_USAGE, runWorkshops } from './workshops-command';
import { RUNS_USAGE, runRuns } from './runs-command';
import { ASK_USAGE, CONCEPT_USAGE, runAsk, runConcept } from './ask-command';
import { IMPORT_USAGE, runImport } from './import-command';
import { SUMMARY_USAGE, runSummary } from './summary-command';

export type { CliIo } from './args';

export const USAGE = `Usage:
  ${GENERATE_USAGE}

  ${REPAIR_USAGE}

  ${CHECK_USAGE}

  ${IMPORT_USAGE}

  ${EXPORT_USAGE}

  ${METRICS_USAGE}

  ${WORKSHOPS_USAGE}

  ${RUNS_USAGE}

  ${ASK_USAGE}

  ${CONCEPT_USAGE}

  ${SUMMARY_USAGE}

  persona-studio --help    show this help`;

const COMMANDS: Record<string, (argv: readonly string[], io: CliIo) => Promise<number>> = {
  generate: runGenerate,
  repair: runRepair,
  check: runCheck,
  export: runExport,
  metrics: runMetrics,
  workshops: runWorkshops,
  runs: runRuns,
  ask: runAsk,
  concept: runConcept,
  import: runImport,
  summary: runSummary,
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command.startsWith('-')) {
      throw new UsageError(`a command is required: persona-studio generate "<brief>" or persona-studio repair < answer.txt`);
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command "${command}"; the commands are ${Object.keys(COMMANDS).join(', ')}`);
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}`);
      io.err('Run persona-studio --help for the options.');
      return 2;
    }
    throw error;
  }
}
