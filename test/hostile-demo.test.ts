/**
 * The demo page's file loading (issue 17), with ExcelJS's and JSZip's browser bundles as the page
 * has them: a file opened from the page is measured and refused like one given to the command
 * line, merges are checked in linear time, and a cell the page cannot show as a date does not
 * blank the page.
 */
import { cellText } from '../src/demo/format';
import { gridsFromXlsx } from '../src/demo/loadWorkbook';
import { linearMergeCheckAvailable } from '../src/files/linearMerges';
import { WorkbookLimitError } from '../src/files/workbookLimits';
import { miniAnnex, withFormulaRow1, withMerges } from './security/hostileFiles';

// The page's bundles, not the Node sources (webpack takes the packages' "browser" entries).
jest.mock('exceljs', () => jest.requireActual('exceljs/dist/exceljs.min.js'));
jest.mock('jszip', () => jest.requireActual('jszip/dist/jszip.min.js'));

const arrayBuffer = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('the demo loader', () => {
  it('installs the linear merge check over ExcelJS’s browser bundle', () => {
    expect(linearMergeCheckAvailable()).toBe(true);
  });

  it('reads 100 000 small merges in seconds, not minutes', async () => {
    const refs = Array.from({ length: 100_000 }, (_, i) => `N${i + 20}:O${i + 20}`);
    const xlsx = await withMerges(await miniAnnex(), refs);
    const started = Date.now();
    const grids = await gridsFromXlsx(arrayBuffer(xlsx));
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(grids.sheets[0].merges.filter((m) => m.left === 13 && m.right === 14)).toHaveLength(100_000);
  });

  it('still refuses overlapping merges, in French (ExcelJS’s English refusal does not reach the page)', async () => {
    const xlsx = await withMerges(await miniAnnex(), ['N20:O21', 'O21:P22']);
    await expect(gridsFromXlsx(arrayBuffer(xlsx))).rejects.toThrow('classeur .xlsx endommagé ou illisible');
  });

  it('refuses, in French and naming the limit, what would take the page down', async () => {
    const merged = await withMerges(await miniAnnex(), ['A1:XFD1048576']);
    await expect(gridsFromXlsx(arrayBuffer(merged))).rejects.toThrow(WorkbookLimitError);
    await expect(gridsFromXlsx(arrayBuffer(merged))).rejects.toThrow('la limite du contrôle est de 100\u202f000 cellules par zone fusionnée');
    // The page's formula evaluator would visit 17 billion cells.
    const formula = await withFormulaRow1(await miniAnnex(), 'A1', 'SUM(A2:XFD1048576)');
    await expect(gridsFromXlsx(arrayBuffer(formula))).rejects.toThrow('cellules par formule');
  });

  it('says « endommagé » for a zip it cannot read', async () => {
    await expect(gridsFromXlsx(arrayBuffer(Buffer.from('PK\u0003\u0004 pas un zip')))).rejects.toThrow('classeur .xlsx endommagé ou illisible');
  });
});

describe('cells shown in the demo grid', () => {
  it('a date-formatted 1e20 shows as a number, not a crash', () => {
    expect(cellText(1e20, 'dd/mm/yyyy')).toEqual({ text: '100000000000000000000', numeric: true });
    expect(cellText(1e300, 'dd/mm/yyyy')).toEqual({ text: '1e+300', numeric: true });
    expect(cellText(-1, 'dd/mm/yyyy')).toEqual({ text: '-1', numeric: true });
    expect(cellText(Number.NaN, 'dd/mm/yyyy')).toEqual({ text: 'NaN', numeric: true });
    expect(cellText(2_958_465, 'dd/mm/yyyy').text).toBe('9999-12-31');
    expect(cellText(45_089, 'dd/mm/yyyy').text).toBe('2023-06-12');
  });

  it('an invalid date shows as Excel shows it', () => {
    expect(cellText(new Date(Number.NaN))).toEqual({ text: '########', numeric: true });
    expect(cellText(new Date(Date.UTC(2023, 5, 12)))).toEqual({ text: '2023-06-12', numeric: true });
  });
});
