/** A new user's path through the workshop, in Chromium against browser mode. */
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderServer } from '../test/support/provider-server';
import { editFirstQuoteInUi, generateInUi, launchBrowser, withApp } from './fixture';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('workshop (browser mode)', () => {
  it('a new user generates 5 personas offline and sees 5 cards', async () => {
    await withApp(browser, {}, async (app) => {
      const { page } = app;
      await expect(page.getByRole('heading', { name: 'No personas yet' }).isVisible()).resolves.toBe(true);
      await generateInUi(page, { brief: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 5 });
      const cards = page.getByRole('article');
      expect(await cards.count()).toBe(5);
      const names = await cards.locator('h3').allTextContents();
      expect(new Set(names).size).toBe(5);
      await app.screenshot('workshop-5-personas');
    });
  });

  it('cancels a run and says nothing was saved; the provider request is aborted', async () => {
    const provider = await ProviderServer.start();
    provider.setScript(() => ({ latencyMs: 10_000 }));
    try {
      await withApp(browser, {}, async (app) => {
        app.core.settings.update({ provider: 'openai', openai: { baseUrl: `${provider.url}/v1`, model: 'm', stream: false } });
        const { page } = app;
        await page.getByRole('button', { name: 'Generate', exact: true }).click();
        await page.getByRole('progressbar', { name: 'Generation progress' }).waitFor();
        await expect.poll(() => provider.requests.length).toBeGreaterThan(0);
        await app.screenshot('workshop-running');
        await page.getByRole('button', { name: 'Cancel' }).click();
        await page.getByText('Generation cancelled; nothing was saved.').waitFor();
        await expect.poll(() => provider.requests.every((r) => r.aborted)).toBe(true);
        expect(await page.getByRole('article').count()).toBe(0);
      });
    } finally {
      await provider.close();
    }
  });

  it('edits a persona and still sees the edit after a reload', async () => {
    await withApp(browser, {}, async (app) => {
      const { page } = app;
      await generateInUi(page, { count: 3 });
      await editFirstQuoteInUi(page, 'Sunday is when I plan the whole week of dinners.');
      await page.reload();
      await page.getByText('“Sunday is when I plan the whole week of dinners.”').waitFor();
      await app.screenshot('workshop-after-edit-reload');
    });
  });

  it('reopens a run from history as it was', async () => {
    await withApp(browser, {}, async (app) => {
      const { page } = app;
      await generateInUi(page, { brief: 'Budgeting app for university students in Manchester', count: 4 });
      const names = await page.getByRole('article').locator('h3').allTextContents();
      await generateInUi(page, { brief: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 2 });

      await page.getByRole('link', { name: 'History' }).click();
      await page.getByLabel('Search runs').fill('Manchester');
      const open = page.getByRole('button', { name: 'Open run: Budgeting app for university students in Manchester' });
      await open.waitFor();
      expect(await page.getByRole('button', { name: /^Open run:/ }).count()).toBe(1);
      await app.screenshot('history');
      await open.click();
      await page.getByRole('heading', { name: /4 personas/ }).waitFor();
      expect(await page.getByRole('article').locator('h3').allTextContents()).toEqual(names);
    });
  });

  it('pins, compares, regenerates one persona and fills an empty age band', async () => {
    await withApp(browser, {}, async (app) => {
      const { page } = app;
      await generateInUi(page, { brief: 'Meal-kit delivery for busy parents in Lyon', count: 3, ages: [25, 64] });
      const names = await page.getByRole('article').locator('h3').allTextContents();

      await page.getByRole('button', { name: `Pin ${names[2]}` }).click();
      expect(await page.getByRole('article').first().locator('h3').textContent()).toBe(names[2]);

      await page.getByRole('checkbox', { name: `Compare ${names[0]}` }).check();
      await page.getByRole('checkbox', { name: `Compare ${names[1]}` }).check();
      const comparison = page.getByRole('region', { name: 'Comparison' });
      await comparison.getByRole('columnheader', { name: names[1]! }).waitFor();
      await app.screenshot('workshop-compare');

      await page.getByRole('button', { name: `Regenerate ${names[0]}` }).click();
      await expect.poll(async () => (await page.getByRole('article').locator('h3').allTextContents()).includes(names[0]!)).toBe(false);
      expect(await page.getByRole('article').count()).toBe(3);

      const gap = page.getByRole('region', { name: 'Coverage' }).getByRole('button', { name: /^Fill gap: ages/ }).first();
      const label = (await gap.getAttribute('aria-label'))!;
      const [, min, max] = /ages (\d+)–(\d+)/.exec(label)!;
      await gap.click();
      await expect.poll(() => page.getByRole('article').count()).toBe(4);
      const added = await app.core.store.getRun((await app.core.store.searchRuns('', 1))[0]!.id)!.document!.personas.at(-1)!;
      expect(added.age).toBeGreaterThanOrEqual(Number(min));
      expect(added.age).toBeLessThanOrEqual(Number(max));
      await app.screenshot('workshop-coverage');
    });
  });

  it('starts a new comparison with a new run: the personas compared before do not count', async () => {
    await withApp(browser, {}, async (app) => {
      const { page } = app;
      await generateInUi(page, { count: 5 });
      const first = await page.getByRole('article').locator('h3').allTextContents();
      for (const name of first.slice(0, 4)) await page.getByRole('checkbox', { name: `Compare ${name}` }).check();
      expect(await page.getByRole('checkbox', { name: `Compare ${first[4]}` }).isDisabled()).toBe(true);

      await generateInUi(page, { count: 3 });
      expect(await page.getByRole('region', { name: 'Comparison' }).count()).toBe(0);
      const boxes = page.getByRole('checkbox', { name: /^Compare / });
      expect(await boxes.count()).toBe(3);
      for (const box of await boxes.all()) {
        expect(await box.isChecked()).toBe(false);
        expect(await box.isEnabled()).toBe(true);
      }
      const second = await page.getByRole('article').locator('h3').allTextContents();
      await page.getByRole('checkbox', { name: `Compare ${second[0]}` }).check();
      await page.getByRole('checkbox', { name: `Compare ${second[1]}` }).check();
      await page.getByRole('region', { name: 'Comparison' }).getByText('2 personas side by side').waitFor();
    });
  });

  it('exports the run on screen as a PDF download and as CSV', async () => {
    await withApp(browser, {}, async (app) => {
      try {
        const { page } = app;
        await generateInUi(page, { count: 2 });
        const pdfDownload = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Export', exact: true }).click();
        const pdf = await pdfDownload;
        expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
        const pdfPath = await pdf.path();
        expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
        await page.getByText(/^Exported .*\.pdf$/).waitFor();
        await page.getByLabel('Export format').selectOption('csv');
        const csvDownload = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Export', exact: true }).click();
        const csv = fs.readFileSync(await (await csvDownload).path(), 'utf8');
        for (const name of await page.getByRole('article').locator('h3').allTextContents()) expect(csv).toContain(name);
        await app.screenshot('workshop-exported');
      } finally {
        await app.core.reports.close();
      }
    });
  });
});
