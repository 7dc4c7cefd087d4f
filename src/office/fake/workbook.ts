/**
 * The "Excel" behind the fake API: cells, merges, protection, conditional formats, custom XML
 * parts, events, and a recorder of syncs and payload sizes. Tests and the demo page build it from
 * engine grids, let the real Office code run against it (see proxies.ts / install.ts), then read
 * cell state back. No Node imports: it runs in a browser too.
 */
import { CellValue, SheetGrid, isCellError } from '../../domain/grid';
import { MAX_COLUMNS, MAX_ROWS, Rect, cellA1, intersect, parseRect, quoteSheetName, rectA1, rectContains } from '../../domain/a1';
import { FValue, UnsupportedFormula, checkFormula, evaluateFormula, isFError, isTruthy } from './formula';
import { LineEdit, shiftFormula, shiftLine, shiftSpan } from './shift';

/**
 * How the fake reads what Microsoft's documentation leaves open. The default is the least
 * favourable reading of each point (LEAST_FAVOURABLE): the adapter must work under it. Where a
 * reading cannot be known without real Excel, the adapter's tests run under both (READINGS); the
 * built-in diagnostic (src/office/diagnostic.ts) tells which one real Excel follows.
 */
export interface FakeReadings {
  /**
   * `ConditionalFormat.id` is "the priority of the conditional format in the current
   * ConditionalFormatCollection": 'position' makes ids positions and every ConditionalFormat
   * object a handle on a position (it then designates whatever sits there when an action runs);
   * 'stable' gives each format its own id and object.
   */
  conditionalFormatIds: 'position' | 'stable';
  /**
   * Calls chained off a null object (`*OrNullObject`): 'throw' fails the sync with
   * InvalidOperation for anything but load, isNullObject, toJSON and delete on the null object
   * itself; 'null' makes what hangs off it null too.
   */
  nullObjectCalls: 'throw' | 'null';
  /**
   * A cell without fill: 'white' reports it exactly as a white fill (#FFFFFF, pattern Solid,
   * tintAndShade 0: office-js#6218, #4900); 'tintAndShadeNull' reports tintAndShade null and
   * pattern None for it (a Microsoft engineer's suggestion in office-js#4900, unverified).
   */
  noFill: 'white' | 'tintAndShadeNull';
  /** Payload measure: 'escaped' counts every non-ASCII character as a \uXXXX escape; 'utf8' as UTF-8. */
  wire: 'escaped' | 'utf8';
  /** `pageLayout.zoom` with fit-to-pages: 'ignored' (office-js#1860) or 'applied'. */
  printZoom: 'ignored' | 'applied';
  /** `Excel.run({ delayForCellEdit: true })`: 'ignored' (the DelayForCellEdit set is missing) or 'honoured'. */
  delayForCellEdit: 'ignored' | 'honoured';
  /** Conditional formats when rows are sorted: 'stay' on their cells' old places, or 'move' with the rows. */
  sortedConditionalFormats: 'stay' | 'move';
}

export const LEAST_FAVOURABLE: FakeReadings = {
  conditionalFormatIds: 'position',
  nullObjectCalls: 'throw',
  noFill: 'white',
  wire: 'escaped',
  printZoom: 'ignored',
  delayForCellEdit: 'ignored',
  sortedConditionalFormats: 'stay',
};

/** The other reading of every point: what the add-in was first written for. */
export const FAVOURABLE: FakeReadings = {
  conditionalFormatIds: 'stable',
  nullObjectCalls: 'null',
  noFill: 'tintAndShadeNull',
  wire: 'utf8',
  printZoom: 'applied',
  delayForCellEdit: 'honoured',
  sortedConditionalFormats: 'move',
};

/** Both readings, for `describe.each`. */
export const READINGS: Array<[string, FakeReadings]> = [
  ['least favourable', LEAST_FAVOURABLE],
  ['favourable', FAVOURABLE],
];

/**
 * Excel on the web refuses a request or response over 5 MB ("5MB", resource limits article); the
 * fake refuses at 5 % less, on its own measure (which is not Excel's wire format).
 */
export const FAKE_PAYLOAD_LIMIT = 4_750_000;

export interface HostCell {
  /** Constant or computed value; null when empty. */
  v: number | string | boolean | null;
  /** Error value (`#REF!`), instead of v. */
  err?: string;
  /** Formula text with `=`. */
  f?: string;
  /** Number format; absent = General. */
  fmt?: string;
  /** Fill colour `#RRGGBB`; absent = no fill. */
  fill?: string;
  bold?: boolean;
  fontColor?: string;
  italic?: boolean;
  wrap?: boolean;
}

export interface HostConditionalFormat {
  /** Runtime id: like Excel's, not kept across save and reopen. */
  id: string;
  /** 'Custom' for the add-in's; other types (DataBar…) exist for the diagnostic's own checks. */
  type: string;
  area: Rect;
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  stopIfTrue: boolean;
}

export type ChangeListener = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown> | void;

export interface HostSheet {
  id: string;
  name: string;
  cells: Map<number, HostCell>;
  merges: Rect[];
  protected: boolean;
  /** Highest priority first. */
  cfs: HostConditionalFormat[];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  columnWidths: Map<number, number>;
  listeners: Set<ChangeListener>;
  /** Rows hidden by hand, and rows a filter hides (0-based). */
  hiddenRows: Set<number>;
  filteredRows: Set<number>;
  frozenRows: number;
  page: HostPageLayout;
}

export interface HostPageLayout {
  orientation: 'Portrait' | 'Landscape';
  /** What printing uses: `scale` in percent, or fit to pages. */
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea: string | null;
  titleRows: string | null;
}

export interface HostXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface SyncRecord {
  /** Bytes of the request (queued actions, JSON, UTF-8). */
  requestBytes: number;
  /** Bytes of the response (loaded data, JSON, UTF-8). */
  responseBytes: number;
  actions: number;
  /** Error code when the sync failed. */
  failed?: string;
}

export interface RunRecord {
  options: Record<string, unknown>;
  syncs: number;
}

export class Recorder {
  syncs: SyncRecord[] = [];
  runs: RunRecord[] = [];
  get syncCount(): number {
    return this.syncs.length;
  }
  get responseBytes(): number {
    return this.syncs.reduce((s, r) => s + r.responseBytes, 0);
  }
  get maxResponseBytes(): number {
    return this.syncs.reduce((m, r) => Math.max(m, r.responseBytes), 0);
  }
  reset(): void {
    this.syncs = [];
    this.runs = [];
  }
}

export interface FakeWorkbookOptions {
  /** Highest ExcelApi version the fake claims (Office.context.requirements.isSetSupported). Default 1.20. */
  apiVersion?: string;
  /** Office.context.document.mode is ReadOnly and every write fails with AccessDenied. */
  readOnly?: boolean;
  /** Fail a sync whose request or response exceeds this many bytes, like Excel on the web (5 MB). */
  payloadLimitBytes?: number;
  /** User fills per sheet and A1 cell, e.g. { 'Annexe 9': { B5: '#FFFF00' } }. */
  fills?: Record<string, Record<string, string>>;
  /** Name of the active sheet; default the first. */
  activeSheet?: string;
  /** Readings of what the documentation leaves open; LEAST_FAVOURABLE by default. */
  readings?: Partial<FakeReadings>;
  /** Rows hidden per sheet, e.g. { 'Annexe 9': ['12:13'] }; `filtered` for rows a filter hides. */
  hiddenRows?: Record<string, string[]>;
  filteredRows?: Record<string, string[]>;
}

/** A cell as the demo renders it and tests compare it. */
export interface CellState {
  address: string;
  value: number | string | boolean | null;
  error?: string;
  formula?: string;
  numberFormat: string;
  /** The cell's own fill. */
  fill: string | null;
  /** Conditional formats over the cell, highest priority first, and whether each applies now. */
  conditionalFormats: Array<{ id: string; formula: string; fill?: string; applies: boolean | null }>;
  /** The fill shown: the first applying conditional format's, else the cell's own. */
  displayFill: string | null;
  /** Top-left of the merge covering the cell, when it is covered. */
  mergedInto?: string;
}

export interface SavedWorkbook {
  format: 'annexe9-fake-workbook';
  version: 1;
  activeSheet: string;
  sheets: Array<{
    id: string;
    name: string;
    protected: boolean;
    visibility: HostSheet['visibility'];
    cells: Array<[string, HostCell]>;
    merges: string[];
    conditionalFormats: Array<Omit<HostConditionalFormat, 'id' | 'area'> & { range: string }>;
    columnWidths: Array<[number, number]>;
    hiddenRows?: number[];
    filteredRows?: number[];
    frozenRows?: number;
    page?: HostPageLayout;
  }>;
  customXmlParts: HostXmlPart[];
}

export const key = (row: number, col: number) => row * MAX_COLUMNS + col;
export const unkey = (k: number) => ({ row: Math.floor(k / MAX_COLUMNS), col: k % MAX_COLUMNS });

let idCounter = 0;
const newId = (prefix: string) => `{${prefix}-${(++idCounter).toString(16).padStart(8, '0')}-${Math.random().toString(16).slice(2, 10)}}`;

/** Excel's date serial of a JavaScript date (1900 system). */
function dateSerial(d: Date): number {
  return (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()) - Date.UTC(1899, 11, 30)) / 86400000;
}

function hostCellOf(value: CellValue, numFmt?: string, formula?: string): HostCell | null {
  const cell: HostCell = { v: null };
  if (value === null || value === undefined || value === '') cell.v = null;
  else if (value instanceof Date) cell.v = dateSerial(value);
  else if (isCellError(value)) cell.err = value.error;
  else cell.v = value as number | string | boolean;
  if (formula) cell.f = formula.startsWith('=') ? formula : `=${formula}`;
  if (numFmt && numFmt !== 'General') cell.fmt = numFmt;
  return cell.v === null && !cell.err && !cell.f && !cell.fmt ? null : cell;
}

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
    for (const grid of grids) {
      const sheet = wb.addSheet(grid.name);
      sheet.protected = !!grid.protected;
      grid.rows.forEach((row, r) => {
        row?.forEach((cell, c) => {
          if (!cell) return;
          const host = hostCellOf(cell.value, cell.numFmt, cell.formula);
          if (host) sheet.cells.set(key(grid.origin.row + r, grid.origin.col + c), host);
        });
      });
      sheet.merges = grid.merges.map((m) => ({
        top: grid.origin.row + m.top,
        left: grid.origin.col + m.left,
        bottom: grid.origin.row + m.bottom,
        right: grid.origin.col + m.right,
      }));
      for (const [address, color] of Object.entries(options.fills?.[grid.name] ?? {})) {
        const rect = parseRect(address);
        if (!rect) throw new Error(`fills: bad address ${address}`);
        for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) wb.mutableCell(sheet, r, c).fill = color.toUpperCase();
      }
      for (const [set, spec] of [[sheet.hiddenRows, options.hiddenRows], [sheet.filteredRows, options.filteredRows]] as const) {
        for (const address of spec?.[grid.name] ?? []) {
          const rect = parseRect(address);
          if (!rect) throw new Error(`hiddenRows: bad address ${address}`);
          for (let r = rect.top; r <= rect.bottom; r++) set.add(r);
        }
      }
    }
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

  /** Whether a conditional format applies at a cell now; null when its formula is beyond the fake. */
  cfApplies(sheet: HostSheet, cf: HostConditionalFormat, row: number, col: number): boolean | null {
    if (cf.type !== 'Custom') return null;
    try {
      const v = evaluateFormula(cf.formula, { cell: (r, c) => this.valueAt(sheet, r, c) }, { row: row - cf.area.top, col: col - cf.area.left });
      return isTruthy(v);
    } catch (e) {
      if (e instanceof UnsupportedFormula) return null;
      throw e;
    }
  }

  cellState(sheetName: string, address: string): CellState {
    const sheet = this.sheet(sheetName);
    const rect = parseRect(address);
    if (!rect || rect.top !== rect.bottom || rect.left !== rect.right) throw new Error(`not a cell: ${address}`);
    return this.cellStateAt(sheet, rect.top, rect.left);
  }

  cellStateAt(sheet: HostSheet, row: number, col: number): CellState {
    const c = sheet.cells.get(key(row, col));
    const cfs = sheet.cfs
      .filter((cf) => rectContains(cf.area, row, col))
      .map((cf) => ({ id: cf.id, formula: cf.formula, fill: cf.fill, applies: this.cfApplies(sheet, cf, row, col) }));
    const applying = cfs.find((cf) => cf.applies && cf.fill);
    const merge = sheet.merges.find((m) => rectContains(m, row, col) && (m.top !== row || m.left !== col));
    const state: CellState = {
      address: cellA1(row, col),
      value: c?.err ? null : c?.v ?? null,
      numberFormat: c?.fmt ?? 'General',
      fill: c?.fill ?? null,
      conditionalFormats: cfs,
      displayFill: applying?.fill ?? c?.fill ?? null,
    };
    if (c?.err) state.error = c.err;
    if (c?.f) state.formula = c.f;
    if (merge) state.mergedInto = cellA1(merge.top, merge.left);
    return state;
  }

  /** Every cell of the sheet's used area (content or format), row by row, for rendering. */
  sheetState(sheetName: string): { name: string; rect: Rect | null; rows: CellState[][]; merges: string[]; protected: boolean } {
    const sheet = this.sheet(sheetName);
    const rect = this.usedRect(sheet, false);
    const rows: CellState[][] = [];
    if (rect) {
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: CellState[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(this.cellStateAt(sheet, r, c));
        rows.push(row);
      }
    }
    return { name: sheet.name, rect, rows, merges: sheet.merges.map((m) => rectA1(m)), protected: sheet.protected };
  }

  /** Bounding box of cells with values (valuesOnly) or with anything at all. */
  usedRect(sheet: HostSheet, valuesOnly: boolean): Rect | null {
    let top = MAX_ROWS;
    let left = MAX_COLUMNS;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of sheet.cells) {
      if (valuesOnly && c.v === null && !c.err && !c.f) continue;
      const { row, col } = unkey(k);
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    if (!valuesOnly) {
      for (const m of sheet.merges) {
        top = Math.min(top, m.top);
        left = Math.min(left, m.left);
        bottom = Math.max(bottom, m.bottom);
        right = Math.max(right, m.right);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  // ---- conditional formats -------------------------------------------------------------------

  addConditionalFormat(sheet: HostSheet, area: Rect, type = 'Custom'): HostConditionalFormat {
    const cf: HostConditionalFormat = { id: newId('cf'), type, area, formula: '', stopIfTrue: false };
    sheet.cfs.unshift(cf); // "adds a new conditional format to the collection at the first/top priority"
    return cf;
  }

  // ---- rows and columns moving (what a user, or Range.insert / delete / sort, does) -----------

  /**
   * Insert (count > 0) or delete (count < 0) whole rows or columns, as Excel does: cells, formats,
   * merges, hidden rows and conditional formats move with their cells; every formula referring
   * to the sheet (its cells', its conditional formats', other sheets' qualified references) is
   * rewritten, a reference to deleted cells becoming #REF!. Fires onChanged like a user's edit.
   */
  editLines(sheetName: string, edit: LineEdit, source: 'Unknown' | 'ThisLocalAddin' = 'Unknown'): void {
    const sheet = this.sheet(sheetName);
    const row = edit.axis === 'row';
    const moveKey = (k: number): number | null => {
      const { row: r, col: c } = unkey(k);
      const n = shiftLine(row ? r : c, edit);
      if (n === null) return null;
      const nr = row ? n : r;
      const nc = row ? c : n;
      if (nr >= MAX_ROWS || nc >= MAX_COLUMNS) return null;
      return key(nr, nc);
    };
    const cells = new Map<number, HostCell>();
    for (const [k, cell] of sheet.cells) {
      const nk = moveKey(k);
      if (nk !== null) cells.set(nk, cell);
    }
    sheet.cells = cells;
    const moveRect = (r: Rect): Rect | null => {
      const span = row ? shiftSpan(r.top, r.bottom, edit) : shiftSpan(r.left, r.right, edit);
      if (!span) return null;
      const out = row ? { ...r, top: span[0], bottom: span[1] } : { ...r, left: span[0], right: span[1] };
      out.bottom = Math.min(out.bottom, MAX_ROWS - 1);
      out.right = Math.min(out.right, MAX_COLUMNS - 1);
      return out.top <= out.bottom && out.left <= out.right ? out : null;
    };
    sheet.merges = sheet.merges.map(moveRect).filter((m): m is Rect => m !== null && (m.top !== m.bottom || m.left !== m.right));
    const cfs: HostConditionalFormat[] = [];
    for (const cf of sheet.cfs) {
      const area = moveRect(cf.area);
      if (!area) continue; // a rule whose cells are all deleted goes with them
      cfs.push({ ...cf, area, formula: cf.formula ? shiftFormula(cf.formula, edit, sheet.name) : cf.formula });
    }
    // Rules are the same rules: keep the objects (and their stable ids) when the reading wants it.
    sheet.cfs = cfs.map((moved) => Object.assign(sheet.cfs.find((c) => c.id === moved.id)!, moved));
    if (row) {
      for (const set of [sheet.hiddenRows, sheet.filteredRows]) {
        const moved = [...set].map((r) => shiftLine(r, edit)).filter((r): r is number => r !== null);
        set.clear();
        moved.forEach((r) => set.add(r));
      }
    } else {
      const widths = new Map<number, number>();
      for (const [c, w] of sheet.columnWidths) {
        const n = shiftLine(c, edit);
        if (n !== null) widths.set(n, w);
      }
      sheet.columnWidths = widths;
    }
    for (const other of this.sheets) {
      for (const cell of other.cells.values()) if (cell.f) cell.f = shiftFormula(cell.f, edit, sheet.name, other === sheet);
    }
    this.recalculateAll();
    const count = Math.abs(edit.count);
    const rect = row
      ? { top: edit.at, bottom: edit.at + count - 1, left: 0, right: MAX_COLUMNS - 1 }
      : { top: 0, bottom: MAX_ROWS - 1, left: edit.at, right: edit.at + count - 1 };
    this.fireChanged(sheet, rect, source);
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

  /**
   * Sort the rows of `address` on column `by` (a letter), as Data > Sort does: each row's cells
   * (values, formulas, formats) move together inside the range. Conditional formats stay or move
   * with their row per readings.sortedConditionalFormats (rules held by one row only).
   */
  sortRows(sheetName: string, address: string, by: string, ascending = true): void {
    const sheet = this.sheet(sheetName);
    const rect = parseRect(address);
    if (!rect) throw new Error(`bad address ${address}`);
    const keyCol = parseRect(`${by}1`)!.left;
    const rowsIn = Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => rect.top + i);
    const sortKey = (r: number) => this.valueAt(sheet, r, keyCol);
    const rank = (v: FValue) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : isFError(v) ? 3 : 4);
    const order = [...rowsIn].sort((a, b) => {
      const x = sortKey(a);
      const y = sortKey(b);
      const d = rank(x) - rank(y);
      if (d) return d;
      if (x === null || y === null || isFError(x) || isFError(y)) return a - b;
      const c = typeof x === 'string' ? x.localeCompare(String(y), 'fr') : Number(x) - Number(y);
      return (ascending ? c : -c) || a - b;
    });
    // order[i] is the old row that lands at rowsIn[i].
    const taken = new Map<number, HostCell>();
    for (const r of rowsIn) {
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.cells.get(key(r, c));
        if (cell) taken.set(key(r, c), cell);
        sheet.cells.delete(key(r, c));
      }
    }
    const newRowOf = new Map<number, number>();
    order.forEach((old, i) => {
      newRowOf.set(old, rowsIn[i]);
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = taken.get(key(old, c));
        if (cell) sheet.cells.set(key(rowsIn[i], c), cell);
      }
    });
    if (this.readings.sortedConditionalFormats === 'move') {
      for (const cf of sheet.cfs) {
        const a = cf.area;
        if (a.top !== a.bottom || a.top < rect.top || a.top > rect.bottom || a.left < rect.left || a.right > rect.right) continue;
        const to = newRowOf.get(a.top)!;
        if (to === a.top) continue;
        cf.formula = cf.formula.replace(new RegExp(`(\\$?[A-Za-z]{1,3}\\$?)${a.top + 1}(?![0-9])`, 'g'), `$1${to + 1}`);
        cf.area = { ...a, top: to, bottom: to };
      }
    }
    this.recalculate(sheet);
    this.fireChanged(sheet, rect, 'Unknown');
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

  /** Everything a saved .xlsx keeps: cells, formats, merges, conditional formats, XML parts. */
  toJSON(): SavedWorkbook {
    return {
      format: 'annexe9-fake-workbook',
      version: 1,
      activeSheet: this.activeSheet?.name ?? '',
      sheets: this.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        protected: s.protected,
        visibility: s.visibility,
        cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]).map(([k, c]) => [cellA1(unkey(k).row, unkey(k).col), { ...c }] as [string, HostCell]),
        merges: s.merges.map((m) => rectA1(m)),
        conditionalFormats: s.cfs.map(({ id: _id, area, ...rest }) => ({ ...rest, range: rectA1(area) })),
        columnWidths: [...s.columnWidths.entries()],
        hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
        filteredRows: [...s.filteredRows].sort((a, b) => a - b),
        frozenRows: s.frozenRows,
        page: { ...s.page, zoom: { ...s.page.zoom } },
      })),
      customXmlParts: this.customXmlParts.map((p) => ({ ...p })),
    };
  }

  /** Reopen a saved workbook: same content, fresh runtime ids for conditional formats, no listeners. */
  static fromJSON(saved: SavedWorkbook, options: FakeWorkbookOptions = {}): FakeWorkbook {
    if (saved.format !== 'annexe9-fake-workbook') throw new Error('not a saved fake workbook');
    const wb = new FakeWorkbook(options);
    for (const s of saved.sheets) {
      const sheet = wb.addSheet(s.name);
      sheet.id = s.id;
      sheet.protected = s.protected;
      sheet.visibility = s.visibility;
      for (const [address, cell] of s.cells) {
        const r = parseRect(address)!;
        sheet.cells.set(key(r.top, r.left), { ...cell });
      }
      sheet.merges = s.merges.map((m) => parseRect(m)!);
      sheet.cfs = s.conditionalFormats.map(({ range, ...rest }) => ({ ...rest, id: newId('cf'), area: parseRect(range)! }));
      sheet.columnWidths = new Map(s.columnWidths);
      sheet.hiddenRows = new Set(s.hiddenRows ?? []);
      sheet.filteredRows = new Set(s.filteredRows ?? []);
      sheet.frozenRows = s.frozenRows ?? 0;
      if (s.page) sheet.page = { ...s.page, zoom: { ...s.page.zoom } };
    }
    wb.activeSheetId = (wb.sheetByName(saved.activeSheet) ?? wb.sheets[0])?.id ?? '';
    for (const p of saved.customXmlParts) wb.customXmlParts.push({ ...p });
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

/** `1.13` < `1.9`? No: compare numerically part by part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** Default namespace of an XML document's root element; throws on what is not XML. */
export function xmlNamespace(xml: string): string {
  const body = xml.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>)?\s*(<!--[\s\S]*?-->\s*)*/, '');
  const root = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)([^>]*)>/.exec(body);
  if (!root) throw new Error('not XML');
  const name = root[1];
  const closed = root[2].trimEnd().endsWith('/') || body.trimEnd().endsWith(`</${name}>`);
  if (!closed) throw new Error('not well-formed XML');
  const prefix = name.includes(':') ? name.split(':')[0] : null;
  const attr = prefix ? new RegExp(`xmlns:${prefix}\\s*=\\s*(["'])(.*?)\\1`) : /xmlns\s*=\s*(["'])(.*?)\1/;
  const m = attr.exec(root[2]);
  return m ? m[2] : '';
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
