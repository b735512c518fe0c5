/**
 * Asking the personas, in Chromium against browser mode: with the built-in engine a user
 * interviews a persona by keyboard only (two questions, the second continuing the conversation),
 * asks the focus group a question and reads its summary, runs two concept tests and compares them,
 * reloads and finds everything, finds the interview from History, and exports the PDF, which holds
 * the concept chart and the quotes; renames and deletes. Axe runs on each new panel state; the
 * page's CSP is watched throughout. asking-streaming.e2e.test.ts streams from the test provider.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations, expectVisibleFocus } from './a11y';
import { generateInUi, launchBrowser, RESULTS_DIR, withApp } from './fixture';
import { cspViolations, recordCspViolations } from './security-checklist';
import { openHistoryInUi } from './ui';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const STEP_TIMEOUT_MS = 8_000;

/** The focused element's accessible name as far as the test needs it: aria-label, its label, else its text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const labelled = (el as HTMLInputElement | null)?.labels?.[0]?.textContent;
    return (el?.getAttribute('aria-label') ?? labelled ?? el?.textContent ?? '').trim();
  });
}

/** Tabs until the focused element's name matches, checking at every stop that focus is visible. */
async function tabTo(page: Page, name: RegExp, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focusedName(page);
    await expectVisibleFocus(page, `Tab towards ${name} (now on "${now}")`);
    if (name.test(now)) return;
  }
  throw new Error(`${name} was not reached within ${max} tab stops`);
}

const expectFocusOn = (page: Page, name: RegExp) => expect.poll(() => focusedName(page), { timeout: STEP_TIMEOUT_MS }).toMatch(name);
const statusLine = (page: Page) => page.locator('p[role="status"]').textContent();
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Pixels of a PDF page, rendered by pdftoppm as PPM, near the report's bar colour (#3b5bdb). */
function barPixels(pdf: string, page: number): number {
  const out = path.join(os.tmpdir(), `asking-${process.pid}-${page}`);
  execFileSync('pdftoppm', ['-r', '40', '-f', String(page), '-l', String(page), '-singlefile', pdf, out]);
  const ppm = fs.readFileSync(`${out}.ppm`);
  fs.rmSync(`${out}.ppm`);
  // "P6\n<w> <h>\n255\n" then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  let count = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) if (Math.abs(ppm[i]! - 0x3b) < 30 && Math.abs(ppm[i + 1]! - 0x5b) < 30 && Math.abs(ppm[i + 2]! - 0xdb) < 30) count++;
  return count;
}

describe('asking the personas (browser mode)', () => {
  it('interviews a persona by keyboard, asks the focus group, compares two concept tests, finds them after a reload, in History and in the PDF', async () => {
    await withApp(browser, { viewport: { width: 1280, height: 800 } }, async (app) => {
      const { page } = app;
      page.setDefaultTimeout(STEP_TIMEOUT_MS);
      await recordCspViolations(page);
      await page.reload();
      await generateInUi(page, { brief: 'Meal-kit delivery for busy parents in Lyon', count: 4 });
      const names = await page.getByRole('article').locator('h3').allTextContents();
      const [first] = names as [string];
      const area = page.getByRole('region', { name: 'Ask the personas' });
      await area.getByText('No interviews yet').waitFor();
      await expectNoSeriousViolations(page, 'ask area, nothing asked yet');

      // Keyboard only: the first card's Interview, two questions, Esc.
      await tabTo(page, new RegExp(`^Interview ${escaped(first)}$`));
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: `Interview with ${first}` });
      await dialog.waitFor();
      await expectFocusOn(page, new RegExp(`^Your question to ${escaped(first)}$`));
      await expectNoSeriousViolations(page, 'interview dialog, no question yet');
      const turns = dialog.locator('.chat-turns > li');
      await page.keyboard.type('What frustrates you most about cooking on weeknights?');
      await page.keyboard.press('Enter');
      await turns.first().getByText(`Offline answer, drawn only from the profile: ${first}’s`).waitFor();
      // Focus stays in the field for the next question; the status line has the answer.
      await expectFocusOn(page, /^Your question to /);
      await expect.poll(() => statusLine(page)).toMatch(new RegExp(`^${escaped(first)} answered: `));
      await page.keyboard.type('And what would you pay for a kit that saves you that time?');
      await page.keyboard.press('Enter');
      await turns.nth(1).getByText('Offline answer, drawn only from the profile').waitFor();
      await expectFocusOn(page, /^Your question to /);
      // The second question went on with the same interview, titled from the first.
      await dialog.getByText('“What frustrates you most about cooking on weeknights?”, 2 questions').waitFor();
      const answers = await turns.locator('.answer-text').allTextContents();
      expect(answers).toHaveLength(2);
      expect(answers[0]).not.toBe(answers[1]);
      await expectNoSeriousViolations(page, 'interview dialog, two answers');
      await app.screenshot('asking-interview');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expectFocusOn(page, new RegExp(`^Interview ${escaped(first)}$`));
      await area.getByRole('tab', { name: 'Interviews (1)' }).waitFor();
      await area.getByRole('listitem').filter({ hasText: 'What frustrates you most about cooking on weeknights?' }).getByText(`with ${first} · 2 questions`).waitFor();

      // The focus group, its tab reached with the arrow keys.
      await area.getByRole('tab', { name: 'Interviews (1)' }).focus();
      await page.keyboard.press('ArrowRight');
      await expectFocusOn(page, /^Focus group$/);
      expect(await area.getByRole('tab', { name: 'Focus group' }).getAttribute('aria-selected')).toBe('true');
      await area.getByText('No focus group yet').waitFor();
      await expectNoSeriousViolations(page, 'focus group, none asked yet');
      await area.getByLabel('Question for the group').fill('What would make you try a new meal kit?');
      await area.getByRole('button', { name: 'Ask everyone' }).click();
      const group = area.getByRole('region', { name: '“What would make you try a new meal kit?”' });
      await group.getByText('Who agrees').waitFor();
      await expectFocusOn(page, /^Question for the group$/);
      expect(await group.locator('.group-column').count()).toBe(4);
      for (const name of names) await group.locator('.group-column h5').filter({ hasText: name }).waitFor();
      await group.getByText('Who objects').waitFor();
      const groupAnswers = await group.locator('.group-column .answer-text').allTextContents();
      expect(new Set(groupAnswers).size).toBe(4);
      const quotes = await group.locator('.themes blockquote').allTextContents();
      await expect.poll(() => statusLine(page)).toMatch(/^Focus group: 4 personas answered/);
      await expectNoSeriousViolations(page, 'focus group answered');
      await app.screenshot('asking-focus-group');
      // A quote's name leads to the persona's card.
      const quoted = group.locator('.group-column h5 a').nth(1);
      const quotedName = (await quoted.textContent())!;
      await quoted.click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(quotedName);

      // Two concept tests, then the two compared.
      await area.getByRole('tab', { name: 'Focus group (1)' }).focus();
      await page.keyboard.press('ArrowRight');
      await expectFocusOn(page, /^Concept tests$/);
      const concepts = [
        { text: 'Organic meal kits with 15-minute recipes, delivered twice a week', price: '€9 a meal' },
        { text: 'A premium chef subscription with weekly live cooking classes', price: '€60 a month' },
      ];
      for (const [i, concept] of concepts.entries()) {
        await area.getByLabel('Concept', { exact: true }).fill(concept.text);
        await area.getByLabel('Price (optional)').fill(concept.price);
        await area.getByRole('button', { name: 'Test concept' }).click();
        await area.getByRole('tab', { name: `Concept tests (${i + 1})` }).waitFor();
        const result = area.getByRole('region', { name: concept.text });
        const figure = result.getByRole('figure', { name: 'Likelihood to buy' });
        await figure.locator('.recharts-wrapper > svg.recharts-surface').waitFor();
        expect(flat((await figure.locator('figcaption').textContent())!)).toMatch(/1 \(would not buy\): \d, .* 5 \(would certainly buy\): \d; mean \d\.\d of 5/);
        expect(await result.locator('.verdict').count()).toBe(4);
        await result.getByText('Rules that set the score').first().waitFor();
        await result.getByText(/^from the /).first().waitFor();
      }
      await expectNoSeriousViolations(page, 'concept test result');
      await app.screenshot('asking-concept');
      for (const concept of concepts) await area.getByRole('checkbox', { name: `Compare concept: ${concept.text}` }).check();
      const comparison = area.getByRole('region', { name: '2 concepts compared' });
      await expectFocusOn(page, /^2 concepts compared$/);
      await comparison.getByRole('figure', { name: 'Likelihood to buy, concept by concept' }).locator('.recharts-wrapper > svg.recharts-surface').waitFor();
      for (const concept of concepts) await comparison.getByRole('columnheader', { name: new RegExp(escaped(concept.text)) }).waitFor();
      expect(await comparison.locator('.recharts-bar').count()).toBe(2);
      await expectNoSeriousViolations(page, 'two concepts compared');
      await app.screenshot('asking-concepts-compared');
      // No chart is a tab stop.
      expect(await area.locator('.concept-chart [tabindex="0"], .concept-chart svg[tabindex]').count()).toBe(0);

      // After a reload everything is there again.
      await page.reload();
      await page.getByRole('heading', { name: /^4 personas/ }).waitFor();
      await area.getByRole('tab', { name: 'Interviews (1)' }).click();
      await area.getByRole('button', { name: `Open interview: What frustrates you most about cooking on weeknights?, with ${first}` }).click();
      await dialog.waitFor();
      await expect.poll(() => turns.count(), { timeout: STEP_TIMEOUT_MS }).toBe(2);
      expect(await turns.locator('.answer-text').allTextContents()).toEqual(answers);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      // Renamed, the interview keeps its questions.
      await area.getByRole('button', { name: 'Rename interview: What frustrates you most about cooking on weeknights?' }).click();
      const rename = page.getByRole('dialog', { name: 'Rename interview' });
      await expectFocusOn(page, /^Title$/);
      await expectNoSeriousViolations(page, 'Rename interview dialog');
      await rename.getByLabel('Title').fill('Weeknight cooking');
      await rename.getByRole('button', { name: 'Save title' }).click();
      await rename.waitFor({ state: 'detached' });
      await area.getByRole('listitem').filter({ hasText: 'Weeknight cooking' }).getByText(`with ${first} · 2 questions`).waitFor();
      await expectFocusOn(page, /^Rename interview: Weeknight cooking$/);
      await area.getByRole('tab', { name: 'Focus group (1)' }).click();
      await group.getByText('Who agrees').waitFor();
      expect(await group.locator('.group-column .answer-text').allTextContents()).toEqual(groupAnswers);
      await area.getByRole('tab', { name: 'Concept tests (2)' }).click();
      // The test run last is shown; both are listed.
      await area.getByRole('region', { name: concepts[1]!.text }).getByRole('figure', { name: 'Likelihood to buy' }).waitFor();
      for (const concept of concepts) await area.getByRole('button', { name: `Open concept test: ${concept.text}` }).waitFor();

      // History's search finds the interview by a word of an answer; its link opens the run and the conversation.
      await openHistoryInUi(page);
      const word = answers[1]!.split(/\W+/).find((w) => w.length >= 7)!;
      await page.getByLabel('Search runs and interviews').fill(word);
      const found = page.getByRole('region', { name: '1 interview found' });
      await found.waitFor();
      await expectNoSeriousViolations(page, 'History search with an interview found');
      await app.screenshot('asking-history-search');
      await found.getByRole('link', { name: 'Weeknight cooking' }).click();
      await dialog.waitFor();
      await expect.poll(() => turns.count(), { timeout: STEP_TIMEOUT_MS }).toBe(2);
      await expectFocusOn(page, /^Your question to /);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      // The PDF report holds the interview, the group's quotes and the concept charts.
      try {
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Export', exact: true }).click();
        const pdf = path.join(RESULTS_DIR, 'asking-report.pdf');
        fs.copyFileSync(await (await download).path(), pdf);
        // Raw order keeps a table cell's words together; the kickers are upper case on the page.
        const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
        const all = flat(text).toLowerCase();
        const has = (words: string) => expect(all, words).toContain(flat(words).toLowerCase());
        for (const words of ['What frustrates you most about cooking on weeknights?', 'What would make you try a new meal kit?', 'Concept test 1', 'Concept test 2', 'The concepts side by side', ...concepts.map((c) => c.text)]) has(words);
        has(answers[0]!.slice(0, 50));
        for (const answer of groupAnswers) has(answer.slice(0, 40));
        for (const quote of quotes) has(quote.replace(/^“/, '').slice(0, 40));
        const pages = text.split('\f').map((p) => p.toLowerCase());
        for (const kicker of ['concept test 1', 'concept test 2']) {
          const at = pages.findIndex((p) => p.includes(kicker)) + 1;
          expect(at, kicker).toBeGreaterThan(1);
          // The chart's bars are drawn on the concept's page.
          expect(barPixels(pdf, at), `bars on the page of ${kicker}`).toBeGreaterThan(200);
          execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(at), '-l', String(at), '-singlefile', pdf, path.join(RESULTS_DIR, `asking-report-${kicker.replace(/ /g, '-')}`)]);
        }
      } finally {
        await app.core.reports.close();
      }

      // Deleted, an interview and a concept test leave the lists; focus goes to the form above them.
      await area.getByRole('tab', { name: 'Interviews (1)' }).click();
      await area.getByRole('button', { name: 'Delete interview: Weeknight cooking' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete the interview “Weeknight cooking”?' });
      await expectFocusOn(page, /^Cancel$/);
      await expectNoSeriousViolations(page, 'Delete interview dialog');
      await confirm.getByRole('button', { name: 'Delete interview' }).click();
      await confirm.waitFor({ state: 'detached' });
      await area.getByText('No interviews yet').waitFor();
      await area.getByRole('tab', { name: 'Interviews', exact: true }).waitFor();
      await expectFocusOn(page, /^Interview$/);
      await area.getByRole('tab', { name: 'Concept tests (2)' }).click();
      await area.getByRole('button', { name: `Delete concept test: ${concepts[0]!.text}` }).click();
      await page.getByRole('dialog', { name: 'Delete this concept test?' }).getByRole('button', { name: 'Delete concept test' }).click();
      await area.getByRole('tab', { name: 'Concept tests (1)' }).waitFor();
      // The comparison needs two: it goes with the test deleted.
      expect(await area.getByRole('region', { name: /concepts compared/ }).count()).toBe(0);
      expect(await cspViolations(page)).toEqual([]);
    });
  }, 180_000);
});
