/**
 * The Office requirement sets the add-in relies on — the ONE place that states them.
 *
 * manifest.xml declares the same value in `<Requirements><Sets><Set Name="ExcelApi" MinVersion="…"/>`;
 * `npm run validate` (scripts/validate-manifest.ts) fails when the two disagree.
 *
 * Why ExcelApi 1.13:
 * - worksheet protection: ExcelApi 1.2;
 * - custom XML parts (the journal of what the add-in wrote): ExcelApi 1.5;
 * - conditional formats with custom formulas (the marks): ExcelApi 1.6;
 * - Range.getMergedAreasOrNullObject: ExcelApi 1.13 — without merged areas a Chorus code merged
 *   over a block would look missing on every row but the first.
 * mergeUndoGroup (ExcelApi 1.20) is used when present, never required.
 */
export const MIN_EXCEL_API = '1.13';

/** Name of the requirement set, as used by `Office.context.requirements.isSetSupported`. */
export const EXCEL_API_SET = 'ExcelApi';

/**
 * True when the running Excel supports the API level the add-in needs.
 * Call after `Office.onReady`; outside Office (tests, plain browser) it returns false.
 */
export function isExcelApiSupported(): boolean {
  if (typeof Office === 'undefined' || !Office.context || !Office.context.requirements) {
    return false;
  }
  return Office.context.requirements.isSetSupported(EXCEL_API_SET, MIN_EXCEL_API);
}
