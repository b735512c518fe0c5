/**
 * Importing, in Chromium against browser mode and the real core: a user pastes a Markdown answer
 * with three personas, previews it, fixes one name, imports it and finds the run in History with
 * the name fixed; then drops a workshop bundle on the Workshop screen, imports it and finds its
 * workshop in History. Axe runs on each state; the preview is photographed at two window sizes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../src/shared/ipc/types';
import { briefInputSchema } from '../src/shared/brief';
import { expectNoSeriousViolations, expectVisibleFocus } from './a11y';
import { launchBrowser, withApp } from './fixture';
import { historyGroup, openHistoryInUi } from './ui';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const STEP_TIMEOUT_MS = 10_000;
const TEST_TIMEOUT_MS = 120_000;

/** Three personas written three ways: a heading with a role subtitle and bold labels, a heading with bullets and section headings, a numbered label with prose. */
const MARKDOWN = `Sure! Here are three personas for a route-planning app for cyclists.

## Amara Okafor — The Weekend Cyclist

**Age:** 34
**Occupation:** Physiotherapist
**Location:** Bristol, United Kingdom

**Goals:**
- Ride a hundred kilometres every weekend
- Find quiet lanes away from lorries

**Pain points:**
- Routes that send her onto dual carriageways
- Apps that drain her phone battery

**Quote:** "Give me a lane with a view and I'm happy."

---

## Daniel Whitfield

- Age: 41
- Occupation: Bakery owner
- Location: Leeds, United Kingdom

### Goals
- Deliver bread by cargo bike before 7 am
- Keep his delivery costs down

### Frustrations
- Potholes that spill the trays
- Hills he did not know were there

---

## Persona 3: Mei Tanaka

Mei is a 27-year-old graphic designer in Manchester who commutes by bike every day. She wants a safe, well-lit route home after late shifts and hates being routed through unlit parks. She loves sketching, indie music and weekend markets.

Let me know if you would like more personas!`;

const FIXED_NAME = 'Danny Whitfield-Moss';

/** Tabs until the focused element passes `reached`, checking at every stop that focus is visible. */
async function tabTo(page: Page, reached: (stop: { id: string; name: string }) => boolean, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return { id: el?.id ?? '', name: (el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent ?? el?.textContent ?? '').trim() };
    });
    await expectVisibleFocus(page, `Tab (now on "${stop.name}")`);
    if (reached(stop)) return;
  }
  throw new Error(`not reached within ${max} tab stops`);
}

function commitResponse(page: Page): Promise<ResponseOf<'import:commit'>> {
  return page.waitForResponse((r) => r.url().includes('/api/invoke/import:commit')).then(async (r) => {
    const body = (await r.json()) as { ok: boolean; data: ResponseOf<'import:commit'>; error?: { message: string } };
    if (!body.ok) throw new Error(`import:commit failed: ${body.error?.message ?? 'no message'}`);
    return body.data;
  });
}

/** A bundle file built in the page and dispatched as a drop on the main area (as a file dragged from the desktop would be). */
async function dropFile(page: Page, fileName: string, bytes: Buffer, whileDragging: () => Promise<void>): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type: 'application/gzip' }));
      return transfer;
    },
    { name: fileName, base64: bytes.toString('base64') },
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.getByRole('status').filter({ hasText: 'Drop the file to import it' }).waitFor();
  await whileDragging();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

describe('importing (browser mode)', () => {
  it(
    'pastes three Markdown personas, fixes a name, imports them and finds the run; then drops a workshop bundle and finds its workshop',
    async () => {
      await withApp(browser, { viewport: { width: 1280, height: 800 } }, async (app) => {
        const { page } = app;
        page.setDefaultTimeout(STEP_TIMEOUT_MS);

        // The empty screen.
        await page.getByRole('link', { name: 'Import', exact: true }).click();
        await page.getByRole('heading', { name: 'Import personas', level: 2 }).waitFor();
        await page.getByRole('heading', { name: 'Nothing to preview yet' }).waitFor();
        await expectNoSeriousViolations(page, 'Import screen, empty');

        // Preview with nothing pasted says what to do.
        await page.getByRole('button', { name: 'Preview', exact: true }).click();
        await page.getByRole('alert').filter({ hasText: 'Nothing to preview' }).waitFor();

        // A text with no persona in it: the core's reason, with focus on it.
        await page.getByRole('textbox', { name: 'Paste personas' }).fill("I'm sorry, but I can't help with writing personas today.");
        await page.getByRole('button', { name: 'Preview', exact: true }).click();
        const refusal = page.getByRole('alert').filter({ hasText: 'Nothing could be previewed.' });
        await refusal.waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('import-error');
        await expectNoSeriousViolations(page, 'Import screen, refused');

        // Paste, preview: three rows.
        await page.getByRole('textbox', { name: 'Paste personas' }).fill(MARKDOWN);
        await page.getByLabel('What were these personas for? (optional)').fill('A route-planning app for cyclists in British cities');
        await page.getByRole('button', { name: 'Preview', exact: true }).click();
        await page.getByRole('heading', { name: 'Preview', level: 3 }).waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Preview');
        const rows = page.locator('.import-rows > li');
        await expect.poll(() => rows.count()).toBe(3);
        await expect.poll(() => page.locator('.import-summary').innerText()).toMatch(/^3 personas found in /);
        const names = await Promise.all([1, 2, 3].map((n) => page.getByLabel(`Name of persona ${n}`).inputValue()));
        expect(names[0]).toContain('Amara Okafor');
        expect(names[1]).toContain('Daniel Whitfield');
        expect(names[2]).toContain('Mei Tanaka');
        for (const n of [1, 2, 3]) expect(await page.getByRole('checkbox', { name: `Include persona ${n}` }).isChecked()).toBe(true);
        await expectNoSeriousViolations(page, 'Import screen, with a preview');

        // Photographed at the smallest and a large window.
        for (const viewport of [
          { width: 900, height: 600 },
          { width: 1920, height: 1080 },
        ]) {
          await page.setViewportSize(viewport);
          await page.getByRole('heading', { name: 'Preview', level: 3 }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
          await app.screenshot(`import-preview-${viewport.width}x${viewport.height}`);
        }
        await page.setViewportSize({ width: 1280, height: 800 });

        // Keyboard only: from the Preview heading, Tab reaches the second name (focus visible at every stop), which is fixed by typing.
        await page.getByRole('heading', { name: 'Preview', level: 3 }).focus();
        await tabTo(page, (stop) => stop.id === 'import-name-1');
        await page.keyboard.press('Control+A');
        await page.keyboard.type(FIXED_NAME);
        expect(await page.getByLabel('Name of persona 2').inputValue()).toBe(FIXED_NAME);
        // On to Import, past every control of the rows and the target fields.
        await tabTo(page, (stop) => stop.name === 'Import 3 personas');

        const committed = commitResponse(page);
        await page.getByRole('button', { name: 'Import 3 personas' }).click();
        const { run } = await committed;
        expect(run.count).toBe(3);
        await page.getByRole('heading', { name: 'Imported', level: 3 }).waitFor();
        await expect.poll(() => page.locator('.import-done').innerText()).toContain(`Imported 3 personas into My workshop as ${run.title}`);
        await expectNoSeriousViolations(page, 'Import screen, after an import');
        await app.screenshot('import-done-1280x800');

        // History has the run; opened, its card has the fixed name.
        await page.getByRole('link', { name: 'Open in History' }).click();
        await page.getByRole('heading', { name: 'History', level: 2 }).waitFor();
        const group = historyGroup(page, 'My workshop');
        await group.getByText(run.title, { exact: true }).waitFor();
        await group.getByRole('button', { name: `Open run: ${run.title}` }).click();
        await page.getByRole('article').filter({ has: page.getByRole('heading', { name: FIXED_NAME }) }).waitFor();

        // A bundle: a workshop made, exported and deleted in the core, then dropped on the Workshop screen.
        const made = app.core.workshops.create({ name: 'Harbour Cafés', client: 'Dockside Ltd' });
        await app.core.generate(briefInputSchema.parse({ description: 'A loyalty app for independent cafés in Bristol harbour', count: 2, level: 'standard', seed: 11 }), { workshopId: made.id });
        const bundle = app.core.bundles.export(made.id);
        app.core.workshops.deleteWorkshop(made.id);

        await page.getByRole('link', { name: 'Workshop', exact: true }).click();
        await page.getByRole('heading', { name: 'New brief' }).waitFor();
        await dropFile(page, 'harbour-cafes.psw.json.gz', bundle, () => app.screenshot('import-workshop-drop-hint-1280x800'));
        await page.getByRole('heading', { name: 'Workshop bundle', level: 3 }).waitFor();
        expect(page.url()).toContain('#/import');
        await expect.poll(() => page.locator('.import-bundle').innerText()).toContain('This file is a workshop bundle: Harbour Cafés, 1 run, 2 personas');
        await expectNoSeriousViolations(page, 'Import screen, a bundle');
        await app.screenshot('import-bundle-1280x800');
        await page.getByRole('button', { name: 'Import workshop' }).click();
        await page.getByRole('heading', { name: 'Workshop imported' }).waitFor();
        await expect.poll(() => page.locator('.import-done').innerText()).toContain('Imported workshop Harbour Cafés');
        await expectNoSeriousViolations(page, 'Import screen, bundle imported');

        await page.getByRole('link', { name: 'Open in History' }).click();
        await page.getByRole('heading', { name: 'History', level: 2 }).waitFor();
        await historyGroup(page, 'Harbour Cafés').getByRole('button', { name: /^Open run: / }).waitFor();
        // And from the top bar, as a user coming back later would.
        await page.getByRole('link', { name: 'Workshop', exact: true }).click();
        await openHistoryInUi(page);
        await historyGroup(page, 'Harbour Cafés').waitFor();

        // Choose file…: a file of a kind the import does not read is refused beside the picker; a Markdown file is previewed at once.
        await page.getByRole('link', { name: 'Import', exact: true }).click();
        const picker = page.locator('input[type="file"]');
        await picker.setInputFiles({ name: 'deck.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') });
        await page.getByRole('alert').filter({ hasText: 'deck.pdf is not a file the import reads' }).waitFor();
        await picker.setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from(MARKDOWN) });
        await expect.poll(() => page.locator('.import-summary').innerText()).toMatch(/^3 personas found in notes\.md \(Markdown\)/);
      });
    },
    TEST_TIMEOUT_MS,
  );
});
