/** Entry point of `npm run cli`; the installed bin (bin/persona-studio.js) calls runCli the same way. */
import { runCli } from './index';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
