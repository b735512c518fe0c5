/**
 * Asking with an LLM engine, in Chromium against browser mode and the test provider server: an
 * interview's answer streams token by token, Cancel keeps what arrived as a cut answer and Retry
 * asks again; a focus group's answers stream side by side and a cancel keeps each one's start.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderServer } from '../test/support/provider-server';
import { expectNoSeriousViolations } from './a11y';
import { generateInUi, launchBrowser, withApp } from './fixture';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const STEP_TIMEOUT_MS = 8_000;

function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const labelled = (el as HTMLInputElement | null)?.labels?.[0]?.textContent;
    return (el?.getAttribute('aria-label') ?? labelled ?? el?.textContent ?? '').trim();
  });
}

const expectFocusOn = (page: Page, name: RegExp) => expect.poll(() => focusedName(page), { timeout: STEP_TIMEOUT_MS }).toMatch(name);
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordsIn = async (text: Promise<string | null>) => (await text)?.match(/word\d+/g)?.length ?? 0;

describe('asking with an LLM engine (browser mode)', () => {
  it('streams an answer token by token; Cancel keeps what arrived, marked cut, and Retry asks again', async () => {
    const provider = await ProviderServer.start();
    const answer = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    provider.setScript(() => ({ content: answer, chunks: 40, intervalMs: 150 }));
    try {
      await withApp(browser, { viewport: { width: 900, height: 600 } }, async (app) => {
        const { page } = app;
        page.setDefaultTimeout(STEP_TIMEOUT_MS);
        await generateInUi(page, { count: 2 });
        app.core.settings.update({ provider: 'openai', openai: { baseUrl: `${provider.url}/v1`, model: 'm', stream: true } });
        const name = (await page.getByRole('article').first().locator('h3').textContent())!;
        await page.getByRole('button', { name: `Interview ${name}` }).click();
        const dialog = page.getByRole('dialog', { name: `Interview with ${name}` });
        await page.getByLabel(`Your question to ${name}`).fill('What do you do on a Sunday?');
        await page.keyboard.press('Enter');
        const streaming = dialog.locator('.answer-streaming');
        // The words arrive a few at a time: seen part-way, then more of them.
        await expect.poll(() => wordsIn(streaming.textContent()), { timeout: STEP_TIMEOUT_MS }).toBeGreaterThan(2);
        const early = await wordsIn(streaming.textContent());
        await expect.poll(() => wordsIn(streaming.textContent()), { timeout: STEP_TIMEOUT_MS }).toBeGreaterThan(early);
        expect(await dialog.getByRole('button', { name: 'Close' }).isDisabled()).toBe(true);
        await expectNoSeriousViolations(page, 'interview answer streaming');
        await app.screenshot('asking-streaming');
        await dialog.getByRole('button', { name: 'Cancel answer' }).click();
        const cut = dialog.locator('.answer-cut');
        await cut.waitFor();
        expect(await cut.textContent()).toMatch(/cut off.*What arrived is kept/i);
        const kept = (await dialog.locator('.chat-turns .answer-text').first().textContent())!;
        expect(kept).toMatch(/^word0 word1/);
        expect(kept).not.toContain('word39');
        await dialog.getByText('Answered by OpenAI-compatible server (m).').waitFor();
        await expectFocusOn(page, new RegExp(`^Your question to ${escaped(name)}$`));
        await expectNoSeriousViolations(page, 'interview answer cut');

        provider.setScript(() => ({ content: answer, chunks: 4, intervalMs: 10 }));
        await dialog.getByRole('button', { name: 'Ask again: What do you do on a Sunday?' }).click();
        // Two answers saved, none streaming.
        await expect.poll(() => dialog.locator('.chat-turns .answer-source').count(), { timeout: STEP_TIMEOUT_MS }).toBe(2);
        expect(await dialog.locator('.answer-streaming').count()).toBe(0);
        expect(await dialog.locator('.chat-turns .answer-text').nth(1).textContent()).toBe(answer);
        await expectFocusOn(page, new RegExp(`^Your question to ${escaped(name)}$`));
      });
    } finally {
      await provider.close();
    }
  }, 120_000);

  it('streams a focus group side by side; a cancel keeps what each persona had said, marked cut', async () => {
    const provider = await ProviderServer.start();
    const answer = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    provider.setScript(() => ({ content: answer, chunks: 40, intervalMs: 150 }));
    try {
      await withApp(browser, { viewport: { width: 1280, height: 800 } }, async (app) => {
        const { page } = app;
        page.setDefaultTimeout(STEP_TIMEOUT_MS);
        await generateInUi(page, { count: 3 });
        app.core.settings.update({ provider: 'openai', openai: { baseUrl: `${provider.url}/v1`, model: 'm', stream: true } });
        const area = page.getByRole('region', { name: 'Ask the personas' });
        await area.getByRole('tab', { name: 'Focus group' }).click();
        await area.getByLabel('Question for the group').fill('What do you do on a Sunday?');
        await area.getByRole('button', { name: 'Ask everyone' }).click();
        const answering = area.getByRole('region', { name: 'The group is answering' });
        const columns = answering.locator('.answer-streaming');
        await expect.poll(() => columns.count()).toBe(3);
        // Every column fills at once, not one persona after another.
        await expect.poll(async () => Math.min(...(await Promise.all([0, 1, 2].map((i) => wordsIn(columns.nth(i).textContent()))))), { timeout: STEP_TIMEOUT_MS }).toBeGreaterThan(2);
        await expectNoSeriousViolations(page, 'focus group streaming');
        await app.screenshot('asking-group-streaming');
        await area.getByRole('button', { name: 'Cancel', exact: true }).click();
        const group = area.getByRole('region', { name: '“What do you do on a Sunday?”' });
        await group.getByText('Who agrees').waitFor();
        await expectFocusOn(page, /^Question for the group$/);
        expect(await group.locator('.answer-cut').count()).toBe(3);
        for (const text of await group.locator('.group-column .answer-text').allTextContents()) expect(text).toMatch(/^word0 word1 word2/);
        await group.getByRole('button', { name: /^Ask .* again$/ }).first().waitFor();
        await expectNoSeriousViolations(page, 'focus group cut');
      });
    } finally {
      await provider.close();
    }
  }, 120_000);
});
