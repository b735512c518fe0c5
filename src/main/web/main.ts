/** npm run web [-- --port N] [--data DIR]: browser mode on 127.0.0.1. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { APP_ROOT, createCore } from '../core';
import { defaultDataDir } from '../data-dir';
import { createDispatcher } from '../ipc/dispatcher';
import { bindBroadcasts } from '../ipc/broadcasts';
import { createHandlers } from '../ipc/handlers';
import { startWebServer } from './web-server';

const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' } } });
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`error: --port must be a whole number from 0 to 65535 (got ${JSON.stringify(values.port)})`);
  process.exit(2);
}
const core = createCore({ dataDir: values.data ?? defaultDataDir() });
const server = await startWebServer({
  dispatch: createDispatcher(createHandlers(core), (channel, error) => console.error(`[web] ${channel}`, error)),
  rendererDir: path.join(APP_ROOT, 'out', 'renderer'),
  port,
});
const unbind = bindBroadcasts(core, server.emit, server.hasListeners);
console.log(`Persona Studio ready at ${server.launchUrl}`);

const stop = async () => {
  unbind();
  await server.close();
  core.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
