/**
 * The one place the pane's service is put together, for the add-in (src/taskpane/index.tsx) and
 * the demo page (src/demo/demo.tsx) alike: the same Office.js code with the same writers, so the
 * demo cannot drift from what Excel runs (it once lacked the summary writer).
 */
import { ExcelServiceOptions, createExcelService } from './excelService';
import { AnnexService } from './service';
import { OfficeSummaryOptions, createSummaryWriter } from './summarySheet';

export interface AddinServiceOptions extends Omit<ExcelServiceOptions, 'writeSummary'> {
  /** Options of the summary writer (workbook name, notified amounts, clock). */
  summary?: OfficeSummaryOptions;
}

export function createAddinService(options: AddinServiceOptions = {}): AnnexService {
  const { summary, ...rest } = options;
  return createExcelService({ ...rest, writeSummary: createSummaryWriter({ now: rest.now, ...summary }) });
}
