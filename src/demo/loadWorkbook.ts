/** An .xlsx file (bytes) as the engine's grids, with ExcelJS's browser build. */
import * as ExcelJS from 'exceljs';
import { WorkbookGrid } from '../domain/grid';
import { workbookToGrid } from '../files/gridFromExcelJs';

export async function gridsFromXlsx(data: ArrayBuffer): Promise<WorkbookGrid> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  return workbookToGrid(workbook);
}
