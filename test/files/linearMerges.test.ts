/**
 * Our loader reads merged areas with a check linear in the merged cells instead of ExcelJS's
 * quadratic one: the same workbook model, the same refusal of overlapping merges, and ExcelJS
 * left as it is outside our loads.
 */
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UnreadableFileError, loadWorkbookFile, workbookToGrid } from '../../src/files/xlsx';
import { withLinearMergeCheck } from '../../src/files/linearMerges';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-merges-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeMerged(name: string, merges: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Annexe 9');
  for (let r = 1; r <= 40; r++) for (let c = 1; c <= 6; c++) ws.getCell(r, c).value = r * 10 + c;
  for (const m of merges) ws.mergeCells(m);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function stockLoad(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  return wb.xlsx.readFile(file).then(() => wb);
}

describe('linear merge check', () => {
  const merges = ['A1:A3', 'B1:D1', 'B2:C5', 'E10:F20', 'A30:F30', 'A31:A40'];

  test('the same merges, cells and grid as ExcelJS on its own', async () => {
    const file = await writeMerged('ok.xlsx', merges);
    const ours = await loadWorkbookFile(file);
    const stock = await stockLoad(file);
    const sheet = (wb: ExcelJS.Workbook) => wb.worksheets[0] as unknown as { _merges: Record<string, { range: string }> };
    expect(Object.values(sheet(ours)._merges).map((m) => m.range).sort()).toEqual(Object.values(sheet(stock)._merges).map((m) => m.range).sort());
    expect(workbookToGrid(ours)).toEqual(workbookToGrid(stock));
    expect(ours.worksheets[0].getCell('C4').isMerged).toBe(true);
    expect(ours.worksheets[0].getCell('C4').master.address).toBe('B2');
  });

  test('overlapping merges in a file are refused, in French, as before', async () => {
    // ExcelJS will not write overlapping merges: add one to the sheet's XML by hand.
    const file = await writeMerged('overlap.xlsx', ['A1:B2']);
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const sheetPath = Object.keys(zip.files).find((p) => /worksheets\/sheet1\.xml$/.test(p))!;
    const xml = (await zip.file(sheetPath)!.async('string')).replace(/<mergeCells count="1">/, '<mergeCells count="2"><mergeCell ref="B2:C3"/>');
    expect(xml).toContain('B2:C3');
    zip.file(sheetPath, xml);
    const bad = path.join(dir, 'overlap-bad.xlsx');
    await fs.writeFile(bad, await zip.generateAsync({ type: 'nodebuffer' }));
    await expect(stockLoad(bad)).rejects.toThrow('Cannot merge already merged cells');
    await expect(loadWorkbookFile(bad)).rejects.toThrow(UnreadableFileError);
    await expect(loadWorkbookFile(bad)).rejects.toThrow('endommagé ou illisible (des cellules fusionnées se chevauchent)');
  });

  test('ExcelJS is back to itself after our loads, even a failed one', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Worksheet = require('exceljs/lib/doc/worksheet') as { prototype: { _parseMergeCells: unknown } };
    const original = Worksheet.prototype._parseMergeCells;
    await expect(withLinearMergeCheck(async () => {
      expect(Worksheet.prototype._parseMergeCells).not.toBe(original);
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(Worksheet.prototype._parseMergeCells).toBe(original);
    // Two loads at once: installed while either runs.
    let release!: () => void;
    const first = withLinearMergeCheck(() => new Promise<void>((r) => (release = r)));
    await withLinearMergeCheck(async () => undefined);
    expect(Worksheet.prototype._parseMergeCells).not.toBe(original);
    release();
    await first;
    expect(Worksheet.prototype._parseMergeCells).toBe(original);
  });
});
