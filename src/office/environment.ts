/**
 * What the running Excel offers: requirement sets and the document's mode. Read through the
 * Office globals at call time, so the fake (tests, demo page) and real Office behave the same.
 */
import { EXCEL_API_SET, MIN_EXCEL_API } from './requirements';

/**
 * Range.getMergedAreasOrNullObject is ExcelApi 1.13 (now MIN_EXCEL_API): without merged areas a
 * vertically merged Chorus code looks missing on every row but the first, so the check refuses to
 * run rather than report false findings on an Excel older than the manifest allows.
 */
export const MERGED_AREAS_API = '1.13';
/** Excel.run({ mergeUndoGroup: true }): one Ctrl+Z undoes one action. */
export const UNDO_GROUP_API = '1.20';

function officeGlobal(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

export function excelApiSupported(version: string): boolean {
  const office = officeGlobal();
  if (!office?.context?.requirements) return false;
  return office.context.requirements.isSetSupported(EXCEL_API_SET, version);
}

/** The highest of what the manifest declares and what reading a sheet needs. */
export function requiredExcelApi(): string {
  const [a, b] = [MIN_EXCEL_API, MERGED_AREAS_API].map((v) => v.split('.').map(Number));
  return a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]) ? MIN_EXCEL_API : MERGED_AREAS_API;
}

/** The workbook was opened read-only (Protected View, a read-only file, Excel on the web in view mode). */
export function documentIsReadOnly(): boolean {
  const office = officeGlobal();
  const doc = office?.context?.document;
  if (!doc || !office?.DocumentMode) return false;
  return doc.mode === office.DocumentMode.ReadOnly;
}
