/** npm run web [-- --port N] [--data DIR] [--open]: browser mode on 127.0.0.1 (--open: in the default browser, where there is one). */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { APP_ROOT } from '../core';
import { defaultDataDir } from '../platform';
import { reportUncaughtErrorsScrubbed, SecretRegistry } from '../platform';
import { startBrowserMode } from './browser-mode';
import { openInBrowser } from './open-browser';

// Made before the core, which fills it, so that a crash at any point prints with the keys hidden.
const secretRegistry = new SecretRegistry();
reportUncaughtErrorsScrubbed(secretRegistry);

const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' }, open: { type: 'boolean' } } });
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`error: --port must be a whole number from 0 to 65535 (got ${JSON.stringify(values.port)})`);
  process.exit(2);
}
const app = await startBrowserMode({ core: { dataDir: values.data ?? defaultDataDir(), secretRegistry }, rendererDir: path.join(APP_ROOT, 'out', 'renderer'), port });
console.log(`Persona Studio ready at ${app.server.launchUrl}`);
if (values.open && !openInBrowser(app.server.launchUrl)) console.log('No browser could be opened here: open the address above in one.');

const stop = async () => {
  await app.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
