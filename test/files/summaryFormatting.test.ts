/**
 * How the .xlsx writer (src/files/summary.ts) lays out a sheet plan, as a user sees it once the file
 * is saved and opened again: number formats, fonts, fills, alignment, widths, the hidden marker,
 * frozen header rows and print settings. The plan is typed by hand here (not built by the engine),
 * so each expectation below is what that plan asks for, written out. Each test writes its own file:
 * a sheet written once for all tests (in `beforeAll`) is not attributed to any test by Stryker.
 */
import Decimal from 'decimal.js';
import * as ExcelJS from 'exceljs';
import { SheetPlan } from '../../src/domain/summary';
import { writeSummarySheet } from '../../src/files/summary';

const LINK = { kind: 'link', text: 'L50', sheet: 'Annexe 9', range: 'L50' } as const;

/** Seven rows, four columns: one of each kind of cell, row style and fill the writer knows. */
function plan(): SheetPlan {
  return {
    name: 'Synthèse annexe 9',
    widths: [40, 16, 12, 10],
    frozenRows: 2,
    print: { orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, titleRows: { first: 1, last: 2 }, area: 'A1:D7' },
    marker: { col: 25, token: 'annexe9-synthese/v1', source: 'Annexe 9' },
    rows: [
      // 1: the title, large and bold.
      { style: 'title', cells: [{ cell: { kind: 'text', text: 'Synthèse' } }], bold: true, italic: false, size: 14 },
      // 2: column headers, grey, wrapped.
      {
        style: 'header',
        cells: [{ cell: { kind: 'text', text: 'Mesure' } }, { cell: { kind: 'text', text: 'A' } }, { cell: { kind: 'text', text: 'Part' } }, { cell: { kind: 'text', text: 'Lignes' } }],
        bold: true,
        italic: false,
        fill: '#D9D9D9',
        wrap: true,
      },
      // 3: an action line: an amount, a ratio, a count.
      {
        style: 'line',
        cells: [{ cell: { kind: 'text', text: 'Maraudes mixtes' } }, { cell: { kind: 'amount', value: new Decimal('1362035.00') } }, { cell: { kind: 'ratio', value: new Decimal('0.5') } }, { cell: { kind: 'count', value: 17 } }],
        bold: false,
        italic: false,
        wrap: true,
      },
      // 4: a detail line, indented, not wrapped; a gap in orange in D, nothing in B.
      {
        style: 'detail',
        cells: [{ cell: { kind: 'text', text: 'dont maraudes' } }, null, { cell: { kind: 'ratio', value: new Decimal('0.25') } }, { cell: { kind: 'count', value: 3 }, fill: '#F8CBAD' }],
        bold: false,
        italic: true,
        indent: 1,
      },
      // 5: a detail line, indented and wrapped.
      {
        style: 'detail',
        cells: [{ cell: { kind: 'text', text: 'dont accueil' } }, { cell: { kind: 'amount', value: new Decimal('0.10') } }],
        bold: false,
        italic: true,
        indent: 1,
        wrap: true,
      },
      // 6: a total, light grey across the row (C empty), D in orange over the grey.
      {
        style: 'total',
        cells: [{ cell: { kind: 'text', text: 'Total' } }, { cell: { kind: 'amount', value: new Decimal('1362035.10') } }, null, { cell: { kind: 'count', value: 2 }, fill: '#F8CBAD' }],
        bold: true,
        italic: false,
        fill: '#F2F2F2',
      },
      // 7: links to the annex, plain in A, bold in B; nothing else in the row.
      { style: 'line', cells: [{ cell: LINK }, null, null, null], bold: false, italic: false },
    ],
  };
}

/** Write the plan into a workbook with its annex sheet, save it, open it again. */
async function written(p: SheetPlan = plan()): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Annexe 9').getCell('A1').value = 'Annexe 9';
  expect(writeSummarySheet(wb, p)).toEqual({ sheet: 'Synthèse annexe 9', replaced: false, kept: [] });
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return reread.getWorksheet('Synthèse annexe 9')!;
}

const solid = (argb: string) => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

describe('the summary sheet as the file shows it (hand-typed plan)', () => {
  it('amounts are numbers in euros with two decimals, ratios in per cent, counts whole, labels text', async () => {
    const ws = await written();
    const shown = (a: string) => [ws.getCell(a).value, ws.getCell(a).numFmt];
    expect(shown('A3')).toEqual(['Maraudes mixtes', '@']);
    expect(shown('B3')).toEqual([1362035, '#,##0.00 "€"']);
    expect(shown('C3')).toEqual([0.5, '0.0 %']);
    expect(shown('D3')).toEqual([17, '0']);
    expect(shown('B5')).toEqual([0.1, '#,##0.00 "€"']);
    expect(shown('C4')).toEqual([0.25, '0.0 %']);
    expect(shown('B6')).toEqual([1362035.1, '#,##0.00 "€"']);
    expect(shown('A1')).toEqual(['Synthèse', '@']);
  });

  it('a link is our HYPERLINK formula with its text as result, blue and underlined (bold too in a bold row)', async () => {
    const ws = await written();
    expect(ws.getCell('A7').value).toEqual({ formula: 'HYPERLINK("#\'Annexe 9\'!L50","L50")', result: 'L50' });
    expect(ws.getCell('A7').font).toEqual({ color: { argb: 'FF0563C1' }, underline: true });
    const p = plan();
    p.rows[6].bold = true;
    const bold = await written(p);
    expect(bold.getCell('A7').font).toEqual({ color: { argb: 'FF0563C1' }, underline: true, bold: true });
  });

  it('fonts: the title bold in 14 points, headers and totals bold, details italic, the rest plain', async () => {
    const ws = await written();
    expect(ws.getCell('A1').font).toEqual({ bold: true, size: 14 });
    expect(ws.getCell('A2').font).toEqual({ bold: true });
    expect(ws.getCell('D2').font).toEqual({ bold: true });
    expect(ws.getCell('A3').font).toEqual({});
    expect(ws.getCell('B3').font).toEqual({});
    expect(ws.getCell('A4').font).toEqual({ italic: true });
    expect(ws.getCell('D4').font).toEqual({ italic: true });
    expect(ws.getCell('A6').font).toEqual({ bold: true });
    expect(ws.getCell('B6').font).toEqual({ bold: true });
  });

  it('fills: a row fill over all its columns, empty ones too; a cell fill over the row fill; no cell made where nothing goes', async () => {
    const ws = await written();
    for (const a of ['A2', 'B2', 'C2', 'D2']) expect(ws.getCell(a).fill).toEqual(solid('FFD9D9D9'));
    for (const a of ['A6', 'B6', 'C6']) expect(ws.getCell(a).fill).toEqual(solid('FFF2F2F2'));
    expect(ws.getCell('C6').value).toBeNull();
    expect(ws.getCell('D6').fill).toEqual(solid('FFF8CBAD'));
    expect(ws.getCell('D4').fill).toEqual(solid('FFF8CBAD'));
    // Rows without a fill: their cells have none, and an empty slot is not even a cell of the file.
    for (const a of ['A3', 'B3', 'A4', 'C4']) expect((ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    expect(ws.findCell(4, 2)).toBeUndefined();
    for (const c of [2, 3, 4]) expect(ws.findCell(7, c)).toBeUndefined();
    expect(ws.findCell(5, 3)).toBeUndefined();
  });

  it('alignment: wrapped rows at the top; the first cell of a detail line indented, its other cells not', async () => {
    const ws = await written();
    expect(ws.getCell('A2').alignment).toEqual({ vertical: 'top', wrapText: true });
    expect(ws.getCell('D3').alignment).toEqual({ vertical: 'top', wrapText: true });
    // Indented, not wrapped.
    expect(ws.getCell('A4').alignment).toEqual({ vertical: 'top', indent: 1 });
    expect(ws.getCell('C4').alignment).toBeUndefined();
    expect(ws.getCell('D4').alignment).toBeUndefined();
    // Indented and wrapped: the indent on the first cell only.
    expect(ws.getCell('A5').alignment).toEqual({ vertical: 'top', wrapText: true, indent: 1 });
    expect(ws.getCell('B5').alignment).toEqual({ vertical: 'top', wrapText: true });
    // Neither.
    expect(ws.getCell('A1').alignment).toBeUndefined();
    expect(ws.getCell('A6').alignment).toBeUndefined();
  });

  it('widths: one per plan column, the next column left at its default', async () => {
    const ws = await written();
    expect([1, 2, 3, 4, 5].map((c) => ws.getColumn(c).width)).toEqual([40, 16, 12, 10, undefined]);
  });

  it('the marker in the hidden column Z: token, annex sheet, fingerprint; Y stays visible', async () => {
    const ws = await written();
    expect(ws.getCell('Z1').value).toBe('annexe9-synthese/v1');
    expect(ws.getCell('Z2').value).toBe('Annexe 9');
    expect(ws.getCell('Z3').value).toMatch(/^empreinte-sha256:[0-9a-f]{64}$/);
    expect(ws.getColumn(26).hidden).toBe(true);
    expect(ws.getColumn(25).hidden).toBe(false);
  });

  it('the header rows frozen; printed landscape on A4, one page wide, the header repeated, the marker out of the print area', async () => {
    const ws = await written();
    expect(ws.views).toHaveLength(1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: 'A3' });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printArea: 'A1:D7', printTitlesRow: '1:2' });
  });
});
