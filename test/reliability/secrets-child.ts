/**
 * Browser mode in a child process for the secret scan: prints its launch URL, serves until killed.
 * It reports uncaught errors as the app does; SIGUSR2 makes it crash on an error that carries a
 * key, so the scan reads what a crash prints.
 */
import path from 'node:path';
import { reportUncaughtErrorsScrubbed } from '../../src/main/platform/secret-redaction';
import { startBrowserMode } from '../../src/main/web';

const [dataDir, rendererDir] = process.argv.slice(2);
if (!dataDir || !rendererDir) throw new Error('usage: secrets-child.ts DATA_DIR RENDERER_DIR');
const app = await startBrowserMode({ core: { dataDir, resources: null, backupDelayMs: 200 }, rendererDir: path.resolve(rendererDir) });
console.log(`ready ${app.server.launchUrl}`);
reportUncaughtErrorsScrubbed(app.core.secretRegistry);
process.on('SIGUSR2', () => {
  setImmediate(() => {
    // The worst crash: a careless error built around the key itself, never caught.
    throw new Error(`could not authenticate with ${app.core.settings.get().openai.apiKey ?? 'no key'}`);
  });
});
