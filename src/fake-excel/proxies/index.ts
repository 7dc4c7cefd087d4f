/**
 * Proxies of the Excel JavaScript API over a FakeWorkbook, with Office.js semantics:
 * - properties are unavailable until `load` + `sync` (PropertyNotLoaded, as Office.js throws);
 * - writes and method calls are queued and applied at `sync`, in order; the first failing action
 *   stops the batch and earlier ones stay applied (Excel does not roll back);
 * - `*OrNullObject` gives an object whose `isNullObject` is known after sync; what hangs off a null
 *   object is null too, and a ClientResult of a null object has no value;
 * - collections expose `items` only after load;
 * - a protected sheet (or a read-only workbook) makes writes fail at sync with code AccessDenied;
 * - every sync is counted, with its request and response payload sizes;
 * - every method and property checks its requirement set (excelApiSets.generated.ts, from
 *   @types/office-js) against the version the fake claims and throws ApiNotFound, as office.js does;
 * - where the documentation is silent, the workbook's `readings` decide (see FakeReadings).
 * Only what the add-in (and its summary sheet writer) use is here; it is not a full Excel.
 * One file per family: the request context, the base object, the workbook, worksheets, ranges and
 * what hangs off them, conditional formats, custom XML parts.
 */
export { FakeRichApiError } from './errors';
export { checkApi } from './api';
export { FakeRequestContext } from './context';
export { FakeClientResult, FakeCollection, FakeObject, VIA_NULL } from './object';
export { FakeWorkbookProxy, FakeWorksheetCollection, FakeWorksheetChangedEvent, FakeWorksheetCollectionChangedEvent } from './workbookProxy';
export type { FakeEventHandlerResult } from './workbookProxy';
export { FakeAutoFilter, FakePageLayout, FakeWorksheet, FakeWorksheetFreezePanes, FakeWorksheetProtection } from './worksheet';
export { FakeRange } from './range';
export { FakeChart, FakeChartCollection, FakeChartSeries, FakeChartSeriesCollection, FakeChartTitle } from './charts';
export { FakeRangeAreas, FakeRangeCollection, FakeRangeFill, FakeRangeFont, FakeRangeFormat, FakeRangeSort } from './rangeParts';
export {
  FakeConditionalFormat,
  FakeConditionalFormatCollection,
  FakeConditionalFormatRule,
  FakeConditionalRangeFill,
  FakeConditionalRangeFont,
  FakeConditionalRangeFormat,
  FakeCustomConditionalFormat,
} from './conditionalFormats';
export { FakeCustomXmlPart, FakeCustomXmlPartCollection, FakeCustomXmlPartScopedCollection } from './customXmlParts';
