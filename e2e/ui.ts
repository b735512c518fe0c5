/** What a user does in the page, shared by the browser-mode and Electron e2e tests (page only: no core, no Node build of the app). */
import type { Page } from 'playwright-core';

export interface UiBrief {
  /** The brief's text; the example the form starts with when absent. */
  brief?: string;
  count: number;
  /** Youngest and oldest age. */
  ages?: readonly [number, number];
}

/**
 * Fills the brief composer, presses Generate and waits for the run's "N personas" (or "1 persona") heading. The run
 * shown before must not have N personas too, or the wait ends at once.
 */
export async function generateInUi(page: Page, { brief, count, ages }: UiBrief): Promise<void> {
  if (brief !== undefined) await page.getByRole('textbox', { name: 'Brief', exact: true }).fill(brief);
  await page.getByRole('spinbutton', { name: 'Personas' }).fill(String(count));
  if (ages) {
    await page.getByRole('spinbutton', { name: 'Youngest age' }).fill(String(ages[0]));
    await page.getByRole('spinbutton', { name: 'Oldest age' }).fill(String(ages[1]));
  }
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await page.getByRole('heading', { name: new RegExp(`^${count} personas?\\b`) }).waitFor();
}

/** Edits the first persona card's quote and waits until the card says it was saved (a reload before that could lose it). */
export async function editFirstQuoteInUi(page: Page, quote: string): Promise<void> {
  const first = page.getByRole('article').first();
  const name = (await first.locator('h3').textContent())!;
  await first.getByRole('button', { name: `Edit ${name}` }).click();
  await first.getByLabel('Quote').fill(quote);
  await first.getByRole('button', { name: 'Save edit' }).click();
  await first.getByText('edited', { exact: true }).waitFor();
}

/** The Workshop screen's current workshop as shown: "Client A · Acme Retail". */
export function currentWorkshopInUi(page: Page): Promise<string> {
  return page.getByRole('region', { name: 'Current workshop' }).locator('.current-workshop-name').innerText();
}

/** Creates a workshop from the Workshop screen or History (by pointer) and waits until its dialog has closed. */
export async function createWorkshopInUi(page: Page, name: string, client: string): Promise<void> {
  await page.getByRole('button', { name: 'New workshop' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workshop' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Client (optional)').fill(client);
  await dialog.getByRole('button', { name: 'Create workshop' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** A workshop's group in History, named by its heading (the name, then "archived" or "current"). */
export const historyGroup = (page: Page, name: string) => page.getByRole('region', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( archived| current)?$`) });

export async function openHistoryInUi(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'History', exact: true }).click();
  await page.getByRole('heading', { name: 'History', level: 2 }).waitFor();
}
