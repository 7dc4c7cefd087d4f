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
 * - row and column properties (fills, hidden rows), special cells, worksheets.onChanged: ExcelApi 1.9;
 * - Range.getMergedAreasOrNullObject: ExcelApi 1.13 — without merged areas a Chorus code merged
 *   over a block would look missing on every row but the first.
 * Not 1.14: the only 1.14 method the add-in once called, ConditionalFormatCollection.getItemOrNullObject,
 * is of no use when ids are positions (the add-in now finds its rules and deletes them in one batch),
 * and every other need is met at 1.13; the lower the set, the more hosts (Excel 2021 has 1.14 too).
 * mergeUndoGroup (ExcelApi 1.20) is used when present, never required; WorksheetChangedEventArgs
 * .triggerSource (1.14) is read only when Excel sends it. The fake refuses any member above the
 * version it claims (src/fake-excel/excelApiSets.generated.ts), and the adapter's tests run on 1.13.
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
