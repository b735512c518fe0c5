/**
 * Browser-mode e2e fixture: a data folder per test, the real core and web server on 127.0.0.1, and
 * /usr/bin/chromium driven by playwright-core (nothing downloaded). Screenshots go to test-results/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Core, CoreOptions } from '../src/main/core/core';
import { CHROMIUM_ARGS, chromiumPath } from '../src/main/reports/pdf-printer';
import { startBrowserMode } from '../src/main/web';
import type { WebServer } from '../src/main/web';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
export const CHROMIUM = chromiumPath();

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`The browser tests need Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH.`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface App {
  /** The core now serving (a new one after a recovery restart). */
  readonly core: Core;
  server: WebServer;
  context: BrowserContext;
  page: Page;
  dataDir: string;
  /** Every response body the page received, for leak checks. */
  responses: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface AppOptions {
  viewport?: { width: number; height: number };
  /** Runs on the data folder before the core opens it (prefilled history, for instance). */
  prepare?: (dataDir: string) => void | Promise<void>;
  core?: Omit<CoreOptions, 'dataDir'>;
}

export async function openApp(browser: Browser, options: AppOptions = {}): Promise<App> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-e2e-'));
  await options.prepare?.(dataDir);
  const mode = await startBrowserMode({ core: { dataDir, resources: null, ...options.core }, rendererDir: path.join(REPO_ROOT, 'out', 'renderer') });
  const { server } = mode;
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  const responses: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/invoke/')) void response.text().then((body) => responses.push(body), () => undefined);
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.launchUrl);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  return {
    get core() {
      return mode.core;
    },
    server,
    context,
    page,
    dataDir,
    responses,
    screenshot: async (name) => {
      await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: false });
    },
    close: async () => {
      await context.close();
      await mode.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
    },
  };
}

/** Opens the app, runs `fn` with it and closes it whatever happens (closing fails the test when the page threw). */
export async function withApp(browser: Browser, options: AppOptions, fn: (app: App) => Promise<void>): Promise<void> {
  const app = await openApp(browser, options);
  try {
    await fn(app);
  } finally {
    await app.close();
  }
}

export { editFirstQuoteInUi, generateInUi } from './ui';
