/** The executive summary above the persona cards, and the PDF export's template and paper, in Chromium against browser mode. */
import fs from 'node:fs';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetSummary } from '../src/shared/summary';
import { THEMES_SHOWN, methodLabel, themeCountLabel } from '../src/renderer/src/workshop/summary-labels';
import { expectNoSeriousViolations, expectVisibleFocus } from './a11y';
import { editFirstQuoteInUi, generateInUi, launchBrowser, withApp } from './fixture';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const isSummaryCall = (response: Response) => response.url().includes('/api/invoke/runs:summary');

/** The next summary the page reads from the core, as the API answered it. */
async function nextSummary(page: Page, action: () => Promise<void>): Promise<SetSummary> {
  const answered = page.waitForResponse((r) => isSummaryCall(r) && r.request().method() === 'POST');
  await action();
  const body = (await (await answered).json()) as { ok: true; data: SetSummary } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(`runs:summary failed: ${body.error.message}`);
  return body.data;
}

async function deleteFirstPersonaInUi(page: Page): Promise<void> {
  const name = (await page.getByRole('article').first().locator('h3').textContent())!;
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${name}?` });
  await dialog.getByRole('button', { name: 'Delete persona' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Presses Export with PDF chosen and returns the file downloaded; fails with the page's message when the core refused. */
async function exportPdfInUi(page: Page): Promise<Buffer> {
  const download = page.waitForEvent('download', { timeout: 60_000 });
  // Awaited below; a failed assertion before then must not leave it rejecting unhandled when the page closes.
  download.catch(() => undefined);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const status = page.getByText(/^(Exported|Export failed)/);
  expect(await status.textContent({ timeout: 60_000 })).toMatch(/^Exported .*\.pdf$/);
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = fs.readFileSync(await file.path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  return bytes;
}

/** The first page's size in points, rounded: [595, 842] for A4, [612, 792] for US Letter. */
function pageSizeOf(pdf: Buffer): number[] {
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  return box ? [Math.round(Number(box[1])), Math.round(Number(box[2]))] : [];
}

const panelOf = (page: Page) => page.getByRole('region', { name: 'Executive summary' });

describe('Workshop executive summary', () => {
  it('shows the summary of a generated run with its method, themes and counts, and opens and closes by keyboard', async () => {
    await withApp(browser, {}, async (app) => {
      const { page } = app;
      const summary = await nextSummary(page, () => generateInUi(page, { count: 5 }));
      expect(summary.personaCount).toBe(5);
      const panel = panelOf(page);
      await panel.getByText(methodLabel(summary), { exact: true }).waitFor();
      for (const heading of ['Who they are', 'What they share', 'Where they differ', 'What it suggests']) {
        await panel.getByRole('heading', { name: heading, level: 4 }).waitFor();
      }
      await panel.getByText(summary.prose.who, { exact: true }).waitFor();
      if (summary.fallbackReason) await panel.getByText(summary.fallbackReason).waitFor();

      // The most widely held first; the rest on demand. Each as the API gave it: its label, "n of 5" and its quote.
      const themes = panel.locator('.summary-theme');
      expect(await themes.count()).toBe(Math.min(THEMES_SHOWN, summary.themes.length));
      if (summary.themes.length > THEMES_SHOWN) {
        const more = panel.getByRole('button', { name: `Show all ${summary.themes.length} themes` });
        await more.focus();
        await page.keyboard.press('Enter');
        await panel.getByRole('button', { name: 'Show fewer themes', expanded: true }).waitFor();
      }
      expect(await themes.count()).toBe(summary.themes.length);
      for (const [i, theme] of summary.themes.entries()) {
        const row = themes.nth(i);
        expect(await row.locator('.summary-theme-label').innerText()).toBe(theme.label);
        expect((await row.locator('.summary-theme-count').textContent())?.trim()).toBe(`${themeCountLabel(theme, summary.personaCount)} personas`);
        expect(await row.locator('q').innerText()).toContain(theme.quote.text.trim());
      }

      await expectNoSeriousViolations(page, 'workshop with its executive summary');
      await app.screenshot('workshop-summary');

      // A quote's name leads to that persona's card.
      const quoted = summary.themes[0]?.quote;
      if (quoted) {
        await panel.getByRole('button', { name: `${quoted.personaName}: go to the card` }).first().click();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`persona-${quoted.personaId}`);
      }

      // Closed and opened again by keyboard; closed stays closed across a reload in this session.
      const toggle = panel.getByRole('button', { name: 'Executive summary' });
      await toggle.focus();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await panel.getByRole('heading', { name: 'Who they are' }).waitFor({ state: 'hidden' });
      await expectVisibleFocus(page, 'Enter on the summary toggle');
      await page.keyboard.press('Space');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await panel.getByRole('heading', { name: 'Who they are' }).waitFor();
      await page.keyboard.press('Enter');
      await page.reload();
      await page.getByRole('heading', { name: /^5 personas\b/ }).waitFor();
      expect(await panelOf(page).getByRole('button', { name: 'Executive summary' }).getAttribute('aria-expanded')).toBe('false');
      await expectNoSeriousViolations(page, 'workshop with its executive summary closed');
    });
  }, 60_000);

  it('reads the summary again after a persona is edited or deleted, and says when none are left', async () => {
    await withApp(browser, {}, async (app) => {
      const { page } = app;
      const before = await nextSummary(page, () => generateInUi(page, { count: 3 }));
      const after = await nextSummary(page, () => editFirstQuoteInUi(page, 'Dinner on the table in twenty minutes, or I order pizza.'));
      expect(after.runId).toBe(before.runId);
      await panelOf(page).getByText(methodLabel(after), { exact: true }).waitFor();

      // Each delete reads the summary again; with none left there is nothing to summarise, and the panel says so.
      for (let left = 3; left > 1; left--) {
        await nextSummary(page, () => deleteFirstPersonaInUi(page));
      }
      await deleteFirstPersonaInUi(page);
      await page.getByRole('heading', { name: /^0 personas\b/ }).waitFor();
      await panelOf(page).getByText('No personas in this run, so there is nothing to summarise.', { exact: false }).waitFor();
      await expectNoSeriousViolations(page, 'workshop with a run of no personas');
      await app.screenshot('workshop-summary-empty');
    });
  });

  it('says when the summary could not be made and reads it again on Retry', async () => {
    await withApp(browser, {}, async (app) => {
      const { page } = app;
      // A refusal the query does not retry on its own, so the message shows at once.
      await page.route('**/api/invoke/runs:summary', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'not_found', message: 'No such run.' } }) }),
      );
      await generateInUi(page, { count: 2 });
      const panel = panelOf(page);
      const alert = panel.getByRole('alert');
      await alert.getByText('The summary could not be made.').waitFor();
      await alert.getByText('No such run.').waitFor();
      await expectNoSeriousViolations(page, 'workshop with the summary failed');
      await page.unroute('**/api/invoke/runs:summary');
      const summary = await nextSummary(page, () => alert.getByRole('button', { name: 'Retry' }).click());
      await panel.getByText(methodLabel(summary), { exact: true }).waitFor();
      await alert.waitFor({ state: 'detached' });

      // A summary that cannot be read again after an edit stays, marked as from before it.
      await page.route('**/api/invoke/runs:summary', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'not_found', message: 'No such run.' } }) }),
      );
      await editFirstQuoteInUi(page, 'Twenty minutes or it is pizza again.');
      await alert.getByText('This summary is from before the last change to the personas:').waitFor();
      await panel.getByText(summary.prose.who, { exact: true }).waitFor();
    });
  });

  it('exports a PDF with the template and paper chosen, starting from the report settings', async () => {
    await withApp(browser, {}, async (app) => {
      try {
        const { page } = app;
        app.core.settings.update({ report: { template: 'internal', paper: 'letter' } });
        await generateInUi(page, { count: 2 });
        const template = page.getByRole('combobox', { name: 'Report template' });
        const paper = page.getByRole('combobox', { name: 'Paper size' });
        await expect.poll(() => template.inputValue()).toBe('internal');
        await expect.poll(() => paper.inputValue()).toBe('letter');
        expect(await template.locator('option').allInnerTexts()).toEqual(['Client report', 'Internal report']);
        expect(await paper.locator('option').allInnerTexts()).toEqual(['A4', 'US Letter']);

        const requests: unknown[] = [];
        page.on('request', (request) => {
          if (request.url().includes('/api/invoke/reports:export')) requests.push(request.postDataJSON());
        });

        // As the settings say: the internal report on US Letter (612 × 792 pt).
        let pdf = await exportPdfInUi(page);
        expect(requests[0]).toMatchObject({ format: 'pdf', template: 'internal', paper: 'letter' });
        expect(pageSizeOf(pdf)).toEqual([612, 792]);

        // Chosen by keyboard: the client report on A4 (595 × 842 pt).
        await template.focus();
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('Tab');
        await page.keyboard.press('ArrowUp');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('export-paper');
        expect([await template.inputValue(), await paper.inputValue()]).toEqual(['client', 'a4']);
        pdf = await exportPdfInUi(page);
        expect(requests[1]).toMatchObject({ format: 'pdf', template: 'client', paper: 'a4' });
        expect(pageSizeOf(pdf)).toEqual([595, 842]);
        await app.screenshot('workshop-export-options');

        // Other formats carry no PDF options, and the choices are not offered for them.
        await page.getByLabel('Export format').selectOption('csv');
        await template.waitFor({ state: 'detached' });
        const csv = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Export', exact: true }).click();
        await csv;
        expect(requests[2]).toMatchObject({ format: 'csv' });
        expect(requests[2]).not.toHaveProperty('template');
        expect(requests[2]).not.toHaveProperty('paper');
      } finally {
        await app.core.reports.close();
      }
    });
  }, 120_000);
});
