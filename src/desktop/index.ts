/** The desktop module: the Electron shell, one hardened window over the shared core (the app's Electron entry). */
import { app, BrowserWindow, dialog, safeStorage, screen } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { APP_ROOT, createCore, type Core } from '../main/core';
import { PAPER_FORMAT, type PdfPrinter } from '../main/reports';
import type { SecretBox } from '../main/platform';
import { createDispatcher } from '../main/ipc';
import { bindElectronIpc } from './electron-binding';
import { bindBroadcasts } from '../main/ipc';
import { createHandlers } from '../main/ipc';
import { IPC_EVENT_CHANNEL } from '../shared/ipc/transport';
import { hardenApp } from './security';
import { notifyCriticalAlerts } from './critical-notifications';
import { appUrlMatcher, WINDOW_WEB_PREFERENCES } from '../main/platform';
import { reportUncaughtErrorsScrubbed, SecretRegistry } from '../main/platform';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const pageFile = path.join(here, '../renderer/index.html');
const pageUrl = pathToFileURL(pageFile).href;

const isAppUrl = appUrlMatcher(pageUrl, devServerUrl);

/** better-sqlite3 built for Electron's ABI by `npm run rebuild:electron`, kept apart from the Node build the tests use. */
function electronSqliteBinding(): string | undefined {
  const file = path.join(APP_ROOT, '.electron-native', 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

let core: Core | undefined;
const windows = new Set<BrowserWindow>();

/** API keys sealed by the OS keychain through safeStorage, when the OS offers one. */
function keychainSecrets(): SecretBox | undefined {
  // On Linux without a keyring, safeStorage falls back to a fixed password ('basic_text'): the key file is better.
  if (!safeStorage.isEncryptionAvailable() || (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')) return undefined;
  return {
    storage: 'os_keychain',
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

/**
 * Reports printed by Electron itself: a hidden, sandboxed window with no preload and JavaScript off
 * loads the report and prints it, with bookmarks from the headings, tagged (so the PDF has /Lang and
 * a structure), on A4 or Letter unless the page's CSS sets its size. A session keeps the window for
 * the report's second pass.
 */
const electronPdfPrinter: PdfPrinter = {
  async print(html, options = {}) {
    const session = await electronPdfPrinter.session!(options);
    try {
      return await session.print(html);
    } finally {
      await session.close();
    }
  },
  async session({ paper = 'a4', signal } = {}) {
    signal?.throwIfAborted();
    const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false } });
    const abort = () => win.destroy();
    signal?.addEventListener('abort', abort, { once: true });
    let folder: string | undefined;
    return {
      async print(html) {
        signal?.throwIfAborted();
        // Chromium refuses URLs over 2 MB: a report with large fonts or a logo goes through a private temporary file.
        const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
        if (url.length < 1_900_000) await win.loadURL(url);
        else {
          folder ??= await fs.promises.mkdtemp(path.join(app.getPath('temp'), 'persona-report-'));
          const file = path.join(folder, 'report.html');
          await fs.promises.writeFile(file, html, { mode: 0o600 });
          await win.loadFile(file);
        }
        const pdf = await win.webContents.printToPDF({ pageSize: PAPER_FORMAT[paper], printBackground: true, preferCSSPageSize: true, generateDocumentOutline: true, generateTaggedPDF: true });
        signal?.throwIfAborted();
        return pdf;
      },
      async close() {
        signal?.removeEventListener('abort', abort);
        if (!win.isDestroyed()) win.destroy();
        if (folder) await fs.promises.rm(folder, { recursive: true, force: true });
      },
    };
  },
  close: async () => {},
};

interface WindowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

const boundsFile = () => path.join(app.getPath('userData'), 'window.json');

/** The last window's bounds, if they still fit on a connected display. */
function savedBounds(): Partial<WindowBounds> {
  try {
    const b = JSON.parse(fs.readFileSync(boundsFile(), 'utf8')) as WindowBounds;
    if (![b.x, b.y, b.width, b.height].every(Number.isFinite)) return {};
    const visible = screen.getAllDisplays().some(({ workArea: a }) => b.x < a.x + a.width && b.x + b.width > a.x && b.y < a.y + a.height && b.y + b.height > a.y);
    return visible ? b : { width: b.width, height: b.height };
  } catch {
    return {};
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    ...savedBounds(),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Persona Studio',
    webPreferences: {
      ...WINDOW_WEB_PREFERENCES,
      preload: path.join(here, '../preload/index.cjs'),
      spellcheck: true,
    },
  });
  windows.add(win);
  win.on('close', () => {
    try {
      fs.writeFileSync(boundsFile(), JSON.stringify(win.getNormalBounds()));
    } catch {
      // Losing the window position is harmless.
    }
  });
  win.on('closed', () => windows.delete(win));
  win.once('ready-to-show', () => win.show());
  void (devServerUrl ? win.loadURL(devServerUrl) : win.loadFile(pageFile));
  return win;
}

// Made before the core, which fills it, so that a crash at any point prints with the keys hidden.
const secretRegistry = new SecretRegistry();
reportUncaughtErrorsScrubbed(secretRegistry, (text) => dialog.showErrorBox('Persona Studio', text));

// Tests (and anyone keeping separate workspaces) can give the app its own data folder.
if (process.env['PERSONA_STUDIO_DATA_DIR']) app.setPath('userData', process.env['PERSONA_STUDIO_DATA_DIR']);

// One instance: a second launch brings the first window forward instead of opening the databases twice.
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  const [win] = windows;
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
});

app.whenReady().then(() => {
  hardenApp(isAppUrl);
  const binding = electronSqliteBinding();
  const secrets = keychainSecrets();
  core = createCore({
    dataDir: app.getPath('userData'),
    secretRegistry,
    ...(binding ? { sqliteNativeBinding: binding } : {}),
    ...(secrets ? { secrets } : {}),
    pdfPrinter: electronPdfPrinter,
    onRestartNeeded: () => {
      // exit() skips will-quit: the databases are closed here first.
      core?.close();
      app.relaunch();
      app.exit(0);
    },
  });
  const dispatch = createDispatcher(createHandlers(core), (channel, error) => console.error(`[ipc] ${channel}: ${secretRegistry.describeForLog(error)}`), secretRegistry);
  bindElectronIpc({ dispatch, isAppUrl, isOwnWindow: (contents) => [...windows].some((w) => w.webContents === contents) });
  bindBroadcasts(
    core,
    (event, payload) => {
      for (const win of windows) if (!win.webContents.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, event, payload);
    },
    () => windows.size > 0,
  );
  notifyCriticalAlerts(core, () => [...windows][0]);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => core?.close());
