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
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, columnLetters as columnLettersOf, intersect, parseRect, rectA1, rectCells } from '../../domain/a1';
import { EXCEL_API_SETS } from './excelApiSets.generated';
import { FakeWorkbook, HostConditionalFormat, HostSheet, HostXmlPart, SyncRecord, compareVersions, key, unkey, xmlNamespace } from './workbook';

// ---- errors -------------------------------------------------------------------------------------

/** Shaped like OfficeExtension.Error: name "RichApi.Error", a `code`, `debugInfo`. */
export class FakeRichApiError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

const notLoaded = (type: string, prop: string) =>
  new FakeRichApiError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
const accessDenied = (where: string) => new FakeRichApiError('AccessDenied', "The requested operation isn't allowed: the sheet is protected or the workbook is read-only.", where);
const itemNotFound = (where: string) => new FakeRichApiError('ItemNotFound', "The requested resource doesn't exist.", where);
const invalidArgument = (where: string, why = "The argument is invalid or missing or has an incorrect format.") => new FakeRichApiError('InvalidArgument', why, where);
const onNullObject = (type: string, what: string) =>
  new FakeRichApiError('InvalidOperation', `${type}.${what} was called on a null object (least favourable reading: nothing documents calls chained off *OrNullObject).`, `${type}.${what}`);

function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Bytes of `s` with every non-ASCII character written as a \uXXXX escape (the least favourable wire format). */
function escapedLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) n += 5;
  return n;
}

/** Envelope of one action in a request, and of one result in a response (ids, types, names). */
const ACTION_ENVELOPE = 100;
const RESULT_ENVELOPE = 30;

/** "1.6" is ExcelApi; "ExcelApiOnline 1.1" is a set the fake never claims. */
function supports(host: FakeWorkbook, set: string): boolean {
  return /^[\d.]+$/.test(set) && compareVersions(host.apiVersion, set) >= 0;
}

/** Throws ApiNotFound, as office.js does before sending anything, for a member above the host's version. */
export function checkApi(host: FakeWorkbook, type: string, member: string): void {
  const set = EXCEL_API_SETS[type]?.[member];
  if (set === undefined || supports(host, set)) return;
  const needs = /^[\d.]+$/.test(set) ? `ExcelApi ${set}` : set;
  throw new FakeRichApiError('ApiNotFound', `The API you are trying to use could not be found: ${type}.${member} needs ${needs}, this Excel has ExcelApi ${host.apiVersion}.`, `${type}.${member}`);
}

/** Every public member access of a fake object goes through its requirement set. */
const API_GUARD: ProxyHandler<FakeObject> = {
  get(target, prop, receiver) {
    if (typeof prop === 'string' && prop.charCodeAt(0) !== 95 /* _ */ && target._type) checkApi(target.context.host, target._type, prop);
    return Reflect.get(target, prop, receiver);
  },
  set(target, prop, value, receiver) {
    if (typeof prop === 'string' && prop.charCodeAt(0) !== 95 && target._type) checkApi(target.context.host, target._type, prop);
    return Reflect.set(target, prop, value, receiver);
  },
};

// ---- context ------------------------------------------------------------------------------------

interface Action {
  /** What goes over the wire (for the request size). */
  describe: unknown;
  /** Runs against the host; returns response data (or undefined) and what to commit on success. */
  run(): { data?: unknown; commit?: () => void } | void;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbookProxy;
  readonly trackedObjects = { add: (_o: unknown) => undefined, remove: (_o: unknown) => undefined };
  private queue: Action[] = [];

  constructor(
    readonly host: FakeWorkbook,
    readonly runOptions: Record<string, unknown> = {},
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  _enqueue(action: Action): void {
    this.queue.push(action);
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    if (!this.queue.length) return passThroughValue as T;
    const actions = this.queue;
    this.queue = [];
    const host = this.host;
    const index = host.recorder.syncs.length;
    const escaped = host.readings.wire === 'escaped';
    const measure = (x: unknown, items: number, envelope: number) => {
      const json = JSON.stringify(x);
      return escaped ? escapedLength(json) + items * envelope : byteLength(json);
    };
    const record: SyncRecord = { requestBytes: measure(actions.map((a) => a.describe), actions.length, ACTION_ENVELOPE), responseBytes: 0, actions: actions.length };
    host.recorder.syncs.push(record);
    const run = host.recorder.runs[host.recorder.runs.length - 1];
    if (run) run.syncs++;
    await Promise.resolve(); // a sync always crosses to the host and back
    host.beforeSync?.(index, host);
    if (host.cellEditMode && !(this.runOptions.delayForCellEdit && host.readings.delayForCellEdit === 'honoured')) {
      record.failed = 'InvalidOperationInCellEditMode';
      throw new FakeRichApiError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
    }
    const limit = host.payloadLimitBytes;
    if (limit !== undefined && record.requestBytes > limit) {
      record.failed = 'RequestPayloadSizeLimitExceeded';
      throw new FakeRichApiError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    const responses: unknown[] = [];
    const commits: Array<() => void> = [];
    for (const action of actions) {
      let out: ReturnType<Action['run']>;
      try {
        out = action.run();
      } catch (e) {
        const err = e instanceof FakeRichApiError ? e : new FakeRichApiError('InvalidArgument', (e as Error).message);
        record.failed = err.code;
        record.responseBytes = measure(responses, responses.length, RESULT_ENVELOPE);
        throw err;
      }
      if (out && out.data !== undefined) responses.push(out.data);
      if (out && out.commit) commits.push(out.commit);
    }
    record.responseBytes = measure(responses, responses.length, RESULT_ENVELOPE);
    if (limit !== undefined && record.responseBytes > limit) {
      record.failed = 'ResponsePayloadSizeLimitExceeded';
      throw new FakeRichApiError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    for (const commit of commits) commit();
    return passThroughValue as T;
  }
}

// ---- base objects -------------------------------------------------------------------------------

interface PropDef<T> {
  get(target: T): unknown;
  /** Host write, run at sync. */
  set?(target: T, value: unknown, where: string): void;
}

export class FakeClientResult<V> {
  _loaded = false;
  _value: V | undefined;
  get value(): V {
    if (!this._loaded) throw new FakeRichApiError('ValueNotLoaded', 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.', 'clientResult.value');
    return this._value as V;
  }
}

/** What a resolver returns when the object it hangs off is a null object: it is null too. */
export const VIA_NULL: unique symbol = Symbol('viaNull');
type Resolver<T> = () => T | null | typeof VIA_NULL;

/** A proxy of one Excel object; T is the host thing it stands for. */
export abstract class FakeObject<T = unknown> {
  abstract readonly _type: string;
  _isNull: boolean | undefined;
  /** Null because something it hangs off is a null object (not itself an *OrNullObject result). */
  _viaNull = false;
  protected _data: Record<string, unknown> = {};
  private _navs = new Map<string, FakeObject>();
  private _resolved = false;
  private _target: T | null = null;

  constructor(
    readonly context: FakeRequestContext,
    private readonly _resolver: Resolver<T>,
    /** `*OrNullObject`: a missing target gives a null object instead of an error. */
    private readonly _nullable = false,
  ) {
    // Members are checked against their requirement set on every access (API_GUARD).
    return new Proxy(this, API_GUARD as ProxyHandler<this>);
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw notLoaded(this._type, 'isNullObject');
    return this._isNull;
  }

  /**
   * True when the object designates a position rather than a thing (conditional formats under
   * the 'position' reading): it is resolved again for every action.
   */
  protected _volatile(): boolean {
    return false;
  }

  /** The host target, or null for a null object. Runs at sync only. */
  _resolve(): T | null {
    if (!this._resolved || this._volatile()) {
      const t = this._resolver();
      this._viaNull = false;
      if (t === VIA_NULL) {
        this._target = null;
        this._viaNull = true;
      } else if (t === null || t === undefined) {
        if (!this._nullable) throw itemNotFound(this._type);
        this._target = null;
      } else {
        this._target = t;
      }
      this._resolved = true;
      this._isNull = this._target === null;
    }
    return this._target;
  }

  /** Host target that must exist (writes and method calls). */
  _need(): T {
    const t = this._resolve();
    if (t === null) throw itemNotFound(this._type);
    return t;
  }

  /**
   * The target of an action other than a load (a method call, a property write): on a null
   * object, an InvalidOperation under the 'throw' reading, nothing under the 'null' one. `delete`
   * on a null object itself does nothing under both (Microsoft's own samples rely on it).
   */
  _live(what: string, deleteLike = false): T | null {
    const t = this._resolve();
    if (t !== null) return t;
    if (deleteLike && !this._viaNull) return null;
    if (this.context.host.readings.nullObjectCalls === 'throw') throw onNullObject(this._type, what);
    return null;
  }

  /** Resolver of something hanging off `parent`: null when the parent is a null object. */
  protected _from<P, R>(parent: FakeObject<P>, f: (p: P) => R | null): Resolver<R> {
    return () => {
      const p = parent._resolve();
      return p === null ? VIA_NULL : f(p);
    };
  }

  protected abstract _props(): Record<string, PropDef<T>>;
  protected _navDefs(): Record<string, () => FakeObject> {
    return {};
  }

  /** A navigation property: same proxy each time, null when its parent is. */
  protected _nav<O extends FakeObject>(name: string, make: () => O): O {
    let o = this._navs.get(name) as O | undefined;
    if (!o) {
      o = make();
      this._navs.set(name, o);
    }
    return o;
  }

  protected _get<V>(prop: string): V {
    if (prop in this._data) return this._data[prop] as V;
    if (this._isNull) return undefined as V;
    throw notLoaded(this._type, prop);
  }

  protected _set(prop: string, value: unknown): void {
    const def = this._props()[prop];
    if (!def?.set) throw new FakeRichApiError('InvalidArgument', `Cannot set the read-only property '${prop}'.`, `${this._type}.${prop}`);
    this._data[prop] = value;
    this.context._enqueue({
      describe: { o: this._type, set: prop, v: value },
      run: () => {
        const t = this._live(prop);
        if (t === null) return; // the 'null' reading: a write to a null object does nothing
        def.set!(t, value, `${this._type}.${prop}`);
      },
    });
  }

  /** Queue a method call that changes the host (`delete` is allowed on a null object itself). */
  protected _call(method: string, args: unknown[], run: (t: T) => void): void {
    this.context._enqueue({
      describe: { o: this._type, m: method, a: args },
      run: () => {
        const t = this._live(method, method === 'delete');
        if (t === null) return;
        run(t);
      },
    });
  }

  /** Queue a method call returning a value. */
  protected _result<V>(method: string, args: unknown[], compute: (t: T) => V): FakeClientResult<V> {
    const result = new FakeClientResult<V>();
    this.context._enqueue({
      describe: { o: this._type, m: method, a: args },
      run: () => {
        const t = this._live(method);
        const value = t === null ? undefined : compute(t);
        return {
          data: value === undefined ? { _IsNull: true } : value,
          commit: () => {
            result._loaded = true;
            result._value = value;
          },
        };
      },
    });
    return result;
  }

  /** Queue the creation of an object returned by a method (errors such as ItemNotFound surface at sync). */
  protected _child<O extends FakeObject>(method: string, args: unknown[], make: () => O): O {
    const child = make();
    this.context._enqueue({
      describe: { o: this._type, m: method, a: args },
      run: () => {
        this._live(method);
        child._resolve();
      },
    });
    return child;
  }

  load(spec?: string | string[] | { select?: string; expand?: string }): this {
    const paths = normalizePaths(spec);
    this.context._enqueue({
      describe: { o: this._type, load: paths.map((p) => p.join('/')) },
      run: () => {
        const { data, commits } = loadInto(this, paths);
        return { data, commit: () => commits.forEach((c) => c()) };
      },
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return { ...this._data };
  }

  /** Used by loadInto. */
  _scalarNames(): string[] {
    return Object.keys(this._props());
  }
  _readScalar(name: string, target: T): unknown {
    const def = this._props()[name];
    return def.get(target);
  }
  _hasScalar(name: string): boolean {
    return name in this._props();
  }
  _navProxy(name: string): FakeObject | undefined {
    const make = this._navDefs()[name];
    return make ? make() : undefined;
  }
  _commitScalar(name: string, value: unknown): void {
    this._data[name] = value;
  }
}

export abstract class FakeCollection<T, I extends FakeObject> extends FakeObject<T> {
  _items: I[] | undefined;
  get items(): I[] {
    if (this._items) return this._items;
    if (this._isNull) return undefined as unknown as I[];
    throw notLoaded(this._type, 'items');
  }
  protected _props(): Record<string, PropDef<T>> {
    return {};
  }
  abstract _itemTargets(target: T): unknown[];
  abstract _makeItem(target: unknown): I;
}

function normalizePaths(spec?: string | string[] | { select?: string; expand?: string }): string[][] {
  let list: string[] = [];
  if (spec === undefined || spec === null) list = [];
  else if (typeof spec === 'string') list = spec.split(',');
  else if (Array.isArray(spec)) list = spec;
  else list = [...(spec.select ?? '').split(','), ...(spec.expand ?? '').split(',')];
  return list.map((s) => s.trim()).filter(Boolean).map((s) => s.split('/').map((p) => p.trim()));
}

/** Load `paths` of `obj` from the host: the response data and what to commit after the sync. */
function loadInto(obj: FakeObject, paths: string[][]): { data: Record<string, unknown>; commits: Array<() => void> } {
  const target = obj._resolve();
  const commits: Array<() => void> = [];
  if (target === null) {
    // A load on a null object itself is documented; on what hangs off one, not.
    if (obj._viaNull && obj.context.host.readings.nullObjectCalls === 'throw') throw onNullObject(obj._type, 'load');
    return { data: { _IsNull: true }, commits };
  }
  if (obj instanceof FakeCollection) {
    let itemPaths = paths.map((p) => (p[0] === 'items' ? p.slice(1) : p)).filter((p) => p.length > 0);
    if (!itemPaths.length) itemPaths = [];
    const items = obj._itemTargets(target).map((t) => obj._makeItem(t));
    const datas = items.map((item) => {
      const r = loadInto(item, itemPaths);
      commits.push(...r.commits);
      return r.data;
    });
    commits.push(() => {
      obj._items = items;
    });
    return { data: { items: datas }, commits };
  }
  const data: Record<string, unknown> = {};
  const scalars = new Set<string>();
  const navs = new Map<string, string[][]>();
  if (!paths.length) obj._scalarNames().forEach((n) => scalars.add(n));
  for (const p of paths) {
    if (obj._hasScalar(p[0])) scalars.add(p[0]);
    else if (obj._navProxy(p[0])) navs.set(p[0], [...(navs.get(p[0]) ?? []), p.slice(1)].filter((x) => x.length));
    else throw invalidArgument(`${obj._type}.load`, `The property '${p.join('/')}' does not exist on ${obj._type}.`);
  }
  for (const name of scalars) {
    const value = obj._readScalar(name, target);
    data[name] = value;
    commits.push(() => obj._commitScalar(name, value));
  }
  for (const [name, sub] of navs) {
    const child = obj._navProxy(name)!;
    const r = loadInto(child, sub);
    data[name] = r.data;
    commits.push(...r.commits);
  }
  return { data, commits };
}

// ---- helpers on the host --------------------------------------------------------------------------

interface RangeTarget {
  sheet: HostSheet;
  rect: Rect;
}

function assertWritable(host: FakeWorkbook, sheet: HostSheet | null, where: string): void {
  if (host.readOnly) throw accessDenied(where);
  if (sheet && sheet.protected) throw accessDenied(where);
}

function liveSheet(host: FakeWorkbook, sheet: HostSheet): HostSheet {
  if (!host.sheets.includes(sheet)) throw itemNotFound('Worksheet');
  return sheet;
}

function rows(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}
function cols(rect: Rect): number {
  return rect.right - rect.left + 1;
}

const CELL_LIMIT = 5_000_000; // reading more cells in one go fails in Excel too

function matrix<V>(t: RangeTarget, f: (row: number, col: number) => V): V[][] {
  if (rectCells(t.rect) > CELL_LIMIT) throw new FakeRichApiError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
  const out: V[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const line: V[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) line.push(f(r, c));
    out.push(line);
  }
  return out;
}

/** Common value over a range, or null when the cells differ (as Office.js reports mixed formats). */
function common<V>(t: RangeTarget, f: (row: number, col: number) => V): V | null {
  let first: V | undefined;
  let seen = false;
  if (rectCells(t.rect) > CELL_LIMIT) return null;
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    for (let c = t.rect.left; c <= t.rect.right; c++) {
      const v = f(r, c);
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first ?? null;
}

function forEachInput(t: RangeTarget, input: unknown, where: string, apply: (row: number, col: number, v: unknown) => void): void {
  const h = rows(t.rect);
  const w = cols(t.rect);
  if (!Array.isArray(input)) {
    if (h * w > CELL_LIMIT) throw invalidArgument(where);
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) apply(t.rect.top + r, t.rect.left + c, input);
    return;
  }
  if (input.length !== h || input.some((line) => !Array.isArray(line) || line.length !== w)) {
    throw invalidArgument(where, `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${h}×${w}).`);
  }
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const v = (input[r] as unknown[])[c];
      if (v === null || v === undefined) continue; // null leaves the cell as it is
      apply(t.rect.top + r, t.rect.left + c, v);
    }
  }
}

/** What Excel reports of a cell's fill: color, pattern, tintAndShade (a cell without fill per readings.noFill). */
function fillReport(host: FakeWorkbook, fill: string | undefined): { color: string; pattern: string; tintAndShade: number | null } {
  if (fill) return { color: fill, pattern: 'Solid', tintAndShade: 0 };
  return host.readings.noFill === 'white' ? { color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 } : { color: '#FFFFFF', pattern: 'None', tintAndShade: null };
}

function fillOptions(host: FakeWorkbook, fill: Excel.CellPropertiesFillLoadOptions | boolean | undefined, report: (f: (r: ReturnType<typeof fillReport>) => unknown) => unknown): Record<string, unknown> | null {
  if (!fill) return null;
  const o: Record<string, unknown> = {};
  if (typeof fill === 'object' ? fill.color : fill) o.color = report((r) => r.color);
  if (typeof fill === 'object' && fill.pattern) o.pattern = report((r) => r.pattern);
  if (typeof fill === 'object' && fill.tintAndShade) o.tintAndShade = report((r) => r.tintAndShade);
  void host;
  return o;
}

/** The members of a properties option object (getRowProperties…) checked like any other API. */
function checkOptions(host: FakeWorkbook, type: string, options: unknown): void {
  if (!options || typeof options !== 'object') return;
  const nested: Record<string, string> = { format: 'CellPropertiesFormatLoadOptions', fill: 'CellPropertiesFillLoadOptions', font: 'CellPropertiesFontLoadOptions' };
  for (const [k, v] of Object.entries(options as Record<string, unknown>)) {
    checkApi(host, type, k);
    if (nested[k] && v && typeof v === 'object') checkOptions(host, nested[k], v);
  }
}

function coveredByMerge(sheet: HostSheet, row: number, col: number): boolean {
  return sheet.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (m.top !== row || m.left !== col));
}

function writeContent(host: FakeWorkbook, t: RangeTarget, input: unknown, where: string): void {
  assertWritable(host, liveSheet(host, t.sheet), where);
  forEachInput(t, input, where, (r, c, v) => {
    if (coveredByMerge(t.sheet, r, c) && v !== '') throw new FakeRichApiError('InvalidOperation', 'Cannot change part of a merged cell.', where);
    host.enterValue(t.sheet, r, c, v);
  });
  host.recalculate(t.sheet);
  host.fireChanged(t.sheet, t.rect, 'ThisLocalAddin');
}

function valueOf(host: FakeWorkbook, sheet: HostSheet, r: number, c: number): string | number | boolean {
  const cell = sheet.cells.get(key(r, c));
  if (!cell) return '';
  if (cell.err) return cell.err;
  return cell.v ?? '';
}

/** Rectangles covering the cells matching `pick`, row runs merged downwards. */
function rectsOf(t: RangeTarget, pick: (r: number, c: number) => boolean): Rect[] {
  const out: Rect[] = [];
  let open: Rect[] = [];
  const cells = [...t.sheet.cells.keys()].map(unkey).filter(({ row, col }) => row >= t.rect.top && row <= t.rect.bottom && col >= t.rect.left && col <= t.rect.right && pick(row, col));
  const byRow = new Map<number, number[]>();
  for (const { row, col } of cells) byRow.set(row, [...(byRow.get(row) ?? []), col]);
  const rowsSorted = [...byRow.keys()].sort((a, b) => a - b);
  let prevRow = -2;
  for (const r of rowsSorted) {
    const cs = byRow.get(r)!.sort((a, b) => a - b);
    const runs: Array<[number, number]> = [];
    for (const c of cs) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next: Rect[] = [];
    for (const [a, b] of runs) {
      const cont = r === prevRow + 1 ? open.find((o) => o.left === a && o.right === b) : undefined;
      if (cont) {
        cont.bottom = r;
        next.push(cont);
      } else {
        const rect = { top: r, bottom: r, left: a, right: b };
        out.push(rect);
        next.push(rect);
      }
    }
    open = next;
    prevRow = r;
  }
  return out;
}

// ---- workbook -----------------------------------------------------------------------------------

export class FakeWorkbookProxy extends FakeObject<FakeWorkbook> {
  readonly _type = 'Workbook';
  constructor(context: FakeRequestContext) {
    super(context, () => context.host);
  }
  protected _props(): Record<string, PropDef<FakeWorkbook>> {
    return {};
  }
  protected override _navDefs() {
    return { worksheets: () => this.worksheets, customXmlParts: () => this.customXmlParts };
  }
  get worksheets(): FakeWorksheetCollection {
    return this._nav('worksheets', () => new FakeWorksheetCollection(this.context, () => this._resolve()));
  }
  get customXmlParts(): FakeCustomXmlPartCollection {
    return this._nav('customXmlParts', () => new FakeCustomXmlPartCollection(this.context, () => this._resolve()));
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorkbook, FakeWorksheet> {
  readonly _type = 'WorksheetCollection';
  _itemTargets(host: FakeWorkbook): unknown[] {
    return host.sheets;
  }
  _makeItem(target: unknown): FakeWorksheet {
    return new FakeWorksheet(this.context, () => target as HostSheet);
  }
  private find(name: string): HostSheet | null {
    const host = this._need();
    return host.sheets.find((s) => s.id === name) ?? host.sheetByName(name) ?? null;
  }
  getItem(name: string): FakeWorksheet {
    return this._child('getItem', [name], () => new FakeWorksheet(this.context, () => this.find(name)));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return this._child('getItemOrNullObject', [name], () => new FakeWorksheet(this.context, () => this.find(name), true));
  }
  getActiveWorksheet(): FakeWorksheet {
    return this._child('getActiveWorksheet', [], () => new FakeWorksheet(this.context, () => this._need().activeSheet ?? null));
  }
  add(name?: string): FakeWorksheet {
    let created: HostSheet | null = null;
    const ws = new FakeWorksheet(this.context, () => created);
    this.context._enqueue({
      describe: { o: this._type, m: 'add', a: [name] },
      run: () => {
        const host = this._need();
        assertWritable(host, null, 'WorksheetCollection.add');
        let n = name;
        if (!n) {
          let i = host.sheets.length + 1;
          while (host.sheetByName(`Sheet${i}`)) i++;
          n = `Sheet${i}`;
        }
        if (host.sheetByName(n)) throw new FakeRichApiError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.', 'WorksheetCollection.add');
        if (n.length > 31 || /[\\/?*[\]:]/.test(n)) throw invalidArgument('WorksheetCollection.add');
        created = host.addSheet(n);
        ws._resolve();
      },
    });
    return ws;
  }
  getCount(): FakeClientResult<number> {
    return this._result('getCount', [], (host) => host.sheets.length);
  }
  private _onChanged?: FakeWorksheetCollectionChangedEvent;
  get onChanged(): FakeWorksheetCollectionChangedEvent {
    if (!this._onChanged) this._onChanged = new FakeWorksheetCollectionChangedEvent(this);
    return this._onChanged;
  }
}

export interface FakeEventHandlerResult {
  readonly context: FakeRequestContext;
  remove(): void;
}

export class FakeWorksheetChangedEvent {
  constructor(private readonly sheet: FakeWorksheet) {}
  add(handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>): FakeEventHandlerResult {
    const ctx = this.sheet.context;
    const listener = (args: Excel.WorksheetChangedEventArgs) => handler(args);
    let target: HostSheet | null = null;
    ctx._enqueue({
      describe: { o: 'Worksheet', event: 'onChanged', add: true },
      run: () => {
        target = this.sheet._need();
        target.listeners.add(listener);
      },
    });
    return {
      context: ctx,
      remove: () => {
        ctx._enqueue({
          describe: { o: 'Worksheet', event: 'onChanged', remove: true },
          run: () => {
            target?.listeners.delete(listener);
          },
        });
      },
    };
  }
}

/** `worksheets.onChanged`: the changes of every sheet (ExcelApi 1.9), registered at sync. */
export class FakeWorksheetCollectionChangedEvent {
  constructor(private readonly collection: FakeWorksheetCollection) {}
  add(handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>): FakeEventHandlerResult {
    const ctx = this.collection.context;
    const listener = (args: Excel.WorksheetChangedEventArgs) => handler(args);
    ctx._enqueue({
      describe: { o: 'WorksheetCollection', event: 'onChanged', add: true },
      run: () => {
        ctx.host.changeListeners.add(listener);
      },
    });
    return {
      context: ctx,
      remove: () => {
        ctx._enqueue({
          describe: { o: 'WorksheetCollection', event: 'onChanged', remove: true },
          run: () => {
            ctx.host.changeListeners.delete(listener);
          },
        });
      },
    };
  }
}

export class FakeWorksheet extends FakeObject<HostSheet> {
  readonly _type = 'Worksheet';
  private _onChanged?: FakeWorksheetChangedEvent;

  protected _props(): Record<string, PropDef<HostSheet>> {
    const host = this.context.host;
    return {
      name: {
        get: (s) => s.name,
        set: (s, v, where) => {
          assertWritable(host, null, where);
          const n = String(v);
          const other = host.sheetByName(n);
          if (other && other !== s) throw new FakeRichApiError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.', where);
          s.name = n;
        },
      },
      id: { get: (s) => s.id },
      position: { get: (s) => host.sheets.indexOf(s) },
      visibility: {
        get: (s) => s.visibility,
        set: (s, v, where) => {
          assertWritable(host, null, where);
          s.visibility = v as HostSheet['visibility'];
        },
      },
    };
  }
  protected override _navDefs() {
    return { protection: () => this.protection, freezePanes: () => this.freezePanes, pageLayout: () => this.pageLayout, autoFilter: () => this.autoFilter };
  }
  get autoFilter(): FakeAutoFilter {
    return this._nav('autoFilter', () => new FakeAutoFilter(this.context, this._from(this, (s) => s)));
  }
  get freezePanes(): FakeWorksheetFreezePanes {
    return this._nav('freezePanes', () => new FakeWorksheetFreezePanes(this.context, this._from(this, (s) => s)));
  }
  get pageLayout(): FakePageLayout {
    return this._nav('pageLayout', () => new FakePageLayout(this.context, this._from(this, (s) => s)));
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v);
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._set('visibility', v);
  }
  get protection(): FakeWorksheetProtection {
    return this._nav('protection', () => new FakeWorksheetProtection(this.context, this._from(this, (s) => s)));
  }
  get onChanged(): FakeWorksheetChangedEvent {
    if (!this._onChanged) this._onChanged = new FakeWorksheetChangedEvent(this);
    return this._onChanged;
  }

  private range(method: string, args: unknown[], rect: () => Rect | null, nullable = false): FakeRange {
    return this._child(method, args, () => new FakeRange(this.context, this._from(this, (sheet) => {
      const r = rect();
      return r ? { sheet, rect: r } : null;
    }), nullable));
  }

  getRange(address?: string): FakeRange {
    return this.range('getRange', [address], () => {
      if (address === undefined || address === '') return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
      const r = parseRect(address);
      if (!r) throw invalidArgument('Worksheet.getRange');
      return r;
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.range('getRangeByIndexes', [startRow, startColumn, rowCount, columnCount], () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLUMNS) throw invalidArgument('Worksheet.getRangeByIndexes');
      return { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
    });
  }
  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    // A blank sheet gives A1, as in Excel.
    return this.range('getUsedRange', [valuesOnly], () => this.context.host.usedRect(this._need(), !!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.range('getUsedRangeOrNullObject', [valuesOnly], () => this.context.host.usedRect(this._need(), !!valuesOnly), true);
  }
  activate(): void {
    this._call('activate', [], (s) => {
      if (s.visibility !== 'Visible') throw new FakeRichApiError('InvalidOperation', 'A hidden sheet cannot be activated.', 'Worksheet.activate');
      this.context.host.activeSheetId = liveSheet(this.context.host, s).id;
    });
  }
  delete(): void {
    this._call('delete', [], (s) => {
      const host = this.context.host;
      assertWritable(host, null, 'Worksheet.delete');
      if (host.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) throw new FakeRichApiError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.delete');
      host.sheets.splice(host.sheets.indexOf(s), 1);
      if (host.activeSheetId === s.id) host.activeSheetId = host.sheets.find((x) => x.visibility === 'Visible')!.id;
    });
  }
}

/** AutoFilter (ExcelApi 1.9): values filters on one column; the rows it hides are filtered rows. */
export class FakeAutoFilter extends FakeObject<HostSheet> {
  readonly _type = 'AutoFilter';
  protected _props(): Record<string, PropDef<HostSheet>> {
    return { enabled: { get: (s) => s.filteredRows.size > 0 } };
  }
  get enabled(): boolean {
    return this._get('enabled');
  }
  apply(range: FakeRange | string, columnIndex?: number, criteria?: { filterOn?: string; values?: Array<string | number> }): void {
    this._call('apply', [typeof range === 'string' ? range : 'range', columnIndex, criteria], (s) => {
      const host = this.context.host;
      assertWritable(host, liveSheet(host, s), 'AutoFilter.apply');
      const rect = typeof range === 'string' ? parseRect(range) : range._need().rect;
      if (!rect) throw invalidArgument('AutoFilter.apply');
      if (criteria && criteria.filterOn !== 'Values') throw invalidArgument('AutoFilter.apply', 'The fake filters on values only.');
      const keep = new Set((criteria?.values ?? []).map((v) => String(v)));
      const col = rect.left + (columnIndex ?? 0);
      s.filteredRows.clear();
      // The first row is the header.
      for (let r = rect.top + 1; r <= rect.bottom; r++) {
        const cell = s.cells.get(key(r, col));
        if (criteria && !keep.has(String(cell?.v ?? ''))) s.filteredRows.add(r);
      }
    });
  }
  remove(): void {
    this._call('remove', [], (s) => {
      assertWritable(this.context.host, liveSheet(this.context.host, s), 'AutoFilter.remove');
      s.filteredRows.clear();
    });
  }
}

export class FakeWorksheetFreezePanes extends FakeObject<HostSheet> {
  readonly _type = 'WorksheetFreezePanes';
  protected _props(): Record<string, PropDef<HostSheet>> {
    return {};
  }
  freezeRows(count?: number): void {
    this._call('freezeRows', [count], (s) => {
      assertWritable(this.context.host, liveSheet(this.context.host, s), 'WorksheetFreezePanes.freezeRows');
      s.frozenRows = count ?? 1;
    });
  }
  unfreeze(): void {
    this._call('unfreeze', [], (s) => {
      assertWritable(this.context.host, liveSheet(this.context.host, s), 'WorksheetFreezePanes.unfreeze');
      s.frozenRows = 0;
    });
  }
}

/** Page layout (ExcelApi 1.9). Fit-to-pages zoom is kept or ignored per readings.printZoom (office-js#1860). */
export class FakePageLayout extends FakeObject<HostSheet> {
  readonly _type = 'PageLayout';
  protected _props(): Record<string, PropDef<HostSheet>> {
    const host = this.context.host;
    return {
      orientation: {
        get: (s) => s.page.orientation,
        set: (s, v, where) => {
          assertWritable(host, liveSheet(host, s), where);
          s.page.orientation = v === 'Landscape' ? 'Landscape' : 'Portrait';
        },
      },
      zoom: {
        get: (s) => ({ ...s.page.zoom }),
        set: (s, v, where) => {
          assertWritable(host, liveSheet(host, s), where);
          const z = (v ?? {}) as HostSheet['page']['zoom'];
          const fit = z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined;
          if (fit && host.readings.printZoom === 'ignored') return;
          s.page.zoom = { ...z };
        },
      },
    };
  }
  get orientation(): string {
    return this._get('orientation');
  }
  set orientation(v: string) {
    this._set('orientation', v);
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this._get('zoom');
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this._set('zoom', v);
  }
  setPrintArea(area: string): void {
    this._call('setPrintArea', [area], (s) => {
      assertWritable(this.context.host, liveSheet(this.context.host, s), 'PageLayout.setPrintArea');
      s.page.printArea = area;
    });
  }
  setPrintTitleRows(rowsRef: string): void {
    this._call('setPrintTitleRows', [rowsRef], (s) => {
      assertWritable(this.context.host, liveSheet(this.context.host, s), 'PageLayout.setPrintTitleRows');
      s.page.titleRows = rowsRef;
    });
  }
}

export class FakeWorksheetProtection extends FakeObject<HostSheet> {
  readonly _type = 'WorksheetProtection';
  protected _props(): Record<string, PropDef<HostSheet>> {
    return { protected: { get: (s) => s.protected } };
  }
  get protected(): boolean {
    return this._get('protected');
  }
  protect(): void {
    this._call('protect', [], (s) => {
      if (this.context.host.readOnly) throw accessDenied('WorksheetProtection.protect');
      if (s.protected) throw new FakeRichApiError('InvalidOperation', 'The sheet is already protected.', 'WorksheetProtection.protect');
      s.protected = true;
    });
  }
  unprotect(): void {
    this._call('unprotect', [], (s) => {
      if (this.context.host.readOnly) throw accessDenied('WorksheetProtection.unprotect');
      s.protected = false;
    });
  }
}

// ---- ranges -------------------------------------------------------------------------------------

export class FakeRange extends FakeObject<RangeTarget> {
  readonly _type = 'Range';

  protected _props(): Record<string, PropDef<RangeTarget>> {
    const host = this.context.host;
    const cellOf = (t: RangeTarget, r: number, c: number) => t.sheet.cells.get(key(r, c));
    return {
      address: { get: (t) => host.addressOf(t.sheet, t.rect) },
      addressLocal: { get: (t) => host.addressOf(t.sheet, t.rect) },
      rowIndex: { get: (t) => t.rect.top },
      columnIndex: { get: (t) => t.rect.left },
      rowCount: { get: (t) => rows(t.rect) },
      columnCount: { get: (t) => cols(t.rect) },
      cellCount: { get: (t) => rectCells(t.rect) },
      values: {
        get: (t) => matrix(t, (r, c) => valueOf(host, t.sheet, r, c)),
        set: (t, v, where) => writeContent(host, t, v, where),
      },
      valueTypes: {
        get: (t) =>
          matrix(t, (r, c) => {
            const cell = cellOf(t, r, c);
            if (!cell) return 'Empty';
            if (cell.err) return 'Error';
            if (cell.v === null) return 'Empty';
            return typeof cell.v === 'number' ? 'Double' : typeof cell.v === 'boolean' ? 'Boolean' : 'String';
          }),
      },
      formulas: {
        get: (t) => matrix(t, (r, c) => cellOf(t, r, c)?.f ?? valueOf(host, t.sheet, r, c)),
        set: (t, v, where) => writeContent(host, t, v, where),
      },
      numberFormat: {
        get: (t) => matrix(t, (r, c) => cellOf(t, r, c)?.fmt ?? 'General'),
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          forEachInput(t, v, where, (r, c, f) => {
            host.mutableCell(t.sheet, r, c).fmt = f === 'General' ? undefined : String(f);
            host.tidy(t.sheet, r, c);
          });
        },
      },
      text: {
        get: (t) => matrix(t, (r, c) => String(valueOf(host, t.sheet, r, c))),
      },
      // "true when all rows in a range are hidden … false when no rows … null when some rows"
      rowHidden: {
        get: (t) => {
          let hidden = 0;
          for (let r = t.rect.top; r <= t.rect.bottom; r++) if (host.rowHidden(t.sheet, r)) hidden++;
          return hidden === 0 ? false : hidden === rows(t.rect) ? true : null;
        },
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          for (let r = t.rect.top; r <= t.rect.bottom; r++) {
            if (v) t.sheet.hiddenRows.add(r);
            else t.sheet.hiddenRows.delete(r);
          }
        },
      },
    };
  }
  protected override _navDefs() {
    return { format: () => this.format, conditionalFormats: () => this.conditionalFormats, worksheet: () => this.worksheet, sort: () => this.sort };
  }
  get rowHidden(): boolean {
    return this._get('rowHidden');
  }
  set rowHidden(v: boolean) {
    this._set('rowHidden', v);
  }
  get sort(): FakeRangeSort {
    return this._nav('sort', () => new FakeRangeSort(this.context, this._from(this, (t) => t)));
  }
  /** Merge the range into one area (ExcelApi 1.2). */
  merge(across = false): void {
    this._call('merge', [across], (t) => {
      const host = this.context.host;
      assertWritable(host, liveSheet(host, t.sheet), 'Range.merge');
      if (across) throw invalidArgument('Range.merge', 'The fake merges whole ranges only.');
      if (host.mergesIn(t.sheet, t.rect).length) throw new FakeRichApiError('InvalidOperation', 'Cannot merge over merged cells.', 'Range.merge');
      t.sheet.merges.push({ ...t.rect });
    });
  }
  /** Whole rows or columns only: what a user's Insert does; the rest of the sheet moves (Excel.InsertShiftDirection). */
  insert(shift: string): FakeRange {
    let inserted: RangeTarget | null = null;
    const result = new FakeRange(this.context, () => inserted);
    this.context._enqueue({
      describe: { o: this._type, m: 'insert', a: [shift] },
      run: () => {
        const t = this._live('insert')!;
        const host = this.context.host;
        assertWritable(host, liveSheet(host, t.sheet), 'Range.insert');
        const edit = this.lineEdit(t, shift, 1);
        host.editLines(t.sheet.name, edit, 'ThisLocalAddin');
        inserted = { sheet: t.sheet, rect: { ...t.rect } };
        result._resolve();
      },
    });
    return result;
  }
  delete(shift: string): void {
    this._call('delete', [shift], (t) => {
      const host = this.context.host;
      assertWritable(host, liveSheet(host, t.sheet), 'Range.delete');
      host.editLines(t.sheet.name, this.lineEdit(t, shift, -1), 'ThisLocalAddin');
    });
  }
  private lineEdit(t: RangeTarget, shift: string, sign: 1 | -1) {
    const wholeRows = t.rect.left === 0 && t.rect.right === MAX_COLUMNS - 1;
    const wholeCols = t.rect.top === 0 && t.rect.bottom === MAX_ROWS - 1;
    const down = /^(down|up)$/i.test(shift);
    if (down && wholeRows) return { axis: 'row' as const, at: t.rect.top, count: sign * rows(t.rect) };
    if (!down && wholeCols) return { axis: 'col' as const, at: t.rect.left, count: sign * cols(t.rect) };
    throw invalidArgument('Range.insert', 'The fake inserts and deletes whole rows or whole columns only.');
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  set values(v: unknown[][]) {
    this._set('values', v);
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(v: unknown[][]) {
    this._set('formulas', v);
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this._set('numberFormat', v);
  }
  get text(): string[][] {
    return this._get('text');
  }
  get format(): FakeRangeFormat {
    return this._nav('format', () => new FakeRangeFormat(this.context, this._from(this, (t) => t)));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this._nav('conditionalFormats', () => new FakeConditionalFormatCollection(this.context, this._from(this, (t) => t)));
  }
  get worksheet(): FakeWorksheet {
    return this._nav('worksheet', () => new FakeWorksheet(this.context, this._from(this, (t) => t.sheet)));
  }

  private derived(method: string, args: unknown[], f: (t: RangeTarget) => Rect | null, nullable = false): FakeRange {
    return this._child(method, args, () => new FakeRange(this.context, this._from(this, (t) => {
      const r = f(t);
      return r ? { sheet: t.sheet, rect: r } : null;
    }), nullable));
  }

  private bounded(r: Rect, where: string): Rect {
    if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLUMNS || r.bottom < r.top || r.right < r.left) throw invalidArgument(where);
    return r;
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived('getCell', [row, column], (t) => this.bounded({ top: t.rect.top + row, left: t.rect.left + column, bottom: t.rect.top + row, right: t.rect.left + column }, 'Range.getCell'));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    return this.derived('getAbsoluteResizedRange', [numRows, numColumns], (t) =>
      this.bounded({ top: t.rect.top, left: t.rect.left, bottom: t.rect.top + numRows - 1, right: t.rect.left + numColumns - 1 }, 'Range.getAbsoluteResizedRange'),
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived('getResizedRange', [deltaRows, deltaColumns], (t) =>
      this.bounded({ ...t.rect, bottom: t.rect.bottom + deltaRows, right: t.rect.right + deltaColumns }, 'Range.getResizedRange'),
    );
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived('getOffsetRange', [rowOffset, columnOffset], (t) =>
      this.bounded({ top: t.rect.top + rowOffset, bottom: t.rect.bottom + rowOffset, left: t.rect.left + columnOffset, right: t.rect.right + columnOffset }, 'Range.getOffsetRange'),
    );
  }
  getRow(row: number): FakeRange {
    return this.derived('getRow', [row], (t) => this.bounded({ top: t.rect.top + row, bottom: t.rect.top + row, left: t.rect.left, right: t.rect.right }, 'Range.getRow'));
  }
  getColumn(column: number): FakeRange {
    return this.derived('getColumn', [column], (t) => this.bounded({ top: t.rect.top, bottom: t.rect.bottom, left: t.rect.left + column, right: t.rect.left + column }, 'Range.getColumn'));
  }
  getIntersection(other: FakeRange): FakeRange {
    return this._child('getIntersection', ['range'], () => new FakeRange(this.context, () => {
      const a = this._need();
      other._live('(argument of getIntersection)');
      const b = other._need();
      const r = a.sheet === b.sheet ? intersect(a.rect, b.rect) : null;
      if (!r) throw itemNotFound('Range.getIntersection');
      return { sheet: a.sheet, rect: r };
    }));
  }
  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    return this._child('getIntersectionOrNullObject', ['range'], () => new FakeRange(this.context, () => {
      const a = this._resolve();
      const b = other._live('(argument of getIntersectionOrNullObject)');
      if (!a || !b) return VIA_NULL;
      if (a.sheet !== b.sheet) return null;
      const r = intersect(a.rect, b.rect);
      return r ? { sheet: a.sheet, rect: r } : null;
    }, true));
  }
  getBoundingRect(other: FakeRange): FakeRange {
    return this._child('getBoundingRect', ['range'], () => new FakeRange(this.context, () => {
      const a = this._resolve();
      if (!a) return VIA_NULL;
      other._live('(argument of getBoundingRect)');
      const b = other._need();
      if (a.sheet !== b.sheet) throw invalidArgument('Range.getBoundingRect');
      return { sheet: a.sheet, rect: { top: Math.min(a.rect.top, b.rect.top), left: Math.min(a.rect.left, b.rect.left), bottom: Math.max(a.rect.bottom, b.rect.bottom), right: Math.max(a.rect.right, b.rect.right) } };
    }));
  }
  getEntireRow(): FakeRange {
    return this.derived('getEntireRow', [], (t) => ({ top: t.rect.top, bottom: t.rect.bottom, left: 0, right: MAX_COLUMNS - 1 }));
  }
  getEntireColumn(): FakeRange {
    return this.derived('getEntireColumn', [], (t) => ({ top: 0, bottom: MAX_ROWS - 1, left: t.rect.left, right: t.rect.right }));
  }
  /** `count` rows below the range, as wide as it; past the sheet's last row fails. */
  getRowsBelow(count = 1): FakeRange {
    return this.derived('getRowsBelow', [count], (t) => this.bounded({ top: t.rect.bottom + 1, bottom: t.rect.bottom + count, left: t.rect.left, right: t.rect.right }, 'Range.getRowsBelow'));
  }
  /** One entry per row (per column): the properties asked for, null where the row's cells differ. */
  getRowProperties(options: Excel.RowPropertiesLoadOptions): FakeClientResult<unknown[]> {
    checkOptions(this.context.host, 'RowPropertiesLoadOptions', options);
    return this._result('getRowProperties', [options], (t) => {
      const out: unknown[] = [];
      for (let r = t.rect.top; r <= t.rect.bottom; r++) out.push(this.lineProperties({ sheet: t.sheet, rect: { ...t.rect, top: r, bottom: r } }, options, options.rowIndex ? { rowIndex: r } : {}));
      return out;
    });
  }
  getColumnProperties(options: Excel.ColumnPropertiesLoadOptions): FakeClientResult<unknown[]> {
    checkOptions(this.context.host, 'ColumnPropertiesLoadOptions', options);
    return this._result('getColumnProperties', [options], (t) => {
      const out: unknown[] = [];
      for (let c = t.rect.left; c <= t.rect.right; c++) out.push(this.lineProperties({ sheet: t.sheet, rect: { ...t.rect, left: c, right: c } }, options, options.columnIndex ? { columnIndex: c } : {}));
      return out;
    });
  }
  private lineProperties(t: RangeTarget, options: Excel.CellPropertiesLoadOptions, head: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = { ...head };
    if (options.address) out.address = rectA1(t.rect);
    const host = this.context.host;
    const fill = fillOptions(host, options.format?.fill, (pick) => common(t, (r, c) => pick(fillReport(host, t.sheet.cells.get(key(r, c))?.fill))));
    if (fill) out.format = { fill };
    const rowOptions = options as Excel.RowPropertiesLoadOptions;
    if (rowOptions.rowHidden) out.rowHidden = common(t, (r) => host.rowHidden(t.sheet, r));
    return out;
  }
  /** Whole merged areas that meet the range; more than 512 fails, as documented. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return this._child('getMergedAreasOrNullObject', [], () => new FakeRangeAreas(this.context, () => {
      const t = this._resolve();
      if (!t) return VIA_NULL;
      const found = this.context.host.mergesIn(t.sheet, t.rect);
      if (found.length > 512) throw new FakeRichApiError('GeneralException', 'The merged areas count in this range is more than 512.', 'Range.getMergedAreasOrNullObject');
      return found.length ? { sheet: t.sheet, rects: found } : null;
    }, true));
  }
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): FakeRangeAreas {
    return this._child('getSpecialCellsOrNullObject', [cellType, cellValueType], () => new FakeRangeAreas(this.context, () => {
      const t = this._resolve();
      if (!t) return VIA_NULL;
      const typeOk = (r: number, c: number): boolean => {
        const cell = t.sheet.cells.get(key(r, c));
        const hasContent = !!cell && (cell.v !== null || !!cell.err || !!cell.f);
        if (cellType === 'Formulas') return !!cell?.f;
        if (cellType === 'Constants') return hasContent && !cell!.f;
        if (cellType === 'Blanks') return !hasContent;
        throw invalidArgument('Range.getSpecialCellsOrNullObject', `The fake does not know special cells of type ${cellType}.`);
      };
      const valueOk = (r: number, c: number): boolean => {
        if (!cellValueType || cellValueType === 'All') return true;
        const cell = t.sheet.cells.get(key(r, c));
        const kind = cell?.err ? 'Errors' : typeof cell?.v === 'number' ? 'Numbers' : typeof cell?.v === 'boolean' ? 'Logical' : 'Text';
        return cellValueType.includes(kind === 'Errors' ? 'Error' : kind === 'Numbers' ? 'Number' : kind);
      };
      if (cellType === 'Blanks') {
        const rects: Rect[] = [];
        for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) if (typeOk(r, c)) rects.push({ top: r, bottom: r, left: c, right: c });
        return rects.length ? { sheet: t.sheet, rects } : null;
      }
      const rects = rectsOf(t, (r, c) => typeOk(r, c) && valueOk(r, c));
      return rects.length ? { sheet: t.sheet, rects } : null;
    }, true));
  }
  getCellProperties(options: Excel.CellPropertiesLoadOptions): FakeClientResult<unknown[][]> {
    checkOptions(this.context.host, 'CellPropertiesLoadOptions', options);
    return this._result('getCellProperties', [options], (t) =>
      matrix(t, (r, c) => {
        const cell = t.sheet.cells.get(key(r, c));
        const out: Record<string, unknown> = {};
        if (options.address) out.address = rectA1({ top: r, bottom: r, left: c, right: c });
        const fmt = options.format;
        if (fmt) {
          const f: Record<string, unknown> = {};
          const fill = fmt.fill;
          const o = fillOptions(this.context.host, fill, (pick) => pick(fillReport(this.context.host, cell?.fill)));
          if (o) f.fill = o;
          const font = fmt.font;
          if (font) {
            const o: Record<string, unknown> = {};
            if (typeof font === 'object' ? font.bold : font) o.bold = !!cell?.bold;
            if (typeof font === 'object' ? font.color : font) o.color = cell?.fontColor ?? '#000000';
            if (typeof font === 'object' && font.italic) o.italic = !!cell?.italic;
            f.font = o;
          }
          if (fmt.wrapText) f.wrapText = !!cell?.wrap;
          out.format = f;
        }
        return out;
      }),
    );
  }
  select(): void {
    this._call('select', [], (t) => {
      const host = this.context.host;
      if (host.activeSheet !== t.sheet) throw new FakeRichApiError('InvalidOperation', 'The range is not on the active sheet.', 'Range.select');
      host.selection = { sheet: t.sheet.name, address: rectA1(t.rect) };
    });
  }
  clear(applyTo?: string): void {
    this._call('clear', [applyTo], (t) => {
      const host = this.context.host;
      assertWritable(host, liveSheet(host, t.sheet), 'Range.clear');
      for (const [k, cell] of [...t.sheet.cells]) {
        const { row, col } = unkey(k);
        if (row < t.rect.top || row > t.rect.bottom || col < t.rect.left || col > t.rect.right) continue;
        if (!applyTo || applyTo === 'All' || applyTo === 'Contents') {
          cell.v = null;
          delete cell.err;
          delete cell.f;
        }
        if (!applyTo || applyTo === 'All' || applyTo === 'Formats') {
          delete cell.fmt;
          delete cell.fill;
          delete cell.bold;
          delete cell.fontColor;
          delete cell.italic;
          delete cell.wrap;
        }
        host.tidy(t.sheet, row, col);
      }
      host.recalculate(t.sheet);
    });
  }
}

/** Range.sort (ExcelApi 1.2): `apply([{ key, ascending }])` sorts the range's rows on one column. */
export class FakeRangeSort extends FakeObject<RangeTarget> {
  readonly _type = 'RangeSort';
  protected _props(): Record<string, PropDef<RangeTarget>> {
    return {};
  }
  apply(fields: Array<{ key: number; ascending?: boolean }>): void {
    this._call('apply', [fields], (t) => {
      const host = this.context.host;
      assertWritable(host, liveSheet(host, t.sheet), 'RangeSort.apply');
      if (fields.length !== 1) throw invalidArgument('RangeSort.apply', 'The fake sorts on one key.');
      const by = columnLettersOf(t.rect.left + fields[0].key);
      host.sortRows(t.sheet.name, rectA1(t.rect), by, fields[0].ascending !== false);
    });
  }
}

interface AreasTarget {
  sheet: HostSheet;
  rects: Rect[];
}

export class FakeRangeAreas extends FakeObject<AreasTarget> {
  readonly _type = 'RangeAreas';
  protected _props(): Record<string, PropDef<AreasTarget>> {
    const host = this.context.host;
    return {
      address: { get: (t) => t.rects.map((r) => host.addressOf(t.sheet, r)).join(',') },
      areaCount: { get: (t) => t.rects.length },
      cellCount: { get: (t) => t.rects.reduce((s, r) => s + rectCells(r), 0) },
    };
  }
  protected override _navDefs() {
    return { areas: () => this.areas };
  }
  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get areas(): FakeRangeCollection {
    return this._nav('areas', () => new FakeRangeCollection(this.context, this._from(this, (t) => t)));
  }
}

export class FakeRangeCollection extends FakeCollection<AreasTarget, FakeRange> {
  readonly _type = 'RangeCollection';
  _itemTargets(t: AreasTarget): unknown[] {
    return t.rects.map((rect) => ({ sheet: t.sheet, rect }));
  }
  _makeItem(target: unknown): FakeRange {
    return new FakeRange(this.context, () => target as RangeTarget);
  }
}

export class FakeRangeFormat extends FakeObject<RangeTarget> {
  readonly _type = 'RangeFormat';
  protected _props(): Record<string, PropDef<RangeTarget>> {
    const host = this.context.host;
    return {
      wrapText: {
        get: (t) => common(t, (r, c) => !!t.sheet.cells.get(key(r, c))?.wrap),
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) host.mutableCell(t.sheet, r, c).wrap = !!v || undefined;
        },
      },
      columnWidth: {
        get: (t) => t.sheet.columnWidths.get(t.rect.left) ?? 48,
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, Number(v));
        },
      },
    };
  }
  protected override _navDefs() {
    return { fill: () => this.fill, font: () => this.font };
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._set('wrapText', v);
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._set('columnWidth', v);
  }
  get fill(): FakeRangeFill {
    return this._nav('fill', () => new FakeRangeFill(this.context, this._from(this, (t) => t)));
  }
  get font(): FakeRangeFont {
    return this._nav('font', () => new FakeRangeFont(this.context, this._from(this, (t) => t)));
  }
  autofitColumns(): void {
    this._call('autofitColumns', [], (t) => assertWritable(this.context.host, liveSheet(this.context.host, t.sheet), 'RangeFormat.autofitColumns'));
  }
  autofitRows(): void {
    this._call('autofitRows', [], (t) => assertWritable(this.context.host, liveSheet(this.context.host, t.sheet), 'RangeFormat.autofitRows'));
  }
}

export class FakeRangeFill extends FakeObject<RangeTarget> {
  readonly _type = 'RangeFill';
  protected _props(): Record<string, PropDef<RangeTarget>> {
    const host = this.context.host;
    return {
      pattern: { get: (t) => common(t, (r, c) => fillReport(host, t.sheet.cells.get(key(r, c))?.fill).pattern) },
      tintAndShade: { get: (t) => common(t, (r, c) => fillReport(host, t.sheet.cells.get(key(r, c))?.fill).tintAndShade) },
      color: {
        get: (t) => common(t, (r, c) => t.sheet.cells.get(key(r, c))?.fill ?? '#FFFFFF'),
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          const color = String(v).toUpperCase();
          if (!/^#[0-9A-F]{6}$/.test(color)) throw invalidArgument(where);
          for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) host.mutableCell(t.sheet, r, c).fill = color;
        },
      },
    };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v);
  }
  get pattern(): string {
    return this._get('pattern');
  }
  get tintAndShade(): number {
    return this._get('tintAndShade');
  }
  clear(): void {
    this._call('clear', [], (t) => {
      const host = this.context.host;
      assertWritable(host, liveSheet(host, t.sheet), 'RangeFill.clear');
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          const cell = t.sheet.cells.get(key(r, c));
          if (cell) {
            delete cell.fill;
            host.tidy(t.sheet, r, c);
          }
        }
      }
    });
  }
}

export class FakeRangeFont extends FakeObject<RangeTarget> {
  readonly _type = 'RangeFont';
  protected _props(): Record<string, PropDef<RangeTarget>> {
    const host = this.context.host;
    const setter =
      (apply: (cell: ReturnType<FakeWorkbook['mutableCell']>, v: unknown) => void) =>
      (t: RangeTarget, v: unknown, where: string) => {
        assertWritable(host, liveSheet(host, t.sheet), where);
        for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) apply(host.mutableCell(t.sheet, r, c), v);
      };
    return {
      bold: { get: (t) => common(t, (r, c) => !!t.sheet.cells.get(key(r, c))?.bold), set: setter((cell, v) => (cell.bold = !!v || undefined)) },
      italic: { get: (t) => common(t, (r, c) => !!t.sheet.cells.get(key(r, c))?.italic), set: setter((cell, v) => (cell.italic = !!v || undefined)) },
      color: {
        get: (t) => common(t, (r, c) => t.sheet.cells.get(key(r, c))?.fontColor ?? '#000000'),
        set: setter((cell, v) => (cell.fontColor = String(v).toUpperCase())),
      },
    };
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._set('bold', v);
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._set('italic', v);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v);
  }
}

// ---- conditional formats ------------------------------------------------------------------------

interface CfTarget {
  sheet: HostSheet;
  cf: HostConditionalFormat;
  /** The range of the collection the object came from: ids and positions are within it. */
  rect: Rect;
}

/** Conditional formats that meet `rect`, highest priority first. */
function cfsIn(sheet: HostSheet, rect: Rect): HostConditionalFormat[] {
  return sheet.cfs.filter((cf) => intersect(cf.area, rect));
}

/** Under the 'position' reading a conditional format object is a handle on a position. */
const positional = (host: FakeWorkbook) => host.readings.conditionalFormatIds === 'position';

export class FakeConditionalFormatCollection extends FakeCollection<RangeTarget, FakeConditionalFormat> {
  readonly _type = 'ConditionalFormatCollection';
  /** Conditional formats that meet the range, highest priority first. */
  _itemTargets(t: RangeTarget): unknown[] {
    return cfsIn(t.sheet, t.rect).map((cf, index) => ({ target: { sheet: t.sheet, cf, rect: t.rect }, index }));
  }
  _makeItem(item: unknown): FakeConditionalFormat {
    const { target, index } = item as { target: CfTarget; index: number };
    return this.at(index, () => target);
  }
  /** The object for position `index` (re-resolved at each action), or for one format (stable). */
  private at(index: number, stable: () => CfTarget | null, nullable = false): FakeConditionalFormat {
    if (!positional(this.context.host)) return new FakeConditionalFormat(this.context, stable, nullable);
    return new FakeConditionalFormat(
      this.context,
      () => {
        const t = this._need();
        const cf = cfsIn(t.sheet, t.rect)[index];
        return cf ? { sheet: t.sheet, cf, rect: t.rect } : null;
      },
      nullable,
    );
  }
  add(type: string): FakeConditionalFormat {
    let created: CfTarget | null = null;
    // The new format is "at the first/top priority": position 0 of this collection.
    const cf = this.at(0, () => created);
    this.context._enqueue({
      describe: { o: this._type, m: 'add', a: [type] },
      run: () => {
        const t = this._live('add')!;
        const host = this.context.host;
        assertWritable(host, liveSheet(host, t.sheet), 'ConditionalFormatCollection.add');
        if (!['Custom', 'DataBar', 'ColorScale', 'IconSet', 'CellValue'].includes(type)) throw invalidArgument('ConditionalFormatCollection.add', `The fake does not know conditional formats of type ${type}.`);
        created = { sheet: t.sheet, cf: host.addConditionalFormat(t.sheet, { ...t.rect }, type), rect: t.rect };
        cf._resolve();
      },
    });
    return cf;
  }
  /** Ids are positions ('position') or the format's own id ('stable'). */
  private byId(id: string): CfTarget | null {
    const t = this._need();
    const list = cfsIn(t.sheet, t.rect);
    const cf = positional(this.context.host) ? (/^\d+$/.test(id) ? list[Number(id)] : undefined) : list.find((x) => x.id === id);
    return cf ? { sheet: t.sheet, cf, rect: t.rect } : null;
  }
  getItem(id: string): FakeConditionalFormat {
    return this._child('getItem', [id], () =>
      positional(this.context.host) && /^\d+$/.test(id) ? this.at(Number(id), () => null) : new FakeConditionalFormat(this.context, () => this.byId(id)),
    );
  }
  getItemOrNullObject(id: string): FakeConditionalFormat {
    return this._child('getItemOrNullObject', [id], () =>
      positional(this.context.host) && /^\d+$/.test(id) ? this.at(Number(id), () => null, true) : new FakeConditionalFormat(this.context, () => this.byId(id), true),
    );
  }
  getItemAt(index: number): FakeConditionalFormat {
    return this._child('getItemAt', [index], () =>
      this.at(index, () => {
        const t = this._need();
        const cf = cfsIn(t.sheet, t.rect)[index];
        return cf ? { sheet: t.sheet, cf, rect: t.rect } : null;
      }),
    );
  }
  getCount(): FakeClientResult<number> {
    return this._result('getCount', [], (t) => cfsIn(t.sheet, t.rect).length);
  }
  clearAll(): void {
    this._call('clearAll', [], (t) => {
      const host = this.context.host;
      assertWritable(host, liveSheet(host, t.sheet), 'ConditionalFormatCollection.clearAll');
      t.sheet.cfs = t.sheet.cfs.filter((cf) => !intersect(cf.area, t.rect));
    });
  }
}

export class FakeConditionalFormat extends FakeObject<CfTarget> {
  readonly _type = 'ConditionalFormat';
  protected override _volatile(): boolean {
    return positional(this.context.host);
  }
  protected _props(): Record<string, PropDef<CfTarget>> {
    const host = this.context.host;
    return {
      // "The priority of the conditional format in the current ConditionalFormatCollection."
      id: { get: (t) => (positional(host) ? String(cfsIn(t.sheet, t.rect).indexOf(t.cf)) : t.cf.id) },
      type: { get: (t) => t.cf.type },
      priority: {
        get: (t) => t.sheet.cfs.indexOf(t.cf),
        set: (t, v, where) => {
          assertWritable(host, t.sheet, where);
          const list = t.sheet.cfs.filter((x) => x !== t.cf);
          let p = Number(v);
          // "Priorities greater than the bounds will get and set to the maximum (or minimum if negative) priority."
          if (p < 0) p = list.length + 1 + p;
          list.splice(Math.max(0, Math.min(list.length, p)), 0, t.cf);
          t.sheet.cfs = list;
        },
      },
      stopIfTrue: {
        get: (t) => t.cf.stopIfTrue,
        set: (t, v, where) => {
          assertWritable(host, t.sheet, where);
          t.cf.stopIfTrue = !!v;
        },
      },
    };
  }
  protected override _navDefs() {
    return { custom: () => this.custom, customOrNullObject: () => this.customOrNullObject };
  }
  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }
  set priority(v: number) {
    this._set('priority', v);
  }
  get stopIfTrue(): boolean {
    return this._get('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this._set('stopIfTrue', v);
  }
  get custom(): FakeCustomConditionalFormat {
    return this._nav('custom', () => new FakeCustomConditionalFormat(this.context, this._from(this, (t) => {
      if (t.cf.type !== 'Custom') throw invalidArgument('ConditionalFormat.custom');
      return t;
    })));
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this._nav('customOrNullObject', () => new FakeCustomConditionalFormat(this.context, this._from(this, (t) => (t.cf.type === 'Custom' ? t : null)), true));
  }
  delete(): void {
    this._call('delete', [], (t) => {
      const host = this.context.host;
      assertWritable(host, liveSheet(host, t.sheet), 'ConditionalFormat.delete');
      const i = t.sheet.cfs.indexOf(t.cf);
      if (i < 0) throw itemNotFound('ConditionalFormat.delete');
      t.sheet.cfs.splice(i, 1);
    });
  }
  getRange(): FakeRange {
    return this._child('getRange', [], () => new FakeRange(this.context, this._from(this, (t) => ({ sheet: t.sheet, rect: { ...t.cf.area } }))));
  }
  getRangeOrNullObject(): FakeRange {
    return this._child('getRangeOrNullObject', [], () => new FakeRange(this.context, this._from(this, (t) => ({ sheet: t.sheet, rect: { ...t.cf.area } })), true));
  }
}

/** What hangs off a conditional format follows it (re-resolved under the 'position' reading). */
abstract class FakeCfPart extends FakeObject<CfTarget> {
  protected override _volatile(): boolean {
    return positional(this.context.host);
  }
}

export class FakeCustomConditionalFormat extends FakeCfPart {
  readonly _type = 'CustomConditionalFormat';
  protected _props(): Record<string, PropDef<CfTarget>> {
    return {};
  }
  protected override _navDefs() {
    return { rule: () => this.rule, format: () => this.format };
  }
  get rule(): FakeConditionalFormatRule {
    return this._nav('rule', () => new FakeConditionalFormatRule(this.context, this._from(this, (t) => t)));
  }
  get format(): FakeConditionalRangeFormat {
    return this._nav('format', () => new FakeConditionalRangeFormat(this.context, this._from(this, (t) => t)));
  }
}

export class FakeConditionalFormatRule extends FakeCfPart {
  readonly _type = 'ConditionalFormatRule';
  protected _props(): Record<string, PropDef<CfTarget>> {
    const host = this.context.host;
    const set = (t: CfTarget, v: unknown, where: string) => {
      assertWritable(host, liveSheet(host, t.sheet), where);
      const f = String(v);
      if (!f.trim()) throw invalidArgument(where);
      t.cf.formula = f.startsWith('=') ? f : `=${f}`;
    };
    return { formula: { get: (t) => t.cf.formula, set }, formulaLocal: { get: (t) => t.cf.formula, set } };
  }
  get formula(): string {
    return this._get('formula');
  }
  set formula(v: string) {
    this._set('formula', v);
  }
  get formulaLocal(): string {
    return this._get('formulaLocal');
  }
}

export class FakeConditionalRangeFormat extends FakeCfPart {
  readonly _type = 'ConditionalRangeFormat';
  protected _props(): Record<string, PropDef<CfTarget>> {
    return {};
  }
  protected override _navDefs() {
    return { fill: () => this.fill, font: () => this.font };
  }
  get fill(): FakeConditionalRangeFill {
    return this._nav('fill', () => new FakeConditionalRangeFill(this.context, this._from(this, (t) => t)));
  }
  get font(): FakeConditionalRangeFont {
    return this._nav('font', () => new FakeConditionalRangeFont(this.context, this._from(this, (t) => t)));
  }
}

export class FakeConditionalRangeFill extends FakeCfPart {
  readonly _type = 'ConditionalRangeFill';
  protected _props(): Record<string, PropDef<CfTarget>> {
    const host = this.context.host;
    return {
      color: {
        get: (t) => t.cf.fill ?? null,
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          const color = String(v).toUpperCase();
          if (!/^#[0-9A-F]{6}$/.test(color)) throw invalidArgument(where);
          t.cf.fill = color;
        },
      },
    };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v);
  }
}

export class FakeConditionalRangeFont extends FakeCfPart {
  readonly _type = 'ConditionalRangeFont';
  protected _props(): Record<string, PropDef<CfTarget>> {
    const host = this.context.host;
    return {
      color: {
        get: (t) => t.cf.fontColor ?? null,
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          t.cf.fontColor = String(v).toUpperCase();
        },
      },
      bold: {
        get: (t) => !!t.cf.bold,
        set: (t, v, where) => {
          assertWritable(host, liveSheet(host, t.sheet), where);
          t.cf.bold = !!v;
        },
      },
    };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v);
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._set('bold', v);
  }
}

// ---- custom XML parts ---------------------------------------------------------------------------

export class FakeCustomXmlPartCollection extends FakeCollection<FakeWorkbook, FakeCustomXmlPart> {
  readonly _type = 'CustomXmlPartCollection';
  _itemTargets(host: FakeWorkbook): unknown[] {
    return host.customXmlParts;
  }
  _makeItem(target: unknown): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => target as HostXmlPart);
  }
  add(xml: string): FakeCustomXmlPart {
    let created: HostXmlPart | null = null;
    const part = new FakeCustomXmlPart(this.context, () => created);
    this.context._enqueue({
      describe: { o: this._type, m: 'add', a: [xml] },
      run: () => {
        const host = this._need();
        assertWritable(host, null, 'CustomXmlPartCollection.add');
        try {
          created = host.addXmlPart(xml);
        } catch (e) {
          throw invalidArgument('CustomXmlPartCollection.add', (e as Error).message);
        }
        part._resolve();
      },
    });
    return part;
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return this._child('getByNamespace', [namespaceUri], () => new FakeCustomXmlPartScopedCollection(this.context, () => {
      const host = this._resolve();
      return host ? { host, namespaceUri } : null;
    }));
  }
  getItem(id: string): FakeCustomXmlPart {
    return this._child('getItem', [id], () => new FakeCustomXmlPart(this.context, () => this._need().customXmlParts.find((p) => p.id === id) ?? null));
  }
  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return this._child('getItemOrNullObject', [id], () => new FakeCustomXmlPart(this.context, () => this._need().customXmlParts.find((p) => p.id === id) ?? null, true));
  }
  getCount(): FakeClientResult<number> {
    return this._result('getCount', [], (host) => host.customXmlParts.length);
  }
}

interface ScopedTarget {
  host: FakeWorkbook;
  namespaceUri: string;
}

export class FakeCustomXmlPartScopedCollection extends FakeCollection<ScopedTarget, FakeCustomXmlPart> {
  readonly _type = 'CustomXmlPartScopedCollection';
  _itemTargets(t: ScopedTarget): unknown[] {
    return t.host.customXmlParts.filter((p) => p.namespaceUri === t.namespaceUri);
  }
  _makeItem(target: unknown): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => target as HostXmlPart);
  }
  private only(): HostXmlPart | null {
    const list = this._itemTargets(this._need()) as HostXmlPart[];
    return list.length === 1 ? list[0] : null;
  }
  getOnlyItem(): FakeCustomXmlPart {
    return this._child('getOnlyItem', [], () => new FakeCustomXmlPart(this.context, () => {
      const p = this.only();
      if (!p) throw new FakeRichApiError('InvalidOperation', 'The collection does not contain exactly one item.', 'CustomXmlPartScopedCollection.getOnlyItem');
      return p;
    }));
  }
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return this._child('getOnlyItemOrNullObject', [], () => new FakeCustomXmlPart(this.context, () => (this._resolve() ? this.only() : null), true));
  }
  getItem(id: string): FakeCustomXmlPart {
    return this._child('getItem', [id], () => new FakeCustomXmlPart(this.context, () => (this._itemTargets(this._need()) as HostXmlPart[]).find((p) => p.id === id) ?? null));
  }
  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return this._child('getItemOrNullObject', [id], () => new FakeCustomXmlPart(this.context, () => (this._resolve() ? (this._itemTargets(this._need()) as HostXmlPart[]).find((p) => p.id === id) ?? null : null), true));
  }
  getCount(): FakeClientResult<number> {
    return this._result('getCount', [], (t) => this._itemTargets(t).length);
  }
}

export class FakeCustomXmlPart extends FakeObject<HostXmlPart> {
  readonly _type = 'CustomXmlPart';
  protected _props(): Record<string, PropDef<HostXmlPart>> {
    return { id: { get: (p) => p.id }, namespaceUri: { get: (p) => p.namespaceUri } };
  }
  get id(): string {
    return this._get('id');
  }
  get namespaceUri(): string {
    return this._get('namespaceUri');
  }
  getXml(): FakeClientResult<string> {
    return this._result('getXml', [], (p) => p.xml);
  }
  setXml(xml: string): void {
    this._call('setXml', [xml], (p) => {
      assertWritable(this.context.host, null, 'CustomXmlPart.setXml');
      let ns: string;
      try {
        ns = xmlNamespace(xml);
      } catch (e) {
        throw invalidArgument('CustomXmlPart.setXml', (e as Error).message);
      }
      p.xml = xml;
      p.namespaceUri = ns;
    });
  }
  delete(): void {
    this._call('delete', [], (p) => {
      const host = this.context.host;
      assertWritable(host, null, 'CustomXmlPart.delete');
      const i = host.customXmlParts.indexOf(p);
      if (i < 0) throw itemNotFound('CustomXmlPart.delete');
      host.customXmlParts.splice(i, 1);
    });
  }
}
