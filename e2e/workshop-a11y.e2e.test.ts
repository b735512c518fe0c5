/**
 * Accessibility of the Workshop and History in Chromium against browser mode: axe (serious and
 * critical violations, colour contrast included) in every state a user meets, the words shown
 * instead of keys and pointers, and the one polite status line instead of a live result list.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations, expectVisibleFocus } from './a11y';
import { generateInUi, launchBrowser, withApp } from './fixture';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const statusLine = (page: Page) => page.locator('p[role="status"]');

/** The id of the element that has focus (empty for <body>). */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('workshop accessibility (browser mode)', () => {
  it('has no serious axe violations on the Workshop empty and refusing a brief, whose field says why and takes focus', async () => {
    await withApp(browser, { viewport: { width: 1280, height: 800 } }, async (app) => {
      const { page } = app;
      await expectNoSeriousViolations(page, 'workshop, empty');

      // A brief the core refuses: the field says why and takes focus.
      await page.getByRole('textbox', { name: 'Brief', exact: true }).fill('Too short');
      await page.getByRole('button', { name: 'Generate', exact: true }).click();
      const fieldError = page.locator('#brief-description-error');
      await fieldError.waitFor();
      expect(await fieldError.textContent()).toMatch(/^The brief is too short/);
      expect(await fieldError.textContent()).not.toContain('generation:run');
      expect(await page.getByRole('textbox', { name: 'Brief', exact: true }).getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => focusedId(page)).toBe('brief-description');
      await expectNoSeriousViolations(page, 'workshop, brief too short');
    });
  });

  it('has no serious axe violations with results, All fields and Edit open, and says results in one status line', async () => {
    await withApp(browser, { viewport: { width: 1280, height: 800 } }, async (app) => {
      const { page } = app;

      await generateInUi(page, { brief: 'Project management software for construction companies in Germany', count: 3 });
      await expect.poll(() => statusLine(page).textContent()).toMatch(/^3 personas ready/);
      expect(await page.locator('[aria-live]').count(), 'no region re-read as a whole').toBe(0);
      await expectNoSeriousViolations(page, 'workshop with results');

      const first = page.getByRole('article').first();
      const name = (await first.locator('h3').textContent())!;
      await expect(first.locator('.score').textContent()).resolves.toMatch(/^Quality \d+$/);
      const culture = await first.locator('.culture dt').allTextContents();
      expect(culture.length).toBeGreaterThan(0);
      for (const label of culture) expect(['Music', 'Film', 'TV', 'Books', 'Brands', 'Food', 'Podcasts', 'Destinations']).toContain(label);

      await first.locator('details.all-fields summary').click();
      const fields = first.locator('details[open] .fields');
      await fields.first().waitFor();
      const fieldsText = (await fields.first().innerText()).replace(/\s+/g, ' ');
      for (const raw of ['incomeBracket', 'painPoints', 'culturalProfile', 'generatedAt', 'qualityScore', 'meta', 'undefined', 'null']) expect(fieldsText).not.toContain(raw);
      expect(fieldsText).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/i);
      expect(fieldsText).toMatch(/Pain points .*Cultural profile .*Generated/);
      expect(await fields.first().locator('dd > ul > li').count(), 'lists shown as lists').toBeGreaterThan(3);
      await expectVisibleFocus(page, 'All fields opened');
      await expectNoSeriousViolations(page, 'workshop, All fields open');

      await first.getByRole('button', { name: `Edit ${name}` }).click();
      await expect.poll(() => focusedId(page)).toMatch(/^persona-editor-.*-name$/);
      await expectNoSeriousViolations(page, 'workshop, Edit open');
      await first.getByRole('button', { name: 'Cancel edit' }).click();
      await expect.poll(() => focusedId(page)).toMatch(/^persona-edit-/);
    });
  });

  it('has no serious axe violations with Compare open, an export message and a failed action', async () => {
    await withApp(browser, { viewport: { width: 1280, height: 800 } }, async (app) => {
      const { page } = app;
      await generateInUi(page, { count: 3 });
      const names = await page.getByRole('article').locator('h3').allTextContents();
      await page.getByRole('checkbox', { name: `Compare ${names[0]}` }).check();
      await page.getByRole('checkbox', { name: `Compare ${names[1]}` }).check();
      await expect.poll(() => focusedId(page)).toBe('compare-heading');
      await expectVisibleFocus(page, 'comparison opened');
      await expectNoSeriousViolations(page, 'workshop, Compare open');

      await page.getByLabel('Export format').selectOption('csv');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await download;
      await page.getByText(/^Exported .*\.csv$/).waitFor();
      await expectNoSeriousViolations(page, 'workshop, export message');

      // An action that fails: the message takes focus and says what failed.
      await page.route('**/api/invoke/personas:generate-one', (route) => route.fulfill({ json: { ok: false, error: { code: 'internal', message: 'The engine stopped.' } } }));
      await page.getByRole('button', { name: `Regenerate ${names[2]}` }).click();
      const failure = page.getByRole('alert').filter({ hasText: 'Regenerating the persona failed: The engine stopped.' });
      await failure.waitFor();
      await expect.poll(() => focusedId(page)).toBe('workshop-action-error');
      await expectVisibleFocus(page, 'regenerate failed');
      await expectNoSeriousViolations(page, 'workshop, action error');
      await failure.getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => focusedId(page)).toBe('results-heading');
    });
  });

  it('names repaired fields in words, never as JSON pointers', async () => {
    await withApp(browser, {}, async (app) => {
      const { page } = app;
      await generateInUi(page, { count: 2 });
      // A persona whose stored meta records repairs, as an LLM's answer would leave them.
      const run = (await app.core.store.searchRuns('', 1))[0]!;
      const persona = app.core.store.getRun(run.id)!.document!.personas[0]!;
      app.core.store.editPersona(persona.id!, { ...persona, meta: { ...persona.meta, repaired: ['/interests', '/quote', '/culturalProfile/tv', '/goals/1'] } });
      await page.reload();
      const card = page.getByRole('article').filter({ hasText: persona.name });
      const badge = card.locator('.badge', { hasText: 'repaired' });
      await badge.waitFor();
      expect(await badge.textContent()).toBe('4 fields repaired');
      expect(await badge.getAttribute('title')).toBe('Repaired: interests, quote, TV, goals');
      await card.locator('details.all-fields summary').click();
      const repaired = card.locator('.fields dt', { hasText: 'Repaired fields' }).locator('xpath=following-sibling::dd[1]');
      expect((await repaired.locator('li').allTextContents()).join(', ')).toBe('Interests, Quote, TV, Goals');
      await expectNoSeriousViolations(page, 'workshop, repaired badges');
    });
  });

  it('has no serious axe violations on History with and without runs, and counts in words', async () => {
    await withApp(browser, {}, async (app) => {
      const { page } = app;
      await page.getByRole('link', { name: 'History' }).click();
      await page.getByRole('heading', { name: 'No runs yet' }).waitFor();
      await expectNoSeriousViolations(page, 'history, no runs');

      await page.getByRole('link', { name: 'Workshop' }).click();
      await generateInUi(page, { count: 1 });
      await page.getByRole('link', { name: 'History' }).click();
      const workshop = page.getByRole('button', { name: /^My workshop/ });
      await workshop.waitFor();
      expect((await workshop.textContent())!.replace(/\s+/g, ' ')).toContain('(1 run, 1 persona)');
      await page.getByRole('cell', { name: 'Completed' }).waitFor();
      await expectNoSeriousViolations(page, 'history with a run');
    });
  });
});
