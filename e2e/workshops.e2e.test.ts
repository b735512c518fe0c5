/**
 * Workshops the user owns, in Chromium against browser mode: create two client workshops (the
 * first by keyboard only), generate in each, switch, rename a run, move it, restore a persona's
 * first version, delete a run; archive, undo, delete a persona and a workshop. Axe runs on every
 * new dialog (e2e/workshops-screens.e2e.test.ts photographs them at two window sizes).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations, expectVisibleFocus } from './a11y';
import { editFirstQuoteInUi, generateInUi, launchBrowser, withApp } from './fixture';
import { createWorkshopInUi, currentWorkshopInUi, historyGroup, openHistoryInUi } from './ui';
import { cspViolations, recordCspViolations } from './security-checklist';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The focused element's id and accessible name (aria-label, its label, else its text). */
function focused(page: Page): Promise<{ id: string; name: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const labelled = (el as HTMLInputElement | null)?.labels?.[0]?.textContent;
    return { id: el?.id ?? '', name: (el?.getAttribute('aria-label') ?? labelled ?? el?.textContent ?? '').trim() };
  });
}

/** Tabs until the focused element's name matches, checking at every stop that focus is visible. */
async function tabTo(page: Page, name: RegExp, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    await expectVisibleFocus(page, `Tab towards ${name} (now on "${now.name}")`);
    if (name.test(now.name)) return;
  }
  throw new Error(`${name} was not reached within ${max} tab stops`);
}

const STEP_TIMEOUT_MS = 8_000;
const TEST_TIMEOUT_MS = 120_000;

const expectFocusOn = (page: Page, name: RegExp) => expect.poll(async () => (await focused(page)).name).toMatch(name);
const currentWorkshop = currentWorkshopInUi;
const statusLine = (page: Page) => page.locator('p[role="status"]').textContent();
const group = historyGroup;
const toHistory = openHistoryInUi;

async function createWorkshopByMouse(page: Page, name: string, client: string): Promise<void> {
  await createWorkshopInUi(page, name, client);
  await expect.poll(() => currentWorkshop(page)).toContain(name);
}

describe('workshops (browser mode)', () => {
  it('creates two client workshops, generates in each, switches, renames and moves a run, restores a first version and deletes a run', async () => {
    await withApp(browser, { viewport: { width: 1280, height: 800 } }, async (app) => {
      const { page } = app;
      // A step that does not happen fails in seconds, naming the step, within the test's time.
      page.setDefaultTimeout(STEP_TIMEOUT_MS);
      await expect.poll(() => currentWorkshop(page)).toBe('My workshop');

      // Keyboard only: New workshop, its fields, Create.
      await tabTo(page, /^New workshop$/);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'New workshop' });
      await dialog.waitFor();
      await expect.poll(async () => (await focused(page)).name).toBe('Name');
      await page.keyboard.type('Client A');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Acme Retail');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Loyalty programme research, spring');
      await expectNoSeriousViolations(page, 'New workshop dialog');
      await app.screenshot('workshops-new-dialog');
      await tabTo(page, /^Create workshop$/);
      // Focus stays in the dialog: past its last control is its first, and back.
      await page.keyboard.press('Tab');
      await expectFocusOn(page, /^Name$/);
      await page.keyboard.press('Shift+Tab');
      await expectFocusOn(page, /^Create workshop$/);
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => currentWorkshop(page)).toBe('Client A · Acme Retail');
      await expectFocusOn(page, /^New workshop$/);
      await expect.poll(() => statusLine(page)).toMatch(/^Workshop Client A \(Acme Retail\) created/);

      await generateInUi(page, { brief: 'Budgeting app for university students in Manchester', count: 2 });
      const firstRunNames = await page.getByRole('article').locator('h3').allTextContents();
      await createWorkshopByMouse(page, 'Client B', 'Borealis Bank');
      // A new workshop starts empty: the run of Client A leaves the screen.
      await page.getByRole('heading', { name: 'No personas yet' }).waitFor();
      await generateInUi(page, { brief: 'Meal-kit delivery for busy parents in Lyon', count: 3 });

      // Keyboard only: Switch workshop, choose Client A.
      await tabTo(page, /^Switch workshop$/, { back: true });
      await page.keyboard.press('Enter');
      const switcher = page.getByRole('dialog', { name: 'Switch workshop' });
      await switcher.waitFor();
      await expectFocusOn(page, /^Client B \(current\)/);
      await expectNoSeriousViolations(page, 'Switch workshop dialog');
      await app.screenshot('workshops-switch-dialog');
      // The list is the core's order (last changed first): Client A is reached forwards or backwards.
      const order = await switcher.locator('.workshop-choice-name').allTextContents();
      await tabTo(page, /^Client A/, { back: order.findIndex((n) => n.startsWith('Client A')) < order.findIndex((n) => n.startsWith('Client B')) });
      await page.keyboard.press('Enter');
      await switcher.waitFor({ state: 'detached' });
      await expect.poll(() => currentWorkshop(page)).toBe('Client A · Acme Retail');
      await expectFocusOn(page, /^Switch workshop$/);
      await page.getByRole('heading', { name: 'No personas yet' }).waitFor();
      // Esc closes a dialog and gives focus back to its opener.
      await page.keyboard.press('Enter');
      await switcher.waitFor();
      await page.keyboard.press('Escape');
      await switcher.waitFor({ state: 'detached' });
      await expectFocusOn(page, /^Switch workshop$/);

      // The core remembers the current workshop.
      await page.reload();
      await expect.poll(() => currentWorkshop(page)).toBe('Client A · Acme Retail');

      await toHistory(page);
      await expect.poll(() => group(page, 'Client A').locator('.history-group-title').innerText()).toMatch(/Acme Retail · 1 run, 2 personas/);
      await expect.poll(() => group(page, 'Client B').locator('.history-group-title').innerText()).toMatch(/Borealis Bank · 1 run, 3 personas/);
      await app.screenshot('workshops-history');

      // Rename the run of Client A: its title shows with the brief under it.
      await page.getByRole('button', { name: 'Rename run: Budgeting app for university students in Manchester' }).click();
      const rename = page.getByRole('dialog', { name: 'Rename run' });
      await expect.poll(async () => (await focused(page)).name).toBe('Title');
      await expectNoSeriousViolations(page, 'Rename run dialog');
      await rename.getByLabel('Title').fill('Manchester students, wave 1');
      await rename.getByRole('button', { name: 'Save title' }).click();
      await rename.waitFor({ state: 'detached' });
      const row = page.getByRole('row').filter({ hasText: 'Manchester students, wave 1' });
      await row.getByText('Budgeting app for university students in Manchester').waitFor();
      await expectFocusOn(page, /^Rename run: Manchester students, wave 1$/);

      // Move it to Client B: it is listed there, with its personas; focus follows it.
      await row.getByRole('button', { name: 'Move run: Manchester students, wave 1' }).click();
      const move = page.getByRole('dialog', { name: 'Move run “Manchester students, wave 1”' });
      await move.waitFor();
      await expectNoSeriousViolations(page, 'Move run dialog');
      await app.screenshot('workshops-move-dialog');
      await move.getByLabel('Move to').selectOption({ label: 'Client B (Borealis Bank)' });
      await move.getByRole('button', { name: 'Move run' }).click();
      await move.waitFor({ state: 'detached' });
      await group(page, 'Client B').getByRole('row').filter({ hasText: 'Manchester students, wave 1' }).waitFor();
      await group(page, 'Client A').getByText('No runs in this workshop yet.').waitFor();
      await expect.poll(() => group(page, 'Client B').locator('.history-group-title').innerText()).toMatch(/2 runs, 5 personas/);
      await expectFocusOn(page, /^Move run: Manchester students, wave 1$/);
      expect(await page.evaluate(() => document.activeElement?.closest('[data-workshop-id]')?.querySelector('h3')?.textContent)).toMatch(/^Client B/);

      // Search covers titles and client names.
      await page.getByLabel('Search runs').fill('Borealis');
      await expect.poll(() => page.getByRole('button', { name: /^Open run:/ }).count()).toBe(2);
      await page.getByLabel('Search runs').fill('wave 1');
      await expect.poll(() => page.getByRole('button', { name: /^Open run:/ }).count()).toBe(1);

      // Open it: its workshop becomes current; edit a persona, then restore its first version.
      await page.getByRole('button', { name: 'Open run: Manchester students, wave 1' }).click();
      await page.getByRole('heading', { name: /^2 personas/ }).waitFor();
      expect(await page.getByRole('article').locator('h3').allTextContents()).toEqual(firstRunNames);
      await expect.poll(() => currentWorkshop(page)).toBe('Client B · Borealis Bank');
      const card = page.getByRole('article').first();
      const name = (await card.locator('h3').textContent())!;
      const originalQuote = await card.locator('blockquote').textContent();
      await editFirstQuoteInUi(page, 'I only trust a budget I can see on one page.');
      await card.getByRole('button', { name: `Undo last edit to ${name}` }).waitFor();
      await card.getByRole('button', { name: `History of ${name}` }).click();
      const history = page.getByRole('dialog', { name: `History of ${name}` });
      await history.getByText(/^Changed: quote\.$/i).waitFor();
      await history.getByText('As the engine wrote it.').waitFor();
      await expectNoSeriousViolations(page, 'persona History dialog');
      await app.screenshot('workshops-persona-history');
      await history.getByRole('button', { name: `Restore the original of ${name}` }).click();
      await history.waitFor({ state: 'detached' });
      await expect.poll(() => card.locator('blockquote').textContent()).toBe(originalQuote);
      await expectFocusOn(page, new RegExp(`^History of ${name}$`));
      await expect.poll(() => statusLine(page)).toMatch(new RegExp(`^${name} restored to the original`));
      // The restore is itself a version: the history now has three.
      await card.getByRole('button', { name: `History of ${name}` }).click();
      await expect.poll(() => history.getByRole('listitem').count()).toBe(3);
      await page.keyboard.press('Escape');

      // Delete the other run: the confirmation says what goes; afterwards neither History nor search finds it.
      await toHistory(page);
      await page.getByRole('button', { name: 'Delete run: Meal-kit delivery for busy parents in Lyon' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete run “Meal-kit delivery for busy parents in Lyon”?' });
      await confirm.getByText('the run, 3 personas and 0 edits').waitFor();
      await expectFocusOn(page, /^Cancel$/);
      await expectNoSeriousViolations(page, 'Delete run dialog');
      await app.screenshot('workshops-delete-run');
      await confirm.getByRole('button', { name: 'Delete run' }).click();
      await confirm.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByRole('button', { name: /^Open run: Meal-kit/ }).count()).toBe(0);
      await expectFocusOn(page, /^Client B/);
      await expect.poll(() => statusLine(page)).toMatch(/^Run deleted/);
      for (const words of ['Lyon', 'Meal-kit']) {
        await page.getByLabel('Search runs').fill(words);
        await page.getByRole('heading', { name: 'No runs match this search' }).waitFor();
      }
      await expect.poll(() => group(page, 'Client B').count()).toBe(0);
      await page.getByLabel('Search runs').fill('');
      await expect.poll(() => group(page, 'Client B').locator('.history-group-title').innerText()).toMatch(/1 run, 2 personas/);
    });
  }, TEST_TIMEOUT_MS);

  it('undoes an edit, deletes a persona, duplicates a run, archives and restores a workshop, and deletes it with its backup', async () => {
    await withApp(browser, { viewport: { width: 1280, height: 800 } }, async (app) => {
      const { page } = app;
      page.setDefaultTimeout(STEP_TIMEOUT_MS);
      // Every dialog and state under the page's CSP: no inline style anywhere.
      await recordCspViolations(page);
      await page.reload();
      await createWorkshopByMouse(page, 'Client C', 'Cobalt Care');
      await generateInUi(page, { brief: 'Home-care scheduling for families in Leeds', count: 2 });
      const [first, second] = await page.getByRole('article').locator('h3').allTextContents();
      const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: first! }) });
      const quote = await card.locator('blockquote').textContent();

      // Undo the only edit: the card is as generated again, Undo goes and Edit takes focus.
      await editFirstQuoteInUi(page, 'Tuesdays are the hardest day to cover.');
      await card.getByRole('button', { name: `Undo last edit to ${first}` }).click();
      await expect.poll(() => card.locator('blockquote').textContent()).toBe(quote);
      await expectFocusOn(page, new RegExp(`^Edit ${first}$`));
      await expect.poll(() => card.getByRole('button', { name: `Undo last edit to ${first}` }).count()).toBe(0);
      await expect.poll(() => statusLine(page)).toMatch(new RegExp(`^Last edit to ${first} undone`));

      // Delete the second persona: the first card takes focus.
      await page.getByRole('button', { name: `Delete ${second}` }).click();
      const confirmPersona = page.getByRole('dialog', { name: `Delete ${second}?` });
      await expectFocusOn(page, /^Cancel$/);
      await expectNoSeriousViolations(page, 'Delete persona dialog');
      await confirmPersona.getByRole('button', { name: 'Delete persona' }).click();
      await page.getByRole('heading', { name: /^1 persona\b/ }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(first);
      await expect.poll(() => statusLine(page)).toMatch(/deleted; 1 persona left in this run/);

      // Duplicate the run: the copy is listed, and its Rename has focus.
      await toHistory(page);
      await page.getByRole('button', { name: 'Duplicate run: Home-care scheduling for families in Leeds' }).click();
      await expectFocusOn(page, /^Rename run: Copy of Home-care scheduling/);
      await expect.poll(() => group(page, 'Client C').locator('.history-group-title').innerText()).toMatch(/2 runs, 2 personas/);

      // Archive: hidden from the lists, still found by search, shown with Show archived, restored.
      await page.getByRole('button', { name: 'Archive workshop Client C' }).click();
      await expect.poll(() => group(page, 'Client C').count()).toBe(0);
      await expectFocusOn(page, /^History$/);
      // The run on screen is the archived workshop's; new runs go to the one the core made current.
      await page.getByRole('link', { name: 'Workshop' }).click();
      await page.getByText(/^This run is in the archived workshop Client C \(Cobalt Care\); new runs go to My workshop\.$/).waitFor();
      await toHistory(page);
      await page.getByLabel('Search runs').fill('Cobalt');
      await expect.poll(() => page.getByRole('button', { name: /^Open run:/ }).count()).toBe(2);
      await group(page, 'Client C').getByText('archived', { exact: true }).waitFor();
      await page.getByLabel('Search runs').fill('');
      await expect.poll(() => group(page, 'Client C').count()).toBe(0);
      await page.getByLabel('Show archived').check();
      await page.getByRole('button', { name: 'Restore workshop Client C' }).click();
      await expectFocusOn(page, /^Archive workshop Client C$/);
      await page.getByLabel('Show archived').uncheck();
      await group(page, 'Client C').waitFor();

      // Delete it, with the backup taken since it was made: the confirmation says both.
      await app.core.recovery.backup(app.core.store);
      await page.getByRole('button', { name: 'Delete workshop Client C' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete workshop Client C?' });
      await confirm.getByText(/^the workshop, 2 runs, 2 personas and \d+ edits?$/).waitFor();
      await confirm.getByText('1 backup taken before now still holds this workshop.').waitFor();
      await expectNoSeriousViolations(page, 'Delete workshop dialog');
      await confirm.getByLabel('Also delete those backups').check();
      await confirm.getByRole('button', { name: 'Delete workshop' }).click();
      await confirm.waitFor({ state: 'detached' });
      await expect.poll(() => group(page, 'Client C').count()).toBe(0);
      await expectFocusOn(page, /^History$/);
      await expect.poll(() => statusLine(page)).toMatch(/^Workshop Client C deleted: 2 runs, 2 personas and 1 backup/);
      expect(app.core.recovery.backups()).toEqual([]);

      // The run it showed is gone from the Workshop too.
      await page.getByRole('link', { name: 'Workshop' }).click();
      await page.getByRole('heading', { name: 'No personas yet' }).waitFor();
      expect(await currentWorkshop(page)).not.toContain('Client C');
      expect(await cspViolations(page)).toEqual([]);
    });
  }, TEST_TIMEOUT_MS);
});
