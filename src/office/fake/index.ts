/**
 * A faithful fake of the Excel JavaScript API objects the add-in uses, for tests (Node) and the
 * demo page (browser). Build a workbook with FakeWorkbook.fromGrids, install it with
 * installFakeExcel, run the real Office code, read cells back with cellState / sheetState,
 * simulate a user with userEdit, and "save and reopen" with reopen().
 */
export { FAKE_PAYLOAD_LIMIT, FAVOURABLE, FakeWorkbook, LEAST_FAVOURABLE, READINGS, Recorder, compareVersions, fakeUnderstands } from './workbook';
export type { CellState, FakeReadings, FakeWorkbookOptions, HostCell, HostConditionalFormat, HostSheet, RunRecord, SavedWorkbook, SyncRecord } from './workbook';
export { FakeRichApiError, FakeRequestContext } from './proxies';
export { installFakeExcel, fakeOfficeGlobals } from './install';
export type { FakeOfficeGlobals } from './install';
export { evaluateFormula, isTruthy, UnsupportedFormula } from './formula';
