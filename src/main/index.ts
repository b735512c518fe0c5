/** The Electron shell: one hardened window over the shared core. */
import { app, BrowserWindow } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { APP_ROOT, createCore, type Core } from './core';
import { createDispatcher } from './ipc/dispatcher';
import { bindElectronIpc } from './ipc/electron-binding';
import { bindBroadcasts } from './ipc/broadcasts';
import { createHandlers } from './ipc/handlers';
import { IPC_EVENT_CHANNEL } from '../shared/ipc/transport';
import { hardenApp } from './security';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const pageFile = path.join(here, '../renderer/index.html');
const pageUrl = pathToFileURL(pageFile).href;

function isAppUrl(url: string): boolean {
  if (devServerUrl) return url.startsWith(new URL(devServerUrl).origin + '/');
  return url.split(/[?#]/)[0] === pageUrl;
}

/** better-sqlite3 built for Electron's ABI by `npm run rebuild:electron`, kept apart from the Node build the tests use. */
function electronSqliteBinding(): string | undefined {
  const file = path.join(APP_ROOT, '.electron-native', 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

let core: Core | undefined;
const windows = new Set<BrowserWindow>();

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Persona Studio',
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  windows.add(win);
  win.on('closed', () => windows.delete(win));
  win.once('ready-to-show', () => win.show());
  void (devServerUrl ? win.loadURL(devServerUrl) : win.loadFile(pageFile));
  return win;
}

app.whenReady().then(() => {
  hardenApp(isAppUrl);
  const binding = electronSqliteBinding();
  core = createCore({ dataDir: app.getPath('userData'), ...(binding ? { sqliteNativeBinding: binding } : {}) });
  const dispatch = createDispatcher(createHandlers(core), (channel, error) => console.error(`[ipc] ${channel}`, error));
  bindElectronIpc({ dispatch, isAppUrl, isOwnWindow: (contents) => [...windows].some((w) => w.webContents === contents) });
  bindBroadcasts(core, (event, payload) => {
    for (const win of windows) if (!win.webContents.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, event, payload);
  });
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => core?.close());
