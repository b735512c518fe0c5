/**
 * The Workshop and History by keyboard only (Tab, Shift+Tab, Enter, Space, Escape, Ctrl+Enter;
 * text typed into the focused field), at the smallest window and a large one. After every key,
 * focus must be on something visible that the sticky top bar does not cover.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderServer } from '../test/support/provider-server';
import { expectVisibleFocus } from './a11y';
import { launchBrowser, withApp } from './fixture';

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

interface Focused {
  id: string;
  tag: string;
  /** The accessible name as far as a test needs it: aria-label, the label, else the text. */
  name: string;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { id: '', tag: 'body', name: '' };
    const labelled = (el as HTMLInputElement).labels?.[0]?.textContent;
    return { id: el.id, tag: el.tagName.toLowerCase(), name: (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '').trim() };
  });
}

async function press(page: Page, key: string, step: string): Promise<void> {
  await page.keyboard.press(key);
  await expectVisibleFocus(page, step);
}

/** Tabs (or Shift+Tabs) until focus is on what `wanted` accepts, checking focus at every stop on the way. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, { back = false, max = 150 } = {}): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    await expectVisibleFocus(page, `${back ? 'Shift+Tab' : 'Tab'} towards ${what} (now on ${now.tag} "${now.name}")`);
    if (wanted(now)) return now;
  }
  throw new Error(`${what} was not reached within ${max} tab stops`);
}

const named = (name: string | RegExp) => (f: Focused) => (typeof name === 'string' ? f.name === name : name.test(f.name));
const withId = (id: string | RegExp) => (f: Focused) => (typeof id === 'string' ? f.id === id : id.test(f.id));

/** Replaces the focused field's text by typing, as a user does. */
async function retype(page: Page, text: string, step: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await expectVisibleFocus(page, step);
}

async function expectFocusOn(page: Page, accept: (f: Focused) => boolean, step: string): Promise<Focused> {
  await expect.poll(async () => accept(await focused(page)), { message: `after "${step}" focus is on ${JSON.stringify(await focused(page))}` }).toBe(true);
  await expectVisibleFocus(page, step);
  return focused(page);
}

const cardNames = (page: Page) => page.getByRole('article').locator('h3').allTextContents();

describe.each(VIEWPORTS)('keyboard only at $width×$height (browser mode)', (viewport) => {
  it('writes a brief, generates, reads all fields, edits, compares, regenerates, pins and visits every screen', async () => {
    await withApp(browser, { viewport }, async (app) => {
      const { page } = app;
      const skip = await tabTo(page, () => true, 'the first tab stop');
      expect(skip.name).toBe('Skip to results');

      await tabTo(page, withId('brief-description'), 'the brief');
      await retype(page, 'Meal-kit delivery for busy parents in Lyon', 'brief typed');
      await tabTo(page, withId('brief-count'), 'the persona count');
      await retype(page, '3', 'count typed');
      await tabTo(page, named('Generate'), 'Generate');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /^3 personas/ }).waitFor();
      await expectFocusOn(page, withId('results-heading'), 'the run ended');
      const names = await cardNames(page);

      await tabTo(page, named(`All fields of ${names[0]}`), 'All fields');
      await press(page, 'Enter', 'All fields opened');
      expect(await page.getByRole('article').first().locator('details.all-fields').getAttribute('open')).not.toBeNull();

      await tabTo(page, named(`Edit ${names[0]}`), 'Edit');
      await page.keyboard.press('Enter');
      await expectFocusOn(page, withId(/^persona-editor-.*-name$/), 'Edit');
      await tabTo(page, withId(/^persona-editor-.*-quote$/), 'the quote field');
      await retype(page, 'Sunday is when I plan every dinner of the week.', 'quote typed');
      await tabTo(page, named('Save edit'), 'Save edit');
      await page.keyboard.press('Enter');
      await expectFocusOn(page, named(`Edit ${names[0]}`), 'Save edit');
      await page.getByText('“Sunday is when I plan every dinner of the week.”').waitFor();

      await page.keyboard.press('Enter');
      await expectFocusOn(page, withId(/^persona-editor-.*-name$/), 'Edit again');
      await tabTo(page, named('Cancel edit'), 'Cancel edit');
      await page.keyboard.press('Enter');
      await expectFocusOn(page, named(`Edit ${names[0]}`), 'Cancel edit');

      await tabTo(page, named(`Compare ${names[1]}`), 'the second card’s Compare');
      await press(page, 'Space', 'one persona chosen to compare');
      await tabTo(page, named(`Compare ${names[2]}`), 'the third card’s Compare');
      await page.keyboard.press('Space');
      await expectFocusOn(page, withId('compare-heading'), 'two personas chosen to compare');
      const comparison = page.getByRole('region', { name: 'Comparison' });
      for (const name of names.slice(1)) await comparison.getByRole('columnheader', { name: name! }).waitFor();

      await tabTo(page, named(`Regenerate ${names[1]}`), 'Regenerate');
      await page.keyboard.press('Enter');
      const renewed = await expectFocusOn(page, (f) => f.id.startsWith('persona-regenerate-') && f.name.startsWith('Regenerate ') && f.name !== `Regenerate ${names[1]}`, 'Regenerate');
      expect(await cardNames(page)).toContain(renewed.name.replace(/^Regenerate /, ''));

      await tabTo(page, named(`Pin ${names[2]}`), 'Pin');
      await page.keyboard.press('Enter');
      await expectFocusOn(page, named(`Unpin ${names[2]}`), 'Pin (the card moved to the top)');
      expect((await cardNames(page))[0]).toBe(names[2]);

      // Every screen from the main menu, reached backwards from the cards.
      await tabTo(page, named('Dashboard'), 'the Dashboard link', { back: true });
      await press(page, 'Enter', 'Dashboard opened');
      await page.getByRole('heading', { name: 'Dashboard', level: 2 }).waitFor();
      await tabTo(page, named('History'), 'the History link');
      await press(page, 'Enter', 'History opened');
      await page.getByRole('heading', { name: 'History', level: 2 }).waitFor();
      await tabTo(page, named('Settings'), 'the Settings link');
      await press(page, 'Enter', 'Settings opened');
      await page.locator('#settings-title').waitFor();
      await tabTo(page, named('Skip to main content'), 'the skip link', { back: true });
      await page.keyboard.press('Enter');
      await expectFocusOn(page, withId('main'), 'Skip to main content');
      await tabTo(page, named('History'), 'the History link', { back: true });
      await press(page, 'Enter', 'History opened again');
      await page.getByRole('button', { name: /^Open run:/ }).waitFor();
      await tabTo(page, named(/^Open run: Meal-kit delivery/), 'Open run');
      await page.keyboard.press('Enter');
      await expectFocusOn(page, withId('results-heading'), 'Open run');
      expect(await page.getByRole('textbox', { name: 'Brief', exact: true }).inputValue()).toBe('Meal-kit delivery for busy parents in Lyon');
    });
  });

  it('moves focus from Generate to Cancel and back, and from the skip link to the results', async () => {
    const provider = await ProviderServer.start();
    provider.setScript(() => ({ latencyMs: 10_000 }));
    try {
      await withApp(browser, { viewport }, async (app) => {
        app.core.settings.update({ provider: 'openai', openai: { baseUrl: `${provider.url}/v1`, model: 'm', stream: false } });
        const { page } = app;
        await tabTo(page, named('Generate'), 'Generate');
        await page.keyboard.press('Enter');
        await expectFocusOn(page, withId('brief-cancel'), 'Generate');
        await page.keyboard.press('Enter');
        await expectFocusOn(page, withId('brief-generate'), 'Cancel');
        await page.getByText('Generation cancelled; nothing was saved.').waitFor();

        await tabTo(page, named('Skip to results'), 'the skip link', { back: true });
        await page.keyboard.press('Enter');
        await expectFocusOn(page, withId('results-heading'), 'Skip to results');
      });
    } finally {
      await provider.close();
    }
  });

  it('shows every tab stop of a long Workshop, forwards and backwards', async () => {
    await withApp(browser, { viewport }, async (app) => {
      const { page } = app;
      await tabTo(page, withId('brief-count'), 'the persona count');
      await retype(page, '8', 'count typed');
      await page.keyboard.press('Control+Enter');
      await page.getByRole('heading', { name: /^8 personas/ }).waitFor();
      await expectVisibleFocus(page, 'Ctrl+Enter (focus stays in the field)');

      // From the first stop to the last: each one on screen and clear of the top bar.
      await tabTo(page, named('Skip to results'), 'the skip link', { back: true });
      const forwards = ['a Skip to results'];
      for (;;) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        if (now.tag === 'body' || now.name === 'Skip to results') break;
        await expectVisibleFocus(page, `Tab stop ${forwards.length + 1} (${now.tag} "${now.name}")`);
        forwards.push(`${now.tag} ${now.name}`);
        expect(forwards.length, 'tab stops').toBeLessThan(400);
      }
      expect(forwards.filter((stop) => stop.startsWith('button Regenerate ')).length).toBe(8);

      // And back from the last to the first, through the same stops, as a reader who scrolls while
      // reading: each control in the results is first brought up to the top bar's edge, so that
      // the one before it lies under the bar unless the page makes room for the bar.
      const backwards: string[] = [];
      for (;;) {
        await page.evaluate(() => {
          const active = document.activeElement;
          const bar = document.querySelector('.topbar')!.getBoundingClientRect().bottom;
          if (active?.closest('.results')) window.scrollBy(0, active.getBoundingClientRect().top - bar);
        });
        await page.keyboard.press('Shift+Tab');
        const now = await focused(page);
        if (now.tag === 'body' && backwards.length === 0) continue;
        await expectVisibleFocus(page, `Shift+Tab stop ${backwards.length + 1} (${now.tag} "${now.name}")`);
        backwards.push(`${now.tag} ${now.name}`);
        if (now.name === 'Skip to results' || backwards.length > forwards.length) break;
      }
      expect(backwards.reverse()).toEqual(forwards);
      await app.screenshot(`keyboard-long-workshop-${viewport.width}x${viewport.height}`);
    });
  });
});
