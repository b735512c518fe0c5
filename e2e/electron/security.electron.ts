/// <reference lib="dom" />
/**
 * Electron's security checklist against the real app (`npm run test:electron`), with the same
 * in-page checks the browser-mode e2e runs (e2e/security-checklist.ts). Skipped without the binary.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evalOutcome, foreignFetchOutcome, inlineScriptRan, pageGlobals, startSink, permissionOutcomes, urlAfterNavigatingTo, windowOpenResult } from '../security-checklist';
import { ELECTRON_BINARY, launchElectronApp, ROOT, SKIP_REASON, type LaunchedApp } from './electron-app';

let launched: LaunchedApp | undefined;
afterEach(async () => {
  await launched?.close();
  launched = undefined;
});

describe.runIf(ELECTRON_BINARY === '')('security checklist (Electron)', () => {
  it.skip(SKIP_REASON, () => {});
});

describe.skipIf(ELECTRON_BINARY === '')('security checklist (Electron)', () => {
  it('has a strict CSP: no eval, no inline script, no foreign connections', async () => {
    launched = await launchElectronApp();
    expect(await evalOutcome(launched.page)).toMatch(/^refused/);
    expect(await inlineScriptRan(launched.page)).toBe(false);
    const sink = await startSink();
    expect(await foreignFetchOutcome(launched.page, sink.url)).toMatch(/^refused/);
    expect(sink.received()).toBe(0);
    await sink.close();
  });

  it('isolates the page: no Node, only the two-function bridge', async () => {
    launched = await launchElectronApp();
    expect(await pageGlobals(launched.page)).toEqual({ require: 'undefined', process: 'undefined', bridgeKeys: ['invoke', 'on'] });
  });

  it('blocks navigation away from the app and denies new windows, opening nothing in the system browser', async () => {
    launched = await launchElectronApp();
    // shell.openExternal recorded (it must not be called) instead of opening the test machine's browser.
    await launched.app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as { openedExternally?: string[] }).openedExternally = opened;
      shell.openExternal = async (url: string) => void opened.push(url);
    });
    const before = launched.page.url();
    expect(await urlAfterNavigatingTo(launched.page, 'https://example.com/')).toBe(before);
    expect(await windowOpenResult(launched.page, 'https://example.com/')).toBe('denied');
    expect(await windowOpenResult(launched.page, 'file:///etc/passwd')).toBe('denied');
    expect(launched.app.windows()).toHaveLength(1);
    expect(await launched.app.evaluate(() => (globalThis as { openedExternally?: string[] }).openedExternally)).toEqual([]);
  });

  it('denies permission requests', async () => {
    launched = await launchElectronApp();
    const outcomes = await permissionOutcomes(launched.page);
    expect(outcomes.notification).toBe('denied');
    expect(outcomes.media).toBe('refused: NotAllowedError');
  });

  it('answers IPC only from its own windows: a foreign window with the same page and preload is refused', async () => {
    launched = await launchElectronApp();
    const own = await launched.page.evaluate(async () => {
      const bridge = (window as unknown as { personaStudio: { invoke(c: string, r: unknown): Promise<{ ok: boolean }> } }).personaStudio;
      return (await bridge.invoke('app:info', {})).ok;
    });
    expect(own).toBe(true);
    const files = { preload: path.join(ROOT, 'out', 'preload', 'index.cjs'), page: path.join(ROOT, 'out', 'renderer', 'index.html') };
    const foreign = await launched.app.evaluate(async ({ BrowserWindow }, { preload, page }) => {
      const win = new BrowserWindow({ show: false, webPreferences: { preload, sandbox: true, contextIsolation: true } });
      try {
        await win.loadFile(page);
        return (await win.webContents.executeJavaScript("window.personaStudio.invoke('app:info', {}).then((r) => r.ok ? 'answered' : r.error.code)")) as string;
      } finally {
        win.destroy();
      }
    }, files);
    expect(foreign).toBe('forbidden');
  });
});
