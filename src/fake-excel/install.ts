/**
 * Puts the fake behind the globals the add-in uses: `Excel.run`, the few Excel enums it names,
 * `Office.context.requirements.isSetSupported`, `Office.context.document.mode`, `Office.DocumentMode`
 * and `OfficeExtension.Error`. Returns a function that puts the previous globals back.
 */
import { FakeClientObjectLike, runOn } from './run';
import { FakeRichApiError } from './proxies';
import { compareVersions } from './workbook/host';
import { FakeWorkbook } from './workbook/workbook';

type Target = Record<string, unknown>;

export interface FakeOfficeGlobals {
  Excel: Record<string, unknown>;
  Office: Record<string, unknown>;
  OfficeExtension: Record<string, unknown>;
}

/** The globals for one workbook, without installing them (the demo page may prefer to hold them). */
export function fakeOfficeGlobals(workbook: FakeWorkbook): FakeOfficeGlobals {
  const Excel = {
    run: (...args: unknown[]) => runOn(workbook, args as [FakeClientObjectLike | ((ctx: never) => Promise<unknown>), ...unknown[]]),
    ConditionalFormatType: { custom: 'Custom', dataBar: 'DataBar', colorScale: 'ColorScale', iconSet: 'IconSet', topBottom: 'TopBottom', presetCriteria: 'PresetCriteria', containsText: 'ContainsText', cellValue: 'CellValue' },
    SpecialCellType: { formulas: 'Formulas', constants: 'Constants', blanks: 'Blanks' },
    EventTriggerSource: { unknown: 'Unknown', thisLocalAddin: 'ThisLocalAddin' },
    EventSource: { local: 'Local', remote: 'Remote' },
    ErrorCodes: {
      accessDenied: 'AccessDenied',
      apiNotFound: 'ApiNotFound',
      generalException: 'GeneralException',
      invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation',
      invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
      itemNotFound: 'ItemNotFound',
      requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
      responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
    },
    InsertShiftDirection: { down: 'Down', right: 'Right' },
    DeleteShiftDirection: { up: 'Up', left: 'Left' },
  };
  const DocumentMode = { ReadOnly: 'readOnly', ReadWrite: 'readWrite' };
  const document = {};
  Object.defineProperty(document, 'mode', { enumerable: true, get: () => (workbook.readOnly ? DocumentMode.ReadOnly : DocumentMode.ReadWrite) });
  const host = workbook.officeHost;
  const Office = {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    DocumentMode,
    context: {
      document,
      displayLanguage: host.displayLanguage,
      diagnostics: { host: host.host, platform: host.platform, version: host.version },
      requirements: {
        isSetSupported: (name: string, minVersion?: string | number) =>
          name === 'ExcelApi' && compareVersions(workbook.apiVersion, minVersion === undefined ? '1.1' : String(minVersion)) >= 0,
      },
    },
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: host.host, platform: host.platform };
      callback?.(info);
      return Promise.resolve(info);
    },
  };
  const OfficeExtension = {
    Error: FakeRichApiError,
    ErrorCodes: { accessDenied: 'AccessDenied', itemNotFound: 'ItemNotFound', propertyNotLoaded: 'PropertyNotLoaded', invalidArgument: 'InvalidArgument' },
  };
  return { Excel, Office, OfficeExtension };
}

/**
 * Define `Excel`, `Office` and `OfficeExtension` on `target` (globalThis by default) for `workbook`.
 * Call as installFakeExcel(globalThis, workbook) or installFakeExcel(workbook).
 */
export function installFakeExcel(target: object | FakeWorkbook = globalThis, workbook?: FakeWorkbook): () => void {
  if (target instanceof FakeWorkbook) {
    workbook = target;
    target = globalThis;
  }
  if (!workbook) throw new Error('installFakeExcel: a FakeWorkbook is needed');
  const t = target as Target;
  const globals = fakeOfficeGlobals(workbook);
  const previous = { Excel: t.Excel, Office: t.Office, OfficeExtension: t.OfficeExtension };
  const had = { Excel: 'Excel' in t, Office: 'Office' in t, OfficeExtension: 'OfficeExtension' in t };
  t.Excel = globals.Excel;
  t.Office = globals.Office;
  t.OfficeExtension = globals.OfficeExtension;
  return () => {
    for (const name of ['Excel', 'Office', 'OfficeExtension'] as const) {
      if (had[name]) t[name] = previous[name];
      else delete t[name];
    }
  };
}
