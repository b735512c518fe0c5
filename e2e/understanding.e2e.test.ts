/** What the app read in the brief, shown under it; an unknown place with its choices; why each persona scored what it did. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './a11y';
import { launchBrowser, withApp } from './fixture';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('brief understanding (browser mode)', () => {
  it('shows what the brief was read as, and each card says why it scored what it did', async () => {
    await withApp(browser, {}, async (app) => {
      const { page } = app;
      await page.getByRole('textbox', { name: 'Brief', exact: true }).fill('Halal meal delivery for busy Muslim families in Kuala Lumpur');
      const note = page.locator('#brief-understanding');
      await note.getByText(/Kuala Lumpur and nearby, Malaysia · Muslim families, \d+–\d+ · halal meal delivery/i).waitFor();
      // The note describes the brief field for screen readers.
      expect(await page.getByRole('textbox', { name: 'Brief', exact: true }).getAttribute('aria-describedby')).toContain('brief-understanding');
      await page.getByRole('spinbutton', { name: 'Personas' }).fill('6');
      await page.getByRole('button', { name: 'Generate', exact: true }).click();
      await page.getByRole('heading', { name: /^6 personas/ }).waitFor();
      const cards = page.getByRole('article');
      expect(await cards.count()).toBe(6);
      for (const card of await cards.all()) expect(await card.getByText(/^Why \d+\?$/).count()).toBe(1);
      const first = cards.first();
      await first.getByText(/^Why \d+\?$/).click();
      expect(await first.locator('.quality-reasons li').count()).toBeGreaterThan(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await expectNoSeriousViolations(page, 'Workshop with the brief read and a score explained');
      await app.screenshot('workshop-understood');
    });
  });

  it('says when a place is unknown and offers the nearest known one, the country only, or no location', async () => {
    await withApp(browser, { viewport: { width: 900, height: 600 } }, async (app) => {
      const { page } = app;
      await page.getByRole('textbox', { name: 'Brief', exact: true }).fill('Bike sharing for commuters in Springfieldia');
      const unknown = page.getByRole('group', { name: 'Unknown place' });
      await unknown.getByText(/“Springfieldia” is not a place Persona Studio knows/).waitFor();
      await expectNoSeriousViolations(page, 'composer with an unknown place');
      await app.screenshot('workshop-unknown-place');
      await unknown.getByRole('button', { name: 'Springfield, United States' }).click();
      expect(await page.getByRole('textbox', { name: 'Location (optional)' }).inputValue()).toBe('Springfield, United States');
      await page.locator('#brief-understanding').getByText(/Read as Springfield.*United States/).waitFor();
      await expect.poll(() => page.getByRole('group', { name: 'Unknown place' }).count()).toBe(0);
      await page.getByRole('textbox', { name: 'Location (optional)' }).fill('Zyxtopia');
      await unknown.getByRole('button', { name: 'No location' }).click();
      expect(await page.getByRole('textbox', { name: 'Location (optional)' }).inputValue()).toBe('anywhere');
      await page.locator('#brief-understanding').getByText(/Read as anywhere/).waitFor();
    });
  });
});
