/**
 * npm start: the desktop app where Electron can run. Where it cannot (its binary was not
 * downloaded, or there is no display) one line says why and the same app starts in browser mode
 * on 127.0.0.1, opened in the default browser when there is one, with no Electron-only build step.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildRendererIfStale } from './renderer-build';

const root = path.resolve(import.meta.dirname, '..');
const electronVite = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

/** Why Electron cannot show a window here, or null when it can. */
function electronUnavailable(): string | null {
  // Read what electron's install step left rather than require('electron'), which would try to download it.
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  const binary = fs.existsSync(pathFile) ? path.join(process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? path.join(dir, 'dist'), fs.readFileSync(pathFile, 'utf8').trim()) : null;
  if (!binary || !fs.existsSync(binary)) return "Electron's binary is not installed (it could not be downloaded, or ELECTRON_SKIP_BINARY_DOWNLOAD was set)";
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  return null;
}

/** Runs a command with this terminal, and exits with its code. */
function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const reason = electronUnavailable();
if (reason === null) {
  const native = await run(process.execPath, [path.join(root, 'scripts', 'rebuild-electron-native.mjs'), '--if-missing']);
  process.exit(native === 0 ? await run(process.execPath, [electronVite, 'preview']) : native);
} else {
  console.log(`Electron cannot run here: ${reason}. Starting Persona Studio in browser mode instead.`);
  buildRendererIfStale();
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  process.exit(await run(process.execPath, [tsx, path.join(root, 'src', 'main', 'web', 'main.ts'), '--open', ...process.argv.slice(2)]));
}
