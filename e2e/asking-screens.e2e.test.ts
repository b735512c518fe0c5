/**
 * The "Ask the personas" panels at the smallest window (900×600) and a desktop (1920×1080): an
 * interview, a focus group, a concept test and a comparison, each whole (nothing wider than the
 * window, no text cut short) and photographed in test-results/ for a person to look at.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInUi, launchBrowser, withApp } from './fixture';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWPORTS = [
  { width: 900, height: 600 },
  { width: 1920, height: 1080 },
] as const;

/** Visible elements whose text is cut short (an ellipsis or hidden overflow with more text than room), as screens.e2e checks. */
function truncatedText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((el) => {
        if (!el.checkVisibility() || el.children.length > 0 || !el.textContent?.trim() || el.clientWidth <= 1) return false;
        const style = getComputedStyle(el);
        const clips = style.textOverflow === 'ellipsis' || style.overflowX === 'hidden' || style.overflowX === 'clip';
        return clips && el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: "${el.textContent!.trim().slice(0, 40)}"`),
  );
}

async function expectWhole(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow, `${what} is wider than the window by ${overflow} px`).toBeLessThanOrEqual(0);
  expect(await truncatedText(page), `${what} cuts text short`).toEqual([]);
}

/** Brings a panel's heading up under the top bar, as a reader scrolling to it would see it. */
async function showFrom(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
}

describe('the asking panels at the smallest and a desktop window', () => {
  for (const viewport of VIEWPORTS) {
    it(`shows the interview, the focus group, a concept test and a comparison whole at ${viewport.width}×${viewport.height}`, async () => {
      await withApp(browser, { viewport }, async (app) => {
        const { page } = app;
        page.setDefaultTimeout(8_000);
        const size = `${viewport.width}x${viewport.height}`;
        await generateInUi(page, { brief: 'Second-hand cargo bikes for young families in Utrecht', count: 5, ages: [20, 75] });
        const name = (await page.getByRole('article').first().locator('h3').textContent())!;
        const area = page.getByRole('region', { name: 'Ask the personas' });

        await page.getByRole('button', { name: `Interview ${name}` }).click();
        const dialog = page.getByRole('dialog', { name: `Interview with ${name}` });
        for (const [i, question] of ['What frustrates you about getting around town with the kids?', 'What would make you trust a second-hand bike?'].entries()) {
          await page.getByLabel(`Your question to ${name}`).fill(question);
          await page.keyboard.press('Enter');
          await dialog.locator('.chat-turns > li').nth(i).locator('.answer-source').waitFor();
        }
        await expectWhole(page, `the interview at ${size}`);
        await app.screenshot(`asking-screen-interview-${size}`);
        await page.keyboard.press('Escape');
        await showFrom(page, '#ask-heading');
        await expectWhole(page, `the interviews tab at ${size}`);
        await app.screenshot(`asking-screen-interviews-${size}`);

        await area.getByRole('tab', { name: 'Focus group' }).click();
        await area.getByLabel('Question for the group').fill('What would stop you from buying a cargo bike?');
        await area.getByRole('button', { name: 'Ask everyone' }).click();
        await area.getByText('Who agrees').waitFor();
        await showFrom(page, '#focus-group-result');
        await expectWhole(page, `the focus group at ${size}`);
        await app.screenshot(`asking-screen-focus-group-${size}`);

        await area.getByRole('tab', { name: 'Concept tests' }).click();
        for (const [i, [text, price]] of [
          ['A certified second-hand cargo bike with a one-year warranty and free first service', '€1,400'],
          ['Cargo bike rental by the month, with insurance and repairs included', '€89 a month'],
        ].entries()) {
          await area.getByLabel('Concept', { exact: true }).fill(text!);
          await area.getByLabel('Price (optional)').fill(price!);
          await area.getByRole('button', { name: 'Test concept' }).click();
          await area.getByRole('tab', { name: `Concept tests (${i + 1})` }).waitFor();
        }
        await area.locator('#concept-result ~ .concept-summary .recharts-wrapper').waitFor();
        await showFrom(page, '#concept-result');
        await expectWhole(page, `a concept test at ${size}`);
        await app.screenshot(`asking-screen-concept-${size}`);
        for (const box of await area.getByRole('checkbox', { name: /^Compare concept: / }).all()) await box.check();
        await area.locator('.concept-compare .recharts-wrapper').waitFor();
        await showFrom(page, '.concept-compare');
        await expectWhole(page, `the comparison at ${size}`);
        await app.screenshot(`asking-screen-compare-${size}`);
      });
    }, 120_000);
  }
});
