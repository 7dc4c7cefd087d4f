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
import { UnreadableWorkbook, asUnreadable, sniffNotXlsx } from './loadErrors';

/** Throws an UnreadableWorkbook or a WorkbookLimitError (never a library's error): what the file is, what to do. */
export async function gridsFromXlsx(data: ArrayBuffer): Promise<WorkbookGrid> {
  const bytes = new Uint8Array(data);
  const notXlsx = sniffNotXlsx(bytes);
  if (notXlsx) throw new UnreadableWorkbook(notXlsx);
  try {
    await checkWorkbookLimits(bytes);
    const workbook = new ExcelJS.Workbook();
    await withLinearMergeCheck(() => workbook.xlsx.load(data));
    const grid = workbookToGrid(workbook);
    if (grid.sheets.length === 0) throw new UnreadableWorkbook('notXlsx');
    return grid;
  } catch (e) {
    // A limit's refusal is French already and names the limit; anything else is a library's.
    if (e instanceof WorkbookLimitError) throw e;
    throw asUnreadable(e);
  }
}
