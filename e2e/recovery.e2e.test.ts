/** A damaged app.db as the user meets it: told plainly, offered the backup, restored, work back. */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../src/main/core/core';
import { briefInputSchema } from '../src/shared/brief';
import { expectNoSeriousViolations } from './a11y';
import { launchBrowser, withApp } from './fixture';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Two runs backed up, then app.db overwritten with garbage (a disk fault, a bad sync). */
async function damagedWithBackup(dataDir: string): Promise<void> {
  const core = createCore({ dataDir, resources: null, monitor: { autoStart: false } });
  await core.generate(briefInputSchema.parse({ description: 'Second-hand cargo bikes for young families in Utrecht', count: 3, level: 'standard', seed: 4 }));
  await core.recovery.backup(core.store);
  core.close();
  const file = path.join(dataDir, 'app.db');
  fs.writeFileSync(file, Buffer.alloc(fs.statSync(file).size, 0x5a));
}

describe('recovery (browser mode)', () => {
  it('says app.db is damaged and untouched, restores the backup, and the runs are back', async () => {
    await withApp(browser, { prepare: damagedWithBackup }, async (app) => {
      const { page } = app;
      const banner = page.getByRole('alert').filter({ hasText: 'Your workshops could not be opened' });
      await banner.waitFor();
      expect(await banner.textContent()).toMatch(/has not been changed.*Until you choose below, nothing you do is saved/);
      await app.screenshot('recovery-banner');
      await expectNoSeriousViolations(page, 'recovery banner');
      const reloaded = page.waitForEvent('load', { timeout: 15_000 });
      await banner.getByRole('button', { name: 'Restore this backup' }).click();
      await page.getByRole('status', { name: 'Recovery' }).getByText('Persona Studio is restarting…').waitFor();
      // The core restarts behind the same address; the page reloads onto the restored workshops.
      await reloaded;
      expect(app.core.recovery.state().damaged).toBeNull();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      expect(await page.getByRole('alert').filter({ hasText: 'Your workshops could not be opened' }).count()).toBe(0);
      await page.getByRole('link', { name: 'History' }).click();
      await page.getByRole('button', { name: /^Open run:.*cargo bikes/ }).first().waitFor();
      expect(fs.readdirSync(app.dataDir).some((f) => f.startsWith('app.db.damaged-'))).toBe(true);
    });
  });
});
