/**
 * The demo page in Chromium (issues 15 and 16): the seed's convention printed to PDF by
 * LibreOffice in a temporary folder is picked in the pane, read by pdf.js (its worker served by
 * the page's own origin, nothing fetched elsewhere), confirmed, and the annex's disagreements with
 * it shown, then the summary inserted with the notified amounts; the sample compared with a copy
 * where one action was renamed shows exactly that.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { buildDemo, chromiumAvailable, CHROMIUM, launchChromium, serve } from '../../fixtures/demoServer';
import { paneCommand } from './menu';
import { textToPdf } from '../../scripts/convention-pdf';
import { SAMPLE_XLSX, SEED_TEXT_FILE } from '../convention/seed';

if (!chromiumAvailable()) {
  throw new Error(`${CHROMIUM} introuvable : installez Chromium (apt-get install -y chromium) ou indiquez CHROMIUM_PATH=…`);
}

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let cleanup: () => void = () => undefined;
let tmp: string;
let pdf: string;
const errors: string[] = [];
const foreign: string[] = [];

beforeAll(async () => {
  tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'annex9-panflows-'));
  const [built, printed] = await Promise.all([buildDemo(), textToPdf(SEED_TEXT_FILE, tmp)]);
  pdf = printed;
  cleanup = built.cleanup;
  server = await serve(built.dir);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  cleanup();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

afterEach(() => {
  expect(errors.splice(0)).toEqual([]);
  expect(foreign.splice(0)).toEqual([]);
});

async function openDemo(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => errors.push(`${e.message}\n${e.stack ?? ''}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  // Nothing leaves the page's origin (the pdf.js worker included).
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
  });
  await page.goto(server.url);
  await page.locator('table.grid td[data-cell="B1"]').waitFor();
  const pane = page.getByTestId('pane');
  await pane.getByRole('button', { name: 'Vérifier la feuille', exact: true }).click();
  await pane.getByRole('heading', { level: 2 }).waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="pane"] main[aria-busy="true"]'));
  return page;
}

describe('demo page in Chromium: convention and comparison', () => {
  it('reads the seed PDF, shows the article 3.1 disagreements once confirmed, and the summary uses the amounts', async () => {
    const page = await openDemo();
    const pane = page.getByTestId('pane');
    const workerRequests: string[] = [];
    page.on('request', (r) => /pdf\.worker/.test(r.url()) && workerRequests.push(r.url()));
    await paneCommand(page, 'Rapprocher avec la convention…');
    const panel = pane.getByTestId('convention-panel');
    await panel.getByTestId('convention-file').setInputFiles(pdf);
    await panel.getByText(/vérifiez, corrigez, confirmez/).waitFor({ timeout: 60_000 });
    expect(workerRequests).toEqual([expect.stringMatching(new RegExp(`^${server.url}pdfjs/pdf\\.worker\\.min\\.js\\?v=`))]);
    await expect(panel.getByLabel('Soutien financier de l’État (article 2)').inputValue()).resolves.toBe('6\u202f707\u202f058,00\u00a0€');
    await expect(panel.getByLabel('Imputation 0304 50 19 19 07').inputValue()).resolves.toBe('6\u202f067\u202f058,00\u00a0€');
    const code03 = panel.locator('[data-testid="review-code"][data-code="0304 50 19 19 03"]');
    await expect(code03.textContent()).resolves.toMatch(/page \d+\u00a0: «\u00a0.*110 000 euros/);

    await panel.getByRole('button', { name: 'Confirmer et enregistrer dans le classeur' }).click();
    const headline = panel.getByTestId('convention-headline');
    await headline.waitFor();
    await expect(headline.textContent()).resolves.toBe('4 écarts entre l’annexe et la convention');
    const findings = panel.getByTestId('convention-finding');
    await expect(findings.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-rule')))).resolves.toEqual(['CONVENTION_SPLIT', 'CONVENTION_CODE', 'CONVENTION_CODE', 'CONVENTION_CODE']);
    // Article 3.1 against article 2: the convention contradicts itself by 279 523 €.
    await expect(findings.nth(0).textContent()).resolves.toContain('+279\u202f523,00\u00a0€');
    await expect(panel.textContent()).resolves.toMatch(/\+190\u202f000,00\u00a0€/);

    // The summary sheet's per-code block: notified amounts from the workbook's record.
    await paneCommand(page, 'Insérer la synthèse');
    await pane.getByTestId('note').getByText(/Synthèse insérée/).waitFor();
    await page.locator('table.grid[data-sheet="Synthèse annexe 9"]').waitFor();
    const cells = await page.locator('table.grid td').allTextContents();
    expect(cells.some((t) => t.startsWith('Soutien financier de l’État — article 2 de la convention'))).toBe(true);
    expect(cells).toContain('110\u202f000,00\u00a0€');
    expect(cells).toContain('6\u202f067\u202f058,00\u00a0€');
  }, 180_000);

  it('compares the sample with a copy where one action was renamed: exactly that is shown', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE_XLSX);
    let renamed = 0;
    wb.worksheets[0].eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === "Pacte d'ambition IAE") {
          cell.value = "Pacte d'ambition pour l'IAE";
          renamed++;
        }
      }),
    );
    expect(renamed).toBe(1);
    const copy = Buffer.from(await wb.xlsx.writeBuffer());

    const page = await openDemo();
    const pane = page.getByTestId('pane');
    await paneCommand(page, 'Comparer avec…');
    const panel = pane.getByTestId('comparison-panel');
    await panel.getByTestId('compare-file').setInputFiles({ name: 'annexe-corrigee.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: copy });
    await panel.getByText('Feuille de « annexe-corrigee.xlsx » : « Annexe 9 »').waitFor({ timeout: 60_000 });
    // The open sheet is the old version here, the copy the new one.
    await panel.getByLabel(/l’ancienne version, ou le prévu/).check();
    await panel.getByRole('button', { name: 'Comparer', exact: true }).click();
    const result = panel.getByTestId('compare-result');
    await result.waitFor();
    await expect(result.locator('details').evaluateAll((ds) => ds.map((d) => d.getAttribute('data-section')))).resolves.toEqual(['actionsChanged']);
    const items = result.getByTestId('compare-item');
    await expect(items.count()).resolves.toBe(1);
    const text = (await items.first().textContent()) ?? '';
    expect(text).toContain("Pacte d'ambition IAE");
    expect(text).toContain("Pacte d'ambition pour l'IAE");
    // A click goes to the row in the open sheet.
    await items.first().click();
    await expect(page.getByTestId('name-box').textContent()).resolves.toMatch(/^B\d+$/);
  }, 180_000);
});
