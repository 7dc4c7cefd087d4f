/**
 * The demo page in headless Chromium (Debian's package, driven by playwright-core): a person checks
 * the sample, reads the two wrong totals, lands on each cell, clears the marks, switches language,
 * does it all from the keyboard; a non-annex sheet gets guidance; hostile cell text stays text.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { buildDemo, chromiumAvailable, CHROMIUM, launchChromium, serve } from '../../fixtures/demoServer';
import { paneCommand } from './menu';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'samples', 'annexe9-pas-de-calais-2023.xlsx');
const ARTIFACTS = path.join(ROOT, 'test-results');

// Chromium comes from Debian (`apt-get install chromium`, as README's test command and CI do).
// Without it these tests fail with that instruction: they are never skipped in silence.
const run = describe;
if (!chromiumAvailable()) {
  throw new Error(`${CHROMIUM} introuvable : installez Chromium (apt-get install -y chromium) ou indiquez CHROMIUM_PATH=…`);
}

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let cleanup: () => void = () => undefined;
const errors: string[] = [];

async function openDemo(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => errors.push(`${e.message}\n${e.stack ?? ''}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${server.url}${query}`);
  await page.locator('table.grid td[data-cell="B1"]').waitFor();
  return page;
}

/** Text with French typography's non-breaking spaces as plain ones, to compare with what is typed here. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function pane(page: Page): Locator {
  return page.getByTestId('pane');
}

/** Every grid cell's text and fill: what a person sees of the sheet. */
async function gridState(page: Page): Promise<string[]> {
  return page.locator('table.grid td').evaluateAll((tds) =>
    tds.map((td) => `${td.getAttribute('data-cell')}|${td.textContent}|${td.getAttribute('data-fill') ?? ''}|${td.getAttribute('title') ?? ''}`),
  );
}

async function checkSheet(page: Page, label = 'Vérifier la feuille'): Promise<Locator> {
  await pane(page).getByRole('button', { name: label, exact: true }).click();
  const headline = pane(page).getByRole('heading', { level: 2 });
  await headline.waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="pane"] main[aria-busy="true"]'));
  return headline;
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId('open-file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await page.getByText(new RegExp(`^Classeur\\s:\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)).waitFor();
  await page.locator('table.grid td[data-cell="A1"]').waitFor();
}

/**
 * Every sheet-change event queued so far has been delivered and the pane has rendered since: the
 * fake Excel queues change events with setTimeout(0), so a timer queued now runs after them, and
 * two animation frames later React has committed what they set. An event order, not a delay.
 */
async function changeEventsDelivered(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-testid="pane"] main[aria-busy="true"]'));
  await page.evaluate(
    () => new Promise<void>((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), 0)),
  );
}

/**
 * The pane still listens: a user's edit (typing the value a cell already holds) raises the
 * "sheet changed" notice. Run after a check that the notice is absent, so that absence means
 * something (a pane that stopped listening would pass it too).
 */
async function stillListening(page: Page, cell: string): Promise<void> {
  const text = (await page.locator(`td[data-cell="${cell}"]`).textContent()) ?? '';
  await page.locator(`td[data-cell="${cell}"]`).click();
  const bar = page.getByTestId('formula-bar');
  const typed = await bar.inputValue();
  await bar.fill(typed);
  await bar.press('Enter');
  await pane(page).getByTestId('stale').waitFor();
  await expect(page.locator(`td[data-cell="${cell}"]`).textContent()).resolves.toBe(text);
}

run('demo page in Chromium', () => {
  beforeAll(async () => {
    const built = await buildDemo();
    cleanup = built.cleanup;
    server = await serve(built.dir);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    cleanup();
  });

  afterEach(() => {
    const seen = errors.splice(0);
    expect(seen).toEqual([]);
  });

  it('shows the two wrong totals of the sample in French, with amounts and gap, and marks them', async () => {
    const page = await openDemo();
    const headline = await checkSheet(page);
    expect(plain(await headline.textContent())).toBe('2 anomalies sur 23 actions — annexe 9, feuille « Annexe 9 »');

    const l50 = pane(page).locator('button[data-cell="L50"]');
    const l51 = pane(page).locator('button[data-cell="L51"]');
    const t50 = (await l50.textContent()) ?? '';
    expect(t50).toContain('Sous-total initiatives');
    expect(t50).toContain('F affiché 960\u202f000,00\u00a0€, somme des lignes 1\u202f280\u202f000,00\u00a0€ — écart -320\u202f000,00\u00a0€');
    expect(t50).toContain("Sous total engagements à l'initiative du département");
    const t51 = (await l51.textContent()) ?? '';
    expect(t51).toContain('TOTAUX FINANCIERS');
    expect(t51).toContain('13\u202f094\u202f116,00\u00a0€');
    expect(t51).toContain('13\u202f414\u202f116,00\u00a0€');
    expect(t51).toContain('écart -320\u202f000,00\u00a0€');
    await expect(pane(page).getByRole('heading', { level: 3, name: /Sous-totaux socle ou initiatives faux \(1\)/ }).count()).resolves.toBe(1);
    await expect(pane(page).getByRole('heading', { level: 3, name: /Budget global F ≠ A\+B\+C\+D\+E \(1\)/ }).count()).resolves.toBe(1);

    // Marks on the grid: the cell at fault in its rule's colour.
    await expect(page.locator('td[data-cell="L50"]').getAttribute('data-fill')).resolves.toMatch(/^#E9B3D3$/i);
    await expect(page.locator('td[data-cell="L51"]').getAttribute('data-fill')).resolves.toMatch(/^#F9D48C$/i);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await pane(page).screenshot({ path: path.join(ARTIFACTS, 'pane-sample.png') });
    await page.screenshot({ path: path.join(ARTIFACTS, 'demo-sample.png') });
    await page.close();
  });

  it('keeps text contrast at WCAG AA in the pane (4.5:1, 3:1 for large text)', async () => {
    const page = await openDemo();
    await checkSheet(page);
    await pane(page).locator('summary').click(); // open the legend too
    // Measure the settled colours: no hover, and no button still fading from its disabled state.
    await page.mouse.move(0, 0);
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
    const { checked, failures } = await pane(page).evaluate((root) => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (el: Element | null): number[] => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const out: string[] = [];
      let seen = 0;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || el.closest('[aria-disabled="true"],:disabled')) continue;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        if (style.visibility === 'hidden' || box.width <= 1 || box.height <= 1) continue; // visually hidden text
        seen++;
        const fg = lum(rgb(style.color));
        const bg = lum(background(el));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) out.push(`${ratio.toFixed(2)} « ${n.textContent.trim().slice(0, 40)} »`);
      }
      return { checked: seen, failures: out };
    });
    expect(checked).toBeGreaterThan(30);
    expect(failures).toEqual([]);
    await page.close();
  });

  it('selects the cell of each finding in the grid when it is clicked', async () => {
    const page = await openDemo();
    await checkSheet(page);
    for (const cell of ['L50', 'L51']) {
      await pane(page).locator(`button[data-cell="${cell}"]`).click();
      await expect(page.getByTestId('name-box').textContent()).resolves.toBe(cell);
      await page.locator(`td[data-cell="${cell}"][aria-selected="true"]`).waitFor();
      await expect(page.locator('td[aria-selected="true"]').count()).resolves.toBe(1);
      await expect(pane(page).locator(`button[data-cell="${cell}"]`).getAttribute('aria-current')).resolves.toBe('true');
    }
    // The add-in's own marks and selections are not "changes since the check".
    await changeEventsDelivered(page);
    await expect(pane(page).getByTestId('stale').count()).resolves.toBe(0);
    await stillListening(page, 'L50');
    await page.close();
  });

  it('clears the marks: the grid is back exactly as it was', async () => {
    const page = await openDemo();
    const before = await gridState(page);
    await checkSheet(page);
    const marked = await gridState(page);
    expect(marked).not.toEqual(before);
    await paneCommand(page, 'Effacer les marques');
    await page.waitForFunction(() => !document.querySelector('td[data-fill]'));
    expect(await gridState(page)).toEqual(before);
    await page.close();
  });

  it('switches to English', async () => {
    const page = await openDemo();
    await checkSheet(page);
    await page.getByRole('button', { name: 'English' }).click();
    await pane(page).getByRole('button', { name: 'Check the sheet', exact: true }).waitFor();
    // The results follow: the report renders itself again in English, without a new check.
    await pane(page).getByRole('heading', { level: 2, name: /findings in 23 actions/ }).waitFor();
    await expect(pane(page).locator('button[data-cell="L50"]').textContent()).resolves.toContain(
      'F shows €960,000.00, sum of the rows €1,280,000.00 — gap -€320,000.00',
    );
    expect(page.url()).toContain('lang=en');
    await page.close();

    const direct = await openDemo('?lang=en');
    const headline = await checkSheet(direct, 'Check the sheet');
    await expect(headline.textContent()).resolves.toBe('2 findings in 23 actions — annex 9, sheet "Annexe 9"');
    await direct.close();
  });

  it('works from the keyboard alone: Tab to the check, Enter, Tab to a finding, Enter selects its cell', async () => {
    const page = await openDemo();
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    let steps = 0;
    while ((await focusedText()) !== 'Vérifier la feuille') {
      await page.keyboard.press('Tab');
      if (++steps > 30) throw new Error('"Vérifier la feuille" not reachable with Tab');
    }
    await page.keyboard.press('Enter');
    await pane(page).getByRole('heading', { level: 2 }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="pane"] main[aria-busy="true"]'));
    // Focus went to the verdict; the next Tab reaches the first group (it folds), then its first finding.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('results-headline');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).resolves.toBe('true');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).resolves.toBe('L50');
    await page.keyboard.press('Enter');
    await page.locator('td[data-cell="L50"][aria-selected="true"]').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press(' ');
    await page.locator('td[data-cell="L51"][aria-selected="true"]').waitFor();
    // The focus ring is visible on the focused finding.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.close();
  });

  it('says when the sheet changed since the check, and checks again on request', async () => {
    const page = await openDemo();
    await checkSheet(page);
    // Correct the initiative subtotal by typing in the sheet, as a user would.
    await page.locator('td[data-cell="L50"]').click();
    await page.getByTestId('formula-bar').fill('1280000');
    await page.getByTestId('formula-bar').press('Enter');
    const stale = pane(page).getByTestId('stale');
    await stale.waitFor();
    expect(await stale.textContent()).toContain('La feuille a changé depuis le contrôle');
    await stale.getByRole('button', { name: 'Vérifier à nouveau' }).click();
    await stale.waitFor({ state: 'detached' });
    await page.waitForFunction(() => !document.querySelector('[data-testid="pane"] main[aria-busy="true"]'));
    const headline = (await pane(page).getByRole('heading', { level: 2 }).textContent()) ?? '';
    expect(headline).toMatch(/^\d+ anomalies? sur 23 actions/);
    await expect(pane(page).locator('button[data-cell="L50"]').count()).resolves.toBe(0);
    await page.close();
  });

  it('says plainly "Aucune anomalie" on a corrected sample', async () => {
    const page = await openDemo();
    const buffer = await xlsx(async (wb) => {
      await wb.xlsx.readFile(SAMPLE);
      const ws = wb.worksheets[0];
      ws.getCell('L50').value = 1280000;
      ws.getCell('L51').value = 13414116;
    });
    await upload(page, 'annexe9-corrigee.xlsx', buffer);
    const headline = await checkSheet(page);
    expect(plain(await headline.textContent())).toBe('Aucune anomalie sur 23 actions — annexe 9, feuille « Annexe 9 »');
    await expect(pane(page).getByTestId('clean').textContent()).resolves.toContain('Aucune anomalie');
    await expect(page.locator('td[data-fill]').count()).resolves.toBe(0);
    await page.close();
  });

  it('shows the Chorus codes it will write, writes them on confirmation, and takes them back', async () => {
    const page = await openDemo();
    const buffer = await xlsx(async (wb) => {
      await wb.xlsx.readFile(SAMPLE);
      const ws = wb.worksheets[0];
      // The code written on the block's first row only: the three rows below miss it.
      ws.unMergeCells('C46:C49');
      for (const cell of ['C47', 'C48', 'C49']) ws.getCell(cell).value = null;
    });
    await upload(page, 'codes-manquants.xlsx', buffer);
    const before = await gridState(page);
    await checkSheet(page);
    await expect(pane(page).getByTestId('fills').textContent()).resolves.toContain('Imputations Chorus à compléter (3)');
    await paneCommand(page, 'Compléter les imputations');
    const confirm = pane(page).getByTestId('fill-confirm');
    await confirm.waitFor();
    const listed = await confirm.locator('tbody tr').allTextContents();
    expect(listed).toEqual(['C47', 'C48', 'C49'].map((c) => `${c}0304 50 19 19 10 - Initiatives locales`));
    await expect(page.locator('td[data-cell="C47"]').textContent()).resolves.toBe('');
    await confirm.getByRole('button', { name: 'Écrire 3 codes' }).click();
    await page.locator('td[data-cell="C49"]', { hasText: '0304 50 19 19 10 - Initiatives locales' }).waitFor();
    for (const cell of ['C47', 'C48']) {
      await expect(page.locator(`td[data-cell="${cell}"]`).textContent()).resolves.toBe('0304 50 19 19 10 - Initiatives locales');
    }
    // Checked again after writing: nothing left to fill.
    await pane(page).getByTestId('fills').waitFor({ state: 'detached' });
    // « Effacer les marques » keeps the codes; « Retirer les imputations complétées » lists them, then empties them.
    await paneCommand(page, 'Effacer les marques');
    await pane(page).getByTestId('note').filter({ hasText: 'Marques retirées' }).waitFor();
    await expect(page.locator('td[data-cell="C47"]').textContent()).resolves.toBe('0304 50 19 19 10 - Initiatives locales');
    await paneCommand(page, 'Retirer les imputations complétées');
    const takeBack = pane(page).getByTestId('take-back-confirm');
    await takeBack.waitFor();
    expect(await takeBack.locator('tbody tr').allTextContents()).toEqual(['C47', 'C48', 'C49'].map((c) => `'Annexe 9'!${c}0304 50 19 19 10 - Initiatives locales`));
    await takeBack.getByRole('button', { name: 'Vider 3 cellules' }).click();
    await page.locator('td[data-cell="C47"]', { hasText: /^$/ }).waitFor();
    expect(await gridState(page)).toEqual(before);
    // The pane shows the sheet as it now is: the codes to fill are back.
    await pane(page).getByTestId('fills').waitFor();
    // Writing the codes and taking them back are not "changes since the check" either.
    await changeEventsDelivered(page);
    await expect(pane(page).getByTestId('stale').count()).resolves.toBe(0);
    await stillListening(page, 'L50');
    await page.close();
  });

  it('gives guidance on a sheet that is not an annex 9', async () => {
    const page = await openDemo();
    const buffer = await xlsx((wb) => {
      const ws = wb.addWorksheet('Compte rendu');
      ws.getCell('A1').value = 'Réunion du comité de pilotage';
      ws.getCell('A2').value = 'Budget';
      ws.getCell('B2').value = 1200;
    });
    await upload(page, 'compte-rendu.xlsx', buffer);
    await pane(page).getByRole('button', { name: 'Vérifier la feuille' }).click();
    const guidance = pane(page).getByTestId('not-annex');
    await guidance.waitFor();
    const text = plain(await guidance.textContent());
    expect(text).toContain('Cette feuille n’est pas une annexe 9');
    expect(text).toContain('Aucune annexe 9 trouvée dans la feuille « Compte rendu »');
    expect(text).toContain('Participation État');
    await expect(pane(page).getByTestId('error').count()).resolves.toBe(0);
    await page.close();
  });

  it('shows HTML and script in cell text and sheet name as text, and runs nothing', async () => {
    const page = await openDemo();
    const img = '<img src=x onerror="window.__xss=1">';
    const script = '<script>window.__xss=2</script>';
    const sheetName = '<img src=x onerror=alert(1)>';
    const buffer = await xlsx(async (wb) => {
      await wb.xlsx.readFile(SAMPLE);
      const ws = wb.worksheets[0];
      ws.name = sheetName;
      ws.getCell('E48').value = `${img} Décrochage ${script}`;
      ws.getCell('H48').value = 150000; // C ≠ A: a finding whose message names the title
    });
    // Record every element ever added to the page and every blocked inline script: an element
    // inserted then removed, or a handler refused by the page's policy, is seen too.
    await page.evaluate(() => {
      const w = window as unknown as { __added: string[]; __violations: string[] };
      w.__added = [];
      w.__violations = [];
      new MutationObserver((records) => {
        for (const r of records) {
          r.addedNodes.forEach((n) => {
            if (n instanceof Element) w.__added.push(...[n, ...n.querySelectorAll('*')].map((e) => `${e.tagName}${e.getAttribute('data-cell') ? `@${e.getAttribute('data-cell')}` : ''}`));
          });
        }
      }).observe(document, { childList: true, subtree: true });
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(e.violatedDirective));
    });
    await upload(page, 'hostile.xlsx', buffer);
    await checkSheet(page);
    const title = `${img} Décrochage ${script}`;
    expect(plain(await pane(page).getByRole('heading', { level: 2 }).textContent())).toContain(`feuille « ${sheetName} »`);
    await expect(pane(page).locator('button[data-cell="H48"]').textContent()).resolves.toContain(`ligne 48${title}`);
    await expect(page.locator('td[data-cell="E48"]').textContent()).resolves.toBe(title);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(page.locator('body script').count()).resolves.toBe(0);
    // The observer saw the finding that shows the hostile title being added (it works), and never
    // an image or a script: no handler could have run, now or later. Nothing was refused either.
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __added: string[]; __violations: string[] };
      return { added: w.__added, violations: w.__violations };
    });
    expect(seen.added).toContain('BUTTON@H48');
    expect(seen.added).toContain('TD@E48');
    expect(seen.added.filter((t) => /^(IMG|SCRIPT|IFRAME|OBJECT|EMBED)\b/.test(t))).toEqual([]);
    expect(seen.violations).toEqual([]);
    await expect(page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined();
    await page.close();
  });
});
