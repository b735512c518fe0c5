/**
 * Issue 24 in the UI, in Chromium against browser mode with the real core: the team cache card
 * tested against a real redis-server and saved, a second model server added to an engine from the
 * keyboard and saved, then the dashboard showing L3 beside L1 and L2 and the engine's two servers.
 * axe on each state; screenshots of the cards at 900×600 and 1920×1080 go to test-results/.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefInputSchema } from '../src/shared/brief';
import { ProviderServer } from '../test/support/provider-server';
import { startRedis, type RunningRedis } from '../test/support/redis-server';
import { expectNoSeriousViolations, expectVisibleFocus } from './a11y';
import { launchBrowser, RESULTS_DIR, withApp } from './fixture';

let browser: Browser;
let redis: RunningRedis;
beforeAll(async () => {
  [browser, redis] = await Promise.all([launchBrowser(), startRedis()]);
});
afterAll(async () => {
  await browser?.close();
  await redis?.stop();
});

const STEP_TIMEOUT_MS = 20_000;
const VIEWPORTS = [
  { width: 900, height: 600 },
  { width: 1920, height: 1080 },
] as const;
const brief = (seed: number) => briefInputSchema.parse({ description: `Eco-friendly meal-kit delivery for busy parents in Lyon ${seed}`, count: 2, level: 'standard', seed });

/** The id of the element holding keyboard focus. */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Each card at the top of the viewport (below the sticky bar), at each size, focus moved off the fields. */
async function shootCards(page: Page, name: string, cards: string[]): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const card of cards) {
      await page.getByRole('region', { name: card, exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const slug = card.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      await page.screenshot({ path: path.join(RESULTS_DIR, `${name}-${slug}-${viewport.width}x${viewport.height}.png`) });
    }
  }
}

describe('team cache and several model servers in Settings and the dashboard (browser mode)', () => {
  it('tests and saves the team cache, adds a second server from the keyboard, and the dashboard shows L3 and both servers', async () => {
    const [first, second] = await Promise.all([ProviderServer.start(), ProviderServer.start()]);
    try {
      await withApp(browser, { viewport: { width: 1280, height: 800 } }, async (app) => {
        const { page } = app;
        page.setDefaultTimeout(STEP_TIMEOUT_MS);
        app.core.settings.update({ provider: 'openai', openai: { baseUrl: `${first.url}/v1`, model: 'm', stream: false } });
        await page.getByRole('link', { name: 'Settings' }).click();
        const teamCard = page.getByRole('region', { name: 'Team cache', exact: true });
        await teamCard.waitFor();
        expect(await teamCard.getByText('No team key set').count()).toBe(1);
        expect(await teamCard.getByText('No password set').count()).toBe(1);

        // The team cache: URL and team key typed, then the connection test, from the keyboard.
        await page.getByLabel('Team cache URL', { exact: true }).fill(redis.url);
        await page.getByLabel('Team key', { exact: true }).fill('our-team-key-2026');
        await page.getByRole('button', { name: 'Test team cache connection' }).focus();
        await page.keyboard.press('Enter');
        await teamCard.getByText('Reachable.').waitFor();
        expect(await teamCard.getByText(/Redis \d/).count()).toBeGreaterThan(0);
        await expectVisibleFocus(page, 'Test team cache connection');

        // A URL Redis would not take is said at once, without asking the core.
        const urlField = page.getByLabel('Team cache URL', { exact: true });
        await urlField.fill('http://not-redis:6379');
        await page.getByRole('button', { name: 'Test team cache connection' }).click();
        await teamCard.getByText(/must look like redis:\/\//).waitFor();
        await urlField.fill(redis.url);
        expect(await teamCard.getByText(/must look like redis:\/\//).count()).toBe(0);
        await page.getByRole('button', { name: 'Test team cache connection' }).click();
        await teamCard.getByText('Reachable.').waitFor();

        // A second OpenAI-compatible server: Add moves focus to its address, Tab to its weight.
        const add = page.getByRole('button', { name: 'Add OpenAI server' });
        await add.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => focusedId(page)).toBe('settings-openai-servers-0-baseUrl');
        await expectVisibleFocus(page, 'Add OpenAI server');
        await page.keyboard.type(`${second.url}/v1`);
        await page.keyboard.press('Tab');
        expect(await focusedId(page)).toBe('settings-openai-servers-0-weight');
        await page.keyboard.press('ControlOrMeta+a');
        await page.keyboard.type('2');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Remove OpenAI server 2');
        await expectVisibleFocus(page, 'Tab to Remove');

        // A third row, added and removed again: focus goes back to Add server.
        await add.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => focusedId(page)).toBe('settings-openai-servers-1-baseUrl');
        await page.keyboard.type('not a url');
        await page.getByRole('button', { name: 'Save settings' }).click();
        await page.getByText('OpenAI server 3 address must be a URL', { exact: false }).first().waitFor();
        await expect.poll(() => focusedId(page)).toBe('settings-openai-servers-1-baseUrl');
        expect(await page.getByLabel('OpenAI server 3 address').getAttribute('aria-invalid')).toBe('true');
        await page.getByRole('button', { name: 'Remove OpenAI server 3' }).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => focusedId(page)).toBe('settings-openai-servers-0-baseUrl');
        await expectVisibleFocus(page, 'Remove OpenAI server 3');

        await expectNoSeriousViolations(page, 'Settings with the team cache tested and a second server');
        await shootCards(page, 'team-settings', ['Team cache', 'OpenAI-compatible server']);
        await page.setViewportSize({ width: 1280, height: 800 });

        await page.getByRole('button', { name: 'Save settings' }).click();
        await page.getByText('Settings saved').waitFor();
        const saved = app.core.settings.get();
        expect(saved.openai.servers).toEqual([{ baseUrl: `${second.url}/v1`, weight: 2 }]);
        expect(saved.teamCache).toMatchObject({ url: redis.url, teamKey: 'our-team-key-2026' });
        // Written only: the view says it is set, the input is empty again, and no response carried it.
        await teamCard.getByText('Team key set').waitFor();
        expect(await page.getByLabel('Team key', { exact: true }).inputValue()).toBe('');
        expect(app.responses.some((body) => body.includes('our-team-key-2026'))).toBe(false);
        // The Cache card's figures now include the team tier, beside memory and disk.
        await page.getByRole('region', { name: 'Cache', exact: true }).getByText('Team (L3)').waitFor();
        await expectNoSeriousViolations(page, 'Settings saved with the team cache and a second server');

        // Generations through both servers and the team cache.
        for (let seed = 1; seed <= 6; seed++) await app.core.generate(brief(seed));
        expect(first.requests.length + second.requests.length).toBeGreaterThan(0);

        await page.getByRole('link', { name: /^Dashboard/ }).click();
        await page.getByRole('heading', { name: 'Dashboard', level: 2 }).waitFor();
        await page.getByRole('tab', { name: 'Caching' }).click();
        const caching = page.getByRole('tabpanel', { name: 'Caching' });
        await caching.getByText('Team cache (L3)').waitFor();
        await expect.poll(() => caching.locator('dt:has-text("Team cache (L3)") + dd').textContent(), { timeout: STEP_TIMEOUT_MS }).toBe('connected');
        await caching.getByText('Team cache answers').waitFor();
        expect(await caching.getByRole('columnheader', { name: 'Team hits' }).count()).toBe(1);
        await expectNoSeriousViolations(page, 'Dashboard caching tab with L3');
        await app.screenshot('team-dashboard-caching');

        await page.getByRole('tab', { name: 'Engines' }).click();
        const engines = page.getByRole('tabpanel', { name: 'Engines' });
        const servers = engines.getByRole('table', { name: /servers$/ });
        await servers.first().waitFor({ timeout: STEP_TIMEOUT_MS });
        expect(await servers.first().getByRole('rowheader').allTextContents()).toEqual([`${first.url}/v1`, `${second.url}/v1`]);
        expect(await servers.first().getByRole('cell', { name: 'working' }).count()).toBe(2);
        await expectNoSeriousViolations(page, 'Dashboard engines tab with two servers');
        await servers.first().scrollIntoViewIfNeeded();
        await app.screenshot('team-dashboard-engines');
      });
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  }, 120_000);
});
