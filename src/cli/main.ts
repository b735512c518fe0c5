/** Entry point of `npm run cli` and of the installed bin (bin/persona-studio.js). */
import { runCli } from './index';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
