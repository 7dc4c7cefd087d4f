/** Range: values, formulas, formats, derived ranges, merged areas, special cells, insert and delete. */
import { MAX_COLUMNS, MAX_ROWS, Rect, intersect, rectA1, rectCells } from '../../domain/a1';
import { key, unkey } from '../workbook/host';
import { FakeConditionalFormatCollection } from './conditionalFormats';
import { FakeRichApiError, invalidArgument, itemNotFound } from './errors';
import { RangeTarget, assertWritable, checkOptions, cols, common, fillOptions, fillReport, forEachInput, liveSheet, matrix, rectsOf, rows, valueOf, writeContent } from './hostAccess';
import { FakeClientResult, FakeObject, PropDef, VIA_NULL } from './object';
import { FakeRangeAreas, FakeRangeFormat, FakeRangeSort } from './rangeParts';
import { FakeWorksheet } from './worksheet';

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
