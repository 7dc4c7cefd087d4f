/**
 * A faithful fake of the Excel JavaScript API objects the add-in uses, for tests (Node), the
 * benchmark and the demo page (browser). Build a workbook with FakeWorkbook.fromGrids, install it
 * with installFakeExcel, run the real Office code, read cells back with cellState / sheetState,
 * simulate a user with userEdit, and "save and reopen" with reopen().
 */
export { FakeWorkbook, fakeUnderstands } from './workbook/workbook';
export { FAKE_PAYLOAD_LIMIT, FAVOURABLE, LEAST_FAVOURABLE, READINGS } from './workbook/readings';
export type { FakeReadings } from './workbook/readings';
export { Recorder, compareVersions, key, unkey } from './workbook/host';
export type { CellState, FakeWorkbookOptions, HostCell, HostConditionalFormat, HostSheet, RunRecord, SavedWorkbook, SyncRecord } from './workbook/host';
export { FakeRichApiError, FakeRequestContext } from './proxies';
export { installFakeExcel, fakeOfficeGlobals } from './install';
export type { FakeOfficeGlobals } from './install';
export { evaluateFormula, isTruthy, UnsupportedFormula } from './formula';
