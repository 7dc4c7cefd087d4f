/**
 * The demo page in Chromium as a first-time user meets it (issue 14): the real summary sheet,
 * files it cannot read, the pane at task-pane widths (320 and 350 px) and on a desktop (1280 px),
 * with layout assertions (nothing overflows, the toolbar on one line, the clicked cell is in view),
 * the « Plus d’actions » menu by keyboard, « Tout retirer… » after a whole session's writes, and
 * axe-core's accessibility rules. Screenshots of the pane go to docs/screenshots/ under
 * `npm run report` only.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Locator, Page } from 'playwright-core';
import { buildDemo, chromiumAvailable, CHROMIUM, launchChromium, serve } from '../../fixtures/demoServer';
import { reportsRequested, writeReport } from '../support/reports';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'samples', 'annexe9-pas-de-calais-2023.xlsx');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

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
/** Text with French typography's non-breaking spaces as plain ones. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

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

/** The toolbar's « Plus d’actions » menu, opened (by a click) if it is not open yet. */
async function openMenu(page: Page): Promise<Locator> {
  const trigger = pane(page).getByRole('button', { name: 'Plus d’actions', exact: true });
  if ((await trigger.getAttribute('aria-expanded')) !== 'true') await trigger.click();
  const menu = page.getByRole('menu');
  await menu.waitFor();
  return menu;
}

/** A secondary command of the pane, wherever the toolbar puts it (a visible button, or an entry of its menu). */
async function command(page: Page, name: string): Promise<void> {
  const button = pane(page).getByRole('button', { name, exact: true });
  if (await button.count()) return button.click();
  await (await openMenu(page)).getByRole('menuitem', { name, exact: true }).click();
}

/** The entries of the toolbar's menu, in order. */
const MENU = [
  'Compléter les imputations',
  'Insérer la synthèse',
  'Rapprocher avec la convention…',
  'Comparer avec…',
  'Effacer les marques',
  'Retirer les imputations complétées',
  'Tout retirer…',
];

async function upload(page: Page, name: string, buffer: Buffer, mimeType = 'application/octet-stream'): Promise<void> {
  await page.getByTestId('open-file').setInputFiles({ name, mimeType, buffer });
}

/** Elements wider than the page, or sticking out of it on the right: what makes a page scroll sideways. */
async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) out.push(`page ${document.documentElement.scrollWidth} > ${width}`);
    // The grid and the sheet tabs scroll inside their own boxes, as in a spreadsheet: only what is outside them counts.
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (el.closest('.grid-scroll, .tabs')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > width + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} right ${Math.round(box.right)} > ${width}`);
    }
    return out.slice(0, 10);
  });
}


/** axe-core's serious and critical violations on the page (rule, impact, first targets). */
async function axeViolations(page: Page): Promise<string[]> {
  // The steady state is judged: a button just enabled fades its colours in (Fluent's transitions),
  // and a contrast measured half-way is not what anyone reads. Wait until no transition runs.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  // Evaluated through the debugging protocol: the page's policy (script-src 'self') does not apply.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: object, o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    // Fluent's focus manager (tabster) puts aria-hidden sentinels with tabindex around toolbars and
    // switches; focus landing on one is moved on at once, so it is never read: left out.
    const result = await axe.run({ include: [['body']], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
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
    await expect(pane(page).getByText('n’est pas disponible').count()).resolves.toBe(0);
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
    const said = plain(await alert.textContent());
    expect(said).toMatch(expected);
    expect(said).toContain(name);
    // No library's English text.
    expect(said).not.toMatch(/Corrupted|End of data|central directory|zip|undefined|Error/i);
    // The sample is still there, named in the header, and the pane still works on it.
    expect(plain(await page.locator('.filename').textContent())).toBe('Classeur : annexe9-pas-de-calais-2023.xlsx');
    await expect(page.locator('td[data-cell="L50"]').count()).resolves.toBe(1);
    const headline = await checkSheet(page);
    await expect(headline.textContent()).resolves.toMatch(/^2 anomalies sur 23 actions/);
    await page.close();
  });
});

describe.each([320, 350, 1280])('the demo at %i px wide', (width) => {
  it('nothing overflows sideways; the pane stacks under the sheet when narrow; a clicked finding’s cell is in view', async () => {
    const page = await openDemo(width, width < 700 ? 640 : 900);
    await checkSheet(page);
    expect(await horizontalOverflow(page)).toEqual([]);
    const paneBox = (await pane(page).boundingBox())!;
    const sheetBox = (await page.locator('section.workbook').boundingBox())!;
    if (width < 700) {
      // Under the sheet, full width.
      expect(paneBox.y).toBeGreaterThanOrEqual(sheetBox.y + sheetBox.height - 1);
      expect(paneBox.width).toBeGreaterThan(width - 20);
      expect(sheetBox.height).toBeGreaterThan(250);
    } else {
      expect(paneBox.x).toBeGreaterThanOrEqual(sheetBox.x + sheetBox.width - 1);
    }
    // The commands wrap inside the pane; the pane's cards fit its width.
    for (const b of await pane(page).getByRole('button').all()) {
      const box = await b.boundingBox();
      if (!box || box.width <= 1) continue;
      expect(box.x + box.width).toBeLessThanOrEqual(paneBox.x + paneBox.width + 1);
    }
    for (const cell of ['L51', 'L50']) {
      await pane(page).locator(`button[data-cell="${cell}"]`).click();
      const td = page.locator(`td[data-cell="${cell}"][aria-selected="true"]`);
      await td.waitFor();
      // In the viewport (the page's) and inside the grid's scrolling box.
      await expect(td.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const g = el.closest('.grid-scroll')!.getBoundingClientRect();
        const inView = r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
        const inGrid = r.top >= g.top - 1 && r.bottom <= g.bottom + 1 && r.left >= g.left - 1 && r.right <= g.right + 1;
        return inView && inGrid;
      })).resolves.toBe(true);
    }
    expect(await horizontalOverflow(page)).toEqual([]);
    if (width === 350 && reportsRequested()) {
      await pane(page).locator(`button[data-cell="L50"]`).scrollIntoViewIfNeeded();
      await writeReport('docs/screenshots/pane-350-verdict.png', await pane(page).screenshot());
    }
    await page.close();
  });
});

describe.each([320, 350, 1280])('the toolbar at %i px wide', (width) => {
  it('holds on one line inside the pane; its menu opens inside the page and every entry is reached by keyboard', async () => {
    const page = await openDemo(width, width < 700 ? 640 : 900);
    await checkSheet(page);
    const layout = () =>
      pane(page)
        .getByTestId('pane-toolbar')
        .evaluate((toolbar) => {
          const main = toolbar.closest('main')!;
          const style = getComputedStyle(main);
          const box = (el: Element) => el.getBoundingClientRect();
          return {
            toolbar: box(toolbar).toJSON() as DOMRect,
            contentRight: box(main).right - parseFloat(style.paddingRight),
            items: Array.from(toolbar.children)
              .filter((el) => box(el).width > 1)
              .map((el) => ({ name: el.getAttribute('aria-label') ?? el.textContent, top: box(el).top, bottom: box(el).bottom, right: box(el).right })),
          };
        });
    const { toolbar, contentRight, items } = await layout();
    expect(items.map((i) => i.name)).toEqual(['Vérifier la feuille', 'Plus d’actions']);
    // One line: the items share one top (within 2 px), and the toolbar is no taller than its tallest item.
    for (const item of items) expect(Math.abs(item.top - items[0].top)).toBeLessThanOrEqual(2);
    expect(toolbar.height).toBeLessThanOrEqual(Math.max(...items.map((i) => i.bottom - i.top)) + 2);
    // Inside the pane's content box, nothing past its padding.
    expect(toolbar.right).toBeLessThanOrEqual(contentRight + 0.5);
    for (const item of items) expect(item.right).toBeLessThanOrEqual(contentRight + 0.5);
    expect(await horizontalOverflow(page)).toEqual([]);

    // The menu by mouse: every entry inside the page, nothing scrolls sideways.
    const menu = await openMenu(page);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    const entries = menu.getByRole('menuitem');
    await expect(entries.allTextContents()).resolves.toEqual(MENU);
    for (const entry of await entries.all()) {
      const box = (await entry.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    // By keyboard: Tab into the toolbar (one stop: it lands where the focus last was in it), the
    // arrows between its two commands, Enter opens the menu on its first entry, the arrows go
    // through every entry (unavailable ones too, which say why), Escape closes it and gives the
    // focus back.
    const focused = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', role: document.activeElement?.getAttribute('role') ?? '', text: document.activeElement?.textContent ?? '' }));
    let steps = 0;
    while (!['action-check', 'action-more'].includes((await focused()).id)) {
      await page.keyboard.press('Tab');
      if (++steps > 60) throw new Error('the toolbar is not reachable with Tab');
    }
    await page.keyboard.press('ArrowLeft');
    await expect(focused()).resolves.toMatchObject({ id: 'action-check', text: 'Vérifier la feuille' });
    await page.keyboard.press('ArrowRight');
    await expect(focused()).resolves.toMatchObject({ id: 'action-more' });
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    const reached: string[] = [];
    for (let i = 0; i < MENU.length; i++) {
      if (i > 0) await page.keyboard.press('ArrowDown');
      const now = await focused();
      expect(now.role).toBe('menuitem');
      reached.push(now.text);
    }
    expect(reached).toEqual(MENU);
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await expect(focused()).resolves.toMatchObject({ id: 'action-more' });
    if (width === 350 && reportsRequested()) {
      await openMenu(page);
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      await writeReport('docs/screenshots/pane-350-menu.png', await page.screenshot());
    }
    await page.close();
  });
});

describe('« Tout retirer… » after a whole session', () => {
  /** Every grid cell's text and fill: what a person sees of the sheet. */
  const gridState = (page: Page) =>
    page.locator('table.grid td').evaluateAll((tds) => tds.map((td) => `${td.getAttribute('data-cell')}|${td.textContent}|${td.getAttribute('data-fill') ?? ''}`));

  it('check, fill, summary, comparison, then « Tout retirer… »: listed first, then the sheet is as it was and the pane says so', async () => {
    const page = await openDemo(350, 700);
    // The sample with three codes missing (written on the block's first row only), and a copy to compare with.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const ws = wb.worksheets[0];
    ws.unMergeCells('C46:C49');
    for (const cell of ['C47', 'C48', 'C49']) ws.getCell(cell).value = null;
    const missing = Buffer.from(await wb.xlsx.writeBuffer());
    await upload(page, 'codes-manquants.xlsx', missing, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await page.getByText(/^Classeur\s:\scodes-manquants\.xlsx$/).waitFor();
    const before = await gridState(page);
    await checkSheet(page);

    await command(page, 'Compléter les imputations');
    await pane(page).getByTestId('fill-confirm').getByRole('button', { name: 'Écrire 3 codes' }).click();
    await page.locator('td[data-cell="C49"]', { hasText: '0304 50 19 19 10 - Initiatives locales' }).waitFor();
    await idle(page);
    await command(page, 'Insérer la synthèse');
    await pane(page).getByTestId('note').filter({ hasText: 'Synthèse insérée' }).waitFor();
    await idle(page);
    await command(page, 'Comparer avec…');
    const panel = pane(page).getByTestId('comparison-panel');
    await panel.getByTestId('compare-file').setInputFiles({ name: 'copie.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fs.readFileSync(SAMPLE) });
    await panel.getByText(/Feuille de «\u00a0copie\.xlsx\u00a0»/).waitFor({ timeout: 60_000 });
    await panel.getByRole('button', { name: 'Comparer', exact: true }).click();
    await panel.getByTestId('compare-result').waitFor();
    await panel.getByRole('button', { name: 'Insérer la feuille Comparaison annexe 9' }).click();
    await panel.getByTestId('compare-note').filter({ hasText: 'Comparaison insérée' }).waitFor();
    await expect(page.getByRole('tab').allTextContents()).resolves.toEqual(['Annexe 9', 'Synthèse annexe 9', 'Comparaison annexe 9']);

    // The confirmation lists what will go, cell by cell and sheet by sheet; nothing is removed yet.
    await command(page, 'Tout retirer…');
    const confirm = pane(page).getByTestId('clear-all-confirm');
    await confirm.waitFor();
    await expect(confirm.getByRole('heading').textContent()).resolves.toBe('Tout retirer pour la feuille «\u00a0Annexe 9\u00a0»\u202f?');
    const listed = (await confirm.getByTestId('clear-all-list').locator(':scope > li').allTextContents()).map(plain);
    expect(listed[0]).toMatch(/^Marques des anomalies \(\d+ cellules?\)$/);
    expect(listed.slice(1)).toEqual([
      `Imputations complétées, qui redeviendront vides (3)CelluleImputation Chorus${['C47', 'C48', 'C49'].map((c) => `'Annexe 9'!${c}0304 50 19 19 10 - Initiatives locales`).join('')}`,
      'Feuille de synthèse « Synthèse annexe 9 », supprimée',
      'Feuille de comparaison « Comparaison annexe 9 », supprimée',
    ]);
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await expect(page.getByRole('tab').count()).resolves.toBe(3);

    await confirm.getByRole('button', { name: 'Tout retirer', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    const note = pane(page).getByTestId('note').filter({ hasText: 'Feuille de synthèse supprimée' });
    await note.waitFor();
    await idle(page);
    expect(plain(await note.textContent())).toContain('Feuille de comparaison supprimée');
    // The workbook: the two sheets gone, the annex shown, exactly as it was opened.
    await expect(page.getByRole('tab').allTextContents()).resolves.toEqual(['Annexe 9']);
    await expect(page.locator('table.grid').getAttribute('data-sheet')).resolves.toBe('Annexe 9');
    expect(await gridState(page)).toEqual(before);
    // The pane: checked again, not marked; the codes to fill are back; nothing left to remove.
    await expect(pane(page).getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/^\d+ anomalies? sur 23 actions/);
    await expect(pane(page).getByTestId('fills').textContent()).resolves.toContain('Imputations Chorus à compléter (3)');
    await expect(page.locator('td[data-fill]').count()).resolves.toBe(0);
    const menu = await openMenu(page);
    await expect(menu.getByRole('menuitem', { name: 'Tout retirer…' }).getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(menu.getByRole('menuitem', { name: 'Compléter les imputations' }).getAttribute('aria-disabled')).resolves.toBeNull();
    await page.keyboard.press('Escape');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 180_000);
});

describe('accessibility (axe-core)', () => {
  it('no serious or critical violation on the demo at 350 px, before and after a check, and after clearing the marks', async () => {
    const page = await openDemo(350, 700);
    expect(await axeViolations(page)).toEqual([]);
    await checkSheet(page);
    expect(await axeViolations(page)).toEqual([]);
    await command(page, 'Effacer les marques');
    await pane(page).getByTestId('note').filter({ hasText: 'Marques retirées' }).waitFor();
    await idle(page);
    expect(await axeViolations(page)).toEqual([]);
    if (reportsRequested()) await writeReport('docs/screenshots/pane-350-after-clear.png', await pane(page).screenshot());
    await page.close();
  });
});
