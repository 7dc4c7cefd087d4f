/**
 * « Aide > Diagnostic Excel » in the demo page (Debian's Chromium), against the fake under each
 * reading (`?readings=favourable` for the other one): the report appears, copyable, every
 * assumption ✔, and the workbook's sheets are as before (the scratch sheet is gone).
 */
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, buildDemo, chromiumAvailable, launchChromium, serve } from '../../fixtures/demoServer';

if (!chromiumAvailable()) throw new Error(`${CHROMIUM} introuvable : installez Chromium (apt-get install -y chromium) ou indiquez CHROMIUM_PATH=…`);

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let cleanup: () => void = () => undefined;
const errors: string[] = [];

beforeAll(async () => {
  const built = await buildDemo();
  cleanup = built.cleanup;
  server = await serve(built.dir);
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  cleanup();
});

async function sheetTabs(page: Page): Promise<string[]> {
  return page.getByRole('tab').allTextContents();
}

it.each([
  ['least favourable', '', /ids 0, 1, 2 \(positions\)/],
  ['favourable', '?readings=favourable', /ids of their own \(not positions/],
])('runs against the fake (%s reading) and shows its report', async (_reading, query, ids) => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}${query}`);
  await page.locator('table.grid td[data-cell="B1"]').waitFor();
  const tabs = await sheetTabs(page);
  await page.getByRole('button', { name: 'Aide' }).click();
  await page.getByRole('button', { name: 'Diagnostic Excel' }).click();
  const report = page.getByRole('textbox', { name: 'Rapport du diagnostic Excel' });
  await report.waitFor({ timeout: 120000 });
  const text = await report.inputValue();
  expect(text.split('\n')[0]).toBe('Diagnostic Excel — complément «\u00a0Contrôle de l’annexe 9\u00a0»');
  expect(text).toMatch(/^Résumé\u00a0: 15 ✔, 0 ✘, 3 ℹ\.$/m);
  expect(text).toMatch(ids);
  expect(text).toMatch(/^Feuille de test supprimée\u00a0: oui$/m);
  expect(await sheetTabs(page)).toEqual(tabs);
  expect(errors).toEqual([]);
  await page.close();
}, 180000);
