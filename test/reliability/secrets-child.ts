/**
 * Browser mode in a child process for the secret scan: prints its launch URL, serves until killed.
 * SIGUSR2 makes it crash with an uncaught error thrown from inside the core, so the scan can read
 * what a crash prints.
 */
import path from 'node:path';
import { startBrowserMode } from '../../src/main/web/browser-mode';

const [dataDir, rendererDir] = process.argv.slice(2);
if (!dataDir || !rendererDir) throw new Error('usage: secrets-child.ts DATA_DIR RENDERER_DIR');
const app = await startBrowserMode({ core: { dataDir, resources: null, backupDelayMs: 200 }, rendererDir: path.resolve(rendererDir) });
console.log(`ready ${app.server.launchUrl}`);
process.on('SIGUSR2', () => {
  setImmediate(() => {
    // A crash from deep in the core: a settings save that fails validation, never caught.
    app.core.settings.update({ limits: { maxConcurrency: -1 } });
  });
});
