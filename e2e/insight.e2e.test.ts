/**
 * Performance the user can see and steer (issue 23), in Chromium against browser mode and the test
 * provider server: the time left during a run on a slow engine, both engines' figures on the
 * Engines tab, a suggestion applied, an optimization started and seen in the list and the
 * timeline, the performance report downloaded as a PDF; axe and screenshots on every tab.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MonitorStore } from '../src/main/monitoring/monitor-store';
import { WorkshopStore } from '../src/main/workshops/workshop-store';
import { briefInputSchema } from '../src/shared/brief';
import { ProviderServer } from '../test/support/provider-server';
import { expectNoSeriousViolations } from './a11y';
import { launchBrowser, withApp, type App } from './fixture';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const STEP_TIMEOUT_MS = 20_000;
const TABS = ['Overview', 'Engines', 'Caching', 'Resources', 'Optimization'] as const;
const VIEWPORTS = [
  { width: 900, height: 600 },
  { width: 1920, height: 1080 },
] as const;

const brief = (seed: number, count = 2) => briefInputSchema.parse({ description: `Eco-friendly meal-kit delivery for busy parents in Lyon ${seed}`, count, level: 'standard', seed });

async function openTab(page: Page, name: (typeof TABS)[number]): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect.poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
  await expect.poll(() => page.getByRole('tabpanel', { name }).getByText('Loading…').count(), { timeout: STEP_TIMEOUT_MS }).toBe(0);
}

/** Entries preloaded and never asked for: the cache then suggests turning preloading off, a suggestion with Apply. */
async function wastePreloading(app: App): Promise<void> {
  for (let i = 0; i < 25; i++) {
    await app.core.cache.preload({ kind: 'culture', key: `culture:e2e-wasted-${i}`, canonical: JSON.stringify({ wasted: i }) }, async () => ({ wasted: i }));
  }
}

/** A critical alert a session before this one left active: most of an engine's calls failing. */
function prefillFailingEngine(dataDir: string): void {
  const store = WorkshopStore.open(dataDir);
  new MonitorStore(store.database).insertAlert({ rule: 'provider_errors', severity: 'critical', message: '80% of provider calls failed in the last minute.', value: 0.8, threshold: 0.5, raisedAt: Date.now() - 30_000 });
  store.close();
}

describe('performance the user can see and steer (browser mode)', () => {
  it('shows the time left on a slow engine, both engines on the Engines tab, applies a suggestion, starts an optimization and exports the report', async () => {
    const provider = await ProviderServer.start();
    try {
      await withApp(browser, { viewport: VIEWPORTS[1] }, async (app) => {
        const { page } = app;
        page.setDefaultTimeout(STEP_TIMEOUT_MS);
        // The built-in engine's figures, then the test provider's: a history the estimate learns from.
        await app.core.generate(brief(1));
        app.core.settings.update({ provider: 'openai', openai: { baseUrl: `${provider.url}/v1`, model: 'm', stream: false } });
        provider.setScript(() => ({ latencyMs: 1_500 }));
        await app.core.generate(brief(2));
        await app.core.generate(brief(3));

        // A slower run from the Workshop, its calls answered one after another: the progress says how long is left.
        let call = 0;
        provider.setScript(() => ({ latencyMs: 2_000 + 1_500 * call++ }));
        await page.getByRole('spinbutton', { name: 'Personas' }).fill('6');
        await page.getByRole('button', { name: 'Generate', exact: true }).click();
        const eta = page.getByTestId('generation-eta');
        await expect.poll(() => eta.textContent(), { timeout: STEP_TIMEOUT_MS }).toMatch(/left/);
        await app.screenshot('insight-workshop-eta');
        await page.getByRole('heading', { name: /^6 personas\b/ }).waitFor({ timeout: 60_000 });

        await wastePreloading(app);
        await page.getByRole('link', { name: /^Dashboard/ }).click();
        await page.getByRole('heading', { name: 'Dashboard', level: 2 }).waitFor();

        // Both engines, side by side and each in its own card.
        await openTab(page, 'Engines');
        const compare = page.getByRole('tabpanel', { name: 'Engines' }).locator('table').first();
        await expect.poll(async () => (await compare.locator('thead th').allTextContents()).length, { timeout: STEP_TIMEOUT_MS }).toBeGreaterThanOrEqual(3);
        const headers = (await compare.locator('thead th').allTextContents()).join(' | ');
        expect(headers).toMatch(/OpenAI/i);
        expect(headers).toMatch(/built-in|offline/i);
        const p50 = await compare.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'Latency p50' }) }).locator('td').allTextContents();
        // The test provider's 1.5 s and more are measured; nothing is shown as an invented 0.
        expect(p50.some((cell) => /\d(\.\d+)? s$/.test(cell))).toBe(true);
        for (const cell of p50) expect(cell).not.toMatch(/^0 (ms|s)$/);

        // Apply the suggestion the wasted preloading produced.
        await openTab(page, 'Optimization');
        const panel = page.getByRole('tabpanel', { name: 'Optimization' });
        const apply = panel.getByRole('button', { name: 'Apply: Turn preloading off' });
        await apply.waitFor({ timeout: 70_000 });
        await apply.click();
        await panel.getByText('Applied: Turn preloading off').waitFor();
        await expect.poll(() => app.core.settings.get().cache.preload).toBe(false);

        // Start an optimization: it is listed, and the audit says the user started it.
        await panel.getByRole('button', { name: 'Start optimization' }).click();
        await panel.getByText('Optimization started; its trials appear below.').waitFor();
        await panel.getByRole('list', { name: 'Optimizations' }).getByText('Started by you').first().waitFor();
        await expect.poll(() => panel.getByRole('list', { name: 'Tuning steps' }).textContent(), { timeout: STEP_TIMEOUT_MS }).toMatch(/you/);

        // A window of quiet hours, then cancelled.
        await panel.getByLabel('From', { exact: true }).fill('02:00');
        await panel.getByLabel('until', { exact: true }).fill('04:00');
        await panel.getByRole('button', { name: 'Schedule for quiet hours' }).click();
        const cancel = panel.getByRole('button', { name: /^Cancel optimization window 02:00–04:00/ });
        await cancel.waitFor();
        await cancel.click();
        await expect.poll(() => cancel.count()).toBe(0);

        // The performance report, downloaded as a PDF.
        const download = page.waitForEvent('download', { timeout: 60_000 });
        await page.getByRole('button', { name: 'Export performance report' }).click();
        const file = await download;
        expect(file.suggestedFilename()).toMatch(/\.pdf$/);
        const saved = await file.path();
        expect(fs.readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
        await page.getByText(/^Exported .*\.pdf$/).waitFor();

        // Every tab: axe, and a screenshot at both sizes.
        for (const viewport of VIEWPORTS) {
          await page.setViewportSize(viewport);
          for (const tab of TABS) {
            await openTab(page, tab);
            await page.waitForTimeout(300);
            await expectNoSeriousViolations(page, `dashboard ${tab} at ${viewport.width}×${viewport.height}`);
            await app.screenshot(`insight-${tab.toLowerCase()}-${viewport.width}x${viewport.height}`);
          }
        }

        // A reload comes back to the tab shown.
        await openTab(page, 'Caching');
        await page.reload();
        await expect.poll(() => page.getByRole('tab', { name: 'Caching' }).getAttribute('aria-selected')).toBe('true');
      });
    } finally {
      await provider.close();
    }
  }, 300_000);

  it('counts active alerts on the Dashboard link and tells the Workshop that an engine is paused or failing', async () => {
    const provider = await ProviderServer.start();
    try {
      await withApp(browser, { viewport: VIEWPORTS[0], prepare: prefillFailingEngine }, async (app) => {
        const { page } = app;
        page.setDefaultTimeout(STEP_TIMEOUT_MS);
        await page.getByRole('link', { name: 'Dashboard, 1 active alert', exact: true }).waitFor();
        app.core.settings.update({ provider: 'openai', openai: { baseUrl: `${provider.url}/v1`, model: 'm', stream: false } });
        await app.core.generate(brief(4));
        // The engine is paused as the critical alert's auto-action pauses it.
        app.core.scheduler.isolate('openai', 60_000);
        await page.reload();
        const notice = page.locator('.engine-notice');
        await expect.poll(() => notice.count(), { timeout: STEP_TIMEOUT_MS }).toBe(2);
        expect(await notice.first().textContent()).toMatch(/paused.*built-in engine writes the personas/);
        expect(await notice.nth(1).textContent()).toMatch(/80% of provider calls failed.*written by the built-in engine/);
        await expectNoSeriousViolations(page, 'workshop with an engine paused and failing');
        await app.screenshot('insight-workshop-notice');
        await notice.first().getByRole('button', { name: /^Dismiss/ }).click();
        await expect.poll(() => notice.count()).toBe(1);
        await page.getByRole('link', { name: /^Dashboard/ }).click();
        await page.getByRole('link', { name: /^Workshop/ }).click();
        // A dismissed notice stays away; the other is still there.
        await expect.poll(() => notice.count()).toBe(1);
      });
    } finally {
      await provider.close();
    }
  }, 120_000);
});
