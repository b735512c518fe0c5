/**
 * Issue 25 in Settings, in Chromium against browser mode with the real core: the report's default
 * template and paper saved with the settings; the current workshop's accent and a PNG logo picked,
 * the cover preview (the cover drawn as an image) following them before they are saved, saved, and still
 * there after a reload; a file named .png that is not one refused with a message tied to the input.
 * axe on the states, the whole card operated from the keyboard, screenshots at 900×600 and 1920×1080
 * into test-results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations, expectVisibleFocus } from './a11y';
import { launchBrowser, RESULTS_DIR, withApp } from './fixture';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const STEP_TIMEOUT_MS = 20_000;
const VIEWPORTS = [
  { width: 900, height: 600 },
  { width: 1920, height: 1080 },
] as const;

/** A real PNG: a `width`×`height` image in one colour with a darker band, so a thumbnail shows something. */
function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(4 + body.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 4 + body.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const band = y > height / 3 && y < (2 * height) / 3;
      rows.set(band ? [r >> 1, g >> 1, b >> 1] : [r, g, b], y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
/** The cover preview's image: its HTML inside an SVG, as a data: URL. */
const previewSource = (page: Page) => page.locator('.settings-cover-frame img').getAttribute('src');

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const [part, title] of [['branding', '#settings-branding-title'], ['defaults', '#settings-report-title']] as const) {
      await page.locator(title).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      // The preview's image is decoded after layout: give it two frames.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const file = `${name}-${part}-${viewport.width}x${viewport.height}.png`;
      await page.screenshot({ path: path.join(RESULTS_DIR, `report-settings-${file}`) });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('report defaults and workshop branding in Settings (browser mode)', () => {
  it('saves the template and paper, previews and saves an accent and a PNG logo, refuses a fake PNG, and keeps them after a reload', async () => {
    const dir = fs.mkdtempSync(path.join(RESULTS_DIR, 'logos-'));
    const logoFile = path.join(dir, 'acme-logo.png');
    fs.writeFileSync(logoFile, png(120, 60, [224, 49, 49]));
    const fakeFile = path.join(dir, 'not-really.png');
    fs.writeFileSync(fakeFile, 'GIF89a this is not a PNG');
    try {
      await withApp(browser, { viewport: { width: 1280, height: 800 } }, async (app) => {
        const { page } = app;
        page.setDefaultTimeout(STEP_TIMEOUT_MS);
        const workshopId = app.core.workshops.currentWorkshopId();
        app.core.workshops.update(workshopId, { name: 'Acme rebrand', client: 'Acme' });
        await page.getByRole('link', { name: 'Settings' }).click();
        const card = page.getByRole('region', { name: 'Report branding: Acme rebrand (Acme)' });
        await card.waitFor();
        await page.getByRole('region', { name: 'Report', exact: true }).waitFor();

        // The defaults: a client report on A4, each template saying what it holds.
        expect(await page.getByRole('radio', { name: 'Client report' }).isChecked()).toBe(true);
        expect(await page.getByRole('radio', { name: 'Internal report' }).getAttribute('aria-describedby')).toContain('settings-report-template-internal-about');
        await page.getByText('Adds how the run was made: the engine, repairs, fidelity scores and timings.').waitFor();
        expect(await page.getByLabel('Default paper').inputValue()).toBe('a4');

        // The preview appears for the saved (default) branding.
        await expect.poll(() => previewSource(page), { timeout: STEP_TIMEOUT_MS }).toMatch(/^data:image\/svg\+xml;base64,/);
        const first = await previewSource(page);
        await card.getByRole('img', { name: /^The report's cover for Acme rebrand, with the default accent and no logo/ }).waitFor();

        // Keyboard only: Internal report by arrow key, US Letter, then the accent's hex typed.
        await page.getByRole('radio', { name: 'Client report' }).focus();
        await page.keyboard.press('ArrowDown');
        expect(await page.getByRole('radio', { name: 'Internal report' }).isChecked()).toBe(true);
        await expectVisibleFocus(page, 'ArrowDown to Internal report');
        await page.keyboard.press('Tab');
        expect(await focusedId(page)).toBe('settings-report-paper');
        await page.keyboard.press('ArrowDown');
        expect(await page.getByLabel('Default paper').inputValue()).toBe('letter');
        await page.keyboard.press('Tab');
        expect(await focusedId(page)).toBe('settings-branding-accent');
        await expectVisibleFocus(page, 'Tab to the colour picker');
        await page.keyboard.press('Tab');
        expect(await focusedId(page)).toBe('settings-branding-accent-hex');
        await page.keyboard.type('#0b7');
        await page.keyboard.press('Tab');
        // Half a colour is said to be wrong once the field is left, tied to it.
        const hex = page.getByLabel('Hex value');
        await card.getByText(/Accent colour must be # and six hex digits/).waitFor();
        expect(await hex.getAttribute('aria-invalid')).toBe('true');
        expect(await hex.getAttribute('aria-describedby')).toContain('settings-branding-accent-hex-error');
        await hex.focus();
        await page.keyboard.type('285');
        expect(await card.getByText(/Accent colour must be/).count()).toBe(0);
        // The preview follows the unsaved accent.
        const coverOf = (src: string | null) => Buffer.from((src ?? '').replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8');
        expect(coverOf(first)).toContain('--accent: #3b5bdb');
        await expect.poll(async () => coverOf(await previewSource(page)).includes('--accent: #0b7285'), { timeout: STEP_TIMEOUT_MS }).toBe(true);
        expect(await page.getByLabel('Accent colour picker').inputValue()).toBe('#0b7285');

        // A file named .png that is not one: refused on the spot, the message tied to the input.
        const fileInput = page.getByLabel('Logo', { exact: true });
        await fileInput.setInputFiles(fakeFile);
        await card.getByText(/not-really\.png is not a PNG image/).waitFor();
        // Announced: picking a file moves no focus, so the refusal is an alert.
        expect(await card.getByRole('alert').innerText()).toMatch(/not-really\.png is not a PNG image/);
        expect(await fileInput.getAttribute('aria-describedby')).toContain('settings-branding-logo-error');
        expect(await fileInput.getAttribute('aria-invalid')).toBe('true');
        await expectNoSeriousViolations(page, 'Report branding with a refused logo');

        // The real PNG: a thumbnail, the preview with the logo in it.
        await fileInput.setInputFiles(logoFile);
        await card.getByRole('img', { name: 'New logo: acme-logo.png' }).waitFor();
        expect(await card.getByText(/is not a PNG image/).count()).toBe(0);
        await expect.poll(async () => coverOf(await previewSource(page)).includes('data:image/png;base64,'), { timeout: STEP_TIMEOUT_MS }).toBe(true);
        await expectNoSeriousViolations(page, 'Report branding with an unsaved accent and logo');
        await shoot(page, 'report-branding-unsaved');

        // Tab walks the card in order, each stop visibly focused: hex, Use default, the file input, Remove logo, Save branding, Reset.
        await page.getByLabel('Hex value').focus();
        const stops: Array<[string, string]> = [];
        for (let i = 0; i < 5; i++) {
          await page.keyboard.press('Tab');
          const stop = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            return [el.id || '', el.textContent?.trim() ?? ''] as [string, string];
          });
          stops.push(stop);
          await expectVisibleFocus(page, `Tab to ${stop.join(' ')}`);
        }
        expect(stops).toEqual([['', 'Use default'], ['settings-branding-logo', ''], ['', 'Remove logo'], ['', 'Save branding'], ['', 'Reset']]);

        // Save branding from the keyboard; then the settings (template, paper).
        await page.getByRole('button', { name: 'Save branding' }).focus();
        await page.keyboard.press('Enter');
        await card.getByText('Branding saved for Acme rebrand.').waitFor();
        expect(app.core.workshops.list().find((w) => w.id === workshopId)).toMatchObject({ accent: '#0b7285', hasLogo: true });
        expect(app.core.workshops.logo(workshopId)?.base64).toBe(fs.readFileSync(logoFile).toString('base64'));
        await page.getByRole('button', { name: 'Save settings' }).click();
        await page.getByText('Settings saved').waitFor();
        expect(app.core.settings.get().report).toEqual({ template: 'internal', paper: 'letter' });

        // Remove, then Reset brings the saved logo back; nothing is sent.
        await card.getByRole('button', { name: 'Remove logo' }).click();
        await expect.poll(() => focusedId(page)).toBe('settings-branding-logo');
        await card.getByText('No logo').waitFor();
        await card.getByRole('button', { name: 'Reset' }).click();
        await card.getByRole('img', { name: 'Current logo' }).waitFor();
        expect(app.core.workshops.logo(workshopId)).not.toBeNull();

        // After a reload: all of it is still there.
        await page.reload();
        await card.waitFor();
        expect(await page.getByRole('radio', { name: 'Internal report' }).isChecked()).toBe(true);
        expect(await page.getByLabel('Default paper').inputValue()).toBe('letter');
        expect(await page.getByLabel('Hex value').inputValue()).toBe('#0b7285');
        await card.getByRole('img', { name: 'Current logo' }).waitFor();
        await expect.poll(async () => coverOf(await previewSource(page)).includes('#0b7285'), { timeout: STEP_TIMEOUT_MS }).toBe(true);
        await expectNoSeriousViolations(page, 'Report branding saved, after a reload');
        await shoot(page, 'report-branding-saved');
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
