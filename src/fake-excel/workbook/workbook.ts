/**
 * The "Excel" behind the fake API: cells, merges, protection, conditional formats, custom XML
 * parts, events, and a recorder of syncs and payload sizes. Tests and the demo page build it from
 * engine grids, let the real Office code run against it (see ../proxies and ../install.ts), then
 * read cell state back. No Node imports: it runs in a browser too. Rows and columns moving
 * (lines.ts), the cell state read back (cellState.ts) and save and reopen (saved.ts) are in files
 * of their own; the methods here are the workbook's one public face.
 */
import { SheetGrid } from '../../domain/grid';
import { MAX_COLUMNS, MAX_ROWS, Rect, intersect, parseRect, quoteSheetName, rectA1 } from '../../domain/a1';
import { FValue, LineEdit, UnsupportedFormula, checkFormula, evaluateFormula, isFError } from '../formula';
import * as cellState from './cellState';
import { addGrids } from './fromGrids';
import {
  CellState,
  ChangeListener,
  FakeWorkbookOptions,
  HostCell,
  HostConditionalFormat,
  HostSheet,
  HostXmlPart,
  Recorder,
  SavedWorkbook,
  compareVersions,
  key,
  newId,
  xmlNamespace,
} from './host';
import * as lines from './lines';
import { FAKE_PAYLOAD_LIMIT, FakeReadings, LEAST_FAVOURABLE } from './readings';
import { restoreSaved, savedWorkbook } from './saved';


export class FakeWorkbook {
  readonly sheets: HostSheet[] = [];
  readonly customXmlParts: HostXmlPart[] = [];
  readonly recorder = new Recorder();
  activeSheetId = '';
  apiVersion: string;
  readOnly: boolean;
  payloadLimitBytes: number | undefined;
  readings: FakeReadings;
  /** The user is typing in a cell: batches fail with InvalidOperationInCellEditMode (see readings.delayForCellEdit). */
  cellEditMode = false;
  /** What Office.onReady and Office.context.diagnostics say of the application (the pane may be opened in Word). */
  officeHost = { host: 'Excel', platform: 'OfficeOnline', version: '16.0 (fake)', displayLanguage: 'fr-FR' };
  selection: { sheet: string; address: string } | null = null;
  /** Handlers of `worksheets.onChanged` (every sheet's changes). */
  readonly changeListeners = new Set<ChangeListener>();
  /** Called before each sync runs its actions: simulate what a user does between two syncs. */
  beforeSync: ((syncIndex: number, workbook: FakeWorkbook) => void) | null = null;

  constructor(options: FakeWorkbookOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.20';
    this.readOnly = !!options.readOnly;
    this.payloadLimitBytes = 'payloadLimitBytes' in options ? options.payloadLimitBytes : FAKE_PAYLOAD_LIMIT;
    this.readings = { ...LEAST_FAVOURABLE, ...options.readings };
  }

  /** A workbook holding the grids, each as a sheet at its origin. */
  static fromGrids(grids: SheetGrid[], options: FakeWorkbookOptions = {}): FakeWorkbook {
    const wb = new FakeWorkbook(options);
    addGrids(wb, grids, options);
    if (options.activeSheet) wb.setActive(options.activeSheet);
    wb.recalculateAll();
    return wb;
  }

  // ---- sheets -------------------------------------------------------------------------------

  addSheet(name: string): HostSheet {
    if (this.sheetByName(name)) throw new Error(`sheet ${name} exists`);
    const sheet: HostSheet = {
      id: newId('sheet'),
      name,
      cells: new Map(),
      merges: [],
      protected: false,
      cfs: [],
      visibility: 'Visible',
      columnWidths: new Map(),
      listeners: new Set(),
      hiddenRows: new Set(),
      filteredRows: new Set(),
      frozenRows: 0,
      page: { orientation: 'Portrait', zoom: { scale: 100 }, printArea: null, titleRows: null },
      charts: [],
    };
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  sheetByName(name: string): HostSheet | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  sheet(name: string): HostSheet {
    const s = this.sheetByName(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  get activeSheet(): HostSheet {
    return this.sheets.find((s) => s.id === this.activeSheetId) ?? this.sheets[0];
  }

  setActive(name: string): void {
    this.activeSheetId = this.sheet(name).id;
  }

  protect(name: string, on = true): void {
    this.sheet(name).protected = on;
  }

  // ---- cells ----------------------------------------------------------------------------------

  mutableCell(sheet: HostSheet, row: number, col: number): HostCell {
    const k = key(row, col);
    let cell = sheet.cells.get(k);
    if (!cell) {
      cell = { v: null };
      sheet.cells.set(k, cell);
    }
    return cell;
  }

  /** Drop cells that hold nothing at all, so the used range stays honest. */
  tidy(sheet: HostSheet, row: number, col: number): void {
    const k = key(row, col);
    const c = sheet.cells.get(k);
    if (c && c.v === null && !c.err && !c.f && !c.fmt && !c.fill && !c.bold && !c.fontColor && !c.italic && !c.wrap) sheet.cells.delete(k);
  }

  /** The value a formula sees in a cell. */
  valueAt(sheet: HostSheet, row: number, col: number): FValue {
    const c = sheet.cells.get(key(row, col));
    if (!c) return null;
    if (c.err) return { error: c.err };
    return c.v;
  }

  /** Recompute formula cells this evaluator understands; others keep their stored value. */
  recalculate(sheet: HostSheet): void {
    const formulas = [...sheet.cells.entries()].filter(([, c]) => c.f);
    if (!formulas.length) return;
    const env = { cell: (r: number, c: number) => this.valueAt(sheet, r, c) };
    for (let pass = 0; pass < 8; pass++) {
      let changed = false;
      for (const [, cell] of formulas) {
        let v: FValue;
        try {
          v = evaluateFormula(cell.f!, env);
        } catch (e) {
          if (e instanceof UnsupportedFormula) continue;
          throw e;
        }
        const before = cell.err ?? cell.v;
        if (isFError(v)) {
          cell.err = v.error;
          cell.v = null;
        } else {
          delete cell.err;
          cell.v = v === '' ? '' : v;
        }
        if ((cell.err ?? cell.v) !== before) changed = true;
      }
      if (!changed) break;
    }
  }

  recalculateAll(): void {
    for (const s of this.sheets) this.recalculate(s);
  }

  /**
   * Write what a user types (or what `range.values` receives) into a cell: `=…` is a formula, a
   * number-looking string becomes a number unless the cell is formatted as text, '' clears it.
   */
  enterValue(sheet: HostSheet, row: number, col: number, input: unknown): void {
    const cell = this.mutableCell(sheet, row, col);
    delete cell.err;
    delete cell.f;
    if (input === '' || input === null || input === undefined) {
      cell.v = null;
    } else if (typeof input === 'number') {
      if (!Number.isFinite(input)) throw new TypeError('not a finite number');
      cell.v = input;
    } else if (typeof input === 'boolean') {
      cell.v = input;
    } else if (typeof input === 'string') {
      const s = input;
      if (cell.fmt === '@') cell.v = s;
      else if (s.length > 1 && s.startsWith('=')) {
        cell.f = s;
        cell.v = null;
      } else if (/^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(s)) cell.v = Number(s);
      else if (/^\s*(true|false)\s*$/i.test(s)) cell.v = s.trim().toUpperCase() === 'TRUE';
      else cell.v = s;
    } else {
      throw new TypeError(`unsupported value ${String(input)}`);
    }
    this.tidy(sheet, row, col);
  }

  /** Simulate a user's edit (typing, formatting), then fire onChanged like Excel does. */
  userEdit(
    sheetName: string,
    address: string,
    edit: { value?: string | number | boolean | null; formula?: string; numberFormat?: string; fill?: string | null },
  ): void {
    const sheet = this.sheet(sheetName);
    const rect = parseRect(address);
    if (!rect) throw new Error(`bad address ${address}`);
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        if (edit.numberFormat !== undefined) this.mutableCell(sheet, r, c).fmt = edit.numberFormat === 'General' ? undefined : edit.numberFormat;
        if (edit.fill !== undefined) {
          const cell = this.mutableCell(sheet, r, c);
          if (edit.fill === null) delete cell.fill;
          else cell.fill = edit.fill.toUpperCase();
        }
        if (edit.value !== undefined) this.enterValue(sheet, r, c, edit.value);
        if (edit.formula !== undefined) this.enterValue(sheet, r, c, edit.formula);
        this.tidy(sheet, r, c);
      }
    }
    this.recalculate(sheet);
    if (edit.value !== undefined || edit.formula !== undefined) this.fireChanged(sheet, rect, 'Unknown');
  }

  /** Queue onChanged handlers, the sheet's and the workbook's (asynchronously, as Excel does). */
  fireChanged(sheet: HostSheet, rect: Rect, triggerSource: 'Unknown' | 'ThisLocalAddin'): void {
    if (!sheet.listeners.size && !this.changeListeners.size) return;
    const args = {
      type: 'WorksheetChanged',
      worksheetId: sheet.id,
      address: rectA1(rect),
      source: 'Local',
      changeType: 'RangeEdited',
      ...(compareVersions(this.apiVersion, '1.14') >= 0 ? { triggerSource } : {}),
    } as unknown as Excel.WorksheetChangedEventArgs;
    for (const listener of [...sheet.listeners, ...this.changeListeners]) {
      setTimeout(() => {
        void listener(args);
      }, 0);
    }
  }

  // ---- reading back ---------------------------------------------------------------------------

  cfApplies(sheet: HostSheet, cf: HostConditionalFormat, row: number, col: number): boolean | null {
    return cellState.cfApplies(this, sheet, cf, row, col);
  }

  cellState(sheetName: string, address: string): CellState {
    const sheet = this.sheet(sheetName);
    const rect = parseRect(address);
    if (!rect || rect.top !== rect.bottom || rect.left !== rect.right) throw new Error(`not a cell: ${address}`);
    return this.cellStateAt(sheet, rect.top, rect.left);
  }

  cellStateAt(sheet: HostSheet, row: number, col: number): CellState {
    return cellState.cellStateAt(this, sheet, row, col);
  }

  /** Every cell of the sheet's used area (content or format), row by row, for rendering. */
  sheetState(sheetName: string): { name: string; rect: Rect | null; rows: CellState[][]; merges: string[]; protected: boolean } {
    return cellState.sheetState(this, sheetName);
  }

  /** Bounding box of cells with values (valuesOnly) or with anything at all. */
  usedRect(sheet: HostSheet, valuesOnly: boolean): Rect | null {
    return cellState.usedRect(sheet, valuesOnly);
  }

  // ---- conditional formats -------------------------------------------------------------------

  addConditionalFormat(sheet: HostSheet, area: Rect, type = 'Custom'): HostConditionalFormat {
    const cf: HostConditionalFormat = { id: newId('cf'), type, area, formula: '', stopIfTrue: false };
    sheet.cfs.unshift(cf); // "adds a new conditional format to the collection at the first/top priority"
    return cf;
  }

  // ---- rows and columns moving (what a user, or Range.insert / delete / sort, does) -----------
  /** Insert (count > 0) or delete (count < 0) whole rows or columns, as Excel does (see lines.ts). */
  editLines(sheetName: string, edit: LineEdit, source: 'Unknown' | 'ThisLocalAddin' = 'Unknown'): void {
    lines.editLines(this, sheetName, edit, source);
  }

  /** Insert `count` rows before 1-based row `before` (a user's Insert > Rows). */
  insertRows(sheetName: string, before: number, count = 1): void {
    this.editLines(sheetName, { axis: 'row', at: before - 1, count });
  }

  deleteRows(sheetName: string, first: number, count = 1): void {
    this.editLines(sheetName, { axis: 'row', at: first - 1, count: -count });
  }

  insertColumns(sheetName: string, before: string, count = 1): void {
    this.editLines(sheetName, { axis: 'col', at: parseRect(`${before}1`)!.left, count });
  }

  deleteColumns(sheetName: string, first: string, count = 1): void {
    this.editLines(sheetName, { axis: 'col', at: parseRect(`${first}1`)!.left, count: -count });
  }

  /** Sort the rows of `address` on column `by` (a letter), as Data > Sort does (see lines.ts). */
  sortRows(sheetName: string, address: string, by: string, ascending = true): void {
    lines.sortRows(this, sheetName, address, by, ascending);
  }

  /** Hide (or show) rows by hand, or as a filter does (`filtered`). */
  hideRows(sheetName: string, address: string, hidden = true, filtered = false): void {
    const sheet = this.sheet(sheetName);
    const rect = parseRect(address);
    if (!rect) throw new Error(`bad address ${address}`);
    const set = filtered ? sheet.filteredRows : sheet.hiddenRows;
    for (let r = rect.top; r <= rect.bottom; r++) {
      if (hidden) set.add(r);
      else set.delete(r);
    }
  }

  rowHidden(sheet: HostSheet, row: number): boolean {
    return sheet.hiddenRows.has(row) || sheet.filteredRows.has(row);
  }

  // ---- custom XML parts -----------------------------------------------------------------------

  addXmlPart(xml: string): HostXmlPart {
    const part: HostXmlPart = { id: newId('xml'), namespaceUri: xmlNamespace(xml), xml };
    this.customXmlParts.push(part);
    return part;
  }

  // ---- save and reopen ------------------------------------------------------------------------

  toJSON(): SavedWorkbook {
    return savedWorkbook(this);
  }

  /** Reopen a saved workbook: same content, fresh runtime ids for conditional formats, no listeners. */
  static fromJSON(saved: SavedWorkbook, options: FakeWorkbookOptions = {}): FakeWorkbook {
    if (saved.format !== 'annexe9-fake-workbook') throw new Error('not a saved fake workbook');
    const wb = new FakeWorkbook(options);
    restoreSaved(wb, saved);
    return wb;
  }

  /** Save and reopen in one step (a JSON round trip, as through a file). */
  reopen(options: FakeWorkbookOptions = {}): FakeWorkbook {
    return FakeWorkbook.fromJSON(JSON.parse(JSON.stringify(this.toJSON())) as SavedWorkbook, {
      apiVersion: this.apiVersion,
      readOnly: this.readOnly,
      payloadLimitBytes: this.payloadLimitBytes,
      readings: this.readings,
      ...options,
    });
  }

  /** Reference of a sheet area as Excel prints it: `'Annexe 9'!B5:L60`. */
  addressOf(sheet: HostSheet, rect: Rect): string {
    return `${quoteSheetName(sheet.name)}!${rect.top === 0 && rect.bottom === MAX_ROWS - 1 && rect.left === 0 && rect.right === MAX_COLUMNS - 1 ? `1:${MAX_ROWS}` : rectA1(rect)}`;
  }

  /** Merged areas that meet `rect` (whole areas). */
  mergesIn(sheet: HostSheet, rect: Rect): Rect[] {
    return sheet.merges.filter((m) => intersect(m, rect));
  }
}

/** For tests that need to know a formula is within the fake's reach. */
export function fakeUnderstands(formula: string): boolean {
  try {
    checkFormula(formula);
    return true;
  } catch (e) {
    if (e instanceof UnsupportedFormula) return false;
    throw e;
  }
}
