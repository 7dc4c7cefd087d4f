/**
 * The demo page reads .xlsx files in the browser with src/files/gridFromExcelJs.ts (no Node
 * modules); the command line with src/files/xlsx.ts. Both must give the engine the same grid.
 */
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { loadWorkbookFile, workbookToGrid as fromFile } from '../../src/files/xlsx';
import { workbookToGrid as inBrowser } from '../../src/files/gridFromExcelJs';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'annexe9-pas-de-calais-2023.xlsx');

it('reads the sample into the same grid as the command line', async () => {
  const workbook = await loadWorkbookFile(SAMPLE);
  expect(inBrowser(workbook)).toEqual(fromFile(workbook));
});

it('keeps formulas with their cached results, zero included, and error values', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('F');
  ws.getCell('A1').value = { formula: 'B1-B1', result: 0 };
  ws.getCell('A2').value = { formula: 'SUM(B1:B2)', result: 12 };
  ws.getCell('A3').value = { error: '#REF!' };
  ws.getCell('A4').value = { richText: [{ text: 'Sous ' }, { text: 'total' }] };
  ws.mergeCells('B5:B7');
  ws.getCell('B5').value = 'fusion';
  const reloaded = new ExcelJS.Workbook();
  await reloaded.xlsx.load(await wb.xlsx.writeBuffer());
  const grid = inBrowser(reloaded).sheets[0];
  expect(grid).toEqual(fromFile(reloaded).sheets[0]);
  expect(grid.rows[0]?.[0]).toMatchObject({ value: 0, formula: '=B1-B1' });
  expect(grid.rows[2]?.[0]).toMatchObject({ value: { error: '#REF!' } });
  expect(grid.rows[3]?.[0]).toMatchObject({ value: 'Sous total' });
  expect(grid.merges).toEqual([{ top: 4, left: 1, bottom: 6, right: 1 }]);
});
