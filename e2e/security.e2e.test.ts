/**
 * Browser mode's attack surface in real Chromium: the page's CSP (the same checks the Electron
 * variant runs), and another local page (a different 127.0.0.1 port) trying to drive the API,
 * read events or frame the app — even when it somehow knows the token.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspViolations, evalOutcome, foreignFetchOutcome, injectedStyleApplied, inlineScriptRan, pageGlobals, recordCspViolations, startSink } from './security-checklist';
import { generateInUi, launchBrowser, withApp } from './fixture';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page on another local port, as a malicious local web app or a page the user opened would be. */
async function servePage(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('browser mode security', () => {
  it('the page runs under a strict CSP: no eval, no injected inline script, no foreign connections, no Node', async () => {
    await withApp(browser, {}, async ({ page }) => {
      expect(await evalOutcome(page)).toMatch(/^refused/);
      expect(await inlineScriptRan(page)).toBe(false);
      const sink = await startSink();
      expect(await foreignFetchOutcome(page, sink.url)).toMatch(/^refused/);
      expect(sink.received()).toBe(0);
      await sink.close();
      expect(await pageGlobals(page)).toMatchObject({ require: 'undefined', process: 'undefined' });
      expect(await injectedStyleApplied(page)).toBe(false);
    });
  });

  it('every screen works under the CSP without inline styles: no violation reported, styles set by the app applied', async () => {
    await withApp(browser, {}, async ({ page }) => {
      await recordCspViolations(page);
      await page.reload();
      await generateInUi(page, { count: 4, ages: [20, 70] });
      await page.getByText('All fields').first().click();
      // The coverage bars' widths are set from script (CSSOM), which the policy allows.
      const widths = await page.getByRole('region', { name: 'Coverage' }).locator('.coverage-bar > span').evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().width));
      expect(Math.max(...widths)).toBeGreaterThan(0);
      await page.getByRole('link', { name: 'Dashboard' }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      for (const range of ['1 h', '24 h', '7 d', 'Live']) {
        await page.getByRole('radio', { name: range }).click();
        await page.waitForTimeout(200);
      }
      for (const [link, heading] of [['History', 'History'], ['Settings', 'Settings']] as const) {
        await page.getByRole('link', { name: link }).click();
        await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
      }
      expect(await cspViolations(page)).toEqual([]);
    });
  });

  it('another local page, even knowing the token, creates nothing through the API, reads no events and cannot show the app in a frame', async () => {
    await withApp(browser, {}, async (app) => {
      const before = app.core.store.listWorkshops().length;
      const target = app.server.url;
      const token = app.server.token;
      const evil = await servePage(`<!doctype html><body><script>
        window.results = {};
        const api = ${JSON.stringify(target)} + '/api/invoke/workshops:create';
        const body = JSON.stringify({ name: 'planted' });
        window.run = async () => {
          try { const r = await fetch(api, { method: 'POST', headers: { authorization: 'Bearer ${token}', 'content-type': 'application/json' }, body }); results.cors = r.status; } catch (e) { results.cors = 'blocked'; }
          try { await fetch(api + '?token=${token}', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }); results.simple = 'sent'; } catch (e) { results.simple = 'blocked'; }
          results.events = await new Promise((resolve) => { const s = new EventSource(${JSON.stringify(target)} + '/api/events?token=${token}'); s.onopen = () => { s.close(); resolve('open'); }; s.onerror = () => { s.close(); resolve('refused'); }; });
          results.frame = await new Promise((resolve) => { const f = document.createElement('iframe'); f.src = ${JSON.stringify(target)} + '/?token=${token}'; f.onload = () => resolve('loaded'); document.body.append(f); setTimeout(() => resolve('timeout'), 3000); });
          return results;
        };
      </script></body>`);
      try {
        const page = await app.context.newPage();
        await page.goto(evil.url);
        const results = await page.evaluate(() => (window as unknown as { run(): Promise<Record<string, unknown>> }).run());
        expect(results['cors']).toBe('blocked');
        expect(results['events']).toBe('refused');
        // The frame "loads" Chromium's error page: no frame shows the app (X-Frame-Options and frame-ancestors).
        expect(page.frames().map((f) => f.url()).filter((url) => url.startsWith(target))).toEqual([]);
        expect(await page.frames()[1]?.locator('nav[aria-label="Main"]').count()).toBe(0);
        // A no-cors request needs no CORS answer to be sent; the server refuses it (Origin, Sec-Fetch-Site): nothing was created.
        expect(app.core.store.listWorkshops()).toHaveLength(before);
        await page.close();
      } finally {
        await evil.close();
      }
    });
  });
});
