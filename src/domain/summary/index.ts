/**
 * The summary sheet, as data, then its layout for writing (a "sheet plan"), so that the .xlsx
 * writer and the Office.js writer stay thin and write the same sheet. Pure: no clock, no ExcelJS,
 * no Office. By job: model.ts (the data), figures.ts (levels and derived columns), build.ts (the
 * builder), notified.ts (--notified amounts), plan.ts and layout.ts (the printed sheet).
 */
import { SheetReport } from '../analyze';
import { AnnexSummary, SummaryOptions } from './model';
import { SheetPlan } from './plan';
import { buildSummary } from './build';
import { planSummarySheet } from './layout';

export * from './model';
export * from './plan';
export * from './layout';
export { buildSummary } from './build';
export { canonicalCode, parseNotified } from './notified';
export type { NotifiedParse } from './notified';
export { SUMMARY_MARKER_COLUMN, SUMMARY_MARKER_TOKEN, isSummaryGrid, summaryMarkerStatus } from '../summaryMarker';
export { summaryIsNotAnnexMessage } from '../words/render';
export type { SummaryMarker } from '../summaryMarker';

/** The summary and its plan in one call, as the writers need them. */
export function summarySheetPlan(report: SheetReport, options: SummaryOptions & { name?: string }): { summary: AnnexSummary; plan: SheetPlan } {
  const summary = buildSummary(report, options);
  return { summary, plan: planSummarySheet(summary, { name: options.name }) };
}
