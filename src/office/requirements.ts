/**
 * The Office requirement sets the add-in relies on — the ONE place that states them.
 *
 * manifest.xml declares the same value in `<Requirements><Sets><Set Name="ExcelApi" MinVersion="…"/>`;
 * `npm run validate` (scripts/validate-manifest.ts) fails when the two disagree.
 *
 * Why ExcelApi 1.9:
 * - worksheet protection: ExcelApi 1.2;
 * - custom XML parts: ExcelApi 1.5;
 * - conditional formats with custom formulas: ExcelApi 1.6;
 * - Range.getCellProperties (fill, font, borders read in one call): ExcelApi 1.9.
 */
export const MIN_EXCEL_API = '1.9';

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
