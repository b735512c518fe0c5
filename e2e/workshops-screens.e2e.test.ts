/**
 * The Workshop's current-workshop bar, History's groups and every new dialog at the smallest window
 * (900×600) and a large one (1920×1080): nothing wider than the window or its dialog, and a
 * screenshot of each in test-results/ for a person to look at.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editFirstQuoteInUi, generateInUi, launchBrowser, withApp } from './fixture';
import { createWorkshopInUi, historyGroup, openHistoryInUi } from './ui';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const WORKSHOP = 'Quarterly persona refresh for the retail banking team';

describe('workshops at the smallest and a large window (browser mode)', () => {
  for (const viewport of [
    { width: 900, height: 600 },
    { width: 1920, height: 1080 },
  ]) {
    it(`shows the new screens and dialogs whole at ${viewport.width}×${viewport.height}`, async () => {
      await withApp(browser, { viewport }, async (app) => {
        const { page } = app;
        page.setDefaultTimeout(8_000);
        const size = `${viewport.width}x${viewport.height}`;
        /** Nothing wider than the window, nor than an open dialog. */
        const expectWhole = async (what: string) => {
          const overflow = await page.evaluate(() => {
            const dialog = document.querySelector('dialog[open]');
            return Math.max(document.documentElement.scrollWidth - window.innerWidth, dialog ? dialog.scrollWidth - dialog.clientWidth : 0);
          });
          expect(overflow, `${what} at ${size} is wider than its box by ${overflow} px`).toBeLessThanOrEqual(0);
          await app.screenshot(`workshops-${what}-${size}`);
        };
        await createWorkshopInUi(page, WORKSHOP, 'Northern Savings & Loans Cooperative');
        await generateInUi(page, { brief: 'Mobile banking app for first-time savers in Newcastle', count: 2 });
        await editFirstQuoteInUi(page, 'I want to see where the money goes before it goes.');
        await page.evaluate(() => window.scrollTo(0, 0));
        await expectWhole('workshop');

        await page.getByRole('button', { name: 'Switch workshop' }).click();
        await page.getByRole('dialog', { name: 'Switch workshop' }).waitFor();
        await expectWhole('switch');
        await page.keyboard.press('Escape');

        const name = (await page.getByRole('article').first().locator('h3').textContent())!;
        await page.getByRole('button', { name: `History of ${name}` }).scrollIntoViewIfNeeded();
        await expectWhole('card');
        await page.getByRole('button', { name: `History of ${name}` }).click();
        await page.getByRole('dialog', { name: `History of ${name}` }).getByText('As the engine wrote it.').waitFor();
        await expectWhole('persona-history');
        await page.keyboard.press('Escape');

        await openHistoryInUi(page);
        await historyGroup(page, WORKSHOP).getByRole('row').nth(1).waitFor();
        await expectWhole('history');
        await page.getByRole('button', { name: /^Move run:/ }).click();
        await page.getByRole('dialog', { name: /^Move run/ }).waitFor();
        await expectWhole('move');
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: `Delete workshop ${WORKSHOP}` }).click();
        await page.getByRole('dialog').getByText(/^the workshop, 1 run/).waitFor();
        await expectWhole('delete');
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: `Rename workshop ${WORKSHOP}` }).click();
        await page.getByRole('dialog').getByLabel('Name').waitFor();
        await expectWhole('rename');
      });
    }, 60_000);
  }
});
