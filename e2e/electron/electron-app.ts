/**
 * Launching the built app under Electron for `npm run test:electron`, on machines that have
 * Electron's binary; each launch gets its own data folder through PERSONA_STUDIO_DATA_DIR.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * Electron's binary, found as the electron package finds it (dist/ + path.txt), without requiring
 * the package: electron 45 would try to download a missing binary, and nothing may download here.
 */
function electronBinary(): string {
  const pkg = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return '';
  const file = path.join(pkg, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(file) ? file : '';
}
export const ELECTRON_BINARY = electronBinary();
export const SKIP_REASON =
  "skipped: Electron's binary is absent (node_modules/electron/dist, or its path.txt, is missing: electron was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or could not download it)";

export interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

export async function launchElectronApp(): Promise<LaunchedApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-electron-'));
  const app = await electron.launch({ executablePath: ELECTRON_BINARY, args: [path.join(ROOT, 'out', 'main', 'index.js')], env: { ...process.env, PERSONA_STUDIO_DATA_DIR: dataDir } });
  const page = await app.firstWindow();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return {
    app,
    page,
    dataDir,
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
