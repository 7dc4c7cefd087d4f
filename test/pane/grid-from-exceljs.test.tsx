/**
 * The demo page reads .xlsx files in the browser with src/files/gridFromExcelJs.ts (no Node
 * modules; the command line reuses it). Its grids are checked against independent oracles: the
 * sample file against the grid it was written from (samples/annexe9-pas-de-calais-2023.json laid
 * out, as scripts/build-sample.ts does), and a hand-built workbook against literal cells.
 */
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { Cell, SheetGrid, columnLetters } from '../../src/domain/grid';
import { workbookToGrid } from '../../src/files/gridFromExcelJs';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { sampleSpec } from '../../fixtures/sample';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'annexe9-pas-de-calais-2023.xlsx');

/**
 * ExcelJS drops the backslash escapes of number formats it reads; the command line patches that
 * (src/files/xlsx.ts, Node only), the browser build does not, as gridFromExcelJs.ts says.
 */
const unescaped = (numFmt: string) => numFmt.replace(/\\(.)/g, '$1');

/** Every non-empty cell as `A1 → {value, formula, numFmt}`, and the merges as ranges, sorted. */
function cells(grid: SheetGrid, numFmt: (f: string) => string = (f) => f): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  grid.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell || (cell.value === null && !cell.formula)) return;
      const plain: Cell = { value: cell.value };
      if (cell.formula) plain.formula = cell.formula;
      if (cell.numFmt && cell.numFmt !== 'General') plain.numFmt = numFmt(cell.numFmt);
      out[`${columnLetters(grid.origin.col + c)}${grid.origin.row + r + 1}`] = plain;
    }),
  );
  return out;
}
const ranges = (grid: SheetGrid) =>
  grid.merges.map((m) => `${columnLetters(m.left)}${m.top + 1}:${columnLetters(m.right)}${m.bottom + 1}`).sort();

async function reload(build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  const reloaded = new ExcelJS.Workbook();
  await reloaded.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return reloaded;
}

it('reads the sample back into the grid it was written from', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE);
  const read = workbookToGrid(workbook);
  const written = layoutAnnex(sampleSpec()).grid;
  expect(read.sheets.map((s) => s.name)).toEqual([written.name]);
  const [sheet] = read.sheets;
  expect(sheet.origin).toEqual({ row: 0, col: 0 });
  expect(sheet.protected).toBe(false);
  expect(cells(sheet)).toEqual(cells(written, unescaped));
  expect(ranges(sheet)).toEqual(ranges(written));
  expect(Object.keys(cells(sheet)).length).toBeGreaterThan(300);
});

it('reads each kind of value as the engine expects it', async () => {
  const workbook = await reload((wb) => {
    const ws = wb.addWorksheet('Valeurs');
    ws.getCell('A1').value = 1362035.5;
    ws.getCell('A1').numFmt = '#,##0.00\\ "€"';
    ws.getCell('A2').value = '1 362 035,00 €';
    ws.getCell('A3').value = true;
    ws.getCell('A4').value = new Date(Date.UTC(2023, 5, 12));
    ws.getCell('A4').numFmt = 'dd/mm/yyyy';
    ws.getCell('A5').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    ws.getCell('A6').value = { richText: [{ text: 'Sous ' }, { font: { bold: true }, text: 'total' }] };
    ws.getCell('A7').value = { text: 'Fiche 1.1', hyperlink: 'https://example.org/fiche' };
    ws.getCell('B1').value = { formula: 'B2-B2', result: 0 };
    ws.getCell('B2').value = { formula: 'SUM(A1:A1)', result: 1362035.5 };
    ws.getCell('B3').value = { formula: 'A2&""', result: 'texte' };
    ws.getCell('B4').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('B5').value = { formula: 'A1*2' };
    ws.getCell('B6').value = { formula: 'A1>0', result: false };
  });
  expect(cells(workbookToGrid(workbook).sheets[0])).toEqual({
    A1: { value: 1362035.5, numFmt: '#,##0.00 "€"' }, // escape dropped (see `unescaped`)
    A2: { value: '1 362 035,00 €' },
    A3: { value: true },
    A4: { value: new Date(Date.UTC(2023, 5, 12)), numFmt: 'dd/mm/yyyy' },
    A5: { value: { error: '#REF!' } },
    A6: { value: 'Sous total' },
    A7: { value: 'Fiche 1.1' },
    // A formula's cached result, zero and false included; none when the file has none.
    B1: { value: 0, formula: '=B2-B2' },
    B2: { value: 1362035.5, formula: '=SUM(A1:A1)' },
    B3: { value: 'texte', formula: '=A2&""' },
    B4: { value: { error: '#DIV/0!' }, formula: '=1/0' },
    B5: { value: null, formula: '=A1*2' },
    B6: { value: false, formula: '=A1>0' },
  });
});

it('reads a shared formula as the formula of its own cell, not as its master', async () => {
  // Excel writes a column of alike formulas as one shared formula: B2's `=A2*2` is stored as "like B1".
  const workbook = await reload((wb) => {
    const ws = wb.addWorksheet('Partagées');
    ws.getCell('A1').value = 10;
    ws.getCell('A2').value = 20;
    ws.getCell('B1').value = { formula: 'A1*2', result: 20, shareType: 'shared', ref: 'B1:B2' } as ExcelJS.CellFormulaValue;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 40 } as ExcelJS.CellSharedFormulaValue;
  });
  const got = cells(workbookToGrid(workbook).sheets[0]);
  expect(got.B1).toEqual({ value: 20, formula: '=A1*2' });
  expect(got.B2).toEqual({ value: 40, formula: '=A2*2' });
});

it('keeps a merge once, at its top-left cell, and leaves the cells it covers empty', async () => {
  const workbook = await reload((wb) => {
    const ws = wb.addWorksheet('Fusions');
    ws.getCell('B5').value = 'Maraudes mixtes';
    ws.mergeCells('B5:B7');
    ws.getCell('C5').value = '0304 50 19 19 05';
    ws.mergeCells('C5:D5');
    ws.getCell('E5').value = 10;
    ws.getCell('E6').value = 20;
  });
  const [sheet] = workbookToGrid(workbook).sheets;
  expect(cells(sheet)).toEqual({ B5: { value: 'Maraudes mixtes' }, C5: { value: '0304 50 19 19 05' }, E5: { value: 10 }, E6: { value: 20 } });
  expect(ranges(sheet)).toEqual(['B5:B7', 'C5:D5']);
  expect(sheet.merges).toContainEqual({ top: 4, left: 1, bottom: 6, right: 1 });
});

it('lists visible and hidden sheets in order, not very hidden ones, and says which are protected', async () => {
  const workbook = await reload(async (wb) => {
    wb.addWorksheet('Annexe 9').getCell('A1').value = 'a';
    wb.addWorksheet('Masquée', { state: 'hidden' }).getCell('A1').value = 'b';
    wb.addWorksheet('Cachée du ruban', { state: 'veryHidden' }).getCell('A1').value = 'c';
    const locked = wb.addWorksheet('Protégée');
    locked.getCell('A1').value = 'd';
    await locked.protect('', {});
  });
  const grid = workbookToGrid(workbook);
  expect(grid.sheets.map((s) => [s.name, s.protected])).toEqual([
    ['Annexe 9', false],
    ['Masquée', false],
    ['Protégée', true],
  ]);
});
