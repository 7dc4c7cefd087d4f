/**
 * An .xlsx file (bytes) as the engine's grids, with ExcelJS's browser build, for « Comparer avec… »
 * a file (loaded only then) and the demo page. A file opened in the pane is untrusted as much as
 * one given to the command line: it is measured first and refused (in French, naming the limit)
 * when it would cost too much, and read with the linear merge check (ExcelJS's own is quadratic:
 * 100 000 small merges froze the page for minutes).
 */
import * as ExcelJS from 'exceljs';
import { WorkbookGrid } from '../../domain/grid';
import { workbookToGrid } from '../gridFromExcelJs';
import { withLinearMergeCheck } from '../linearMerges';
import { WorkbookLimitError } from '../workbookLimits';
import { checkWorkbookLimits } from '../workbookScan';

export async function gridsFromXlsx(data: ArrayBuffer): Promise<WorkbookGrid> {
  try {
    await checkWorkbookLimits(new Uint8Array(data));
  } catch (e) {
    if (e instanceof WorkbookLimitError) throw e;
    throw new Error(`classeur .xlsx endommagé ou illisible (${(e as Error).message})`);
  }
  const workbook = new ExcelJS.Workbook();
  await withLinearMergeCheck(() => workbook.xlsx.load(data));
  return workbookToGrid(workbook);
}
