/**
 * Accessibility of the Dashboard and Settings in Chromium against browser mode: axe (serious and
 * critical violations) at every range with and without history, with alerts, and on Settings in
 * its states; where focus goes when a focused control disappears; what a newcomer reads.
 */
import { MonitorStore } from '../src/main/monitoring/monitor-store';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceSource } from '../src/main/scheduler/resource-sampler';
import { WorkshopStore } from '../src/main/workshops/workshop-store';
import { briefInputSchema } from '../src/shared/brief';
import { ProviderServer } from '../test/support/provider-server';
import { expectNoSeriousViolations, expectVisibleFocus } from './a11y';
import { launchBrowser, withApp } from './fixture';
import { prefillDay } from './monitor-history';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const RANGES = ['Live', '1 h', '24 h', '7 d'] as const;
const CHART_NAMES = ['Response time', 'Time per phase', 'Cache hit rate', 'Validation', 'CPU and memory', 'Queue length'];

const brief = (seed: number) => briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 2, level: 'standard', seed });

async function openDashboard(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('heading', { name: 'Dashboard', level: 2 }).waitFor();
  // Everything loaded: the alerts, the tuner and the suggestions say what they hold.
  await expect.poll(() => page.locator('.dashboard').getByText('Loading…').count()).toBe(0);
}

/** Picks a range and waits until its charts are drawn or say they are empty. */
async function showRange(page: Page, range: (typeof RANGES)[number]): Promise<void> {
  await page.getByRole('radio', { name: range }).click();
  await expect.poll(() => page.getByRole('radio', { name: range }).getAttribute('aria-checked')).toBe('true');
  await expect.poll(() => page.locator('.dash-charts').getByText('Loading…').count()).toBe(0);
}

/**
 * Two active alerts with the outcome of their auto-actions, as a session before this one left them,
 * and a step of each kind in the tuning timeline (every badge colour on screen).
 */
function prefillAlertsAndSteps(dataDir: string): void {
  const store = WorkshopStore.open(dataDir);
  const monitor = new MonitorStore(store.database);
  const now = Date.now();
  const hitRate = monitor.insertAlert({ rule: 'cache_hit_rate', severity: 'medium', message: 'The cache answers 40% of lookups from memory or disk (target 70%).', value: 0.4, threshold: 0.7, raisedAt: now - 120_000 });
  monitor.setAlertActions(hitRate.id, [{ action: 'warm_cache', at: now - 120_000, ok: true, outcome: '12 frequent cultural lookups copied from cache.db into memory' }]);
  const slow = monitor.insertAlert({ rule: 'response_p95', severity: 'high', message: 'Generations are slow: p95 41.0 s over the last 5 minutes (target 30 s).', value: 41_000, threshold: 30_000, raisedAt: now - 60_000 });
  monitor.setAlertActions(slow.id, [{ action: 'lower_concurrency', at: now - 60_000, ok: false, outcome: 'concurrency is already at 1' }]);
  const steps = [
    { source: 'emergency', subject: 'shrink_l1', step: 'shed', before: 33_554_432, after: 8_388_608 },
    { source: 'emergency', subject: 'shrink_l1', step: 'restored', before: 8_388_608, after: 33_554_432 },
    { source: 'tuner', subject: 'concurrency_max', step: 'applied', before: 4, after: 6 },
    { source: 'tuner', subject: 'concurrency_max', step: 'kept', before: 4, after: 6 },
    { source: 'tuner', subject: 'batch_size', step: 'rolled_back', before: 10, after: 10 },
    { source: 'tuner', subject: 'ttl_min_ms', step: 'skipped', before: 60_000, after: 120_000 },
  ] as const;
  for (const [i, step] of steps.entries()) {
    monitor.insertAudit({ at: now - (steps.length - i) * 60_000, ...step, metric: step.source === 'tuner' ? 'throughput' : null, baseline: null, measured: null, reason: 'a prefilled step' });
  }
  store.close();
}

describe('dashboard accessibility (browser mode)', () => {
  it('has no serious axe violations at any range on a fresh install', async () => {
    await withApp(browser, {}, async (app) => {
      await openDashboard(app.page);
      for (const range of RANGES) {
        await showRange(app.page, range);
        await expectNoSeriousViolations(app.page, `dashboard ${range}, no data`);
      }
    });
  });

  it('has no serious axe violations at any range over a day of history', async () => {
    await withApp(browser, { prepare: prefillDay }, async (app) => {
      await app.core.generate(brief(1));
      await openDashboard(app.page);
      for (const range of RANGES) {
        await showRange(app.page, range);
        await app.page.getByRole('figure', { name: 'Response time' }).locator('svg').first().waitFor();
        await expectNoSeriousViolations(app.page, `dashboard ${range}, a day of data`);
      }
    });
  });

  it('has no serious axe violations with alerts shown, and Acknowledge hands focus on', async () => {
    await withApp(browser, { prepare: prefillAlertsAndSteps }, async (app) => {
      const { page } = app;
      await openDashboard(page);
      const buttons = page.getByRole('button', { name: /^Acknowledge alert:/ });
      await expect.poll(() => buttons.count()).toBe(2);
      await page.getByText('Memory cache size').first().waitFor();
      expect(await page.getByRole('list', { name: 'Tuning steps' }).textContent()).toContain('32 MB → 8 MB');
      await expectNoSeriousViolations(page, 'dashboard with two active alerts and tuning steps');
      await buttons.first().focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => buttons.count()).toBe(1);
      await expectVisibleFocus(page, 'acknowledging the first alert');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Acknowledge alert:/);
      await page.keyboard.press('Enter');
      await expect.poll(() => buttons.count()).toBe(0);
      await expectVisibleFocus(page, 'acknowledging the last alert');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Alerts');
      await expectNoSeriousViolations(page, 'dashboard with acknowledged alerts');
    });
  });
});

describe('dashboard for a newcomer (browser mode)', () => {
  it('shows no score after one generation but how many more it needs, and no chart is a tab stop', async () => {
    await withApp(browser, {}, async (app) => {
      const { page } = app;
      await app.core.generate(brief(2));
      await openDashboard(page);
      const score = page.locator('.dash-score');
      await expect.poll(() => score.textContent()).toMatch(/Score after 19 more generations/);
      expect(await score.textContent()).not.toMatch(/\d+\s*\/\s*100/);
      for (const range of ['1 h', '24 h', '7 d'] as const) {
        await showRange(page, range);
        await expect.poll(() => score.textContent()).toMatch(/Score after 19 more generations/);
      }
      await showRange(page, 'Live');
      const response = page.getByRole('figure', { name: 'Response time' });
      await response.locator('svg').first().waitFor();
      expect(await response.textContent()).toMatch(/Latest: p50 \d+(\.\d+)? m?s, p95 \d+(\.\d+)? m?s/);
      for (const name of CHART_NAMES) await page.getByRole('figure', { name, exact: true }).waitFor();
      // Nothing inside a chart takes focus: recharts 3 makes its svg a tab stop unless told not to.
      const focusable = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement | SVGElement>('.dash-figure *'))
          .filter((el) => el.tabIndex >= 0)
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(focusable).toEqual([]);
    });
  });

  it('says so when other programs keep the machine busy, and sheds nothing', async () => {
    const busyMachine: ResourceSource = {
      latest: () => ({ at: Date.now(), cpuPercent: 97, freeMemoryMb: 8000, totalMemoryMb: 16000, loopLagMs: 2 }),
      subscribe: () => () => {},
      close: () => {},
    };
    await withApp(browser, { core: { resources: busyMachine, monitor: { appCpu: () => 3 } } }, async (app) => {
      const { page } = app;
      await openDashboard(page);
      await page.getByText('The machine is busy: other programs use 94 % CPU; Persona Studio uses 3 %.').waitFor();
      // The emergency response needs five pegged seconds: wait them out.
      await page.waitForTimeout(6000);
      expect(app.core.monitor.emergency.active).toBe(false);
      expect(await page.getByText(/Emergency/).count()).toBe(0);
      await expectNoSeriousViolations(page, 'dashboard on a busy machine');
    });
  });
});

describe('settings accessibility (browser mode)', () => {
  let server: ProviderServer;
  beforeAll(async () => {
    server = await ProviderServer.start();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('has no serious axe violations plain, with a validation error, and after connection tests', async () => {
    await withApp(browser, {}, async (app) => {
      const { page } = app;
      // A key set (its badge), an Ollama that answers and an OpenAI-compatible server that does not.
      app.core.settings.update({ gemini: { apiKey: 'AIza-e2e-a11y' }, ollama: { baseUrl: server.url }, openai: { baseUrl: 'http://127.0.0.1:9/v1' } });
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByText('Key set', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Save settings' }).waitFor();
      await page.getByText(/entries? ·/).first().waitFor();
      await expectNoSeriousViolations(page, 'settings');

      const hitRate = page.getByLabel('Cache hit rate below (%)');
      await hitRate.fill('150');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect.poll(() => hitRate.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await hitRate.getAttribute('aria-describedby')) ?? '';
      const error = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '), describedBy);
      expect(error).toMatch(/between 0 and 100/);
      await expectVisibleFocus(page, 'saving an invalid value');
      await expectNoSeriousViolations(page, 'settings with a validation error');
      await hitRate.fill('70');

      await page.getByRole('button', { name: 'Test Ollama connection' }).click();
      await page.getByText('Reachable.').waitFor({ timeout: 20_000 });
      await expectVisibleFocus(page, 'testing the Ollama connection');
      await page.getByRole('button', { name: 'Test OpenAI-compatible connection' }).click();
      await page.getByText('Not reachable.').waitFor({ timeout: 20_000 });
      await expectVisibleFocus(page, 'testing the OpenAI-compatible connection');
      await expectNoSeriousViolations(page, 'settings after connection tests');

      await page.getByRole('button', { name: 'Clear cache' }).click();
      await page.getByText('Press Clear cache again to confirm.').waitFor();
      await expectNoSeriousViolations(page, 'settings asking to confirm Clear cache');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expectVisibleFocus(page, 'cancelling Clear cache');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Clear cache');
    });
  });
});
