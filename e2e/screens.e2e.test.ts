/**
 * Every screen at the smallest window (900×600), a laptop (1280×800) and a desktop (1920×1080):
 * nothing wider than the window, no text cut short with an ellipsis, and a screenshot of each in
 * test-results/ for a person to look at.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefInputSchema } from '../src/shared/brief';
import { generateInUi, launchBrowser, withApp } from './fixture';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

export const VIEWPORTS = [
  { width: 900, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/** Visible elements whose text is cut short (an ellipsis or hidden overflow with more text than room). */
function truncatedText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((el) => {
        // Visually hidden text (screen-reader only, 1 px wide) is meant to be clipped.
        if (!el.checkVisibility() || el.children.length > 0 || !el.textContent?.trim() || el.clientWidth <= 1) return false;
        const style = getComputedStyle(el);
        const clips = style.textOverflow === 'ellipsis' || style.overflowX === 'hidden' || style.overflowX === 'clip';
        return clips && el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: "${el.textContent!.trim().slice(0, 40)}"`),
  );
}

describe('every screen at the smallest, a laptop and a desktop window', () => {
  for (const viewport of VIEWPORTS) {
    it(`shows every screen whole at ${viewport.width}×${viewport.height}`, async () => {
      await withApp(browser, { viewport }, async (app) => {
        const { page } = app;
        const size = `${viewport.width}x${viewport.height}`;
        await app.screenshot(`screen-workshop-empty-${size}`);
        await app.core.generate(briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 3, level: 'standard', seed: 5 }));
        await generateInUi(page, { brief: 'Second-hand cargo bikes for young families in Utrecht', count: 5, ages: [20, 75] });
        for (const [link, heading] of [
          ['Workshop', /5 personas/],
          ['Dashboard', 'Dashboard'],
          ['History', 'History'],
          ['Settings', 'Settings'],
        ] as const) {
          await page.getByRole('link', { name: link }).click();
          await page.getByRole('heading', { name: heading }).first().waitFor();
          await page.waitForTimeout(300);
          const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
          expect(overflow, `${link} at ${size} is wider than the window by ${overflow} px`).toBeLessThanOrEqual(0);
          expect(await truncatedText(page), `${link} at ${size} cuts text short`).toEqual([]);
          await app.screenshot(`screen-${link.toLowerCase()}-${size}`);
        }
      });
    });
  }
});
