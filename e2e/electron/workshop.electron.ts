/**
 * The workshop e2e path against the Electron build, for machines that have Electron's binary
 * (`npm run test:electron`, after `npm run rebuild:electron`). Each test gets its own data folder
 * through PERSONA_STUDIO_DATA_DIR. Skipped, saying why, when the binary is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBookmarks } from '../../src/main/reports';
import { editFirstQuoteInUi, generateInUi } from '../ui';
import { ELECTRON_BINARY, launchElectronApp, ROOT, SKIP_REASON, type LaunchedApp } from './electron-app';

const binary = ELECTRON_BINARY;
const root = ROOT;
let launched: LaunchedApp | undefined;
afterEach(async () => {
  await launched?.close();
  launched = undefined;
});

async function launch() {
  launched = await launchElectronApp();
  return launched.page;
}

// Without the binary the run says why, as a skipped test named after the reason.
describe.runIf(binary === '')('workshop (Electron)', () => {
  it.skip(SKIP_REASON, () => {});
});

describe.skipIf(binary === '')('workshop (Electron)', () => {
  it('generates 5 personas offline and shows 5 cards', async () => {
    const page = await launch();
    await generateInUi(page, { count: 5 });
    expect(await page.getByRole('article').count()).toBe(5);
    fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'test-results', 'electron-workshop.png') });
  });

  it('keeps an edit after a reload and reopens the run from history', async () => {
    const page = await launch();
    await generateInUi(page, { count: 3 });
    await editFirstQuoteInUi(page, 'Sunday is when I plan the whole week of dinners.');
    await page.reload();
    await page.getByText('“Sunday is when I plan the whole week of dinners.”').waitFor();
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('button', { name: /^Open run:/ }).first().click();
    await page.getByRole('heading', { name: /3 personas/ }).waitFor();
  });

  it("prints the PDF report with Electron's printToPDF: a contents page, bookmarks, Letter when asked", async () => {
    const page = await launch();
    await generateInUi(page, { count: 3 });
    const exported = await page.evaluate(async () => {
      const bridge = (window as unknown as { personaStudio: { invoke(channel: string, request: unknown): Promise<{ ok: boolean; data: { base64: string } }> } }).personaStudio;
      const info = (await bridge.invoke('app:info', {})) as unknown as { data: { currentWorkshopId: string } };
      const runs = (await bridge.invoke('runs:list', { workshopId: info.data.currentWorkshopId })) as unknown as { data: { runs: Array<{ id: string }> } };
      const result = await bridge.invoke('reports:export', { requestId: crypto.randomUUID(), runId: runs.data.runs[0]!.id, format: 'pdf', template: 'internal', paper: 'letter' });
      return result.ok ? result.data.base64 : null;
    });
    expect(exported).not.toBeNull();
    const pdf = Buffer.from(exported!, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const bookmarks = await readBookmarks(pdf);
    expect(bookmarks.map((b) => b.title)).toEqual(expect.arrayContaining(['Contents', 'Executive summary', 'The personas', 'How this run was made']));
    expect(bookmarks.every((b) => b.page !== null)).toBe(true);
  });
});

