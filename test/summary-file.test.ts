/** The summary sheet in a file (ExcelJS): written, saved, read back as Excel would read it. */
import * as ExcelJS from 'exceljs';
import { rowStartingWith } from './support/cli';
import JSZip from 'jszip';
import * as path from 'path';
import { analyzeWorkbook } from '../src/domain';
import { NotifiedAmount, isSummaryGrid, parseNotified } from '../src/domain/summary';
import { addSummarySheet } from '../src/files/summary';
import { loadWorkbookFile, workbookToGrid } from '../src/files/xlsx';
import { newWorkbook, writeGridToWorkbook } from '../fixtures/xlsx-writer';
import { layoutAnnex } from '../fixtures/annex-layout';
import { findAction, sampleSpec } from '../fixtures/sample';

const SAMPLE = path.resolve(__dirname, '..', 'samples', 'annexe9-pas-de-calais-2023.xlsx');
const AT = new Date(2026, 10, 26, 17, 30);
const ARTICLE_3_1 = ['03=110000', '04=80000', '02=89523', '0304 50 19 19 07=6067058', '10=640000'];
const notified: NotifiedAmount[] = ARTICLE_3_1.map((a) => {
  const p = parseNotified(a);
  if (!p.ok) throw new Error(p.error);
  return p.value;
});

async function roundTrip(wb: ExcelJS.Workbook): Promise<{ book: ExcelJS.Workbook; buffer: Buffer }> {
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return { book, buffer };
}

/** Check the annex sheet(s) of a workbook and add their summary, as `annex9 fix` does. */
function summarize(wb: ExcelJS.Workbook, withNotified = true) {
  const grids = { sheets: workbookToGrid(wb).sheets.filter((g) => !isSummaryGrid(g)) };
  const report = analyzeWorkbook(grids, { sheet: 'Annexe 9' }).sheets[0];
  return addSummarySheet(wb, report, { workbook: 'annexe9-pas-de-calais-2023.xlsx', generatedAt: AT, notified: withNotified ? notified : undefined });
}

const rowOf = rowStartingWith;

/** The formulas of a sheet's XML, entities decoded. */
function formulasIn(xml: string): string[] {
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)].map((m) => decode(m[1]));
}

/** The summary sheet's XML in a saved file. */
async function sheetXml(buffer: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const sheet = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(workbookXml);
  const target = new RegExp(`Id="${sheet![1]}"[^>]*Target="/?(?:xl/)?([^"]+)"`).exec(rels) ?? new RegExp(`Target="/?(?:xl/)?([^"]+)"[^>]*Id="${sheet![1]}"`).exec(rels);
  return zip.file(`xl/${target![1]}`)!.async('string');
}

describe('summary sheet written with ExcelJS', () => {
  let book: ExcelJS.Workbook;
  let buffer: Buffer;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    const wb = await loadWorkbookFile(SAMPLE);
    const written = summarize(wb);
    expect(written).toMatchObject({ sheet: 'Synthèse annexe 9', replaced: false });
    ({ book, buffer } = await roundTrip(wb));
    ws = book.getWorksheet('Synthèse annexe 9')!;
  });

  it('adds a sheet "Synthèse annexe 9" after the annex', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(['Annexe 9', 'Synthèse annexe 9']);
  });

  it('writes the figures of the sample as numbers in the French currency format', () => {
    const garantie = rowOf(ws, 'Insertion des allocataires du RSA – Garantie d’activité');
    expect(garantie.getCell(2).value).toBe('0304 50 19 19 07');
    expect(garantie.getCell(4).value).toBe(17);
    expect(garantie.getCell(5).value).toBe(5677535);
    expect(garantie.getCell(5).numFmt).toBe('#,##0.00 "€"');
    expect(garantie.getCell(11).value).toBe(11355070);
    expect(garantie.getCell(13).value).toBe(0.5);
    expect(garantie.getCell(13).numFmt).toBe('0.0 %');
    expect(garantie.getCell(1).numFmt).toBe('@');
    expect(rowOf(ws, "dont Développer la mobilité des demandeurs d'emploi").getCell(5).value).toBe(1289000);

    const initiatives: string[] = [];
    let inSection = false;
    ws.eachRow((row) => {
      const v = row.getCell(1).value;
      if (v === 'Initiatives du département') inSection = true;
      else if (typeof v === 'string' && v.startsWith('Total initiatives')) inSection = false;
      else if (inSection && typeof v === 'string') initiatives.push(v);
    });
    expect(initiatives).toHaveLength(4);

    const c07 = rowOf(ws, "Garantie d'activité et insertion des BRSA");
    expect([c07.getCell(2).value, c07.getCell(5).value, c07.getCell(15).value, c07.getCell(16).value]).toEqual(['0304 50 19 19 07', 5677535, 6067058, -389523]);
    const c03 = rowOf(ws, '1er accueil social inconditionnel');
    expect([c03.getCell(5).value, c03.getCell(15).value]).toEqual([300000, 110000]);
    const c04 = rowOf(ws, 'Référents de parcours');
    expect([c04.getCell(5).value, c04.getCell(15).value]).toEqual([0, 80000]);
    expect((c04.getCell(16).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF8CBAD');

    const gap = rowOf(ws, 'Sous-total initiatives — écart (imprimé − recalculé)');
    expect(gap.getCell(11).value).toBe(-320000);
    expect(gap.getCell(11).numFmt).toBe('#,##0.00 "€"');
    expect(rowOf(ws, 'TOTAUX FINANCIERS — écart (imprimé − recalculé)').getCell(11).value).toBe(-320000);
  });

  it('makes totals bold, freezes the header rows, prints landscape one page wide with the title repeated', () => {
    for (const label of ['Total mesures socles (recalculé)', 'Total initiatives (recalculé)', 'Total général (recalculé)']) {
      const row = rowOf(ws, label);
      expect(row.getCell(1).font?.bold).toBe(true);
      expect(row.getCell(5).font?.bold).toBe(true);
    }
    expect(rowOf(ws, 'Total général (recalculé)').getCell(11).value).toBe(13414116);
    expect(rowOf(ws, 'Maraudes mixtes').getCell(1).font?.bold).toBeFalsy();
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A3').value).toBe('Mesure / action');
    expect(ws.getCell('A3').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
    expect(ws.pageSetup.printArea).toMatch(/^A1:P\d+$/);
    expect(ws.getColumn(1).width).toBe(58);
    expect(ws.getColumn(5).width).toBe(16);
    // The marker, hidden.
    expect(ws.getCell('Z1').value).toBe('annexe9-synthese/v1');
    expect(ws.getCell('Z2').value).toBe('Annexe 9');
    expect(ws.getColumn(26).hidden).toBe(true);
  });

  it('links the findings to their cells in the annex', () => {
    const rule = rowOf(ws, 'Sous-totaux socle ou initiatives faux');
    expect(rule.getCell(3).value).toEqual({ formula: 'HYPERLINK("#\'Annexe 9\'!L50","L50")', result: 'L50' });
    expect(rule.getCell(2).value).toBe(1);
    expect(rowOf(ws, 'Insertion des allocataires du RSA – Garantie d’activité').getCell(3).value).toEqual({
      formula: 'HYPERLINK("#\'Annexe 9\'!B22:L39","lignes 22 à 39")',
      result: 'lignes 22 à 39',
    });
  });

  it('has no formula in the sheet XML but our links', async () => {
    const xml = await sheetXml(buffer, 'Synthèse annexe 9');
    const formulas = formulasIn(xml);
    expect(formulas.length).toBeGreaterThan(5);
    for (const f of formulas) expect(f).toMatch(/^HYPERLINK\("#'Annexe 9'!/);
    expect(xml).toContain('<pageSetup');
    expect(xml).toMatch(/fitToHeight="0"/);
  });

  it('is not taken for an annex when the reviewed copy is checked again', () => {
    const grids = workbookToGrid(book).sheets;
    expect(grids.map((g) => [g.name, isSummaryGrid(g)])).toEqual([
      ['Annexe 9', false],
      ['Synthèse annexe 9', true],
    ]);
  });
});

describe('regenerating', () => {
  it('replaces our own summary, in place: one summary sheet', async () => {
    const wb = await loadWorkbookFile(SAMPLE);
    wb.addWorksheet('Notes');
    summarize(wb);
    wb.addWorksheet('Après');
    const { book } = await roundTrip(wb);
    const again = summarize(book, false);
    expect(again).toMatchObject({ sheet: 'Synthèse annexe 9', replaced: true });
    const third = summarize(book, false);
    expect(third.replaced).toBe(true);
    const { book: reread, buffer } = await roundTrip(book);
    expect(reread.worksheets.map((w) => w.name)).toEqual(['Annexe 9', 'Notes', 'Synthèse annexe 9', 'Après']);
    const ws = reread.getWorksheet('Synthèse annexe 9')!;
    // Without notified amounts this time: the two notified columns are gone, nothing lingers.
    expect(ws.getCell('A3').value).toBe('Mesure / action');
    expect(ws.getCell('O3').value).toBeNull();
    expect(ws.pageSetup.printArea).toMatch(/^A1:N\d+$/);
    expect(ws.getCell('Z1').value).toBe('annexe9-synthese/v1');
    expect(formulasIn(await sheetXml(buffer, 'Synthèse annexe 9')).length).toBeGreaterThan(5);
  });

  it('never touches a user sheet of the same name: ours takes another name', async () => {
    const wb = await loadWorkbookFile(SAMPLE);
    const mine = wb.addWorksheet('Synthèse annexe 9');
    mine.getCell('A1').value = 'Mes notes de relecture';
    mine.getCell('B2').value = 42;
    const first = summarize(wb);
    expect(first).toMatchObject({ sheet: 'Synthèse annexe 9 (2)', replaced: false });
    const { book } = await roundTrip(wb);
    const second = summarize(book);
    expect(second).toMatchObject({ sheet: 'Synthèse annexe 9 (2)', replaced: true });
    const { book: reread } = await roundTrip(book);
    expect(reread.worksheets.map((w) => w.name)).toEqual(['Annexe 9', 'Synthèse annexe 9', 'Synthèse annexe 9 (2)']);
    const user = reread.getWorksheet('Synthèse annexe 9')!;
    expect(user.getCell('A1').value).toBe('Mes notes de relecture');
    expect(user.getCell('B2').value).toBe(42);
    expect(user.getCell('Z1').value).toBeNull();
    expect(user.actualRowCount).toBe(2);
    expect(reread.getWorksheet('Synthèse annexe 9 (2)')!.getCell('Z1').value).toBe('annexe9-synthese/v1');
  });
});

describe('text from the annex stays text', () => {
  it('an action titled =HYPERLINK(…) or +1+1 shows as that text, never a formula', async () => {
    const spec = sampleSpec();
    findAction(spec, 'Guichet unique').action.title = '=HYPERLINK("http://x","y")';
    findAction(spec, 'Action en faveur').action.title = '+1+1';
    findAction(spec, 'Accompagnement au logement').action.title = '@SUM(1)';
    const wb = newWorkbook();
    writeGridToWorkbook(layoutAnnex(spec).grid, wb);
    summarize(wb);
    const { book, buffer } = await roundTrip(wb);
    const ws = book.getWorksheet('Synthèse annexe 9')!;
    for (const title of ['=HYPERLINK("http://x","y")', '+1+1', '@SUM(1)']) {
      const cell = rowOf(ws, title).getCell(1);
      expect(cell.value).toBe(title);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    const xml = await sheetXml(buffer, 'Synthèse annexe 9');
    const formulas = formulasIn(xml);
    expect(formulas.length).toBeGreaterThan(5);
    for (const f of formulas) {
      expect(f).toMatch(/^HYPERLINK\("#'Annexe 9'!/);
      expect(f).not.toContain('http://x');
      expect(f).not.toContain('1+1');
    }
  });
});
