/**
 * The demo page in Chromium as a first-time user meets it (issue 14): the real summary sheet,
 * files it cannot read, the pane at task-pane widths (320 and 350 px) and on a desktop (1280 px),
 * with layout assertions (nothing overflows, the clicked cell is in view) and axe-core's
 * accessibility rules. Screenshots of the pane go to docs/screenshots/ under `npm run report` only.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import type { Browser, Locator, Page } from 'playwright-core';
import { buildDemo, chromiumAvailable, CHROMIUM, launchChromium, serve } from '../../fixtures/demoServer';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'samples', 'annexe9-pas-de-calais-2023.xlsx');

if (!chromiumAvailable()) {
  throw new Error(`${CHROMIUM} introuvable : installez Chromium (apt-get install -y chromium) ou indiquez CHROMIUM_PATH=…`);
}

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let cleanup: () => void = () => undefined;
const errors: string[] = [];

async function openDemo(width = 1280, height = 900): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('pageerror', (e) => errors.push(`${e.message}\n${e.stack ?? ''}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(server.url);
  await page.locator('table.grid td[data-cell="B1"]').waitFor();
  return page;
}

const pane = (page: Page): Locator => page.getByTestId('pane');

async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-testid="pane"] main[aria-busy="true"]'));
}

async function checkSheet(page: Page): Promise<Locator> {
  await pane(page).getByRole('button', { name: 'Vérifier la feuille', exact: true }).click();
  const headline = pane(page).getByRole('heading', { level: 2 });
  await headline.waitFor();
  await idle(page);
  return headline;
}

/** A secondary command of the pane, wherever the toolbar puts it (visible or in its menu). */
async function command(page: Page, name: string): Promise<void> {
  await pane(page).getByRole('button', { name, exact: true }).click();
}

async function upload(page: Page, name: string, buffer: Buffer, mimeType = 'application/octet-stream'): Promise<void> {
  await page.getByTestId('open-file').setInputFiles({ name, mimeType, buffer });
}

beforeAll(async () => {
  const built = await buildDemo();
  cleanup = built.cleanup;
  server = await serve(built.dir);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  cleanup();
});

afterEach(() => {
  const seen = errors.splice(0);
  expect(seen).toEqual([]);
});

describe('the summary sheet in the demo', () => {
  it('inserts the real summary sheet, with its table, after a check', async () => {
    const page = await openDemo();
    await checkSheet(page);
    await command(page, 'Insérer la synthèse');
    await pane(page).getByTestId('note').filter({ hasText: 'Synthèse insérée dans la feuille « Synthèse annexe 9 »' }).waitFor();
    await expect(pane(page).getByText("n'est pas disponible").count()).resolves.toBe(0);
    // The summary is the active sheet now, with its table and totals.
    const tab = page.getByRole('tab', { name: 'Synthèse annexe 9' });
    await expect(tab.getAttribute('aria-selected')).resolves.toBe('true');
    const grid = page.locator('table.grid');
    await expect(grid.getAttribute('data-sheet')).resolves.toBe('Synthèse annexe 9');
    const text = (await grid.textContent()) ?? '';
    expect(text).toContain('Imputation Chorus');
    expect(text).toContain('Total général');
    expect(text).toContain('0304 50 19 19 10');
    await page.close();
  });
});

describe('files the demo cannot read', () => {
  async function odsLike(): Promise<Buffer> {
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    zip.file('content.xml', '<office:document-content/>');
    return zip.generateAsync({ type: 'nodebuffer' });
  }
  const cases: Array<[string, () => Promise<Buffer>, RegExp]> = [
    ['annexe.ods', odsLike, /LibreOffice Calc \(\.ods\).*enregistrez-en une copie au format Excel/],
    ['annexe.xlsx', async () => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), /n’est pas un classeur Excel \(\.xlsx\) lisible.*Enregistrez-le au format \.xlsx/],
    ['tronque.xlsx', async () => fs.readFileSync(SAMPLE).subarray(0, 4000), /n’est pas un classeur Excel \(\.xlsx\) lisible/],
    ['notes.txt', async () => Buffer.from('Bonjour, voici l’annexe.'), /n’est pas un classeur Excel \(\.xlsx\) lisible/],
  ];
  it.each(cases)('%s: a French message saying what to do; the previous workbook stays loaded and named', async (name, bytes, expected) => {
    const page = await openDemo();
    await checkSheet(page);
    await upload(page, name, await bytes());
    const alert = page.locator('.load-error');
    await alert.waitFor();
    const said = (await alert.textContent()) ?? '';
    expect(said).toMatch(expected);
    expect(said).toContain(name);
    // No library's English text.
    expect(said).not.toMatch(/Corrupted|End of data|central directory|zip|undefined|Error/i);
    // The sample is still there, named in the header, and the pane still works on it.
    await expect(page.locator('.filename').textContent()).resolves.toBe('Classeur : annexe9-pas-de-calais-2023.xlsx');
    await expect(page.locator('td[data-cell="L50"]').count()).resolves.toBe(1);
    const headline = await checkSheet(page);
    await expect(headline.textContent()).resolves.toMatch(/^2 anomalies sur 23 actions/);
    await page.close();
  });
});
