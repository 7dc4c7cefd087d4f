/**
 * The summary sheet through Office.js, against the fake Excel (src/fake-excel): the same plan as
 * the file writer, written in one write sync, text kept as text, our earlier summary replaced
 * (only when the journal records it and it is unchanged) and a user's sheet left alone. Printing
 * is checked under the reading where Excel ignores fit-to-pages zoom (office-js#1860).
 */
import * as ExcelJS from 'exceljs';
import { SheetReport, analyzeSheet } from '../src/domain';
import { NotifiedAmount, hyperlinkFormula, parseNotified, summarySheetPlan } from '../src/domain/summary';
import { ExcelAnnexService } from '../src/office/excelService';
import { widthInPoints } from '../src/domain/summary';
import { FakeWorkbook, FakeWorkbookOptions, installFakeExcel, key } from '../src/fake-excel';
import { createSummaryWriter, insertSummarySheet, printScale } from '../src/office/summarySheet';
import { writeSummarySheet } from '../src/files/summary';
import { layoutAnnex } from '../fixtures/annex-layout';
import { findAction, sampleSpec } from '../fixtures/sample';

const AT = new Date(2026, 10, 26, 17, 30);
const WORKBOOK = 'annexe9-pas-de-calais-2023.xlsx';
const SUMMARY = 'Synthèse annexe 9';
const notified: NotifiedAmount[] = ['03=110000', '04=80000', '02=89523', '0304 50 19 19 07=6067058', '10=640000'].map((a) => {
  const p = parseNotified(a);
  if (!p.ok) throw new Error(p.error);
  return p.value;
});
const options = { now: () => AT, notified: () => notified, workbookName: () => WORKBOOK };

// ---- helpers ------------------------------------------------------------------------------------

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function fakeOf(spec = sampleSpec(), extra: FakeWorkbookOptions = {}): { wb: FakeWorkbook; report: SheetReport } {
  const grid = layoutAnnex(spec).grid;
  const wb = FakeWorkbook.fromGrids([grid], extra);
  restore = installFakeExcel(globalThis, wb);
  return { wb, report: analyzeSheet(grid) };
}

function insert(report: SheetReport) {
  return Excel.run((context) => insertSummarySheet(context, report, 'fr', options));
}

/** Values of a fake sheet by row, column A first (0-based). */
function column(wb: FakeWorkbook, sheet: string, col = 0): unknown[] {
  const s = wb.sheet(sheet);
  const out: unknown[] = [];
  for (const [k, cell] of s.cells) {
    const row = Math.floor(k / 16384);
    if (k % 16384 === col) out[row] = cell.v;
  }
  return out;
}
function rowOf(wb: FakeWorkbook, sheet: string, start: string): number {
  const r = column(wb, sheet).findIndex((v) => typeof v === 'string' && v.startsWith(start));
  if (r < 0) throw new Error(`no row ${start}`);
  return r;
}
const at = (wb: FakeWorkbook, sheet: string, row: number, col: number) => wb.sheet(sheet).cells.get(key(row, col));

describe('summary sheet through Office.js (fake Excel)', () => {
  it('writes the sample summary in one write sync after one small read, then records the new sheet’s id', async () => {
    const { wb, report } = fakeOf();
    const seen: Array<[boolean, number]> = [];
    wb.beforeSync = (i, host) => (seen[i] = [!!host.sheetByName(SUMMARY), host.customXmlParts.length]);
    wb.recorder.reset();
    const outcome = await insert(report);
    expect(outcome).toMatchObject({ ok: true, sheet: SUMMARY, replaced: false, message: 'Synthèse insérée dans la feuille «\u00a0Synthèse annexe 9\u00a0».' });
    expect(wb.recorder.syncs).toHaveLength(3);
    // Nothing written by the read; the sheet in one write; its id (known only then) in the journal.
    expect(seen).toEqual([
      [false, 0],
      [false, 0],
      [true, 0],
    ]);
    expect(wb.customXmlParts).toHaveLength(1);
    expect(wb.recorder.syncs.map((s) => s.failed)).toEqual([undefined, undefined, undefined]);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Annexe 9', SUMMARY]);
    expect(wb.activeSheet.name).toBe(SUMMARY);
  });

  it('shows the figures of the sample: Garantie d’activité, the four initiatives, code 07, the 320 000 € gaps', async () => {
    const { wb, report } = fakeOf();
    await insert(report);
    const g = rowOf(wb, SUMMARY, 'Insertion des allocataires du RSA – Garantie d’activité');
    expect([at(wb, SUMMARY, g, 3)?.v, at(wb, SUMMARY, g, 4)?.v, at(wb, SUMMARY, g, 4)?.fmt]).toEqual([17, 5677535, '#,##0.00 "€"']);
    expect(at(wb, SUMMARY, g, 12)).toMatchObject({ v: 0.5, fmt: '0.0 %' });
    const first = rowOf(wb, SUMMARY, 'Initiatives du département') + 1;
    const titles = [0, 1, 2, 3, 4].map((i) => at(wb, SUMMARY, first + i, 0)?.v);
    expect(titles.slice(0, 4).every((t) => typeof t === 'string' && !String(t).startsWith('Total'))).toBe(true);
    expect(String(titles[4])).toBe('Total initiatives (recalculé)');
    const c07 = rowOf(wb, SUMMARY, "Garantie d'activité et insertion des BRSA");
    expect([1, 4, 14, 15].map((c) => at(wb, SUMMARY, c07, c)?.v)).toEqual(['0304 50 19 19 07', 5677535, 6067058, -389523]);
    expect(at(wb, SUMMARY, c07, 15)?.fill).toBe('#F8CBAD');
    expect(at(wb, SUMMARY, rowOf(wb, SUMMARY, 'Sous-total initiatives — écart'), 10)?.v).toBe(-320000);
    expect(at(wb, SUMMARY, rowOf(wb, SUMMARY, 'TOTAUX FINANCIERS — écart'), 10)?.v).toBe(-320000);
    // Bold totals, header row, marker, widths.
    const total = rowOf(wb, SUMMARY, 'Total général (recalculé)');
    expect([at(wb, SUMMARY, total, 0)?.bold, at(wb, SUMMARY, total, 10)?.bold, at(wb, SUMMARY, total, 10)?.v]).toEqual([true, true, 13414116]);
    expect(at(wb, SUMMARY, g, 0)?.bold).toBeUndefined();
    expect(at(wb, SUMMARY, 2, 0)).toMatchObject({ v: 'Mesure / action', bold: true, fill: '#D9D9D9', fmt: '@' });
    expect([at(wb, SUMMARY, 0, 25)?.v, at(wb, SUMMARY, 1, 25)?.v]).toEqual(['annexe9-synthese/v1', 'Annexe 9']);
    expect(wb.sheet(SUMMARY).columnWidths.get(0)).toBeCloseTo(308.25);
    // Frozen rows and print settings.
    const sheet = wb.sheet(SUMMARY);
    expect(sheet.frozenRows).toBe(3);
    expect(sheet.page).toMatchObject({ orientation: 'Landscape', titleRows: '$1:$3', printArea: expect.stringMatching(/^A1:P\d+$/) });
  });

  it.each(['ignored', 'applied'] as const)('prints one page wide on landscape A4 whether fit-to-pages zoom is %s (office-js#1860)', async (printZoom) => {
    const { wb, report } = fakeOf(sampleSpec(), { readings: { printZoom } });
    await insert(report);
    const page = wb.sheet(SUMMARY).page;
    const { plan } = summarySheetPlan(report, { workbook: WORKBOOK, generatedAt: AT, notified });
    const width = plan.widths.reduce((s, w) => s + widthInPoints(w), 0);
    expect(page.zoom).toEqual({ scale: printScale(plan) });
    // Landscape US Letter is 792 points wide (A4 842); Excel's Normal margins take 0.7 inch on each side.
    expect((width * page.zoom.scale!) / 100).toBeLessThanOrEqual(792 - 2 * 0.7 * 72);
    expect(page.zoom.scale).toBeGreaterThanOrEqual(40); // still legible
  });

  it('writes the same cells as the file writer', async () => {
    const { wb, report } = fakeOf();
    await insert(report);
    const { plan } = summarySheetPlan(report, { workbook: WORKBOOK, generatedAt: AT, notified });
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Annexe 9');
    writeSummarySheet(book, plan);
    const ws = book.getWorksheet(SUMMARY)!;
    let compared = 0;
    plan.rows.forEach((row, r) =>
      row.cells.forEach((slot, c) => {
        const office = at(wb, SUMMARY, r, c);
        const file = ws.getCell(r + 1, c + 1);
        if (!slot) {
          expect(office?.v ?? null).toBeNull();
          return;
        }
        if (slot.cell.kind === 'link') {
          expect(office?.f).toBe(`=${(file.value as ExcelJS.CellFormulaValue).formula}`);
        } else {
          expect([r, c, office?.v]).toEqual([r, c, file.value]);
          expect([r, c, office?.fmt]).toEqual([r, c, file.numFmt]);
        }
        expect([r, c, !!office?.bold]).toEqual([r, c, !!file.font?.bold]);
        compared++;
      }),
    );
    expect(compared).toBeGreaterThan(300);
  });

  it('links the findings to the annex cells', async () => {
    const { wb, report } = fakeOf();
    await insert(report);
    const rule = rowOf(wb, SUMMARY, 'Sous-totaux socle ou initiatives faux');
    expect(at(wb, SUMMARY, rule, 2)?.f).toBe(`=${hyperlinkFormula({ text: 'L50', sheet: 'Annexe 9', range: 'L50' })}`);
    expect(at(wb, SUMMARY, rule, 2)?.f).toBe('=HYPERLINK("#\'Annexe 9\'!L50","L50")');
  });
});

describe('regenerating in Excel', () => {
  it('replaces our own summary in place: one summary sheet, one write sync', async () => {
    const { wb, report } = fakeOf();
    await insert(report);
    wb.addSheet('Après');
    wb.setActive('Annexe 9');
    wb.recorder.reset();
    const again = await Excel.run((context) => insertSummarySheet(context, report, 'fr', { ...options, notified: () => [] }));
    expect(again).toMatchObject({ ok: true, sheet: SUMMARY, replaced: true, message: 'Synthèse régénérée dans la feuille «\u00a0Synthèse annexe 9\u00a0».' });
    // Sheets and journal ids, the journal, the recorded sheet's content, the write (its record with it).
    expect(wb.recorder.syncs).toHaveLength(4);
    const third = await insert(report);
    expect(third.replaced).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Annexe 9', SUMMARY, 'Après']);
    // Without notified amounts the second time: what the first wrote there is gone.
    await Excel.run((context) => insertSummarySheet(context, report, 'fr', { ...options, notified: () => [] }));
    expect(at(wb, SUMMARY, 2, 14)).toBeUndefined();
    expect(at(wb, SUMMARY, rowOf(wb, SUMMARY, "Garantie d'activité et insertion des BRSA"), 15)).toBeUndefined();
  });

  it('never touches a user sheet of the same name: ours takes another name', async () => {
    const { wb, report } = fakeOf();
    const mine = wb.addSheet(SUMMARY);
    wb.enterValue(mine, 0, 0, 'Mes notes de relecture');
    wb.enterValue(mine, 1, 1, 42);
    const before = JSON.stringify(wb.toJSON().sheets.find((s) => s.name === SUMMARY));
    const first = await insert(report);
    expect(first).toMatchObject({ ok: true, sheet: 'Synthèse annexe 9 (2)', replaced: false });
    const second = await insert(report);
    expect(second).toMatchObject({ ok: true, sheet: 'Synthèse annexe 9 (2)', replaced: true });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Annexe 9', SUMMARY, 'Synthèse annexe 9 (2)']);
    expect(JSON.stringify(wb.toJSON().sheets.find((s) => s.name === SUMMARY))).toBe(before);
  });

  it('refuses to write over a protected summary, and changes nothing', async () => {
    const { wb, report } = fakeOf();
    await insert(report);
    wb.protect(SUMMARY);
    const before = JSON.stringify(wb.toJSON());
    wb.recorder.reset();
    const outcome = await insert(report);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toContain('La synthèse existante «\u00a0Synthèse annexe 9\u00a0» est protégée');
    expect(wb.recorder.syncs).toHaveLength(3); // the reads only
    expect(JSON.stringify(wb.toJSON())).toBe(before);
  });
});

describe('text from the annex stays text in Excel', () => {
  it('an action titled =HYPERLINK(…) or +1+1 shows as that text', async () => {
    const spec = sampleSpec();
    findAction(spec, 'Guichet unique').action.title = '=HYPERLINK("http://x","y")';
    findAction(spec, 'Action en faveur').action.title = '+1+1';
    findAction(spec, 'Accompagnement au logement').action.title = '-1 000';
    findAction(spec, '« Solutions logement »').action.title = '2023'; // a number, were it not text
    const { wb, report } = fakeOf(spec);
    await insert(report);
    for (const title of ['=HYPERLINK("http://x","y")', '+1+1', '-1 000', '2023']) {
      const r = column(wb, SUMMARY).indexOf(title);
      expect(r).toBeGreaterThan(0);
      const cell = at(wb, SUMMARY, r, 0)!;
      expect(cell.v).toBe(title);
      expect(cell.f).toBeUndefined();
      expect(cell.fmt).toBe('@');
    }
    // No formula anywhere but our links.
    for (const cell of wb.sheet(SUMMARY).cells.values()) if (cell.f) expect(cell.f).toMatch(/^=HYPERLINK\("#'Annexe 9'!/);
  });
});

describe('from the task pane service', () => {
  it('inserts the summary of the checked sheet; a read-only workbook is refused', async () => {
    const { wb } = fakeOf();
    const service = new ExcelAnnexService({ writeSummary: createSummaryWriter(options) });
    const outcome = await service.check('fr');
    const written = await service.insertSummary(outcome, 'fr');
    expect(written).toMatchObject({ ok: true, message: 'Synthèse insérée dans la feuille «\u00a0Synthèse annexe 9\u00a0».' });
    expect(at(wb, SUMMARY, rowOf(wb, SUMMARY, 'Insertion des allocataires du RSA – Garantie d’activité'), 4)?.v).toBe(5677535);
    wb.readOnly = true;
    const refused = await service.insertSummary(outcome, 'fr');
    expect(refused.ok).toBe(false);
  });

  it('says so when asked before a check', async () => {
    fakeOf();
    const writer = createSummaryWriter(options);
    const out = await Excel.run((context) => writer(context, { status: 'notAnnex', sheet: 'x', readOnly: false, hasMarks: false }, 'en'));
    expect(out).toEqual({ ok: false, message: 'No annex 9 checked: run the check first.' });
  });
});
