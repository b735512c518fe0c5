/**
 * npm start: the desktop app where Electron can run. Where it cannot (its binary was not
 * downloaded, or there is no display) one line says why and the same app starts in browser mode
 * on 127.0.0.1, opened in the default browser when there is one, with no Electron-only build step.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildRendererIfStale } from './renderer-build';

const root = path.resolve(import.meta.dirname, '..');
const electronVite = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

/** Electron's binary as its package's install step leaves it, or null (read directly: require('electron') would download it). */
function electronBinary(): string | null {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? path.join(dir, 'dist'), fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

/** Why Electron cannot show a window here, or null when it can (its binary is fetched first when it may be). */
function electronUnavailable(): string | null {
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  if (electronBinary()) return null;
  if (process.env['ELECTRON_SKIP_BINARY_DOWNLOAD']) return "Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD is set)";
  // Electron's package fetches its binary on first use, not at npm install.
  const fetched = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
  return fetched.status === 0 && electronBinary() ? null : "Electron's binary could not be downloaded";
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
