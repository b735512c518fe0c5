/** A new user's path through the workshop, in Chromium against browser mode. */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
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

/** What the composer shows, field by field. */
async function composer(page: Page) {
  const value = (name: string, role: 'textbox' | 'spinbutton' | 'combobox' = 'textbox') => page.getByRole(role, { name, exact: true }).inputValue();
  return {
    brief: await value('Brief'),
    count: await value('Personas', 'spinbutton'),
    level: await value('Level', 'combobox'),
    segment: await value('Segment (optional)'),
    location: await value('Location (optional)'),
    ages: [await value('Youngest age', 'spinbutton'), await value('Oldest age', 'spinbutton')],
    engine: await value('Engine', 'combobox'),
    seed: await value('Seed (optional)', 'spinbutton'),
  };
}

const EXAMPLE_COMPOSER = {
  brief: 'Eco-friendly meal-kit delivery for busy parents in Lyon',
  count: '5',
  level: 'standard',
  segment: '',
  location: '',
  ages: ['', ''],
  engine: '',
  seed: '',
};

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

  it('keeps the brief and its options across screens and reloads', async () => {
    await withApp(browser, {}, async (app) => {
      const { page } = app;
      expect(await composer(page)).toEqual(EXAMPLE_COMPOSER);
      await page.getByRole('textbox', { name: 'Brief', exact: true }).fill('Language-learning app for retired travellers in Lisbon');
      await page.getByRole('spinbutton', { name: 'Personas' }).fill('3');
      await page.getByRole('combobox', { name: 'Level' }).selectOption('simple');
      await page.getByRole('textbox', { name: 'Segment (optional)' }).fill('retirees who travel');
      await page.getByRole('textbox', { name: 'Location (optional)' }).fill('Lisbon');
      await page.getByRole('spinbutton', { name: 'Youngest age' }).fill('60');
      await page.getByRole('spinbutton', { name: 'Oldest age' }).fill('75');
      await page.getByRole('combobox', { name: 'Engine' }).selectOption('offline');
      await page.getByRole('spinbutton', { name: 'Seed (optional)' }).fill('42');
      const typed = {
        brief: 'Language-learning app for retired travellers in Lisbon',
        count: '3',
        level: 'simple',
        segment: 'retirees who travel',
        location: 'Lisbon',
        ages: ['60', '75'],
        engine: 'offline',
        seed: '42',
      };

      await page.getByRole('link', { name: 'Dashboard' }).click();
      await page.getByRole('heading', { name: 'Dashboard', level: 2 }).waitFor();
      await page.getByRole('link', { name: 'History' }).click();
      await page.getByRole('heading', { name: 'History', level: 2 }).waitFor();
      await page.getByRole('link', { name: 'Workshop' }).click();
      expect(await composer(page)).toEqual(typed);

      await page.reload();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      expect(await composer(page)).toEqual(typed);
    });
  });

  it('fills the composer with the brief of a run opened from History; after a reload the draft left wins', async () => {
    await withApp(browser, {}, async (app) => {
      const { page } = app;
      await page.getByRole('spinbutton', { name: 'Seed (optional)' }).fill('7');
      await generateInUi(page, { brief: 'Budgeting app for university students in Manchester', count: 2, ages: [18, 30] });
      await page.getByRole('spinbutton', { name: 'Seed (optional)' }).fill('');
      await page.getByRole('combobox', { name: 'Level' }).selectOption('b2b');
      await generateInUi(page, { brief: 'Fleet-management software for logistics firms in Rotterdam', count: 3, ages: [30, 60] });

      await page.getByRole('link', { name: 'History' }).click();
      await page.getByRole('button', { name: 'Open run: Budgeting app for university students in Manchester' }).click();
      await page.getByRole('heading', { name: /^2 personas/ }).waitFor();
      const opened = { ...EXAMPLE_COMPOSER, brief: 'Budgeting app for university students in Manchester', count: '2', ages: ['18', '30'], engine: 'offline', seed: '7' };
      await expect.poll(() => composer(page)).toEqual(opened);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('results-heading');

      // A change made after opening is the draft: a reload, which reopens the run, keeps it.
      await page.getByRole('spinbutton', { name: 'Personas' }).fill('4');
      await page.reload();
      await page.getByRole('heading', { name: /^2 personas/ }).waitFor();
      expect(await composer(page)).toEqual({ ...opened, count: '4' });
    });
  });

  it('falls back to the example brief, field by field, when what is stored cannot be trusted', async () => {
    await withApp(browser, {}, async (app) => {
      const { page } = app;
      const stored = { state: { draft: { description: 42, count: 'many', level: 'expert', segment: 'students', location: ['Paris'], ageMin: '20', ageMax: -1, provider: 'skynet', seed: '1e9' } }, version: 0 };
      await page.evaluate((value) => localStorage.setItem('persona-studio:brief', JSON.stringify(value)), stored);
      await page.reload();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      expect(await composer(page)).toEqual({ ...EXAMPLE_COMPOSER, segment: 'students', ages: ['20', ''] });

      await page.evaluate(() => localStorage.setItem('persona-studio:brief', '{"state": {"draft": '));
      await page.reload();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      expect(await composer(page)).toEqual(EXAMPLE_COMPOSER);
    });
  });
});
